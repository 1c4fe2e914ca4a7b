import { type DayKey, type FrontdeskError, type PartOfDay, type Slot, toFrontdeskError } from '@frontdesk/core';
import { baseStyles, devWarn, FrontdeskElement, LocalizeController, Resource } from '@frontdesk/core/element';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BookingFlow, BookingHost } from './booking-flow.js';
import { applyMove, moveForKey, timeKeyTarget } from './calendar-keys.js';
import { DEFAULT_DAYS } from './config.js';
import { type DaySlot, nextAvailableDay } from './day-index.js';
import type { SlotSelectDetail } from './events.js';
import { weekStartFor } from './intl.js';
import { dayName, whenLabel, zoneName, zoneOptions } from './labels.js';
import { type LoadInput, loadSetup, loadSlots, type Setup } from './loaders.js';
import { MenuController } from './menu-controller.js';
import { type Model, ModelBuilder } from './model.js';
import type { CleanSlot } from './slot-cleaning.js';
import { slotPickerStyles } from './slot-picker.styles.js';
import type { Focus, Step } from './steps.js';
import { type SlotPickerStrings, stringsEn } from './strings.js';
import { renderCalendar } from './views/calendar-view.js';
import { type Modality, renderFilters } from './views/filters-view.js';
import { renderTimes } from './views/times-view.js';
import { renderZoneControl } from './views/zone-view.js';
import { ZoneClock } from './zone-clock.js';

/**
 * A month calendar of a provider's free times, the times of the chosen day, and (in `book` mode) the steps that book
 * one: patient details, review, confirmation with an .ics file. Time-zone correct, keyboard and screen-reader
 * friendly, and form-associated: in `select` mode inside a `<form>`, the chosen slot id is the form value.
 *
 * @summary Find a free time with a provider and book it.
 *
 * @fires fd-slot-select - The patient chose a time. Detail: `SlotSelectDetail` (slot id, start, end, provider,
 *   location, visit type, time zone shown).
 * @fires fd-booking-confirmed - The booking went through. Detail: `BookingConfirmedDetail` (booking id, status, slot;
 *   no patient details).
 * @fires fd-error - Something went wrong: a failed request, a misconfigured attribute, or slots left out as invalid
 *   (end before start, duplicates, overlaps, unknown statuses, missing offsets). Detail: `FdErrorDetail`.
 *
 * @csspart base - The widget's outer box.
 * @csspart filters - The visit type and in person / video filters.
 * @csspart visit-type - The visit type select.
 * @csspart calendar - The month calendar.
 * @csspart month-heading - The month and year above the grid.
 * @csspart month-button - The previous and next month buttons.
 * @csspart day - Each day of the month; also `day-available` and `day-selected`.
 * @csspart next-available - The "next available" button.
 * @csspart times - The panel of times for the chosen day.
 * @csspart time-group - One part of the day (morning, afternoon, evening).
 * @csspart time-button - Each time; also `time-button-selected`.
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
 * @csspart calendar-link - The "Add to calendar" link (.ics download).
 * @csspart book-elsewhere - The step shown by read-only sources: a booking link or phone number.
 * @csspart booking-link - The link to the source's own booking page.
 * @csspart booking-phone - The phone number to call to book.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 * @csspart retry-button - Its retry button.
 * @csspart empty - The "no times" state.
 *
 * @cssprop --fd-slot-picker-accent - Selected day, time buttons and focus (default `--fd-color-accent`).
 * @cssprop --fd-slot-picker-on-accent - Text on the accent (default `--fd-color-on-accent`).
 * @cssprop --fd-slot-picker-available - Background of days that have times (default `--fd-color-surface-alt`).
 * @cssprop --fd-slot-picker-day-size - Height of a day in the grid (default `2.75rem`).
 * @cssprop --fd-slot-picker-gap - Space between the calendar and the times (default `--fd-space`).
 * @cssprop --fd-slot-picker-radius - Corners of days and time buttons (default `--fd-radius`).
 */
