import { type FdSlotSelectDetail, FrontdeskError, type ListingIssue, type Slot, type VisitType } from '@frontdesk/core';
import {
  baseStyles,
  devWarn,
  FrontdeskElement,
  fieldStyles,
  internals,
  LazyModule,
  LazyPart,
  LocalizeController,
  mixinFormAssociated,
  Resource,
  syncForm,
} from '@frontdesk/core/element';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BookingFlow, BookingHost } from './booking-flow.js';
import type { DaySlot } from './day-index.js';
import { whenLabel } from './labels.js';
import { type LoadInput, loadSetup, loadSlots, type Reports, type Setup } from './loaders.js';
import type { Model } from './model.js';
import type { PartHost } from './patient-part.js';
import { Picking } from './picking.js';
import type { CleanSlot } from './slot-cleaning.js';
import { slotPickerStyles } from './slot-picker.styles.js';
import type { Focus, Step } from './steps.js';
import { pickerStrings, type SlotPickerStrings } from './strings.js';
import type { WaitlistForm } from './waitlist-form.js';

/** The booking steps' code and styles: fetched once per page, when a patient first chooses a day. */
const bookingSteps = new LazyModule(() => import('./booking-flow.js'));
/** The waitlist form: fetched only when a patient asks to be told of an earlier time. */
const waitlistModule = new LazyModule(() => import('./waitlist-form.js'));
/** Visit type prices and money formatting: fetched with the prices, after the setup, never in the first wave. */
const priceModule = new LazyModule(() => import('./prices.js'));

/**
 * A month calendar of a provider's (or a location's) free times, the times of the chosen day, and (in `book` mode)
 * the steps that book one: who the visit is for, patient details, insurance, review, confirmation with an .ics file.
 * "New or existing patient" is asked first, then the visit type with its description and price. Time-zone correct,
 * keyboard and screen-reader friendly (focus always lands on the next decision; `focus()` does the same), and
 * form-associated: in `select` mode inside a `<form>`, the chosen slot id is the form value.
 *
 * @summary Find a free time with a provider or at a location, and book it.
 *
 * @fires fd-slot-select - The patient chose a time. Detail: `FdSlotSelectDetail` (slot id, start, end, provider,
 *   location, visit type, time zone shown).
 * @fires fd-booking-confirmed - The booking went through. Detail: `FdBookingConfirmedDetail` (booking id, status, slot;
 *   no patient details).
 * @fires fd-plan-select - The patient chose an insurance plan in the booking form (or none), so a cost estimate can
 *   follow it. Detail: `FdPlanSelectDetail` (`planId`; never the member id).
 * @fires fd-waitlist-join - The patient joined the waitlist for an earlier time. Detail: `FdWaitlistJoinDetail`
 *   (provider, visit type, first and last day; no patient details).
 * @fires fd-error - Something went wrong: a failed request, a misconfigured attribute, or slots left out as invalid
 *   (end before start, duplicates, overlaps, unknown statuses, missing offsets), or an issue the source reported
 *   about its listing (each once, recoverable). Detail: `FdErrorDetail`.
 *
 * @csspart base - The widget's outer box.
 * @csspart filters - The questions before the calendar: new or existing patient, and the visit type.
 * @csspart patient-type - The "have you been seen here before" question.
 * @csspart visit-type - The visit type choices (or the one visit type that fits).
 * @csspart calendar - The month calendar.
 * @csspart month-heading - The month and year above the grid.
 * @csspart month-button - The previous and next month buttons.
 * @csspart day - Each day of the month; also `day-available` and `day-selected`.
 * @csspart next-available - The "next available" button.
 * @csspart times - The panel of times for the chosen day.
 * @csspart time-group - One part of the day (morning, afternoon, evening).
 * @csspart time-button - Each time; also `time-button-selected`. A time with a known capacity says its openings.
 * @csspart zone - The time-zone line or control.
 * @csspart zone-button - The button that opens the time-zone menu.
 * @csspart zone-menu - The time-zone menu.
 * @csspart zone-option - Each zone in the menu.
 * @csspart selection - The chosen time, in `select` mode.
 * @csspart conflict - The notice shown when the chosen time was taken meanwhile.
 * @csspart details - The patient-details step.
 * @csspart error-summary - The list of problems in the patient details.
 * @csspart field-error - The message under a field.
 * @csspart review - The review step.
 * @csspart booking-error - Why booking failed (other than a conflict).
 * @csspart confirm-button - The button that books.
 * @csspart back-button - The buttons that go back a step.
 * @csspart continue-button - The button that leaves the details step.
 * @csspart confirmation - The confirmation.
 * @csspart instructions - The clinic's instructions in the confirmation.
 * @csspart notifications - What the server said it will send (email, text), when it said.
 * @csspart join-link - The link that joins a video visit, when the backend gave one.
 * @csspart calendar-link - The "Add to calendar" link (.ics download).
 * @csspart book-elsewhere - The step shown by read-only sources: a booking link or phone number.
 * @csspart booking-link - The link to the source's own booking page.
 * @csspart booking-phone - The phone number to call to book.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 * @csspart retry-button - Its retry button.
 * @csspart empty - The "no times" state.
 * @csspart waitlist-button - "Tell me if an earlier time opens", when the backend keeps a waitlist.
 * @csspart waitlist - The waitlist form (the days, the patient's details and contact) and its outcome.
 * @csspart waitlist-submit - The button that joins the waitlist.
 * @csspart waitlist-outcome - What joining (or leaving) the waitlist did.
 * @csspart leave-button - "Leave the waitlist", once on it.
 *
 * @cssprop --fd-slot-picker-accent - Selected day, time buttons and focus (default `--fd-color-accent`).
 * @cssprop --fd-slot-picker-on-accent - Text on the accent (default `--fd-color-on-accent`).
 * @cssprop --fd-slot-picker-available - Background of days that have times (default `--fd-color-surface-alt`).
 * @cssprop --fd-slot-picker-day-size - Height of a day in the grid (default `2.75em`).
 * @cssprop --fd-slot-picker-gap - Space between the calendar and the times (default `--fd-space`).
 * @cssprop --fd-slot-picker-radius - Corners of days and time buttons (default `--fd-radius`).
 */