export class FdSlotPicker extends FrontdeskElement {
  static formAssociated = true;
  static override styles = [baseStyles, slotPickerStyles];

  static override properties = {
    provider: { reflect: true },
    location: { reflect: true },
    visitType: { attribute: 'visit-type', reflect: true },
    timezone: { reflect: true },
    start: { reflect: true },
    days: { type: Number, reflect: true },
    mode: { reflect: true },
    required: { type: Boolean, reflect: true },
    name: { reflect: true },
    step: { state: true },
    userZone: { state: true },
    modality: { state: true },
    visitTypeChoice: { state: true },
    focusedDay: { state: true },
    chosenDay: { state: true },
    chosenSlotId: { state: true },
    activeTimes: { state: true },
    conflictDay: { state: true },
  };

  /** Id of the provider whose times are shown. Required. */
  provider: string | undefined;
  /** Only times at this location (an id); also sets the clinic's time zone. Default: every location of the provider. */
  location: string | undefined;
  /** The visit type chosen first (an id); the patient can change it. Default: the provider's first. */
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
  /** The form field name the chosen slot id is submitted under (`select` mode). */
  name: string | undefined;

  protected step: Step = 'pick';
  protected userZone: string | undefined;
  protected modality: Modality = 'any';
  protected visitTypeChoice: string | undefined;
  protected focusedDay: DayKey | undefined;
  protected chosenDay: DayKey | undefined;
  protected chosenSlotId: string | undefined;
  protected activeTimes: Partial<Record<PartOfDay, string>> = {};
  protected conflictDay: DayKey | undefined;

  private readonly internals = this.attachInternals();
  private readonly l10n = new LocalizeController<SlotPickerStrings>(this, {
    en: stringsEn,
    es: () => import('./strings.es.js').then((module) => module.stringsEs),
  });
  private readonly zoneMenu = new MenuController(this, () => ({
    button: this.renderRoot.querySelector<HTMLElement>('#zone-button'),
    menu: this.renderRoot.querySelector<HTMLElement>('#zone-menu'),
  }));
  private readonly models = new ModelBuilder();
  private flow: BookingFlow | undefined;
  private flowLoading: Promise<BookingFlow | undefined> | undefined;
  private pendingFocus: Focus | undefined;
  private settledOnce = false;

  private readonly setup = this.track(
    new Resource(
      this,
      (adapter, signal) => {
        if (this.mode !== undefined && this.mode !== 'select' && this.mode !== 'book') {
          devWarn(`<fd-slot-picker mode="${String(this.mode).slice(0, 20)}"> is not select or book; using book.`);
        }
        return loadSetup(adapter, signal, this.loadInput(), (what, dropped) => this.reportDropped(what, dropped));
      },
      () => [this.provider, this.location, this.visitType, this.timezone, this.start, this.days],
    ),
  );

  private readonly slots = this.track(
    new Resource(
      this,
      (adapter, signal) =>
        loadSlots(adapter, signal, this.loadInput(), (what, dropped) => this.reportDropped(what, dropped)),
      () => [this.provider, this.location, this.start, this.days],
    ),
  );

  /** The chosen slot's id (`select` mode's form value); setting it chooses that slot once the times are loaded. */
  get value(): string {
    return this.chosenSlotId ?? '';
  }
  set value(id: string) {
    this.chosenSlotId = id || undefined;
    this.chosenDay = undefined;
  }

  /** The chosen slot, when the times are loaded. */
  get selectedSlot(): Slot | undefined {
    return this.chosenEntry()?.slot;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    this.chosenSlotId = undefined;
    this.chosenDay = undefined;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flow?.dispose();
  }

  private get t(): SlotPickerStrings {
    return this.l10n.t;
  }

  private get bookMode(): boolean {
    return this.mode !== 'select';
  }