export class FdSlotPicker extends mixinFormAssociated(FrontdeskElement) {
  static override styles = [baseStyles, fieldStyles, slotPickerStyles];

  static override properties = {
    provider: { reflect: true },
    location: { reflect: true },
    visitType: { attribute: 'visit-type', reflect: true },
    timezone: { reflect: true },
    start: { reflect: true },
    days: { type: Number, reflect: true },
    mode: { reflect: true },
    required: { type: Boolean, reflect: true },
    step: { state: true },
  };

  /** Id of the provider whose times are shown. Required unless `location` is given. */
  provider: string | undefined;
  /**
   * Only times at this location (an id); also sets the clinic's time zone. Default: every location of the provider.
   * Without `provider`, the location's own times (a source without practitioners, such as SMART Scheduling Links).
   */
  location: string | undefined;
  /**
   * The visit type (an id) the page books for; the patient can change it. Default: none until the patient answers
   * "new or existing patient" and chooses (a visit type that is the only one to fit is chosen for them).
   */
  visitType: string | undefined;
  /** IANA zone the times are shown in first. Default: the location's (the clinic's) zone. */
  timezone: string | undefined;
  /** First bookable day, `YYYY-MM-DD`. Default: today. */
  start: string | undefined;
  /** How many days ahead to offer, 1 to 366. Default 90. */
  days: number | undefined;
  /** `book` (default): choosing a time leads on to booking it. `select`: choosing a time is all; use it in a form. */
  mode: 'select' | 'book' | undefined;
  /** In `select` mode inside a form: a time must be chosen before the form submits. */
  required = false;

  protected step: Step = 'pick';

  private readonly l10n = new LocalizeController<SlotPickerStrings>(this, pickerStrings);
  private readonly picking = new Picking({
    element: this,
    strings: () => this.l10n.t,
    lang: () => this.l10n.lang,
    dir: () => this.l10n.dir,
    attributes: () => ({ timezone: this.timezone, start: this.start, days: this.days, visitType: this.visitType }),
    bookMode: () => this.bookMode,
    announce: (message) => this.announce(message),
    focus: (target) => this.focusAfterRender(target),
    chose: (model, entry, detail) => this.chose(model, entry, detail),
    price: (type) => this.priceText(type),
    choseDay: () => {
      // A chosen day usually leads to a chosen time: fetch the booking steps now, so they are ready then.
      if (this.bookMode) void this.loadFlow();
    },
    renderLoading: (lines) => this.renderLoading(undefined, lines),
    renderError: (error, retry) => this.renderError(error, retry),
    renderEmpty: (title, hint) => this.renderEmpty(title, hint),
  });
  private readonly steps = new LazyPart(this, bookingSteps, { styles: (module) => module.bookingStyles });
  private readonly waitlistPart = new LazyPart(this, waitlistModule, { styles: (module) => module.waitlistStyles });
  private waitlist: WaitlistForm | undefined;
  /** The waitlist form is open (under the times). */
  private waitlistOpen = false;
  private flow: BookingFlow | undefined;
  private flowLoading: Promise<BookingFlow | undefined> | undefined;
  private pendingFocus: Focus | undefined;
  private settledOnce = false;
  private focusOnReady = false;
  /** Source issues already reported: the same feed problem comes back with every listing of it. */
  private readonly issuesReported = new Set<string>();
  private readonly reports: Reports = {
    dropped: (what, dropped) => this.reportDropped(what, dropped),
    issues: (issues) => this.reportIssues(issues),
  };

  private readonly setup = new Resource(
    this,
    (adapter, signal) => {
      if (this.mode !== undefined && this.mode !== 'select' && this.mode !== 'book') {
        devWarn(`<fd-slot-picker mode="${String(this.mode).slice(0, 20)}"> is not select or book; using book.`);
      }
      return loadSetup(adapter, signal, this.loadInput(), this.reports);
    },
    () => [this.provider, this.location, this.visitType, this.timezone, this.start, this.days],
  );

  private readonly slots = new Resource(
    this,
    (adapter, signal) => loadSlots(adapter, signal, this.loadInput(), this.reports),
    () => [this.provider, this.location, this.start, this.days],
  );

  /** The price of each visit type without insurance, once the setup is known (code and all loaded then). */
  private readonly prices = new Resource(
    this,
    async (adapter, signal) => {
      const setup = this.setup.value;
      if (!setup?.capabilities.prices) return undefined;
      const module = await priceModule.load();
      return { prices: await module.loadPrices(adapter, signal, setup), formatMoney: module.formatMoney };
    },
    () => [this.setup.value],
  );

  /** The chosen slot's id (`select` mode's form value); setting it chooses that slot once the times are loaded. */
  get value(): string {
    return this.picking.chosenSlotId ?? '';
  }
  set value(id: string) {
    this.picking.chooseId(id || undefined);
  }

  /** The chosen slot, when the times are loaded. */
  get selectedSlot(): Slot | undefined {
    return this.chosenEntry()?.slot;
  }