  private loadInput(): LoadInput {
    const { provider, location, visitType, timezone, start, days } = this;
    return { provider, location, visitType, timezone, start, days };
  }

  private chosenEntry(): CleanSlot | undefined {
    return this.chosenSlotId ? this.slots.value?.byId.get(this.chosenSlotId) : undefined;
  }

  private model(setup: Setup): Model {
    const slots = this.slots.status === 'ready' ? this.slots.value : undefined;
    return this.models.build(setup, slots, {
      userZone: this.userZone,
      timezone: this.timezone,
      start: this.start,
      days: this.days,
      modality: this.modality,
      visitTypeChoice: this.visitTypeChoice,
      visitType: this.visitType,
    });
  }

  // ---- Lifecycle: form value, focus ----

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A slot chosen from outside (the value property, a restored form) is shown on its day once times are loaded.
    const entry = this.chosenDay === undefined ? this.chosenEntry() : undefined;
    if (entry && this.setup.value) {
      this.chosenDay = new ZoneClock(this.model(this.setup.value).zone).wallTime(entry.startMs).day;
      this.focusedDay = this.chosenDay;
    }
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
    this.syncForm();
    this.applyFocus();
  }

  private syncForm(): void {
    const value = this.bookMode ? null : (this.chosenSlotId ?? null);
    this.internals.setFormValue(value, value);
    if (!this.bookMode && this.required && !value) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.t.requiredMessage, anchor);
    } else {
      this.internals.setValidity({});
    }
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

  // ---- The booking steps, loaded on demand ----

  /**
   * The booking steps' code, fetched once. Resolves to undefined when it cannot be fetched: that is reported, and the
   * patient is back at the times.
   */
  private loadFlow(): Promise<BookingFlow | undefined> {
    this.flowLoading ??= import('./booking-flow.js').then(
      async ({ createBookingFlow, bookingStyles }) => {
        // The steps bring their own styles, added beside the picker's.
        if (this.shadowRoot) adoptStyles(this.shadowRoot, [...FdSlotPicker.elementStyles, bookingStyles]);
        this.flow = await createBookingFlow(this.bookingHost());
        this.requestUpdate();
        return this.flow;
      },
      (thrown: unknown) => {
        this.flowLoading = undefined; // a later choice tries again
        const error = toFrontdeskError(thrown);
        this.reportError(error, true);
        if (this.step !== 'pick') {
          this.announce(this.baseI18n.t.errorByKind(error.kind));
          this.goTo('pick', this.chosenSlotId ? { slot: this.chosenSlotId } : 'grid');
        }
        return undefined;
      },
    );
    return this.flowLoading;
  }

  private bookingHost(): BookingHost {
    return {
      element: this,
      requestUpdate: () => this.requestUpdate(),
      resolveAdapter: () => this.resolveAdapter(),
      reportError: (error, recoverable) => this.reportError(error, recoverable),
      errorText: (error) => this.baseI18n.t.errorByKind(error.kind),
      announce: (message) => this.announce(message),
      go: (step, focus) => this.goTo(step, focus),
      focus: (target) => {
        this.pendingFocus = target;
        this.requestUpdate();
      },
      confirmed: (detail) => this.emit('fd-booking-confirmed', detail),
      conflict: (entry) => this.showConflict(entry),
    };
  }

  /** The time was taken: back to that day's fresh times, with everything the patient typed kept. */
  private async showConflict(entry: CleanSlot): Promise<void> {
    const model = this.setup.value && this.model(this.setup.value);
    const day = new ZoneClock(model?.zone ?? 'UTC').wallTime(entry.startMs).day;
    this.chosenSlotId = undefined;
    this.chosenDay = day;
    this.focusedDay = day;
    this.conflictDay = day;
    this.activeTimes = {};
    this.goTo('pick', 'conflict');
    await this.slots.reload();
  }

  // ---- Choosing a day and a time ----

  private chooseDay(model: Model, day: DayKey): void {
    this.focusedDay = day;
    const count = model.index?.byDay.get(day)?.length ?? 0;
    if (count === 0) {
      this.announce(this.t.noTimesOnDay(dayName(day, this.l10n.lang)));
      return;
    }
    if (this.chosenDay !== day) this.activeTimes = {};
    this.chosenDay = day;
    this.conflictDay = undefined;
    this.announce(this.t.timesFound(count, dayName(day, this.l10n.lang)));
    // A chosen day usually leads to a chosen time: fetch the booking steps now, so they are ready then.
    if (this.bookMode) void this.loadFlow();
  }

  private focusedOf(model: Model): DayKey {
    const candidate = this.focusedDay ?? this.chosenDay;
    if (candidate && candidate >= model.firstDay && candidate <= model.lastDay) return candidate;
    return (model.index && nextAvailableDay(model.index, model.firstDay)) ?? model.firstDay;
  }

  private onGridKeydown(model: Model, event: KeyboardEvent): void {
    const focused = this.focusedOf(model);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.chooseDay(model, focused);
      return;
    }
    const move = moveForKey(event, this.l10n.dir);
    if (!move) return;
    event.preventDefault();
    this.focusedDay = applyMove(focused, move, weekStartFor(this.l10n.lang), model.firstDay, model.lastDay);
    this.pendingFocus = 'grid';
  }

  private onTimesKeydown(event: KeyboardEvent, part: PartOfDay, slots: readonly DaySlot[]): void {
    const ids = slots.map((entry) => entry.slot.id);
    const next = timeKeyTarget(
      event.key,
      this.l10n.dir,
      ids.indexOf((event.target as HTMLElement).dataset.slot ?? ''),
      ids.length,
    );
    if (next === undefined) return;
    event.preventDefault();
    const id = ids[next]!;
    this.activeTimes = { ...this.activeTimes, [part]: id };
    this.pendingFocus = { slot: id };
  }

  private chooseSlot(model: Model, entry: DaySlot): void {
    this.chosenSlotId = entry.slot.id;
    this.conflictDay = undefined;
    const detail: SlotSelectDetail = {
      slotId: entry.slot.id,
      start: entry.slot.start,
      end: entry.slot.end,
      providerId: entry.slot.providerId,
      locationId: entry.slot.locationId,
      visitTypeId: model.visitType?.id,
      timeZone: model.zone,
    };
    this.emit('fd-slot-select', detail);
    if (!this.bookMode) {
      this.announce(this.t.selected(whenLabel(entry.startMs, model.zone, this.l10n.lang)));
      return;
    }
    this.goTo(model.setup.capabilities.booking === 'api' ? 'details' : 'elsewhere');
    void this.loadFlow().then((flow) => {
      flow?.chose(model);
      this.requestUpdate();
    });
  }

  private pickZone(zone: string): void {
    this.userZone = zone;
    this.zoneMenu.hide(true);
    const entry = this.chosenEntry();
    // The instants stay the same; only the day a time falls on may change with the zone.
    if (entry) {
      this.chosenDay = new ZoneClock(zone).wallTime(entry.startMs).day;
      this.focusedDay = this.chosenDay;
    }
    this.announce(this.t.zoneChanged(zoneName(zone, this.l10n.lang, Date.now())));
  }

  private chooseVisitType(id: string): void {
    this.visitTypeChoice = id;
    const slot = this.chosenEntry()?.slot;
    if (slot && slot.visitTypeIds.length > 0 && !slot.visitTypeIds.includes(id)) this.chosenSlotId = undefined;
  }

  private chooseModality(model: Model, modality: Modality): void {
    this.modality = modality;
    const fits = (id: string | undefined) =>
      model.setup.visitTypes.find(
        (type) => (id === undefined || type.id === id) && (modality === 'any' || type.modality === modality),
      );
    if (!fits(this.visitTypeChoice ?? this.visitType)) {
      const first = fits(undefined);
      if (first) this.chooseVisitType(first.id);
    }
  }

  // ---- Rendering ----

  private setupTitle(error: FrontdeskError): string {
    const { t } = this;
    if (error.field === 'provider') return error.kind === 'not-found' ? t.unknownProvider : t.noProvider;
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
    if (!steps) return this.renderPick(model);
    if (!this.flow) return this.renderLoading(undefined, 4);
    return this.flow.render(this.step, model, entry);
  }

  private renderPick(model: Model): TemplateResult {
    const { t } = this;
    const lang = this.l10n.lang;
    const filters = renderFilters({
      t,
      visitTypes: model.visitTypes,
      visitTypeId: model.visitType?.id,
      modality: this.modality,
      showModality: new Set(model.setup.visitTypes.map((type) => type.modality)).size > 1,
      onVisitType: (id) => this.chooseVisitType(id),
      onModality: (modality) => this.chooseModality(model, modality),
    });
    const conflict = this.conflictDay
      ? html`<div class="notice warning" part="conflict">
          <h3 tabindex="-1" data-focus="conflict" class="notice-title">${t.conflictTitle}</h3>
          <p>${t.conflictText(dayName(this.conflictDay, lang))}</p>
        </div>`
      : nothing;
    const selected = this.bookMode ? undefined : this.chosenEntry();
    const selection = selected
      ? html`<p class="chosen" part="selection">${t.selected(whenLabel(selected.startMs, model.zone, lang))}</p>`
      : nothing;
    return html`${conflict}${filters}${this.renderAvailability(model)}${selection}`;
  }

  private renderAvailability(model: Model): unknown {
    const { t } = this;
    const slots = this.slots;
    if (slots.status === 'loading') return this.renderLoading(undefined, 5);
    if (slots.status === 'error' && slots.error) return this.renderError(slots.error, () => void slots.reload());
    const index = model.index;
    if (!index || !model.visitType) return nothing;
    if (index.days.length === 0) {
      return this.renderEmpty(t.noAvailability(this.days ?? DEFAULT_DAYS), t.noAvailabilityHint);
    }
    const lang = this.l10n.lang;
    const weekStart = weekStartFor(lang);
    const focused = this.focusedOf(model);
    const chosen = this.chosenDay;
    const next = nextAvailableDay(index, chosen ?? model.firstDay, chosen !== undefined);
    return html`<div class="pick" part="pick">
      ${renderCalendar({
        t,
        lang,
        weekStart,
        focused,
        chosen,
        today: model.today,
        firstDay: model.firstDay,
        lastDay: model.lastDay,
        count: (day) => index.byDay.get(day)?.length ?? 0,
        nextAvailable: next,
        onKeydown: (event) => this.onGridKeydown(model, event),
        onChoose: (day) => this.chooseDay(model, day),
        onMonth: (delta) => {
          const move = delta < 0 ? 'previousMonth' : 'nextMonth';
          this.focusedDay = applyMove(focused, move, weekStart, model.firstDay, model.lastDay);
        },
        onNextAvailable: () => next && this.chooseDay(model, next),
      })}
      ${renderTimes({
        t,
        lang,
        timeZone: model.zone,
        day: chosen,
        slots: chosen ? (index.byDay.get(chosen) ?? []) : [],
        mode: this.bookMode ? 'book' : 'select',
        selectedId: this.chosenSlotId,
        active: this.activeTimes,
        zoneControl: renderZoneControl({
          t,
          current: model.zone,
          options: zoneOptions(t, lang, model.setup.clinicZone, this.timezone),
          menu: this.zoneMenu,
          onPick: (zone) => this.pickZone(zone),
        }),
        onChoose: (slot) => this.chooseSlot(model, slot),
        onKeydown: (event, part, slots) => this.onTimesKeydown(event, part, slots),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-slot-picker': FdSlotPicker;
  }
}