  formResetCallback(): void {
    this.picking.chooseId(undefined);
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /**
   * Focus where the patient's next decision is: the first question not answered yet, else the calendar (in a later
   * step, its heading).
   */
  override focus(_options?: FocusOptions): void {
    if (this.step !== 'pick') {
      this.focusAfterRender('step');
      return;
    }
    // Still loading: the question or the calendar takes focus as soon as it is there.
    this.focusOnReady = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.dispose();
  }

  private get bookMode(): boolean {
    return this.mode !== 'select';
  }

  private loadInput(): LoadInput {
    const { provider, location, visitType, timezone, start, days } = this;
    return { provider, location, visitType, timezone, start, days };
  }

  private priceText(type: VisitType): string | undefined {
    const known = this.prices.status === 'ready' ? this.prices.value : undefined;
    const price = known?.prices.get(type.id);
    const cents = price?.cashPrice ?? price?.grossCharge;
    if (!known || !price || cents === undefined) return undefined;
    try {
      return this.l10n.t.withoutInsurance(known.formatMoney(cents, price.currency, this.l10n.lang));
    } catch {
      return undefined;
    }
  }

  /** Each issue the source reported about a listing, once, as a recoverable `fd-error`: the times still show. */
  private reportIssues(issues: readonly ListingIssue[] | undefined): void {
    for (const issue of issues ?? []) {
      const key = `${issue.code} ${issue.message}`;
      if (this.issuesReported.has(key)) continue;
      this.issuesReported.add(key);
      const kind = issue.code === 'stale' ? 'network' : 'invalid-response';
      this.reportError(new FrontdeskError(kind, `${issue.code}: ${issue.message}`, { field: issue.code }), true);
    }
  }

  private loadedSlots() {
    return this.slots.status === 'ready' ? this.slots.value : undefined;
  }

  private chosenEntry(): CleanSlot | undefined {
    return this.picking.chosenEntry(this.slots.value);
  }

  private model(setup: Setup): Model {
    return this.picking.model(setup, this.loadedSlots());
  }

  // ---- Lifecycle: form value, focus ----

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A slot chosen from outside (the value property, a restored form) is shown on its day once times are loaded.
    const entry = this.picking.chosenDay === undefined ? this.chosenEntry() : undefined;
    if (entry && this.setup.value) this.picking.showChosen(entry, this.model(this.setup.value).zone);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The base reloads on a changed adapter but not on a first one set after loading began without any (it then
    // shows "no adapter" for good); treat that first adapter as a change too.
    if (this.settledOnce && changed.has('adapter') && changed.get('adapter') === undefined && this.adapter) {
      void this.setup.reload();
      void this.slots.reload();
    }
    this.settledOnce = true;
    this[syncForm]();
    if (this.focusOnReady && this.setup.value && this.slots.status !== 'loading') {
      this.focusOnReady = false;
      this.pendingFocus = this.picking.nextDecision(this.model(this.setup.value));
    }
    this.applyFocus();
  }

  /** @internal */
  override [syncForm](): void {
    const value = this.bookMode ? null : (this.picking.chosenSlotId ?? null);
    this[internals].setFormValue(value, value);
    if (!this.bookMode && this.required && !value) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]') ?? undefined;
      this[internals].setValidity({ valueMissing: true }, this.l10n.t.requiredMessage, anchor);
    } else {
      this[internals].setValidity({});
    }
  }

  private focusAfterRender(target: Focus): void {
    this.pendingFocus = target;
    this.requestUpdate();
  }

  private applyFocus(): void {
    const focus = this.pendingFocus;
    if (!focus) return;
    this.pendingFocus = undefined;
    const root = this.renderRoot;
    const grid = () => root.querySelector<HTMLElement>('td[tabindex="0"]');
    let target: HTMLElement | null;
    if (focus === 'grid') target = grid();
    else if (typeof focus === 'string') target = root.querySelector<HTMLElement>(`[data-focus="${focus}"]`);
    else if ('slot' in focus)
      target = root.querySelector<HTMLElement>(`[data-slot="${CSS.escape(focus.slot)}"]`) ?? grid();
    else target = root.querySelector<HTMLElement>(`#f-${focus.field}:not(fieldset), [name="${focus.field}"]`);
    // A step whose code is still loading shows a skeleton: focus its heading once it arrives.
    if (!target && this.step !== 'pick' && !this.flow) this.pendingFocus = focus;
    target?.focus();
  }

  private goTo(step: Step, focus: Focus = 'step'): void {
    this.step = step;
    this.pendingFocus = focus;
  }

  // ---- Choosing, then the booking steps (loaded on demand) ----

  private chose(model: Model, entry: DaySlot, detail: FdSlotSelectDetail): void {
    this.emit('fd-slot-select', detail);
    if (!this.bookMode) {
      this.announce(this.l10n.t.selected(whenLabel(entry.startMs, model.zone, this.l10n.lang)));
      return;
    }
    const api = model.setup.capabilities.booking === 'api';
    this.goTo(api ? 'details' : 'elsewhere', api ? 'fields' : 'step');
    void this.loadFlow().then((flow) => {
      flow?.chose(model, entry);
      this.requestUpdate();
    });
  }

  /**
   * The booking steps, built once their code is here. Resolves to undefined when it cannot be fetched: that is
   * reported, and the patient is back at the times (a later choice tries the download again).
   */
  private loadFlow(): Promise<BookingFlow | undefined> {
    this.flowLoading ??= this.buildFlow().then((flow) => {
      if (!flow) this.flowLoading = undefined;
      return flow;
    });
    return this.flowLoading;
  }

  private async buildFlow(): Promise<BookingFlow | undefined> {
    const loaded = await this.steps.settle();
    if ('error' in loaded) {
      this.reportError(loaded.error, true);
      if (this.step !== 'pick') {
        this.announce(this.baseI18n.t.errorByKind(loaded.error.kind));
        const id = this.picking.chosenSlotId;
        this.goTo('pick', id ? { slot: id } : 'grid');
      }
      return undefined;
    }
    this.flow = await loaded.module.createBookingFlow(this.bookingHost());
    this.requestUpdate();
    return this.flow;
  }

  /** What the booking steps and the waitlist form both need from the picker. */
  private partHost(): PartHost {
    return {
      element: this,
      draftKey: this.id || `${this.provider ?? ''}|${this.location ?? ''}`,
      requestUpdate: () => this.requestUpdate(),
      resolveAdapter: () => this.resolveAdapter(),
      reportError: (error, recoverable) => this.reportError(error, recoverable),
      errorText: (error) => this.baseI18n.t.errorByKind(error.kind),
      announce: (message) => this.announce(message),
      focus: (target) => this.focusAfterRender(target),
    };
  }

  private bookingHost(): BookingHost {
    return {
      ...this.partHost(),
      go: (step, focus) => this.goTo(step, focus),
      confirmed: (detail) => this.emit('fd-booking-confirmed', detail),
      planChosen: (planId) => this.emit('fd-plan-select', { planId }),
      conflict: (entry) => this.showConflict(entry),
    };
  }

  /** The time was taken: back to that day's fresh times, with everything the patient typed kept. */
  private async showConflict(entry: CleanSlot): Promise<void> {
    const model = this.setup.value && this.model(this.setup.value);
    this.picking.showConflict(entry, model?.zone ?? 'UTC');
    this.goTo('pick', 'conflict');
    await this.slots.reload();
  }

  // ---- The waitlist (loaded on demand) ----

  /** Whether the patient can ask to be told of an earlier time: a backend that keeps a waitlist, a provider and type. */
  private waitlistFits(model: Model): boolean {
    const { capabilities, provider } = model.setup;
    return Boolean(
      this.bookMode && capabilities.waitlist && capabilities.booking === 'api' && provider && model.visitType,
    );
  }

  private async openWaitlist(): Promise<void> {
    this.waitlistOpen = true;
    this.waitlist?.reset();
    this.requestUpdate();
    if (this.waitlist) {
      this.focusAfterRender('waitlist');
      return;
    }
    const loaded = await this.waitlistPart.settle();
    if ('error' in loaded) {
      this.waitlistOpen = false;
      this.reportError(loaded.error, true);
      this.announce(this.baseI18n.t.errorByKind(loaded.error.kind));
      this.requestUpdate();
      return;
    }
    this.waitlist = await loaded.module.createWaitlistForm({
      ...this.partHost(),
      close: () => {
        this.waitlistOpen = false;
        this.focusAfterRender('waitlist-button');
      },
      joined: (detail) => this.emit('fd-waitlist-join', detail),
    });
    this.focusAfterRender('waitlist');
  }

  private renderWaitlist(model: Model): unknown {
    if (!this.waitlistFits(model)) return nothing;
    if (this.waitlistOpen) {
      return this.waitlist ? this.waitlist.render(model, this.picking.chosenDay) : this.renderLoading(undefined, 3);
    }
    return html`<p>
      <button type="button" class="fd-button secondary" part="waitlist-button" data-focus="waitlist-button"
        @click=${() => void this.openWaitlist()}>${this.l10n.t.waitlistOffer}</button>
    </p>`;
  }

  // ---- Rendering ----

  private setupTitle(error: FrontdeskError): string {
    const t = this.l10n.t;
    if (error.field === 'provider') return error.kind === 'not-found' ? t.unknownProvider : t.noLocation;
    if (error.field === 'visit-type') return t.unknownVisitType;
    if (error.field === 'location') return t.unknownLocation;
    return error.kind === 'invalid-input' ? t.badAttribute : this.baseI18n.t.errorTitle;
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">${this.renderBody()}${this.renderAnnouncer()}</div>`;
  }

  private renderBody(): unknown {
    const setup = this.setup;
    if (setup.status === 'loading') return this.renderLoading(undefined, 4);
    if (setup.status === 'error' && setup.error) {
      const error = setup.error;
      const fixable = error.kind !== 'invalid-input' && error.kind !== 'not-found';
      return this.renderError(error, fixable ? () => void setup.reload() : undefined, this.setupTitle(error));
    }
    const model = this.model(setup.value!);
    const entry = this.chosenEntry();
    const steps = this.step !== 'pick' && (entry || this.step === 'done');
    if (!steps) return html`${this.picking.render(model, this.slots)}${this.renderWaitlist(model)}`;
    if (!this.flow) return this.renderLoading(undefined, 4);
    return this.flow.render(this.step, model, entry);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-slot-picker': FdSlotPicker;
  }
}
