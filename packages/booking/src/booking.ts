import {
  type Booking,
  type FdSlotSelectDetail,
  FrontdeskError,
  newIdempotencyKey,
  type Slot,
  telHref,
  toFrontdeskError,
} from '@frontdesk/core';
import {
  baseStyles,
  FrontdeskElement,
  fieldStyles,
  LazyModule,
  LocalizeController,
  Resource,
} from '@frontdesk/core/element';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { bookingStyles } from './booking.styles.js';
import { bookingStrings, type FdBookingStrings } from './strings.js';
import {
  loadOffer,
  loadVisit,
  type OfferFacts,
  placeText,
  type VisitFacts,
  visitTime,
  visitZone,
  visitZoneName,
} from './visit-facts.js';

/** What every booking event says of the visit: which booking, when and where, never who. */
function visitOf(booking: Booking) {
  return {
    bookingId: booking.id,
    slot: booking.slot,
    visitTypeId: booking.visitTypeId,
    providerId: booking.providerId ?? booking.slot.providerId,
    locationId: booking.location?.id ?? booking.slot.locationId,
  };
}

/** The slot picker, fetched when the patient first asks to change the time: seeing or cancelling a visit never loads it. */
const pickerModule = new LazyModule(() => import('@frontdesk/slot-picker/define'));

/** The longest reason the server keeps. */
const REASON_LIMIT = 1000;

type Mode =
  | { kind: 'view' }
  | { kind: 'cancel'; busy: boolean }
  | { kind: 'reschedule'; chosen: FdSlotSelectDetail | undefined; busy: boolean; picker: 'loading' | 'ready' };

/** What the last action came to, shown (and announced) above the visit until the next one. */
type Outcome =
  | { kind: 'cancelled' }
  | { kind: 'moved' }
  | { kind: 'claimed' }
  | { kind: 'taken'; previous: string }
  | { kind: 'started' }
  | { kind: 'failed'; words: string };

/**
 * A secret in the page's address as the server's links carry it: the manage token (`#token=...`) or a waitlist offer's
 * (`#offer=...`); undefined when absent.
 */
function fromFragment(name: 'token' | 'offer'): string | undefined {
  const hash = globalThis.location?.hash ?? '';
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(name);
  return token || undefined;
}

/** The fragment holds a secret: once read, it leaves the address bar (and so the history, bookmarks and screenshots). */
function clearFragment(): void {
  try {
    const { pathname, search } = globalThis.location;
    globalThis.history.replaceState(globalThis.history.state, '', `${pathname}${search}`);
  } catch {
    // A sandboxed frame may refuse; the page still works.
  }
}

/**
 * The patient's own visit, opened from the link in their confirmation or any message about it: when (in the clinic's
 * zone, named), with whom, what kind of visit, where or how to join; cancel it (after a confirmation step, with an
 * optional reason only the clinic reads) or move it to another time with the same provider and visit type (chosen in
 * a slot picker; the server moves it in one step, and a time taken meanwhile says so and keeps the visit as it was).
 * Each outcome is announced.
 *
 * The manage token comes from the `token` attribute, or else from the page's address (`#token=...`, as the server's
 * links carry it), which is then cleared from the address bar. It is a secret: it never goes into a URL the widget
 * requests (REST sends it in the path of a same-origin API call), an event or a log.
 *
 * A waitlist offer link (`#offer=...`, or the `offer` attribute) shows the time offered and a Claim button: the first
 * patient to claim it gets it (a new visit, or theirs moved), and the visit is then shown as above; a time claimed by
 * someone else, or an offer run out, is said plainly.
 *
 * @summary A patient's booking from its manage link: see it, cancel it or move it.
 *
 * @fires fd-booking-cancel - The visit was cancelled. Detail: `FdBookingCancelDetail` (booking id, slot, visit type,
 *   provider, location; never the reason).
 * @fires fd-booking-reschedule - The visit was moved. Detail: `FdBookingRescheduleDetail` (the new and the previous
 *   slot, the new sequence).
 * @fires fd-offer-claim - A waitlist offer was claimed. Detail: `FdOfferClaimDetail` (booking id, slot, visit type,
 *   provider, location, and whether it moved the patient's existing booking); no patient data.
 * @fires fd-error - No token, a token the clinic does not know (`not-found`), a backend that cannot manage bookings
 *   (`unsupported`), a time taken meanwhile (`conflict`, recoverable) or an outage. Detail: `FdErrorDetail`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The widget heading.
 * @csspart visit - The list of the visit's facts.
 * @csspart status - Whether the visit is booked or cancelled.
 * @csspart join-link - A video visit's join link.
 * @csspart actions - The buttons under the visit.
 * @csspart cancel-button - "Cancel this visit".
 * @csspart reschedule-button - "Change the time".
 * @csspart cancel-form - The cancellation step, with the optional reason.
 * @csspart reason - The reason's text area.
 * @csspart confirm-cancel-button - "Yes, cancel the visit".
 * @csspart reschedule - The step with the slot picker.
 * @csspart move-button - "Move my visit to ...".
 * @csspart outcome - What the last action came to.
 * @csspart offer - The time a waitlist offer holds out.
 * @csspart claim-button - "Claim this time".
 * @csspart offer-status - Why an offer can no longer be claimed (taken, run out).
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 *
 * @cssprop --fd-booking-gap - Space between parts (default `--fd-space`).
 * @cssprop --fd-booking-border - The visit box's border (default `--fd-color-divider`).
 */
export class FdBooking extends FrontdeskElement {
  static override styles = [baseStyles, fieldStyles, bookingStyles];

  static override properties: PropertyDeclarations = {
    ...FrontdeskElement.properties,
    token: {},
    offer: {},
    start: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    mode: { state: true },
    outcome: { state: true },
    reason: { state: true },
    claim: { state: true },
  };

  /**
   * The booking's manage token. Default: `#token=...` in the page's address, which is then removed from the address
   * bar. Prefer the address: a token in the page's HTML is kept by caches and history.
   */
  token: string | undefined;
  /**
   * A waitlist offer's token: the offered time is shown with a Claim button. Default: `#offer=...` in the page's
   * address (as the waitlist's messages link it), which is then removed from the address bar.
   */
  offer: string | undefined;
  /** The first day offered when moving the visit, `YYYY-MM-DD` (passed to the slot picker). Default: today. */
  start: string | undefined;
  /** The level of the widget's heading, 1 to 6. Default 2. */
  headingLevel: number | undefined;

  protected mode: Mode = { kind: 'view' };
  protected outcome: Outcome | undefined;
  protected reason = '';
  /** Claiming the offer: under way, done (the visit shown), or refused (the offer shown again as it is now). */
  protected claim: 'idle' | 'busy' | 'done' = 'idle';

  private readonly l10n = new LocalizeController<FdBookingStrings>(this, bookingStrings);
  /** The token read from the address, kept here once the address is cleared. */
  private fragmentToken: string | undefined;
  /** The offer token read from the address, kept here once the address is cleared. */
  private fragmentOffer: string | undefined;
  /** The manage token a claimed offer answered with: the visit it booked is managed with it. */
  private claimedToken: string | undefined;
  /** One key per attempt: pressing again after a lost answer repeats the same request. */
  private attemptKey: { action: string; key: string } | undefined;

  private readonly visit = new Resource<VisitFacts | undefined>(
    this,
    (adapter, signal) => {
      const token = this.currentToken();
      // An offer link has no visit to show until the offer is claimed.
      if (!token && this.currentOffer()) return Promise.resolve(undefined);
      if (!token) throw new FrontdeskError('invalid-input', 'no manage token: set token or open the page with #token=');
      return loadVisit(adapter, token, signal);
    },
    () => [this.token],
  );

  private readonly offered = new Resource<OfferFacts | undefined>(
    this,
    (adapter, signal) => {
      const token = this.currentOffer();
      return token ? loadOffer(adapter, token, signal) : Promise.resolve(undefined);
    },
    () => [this.offer],
  );

  override connectedCallback(): void {
    if (!this.token && !this.fragmentToken && !this.offer && !this.fragmentOffer) {
      this.fragmentToken = fromFragment('token');
      this.fragmentOffer = fromFragment('offer');
      if (this.fragmentToken || this.fragmentOffer) clearFragment();
    }
    super.connectedCallback();
  }

  private currentToken(): string | undefined {
    return this.token?.trim() || this.fragmentToken || this.claimedToken;
  }

  private currentOffer(): string | undefined {
    return this.offer?.trim() || this.fragmentOffer;
  }

  private get t(): FdBookingStrings {
    return this.l10n.t;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('token') || changed.has('offer')) && this.hasUpdated) {
      this.mode = { kind: 'view' };
      this.outcome = undefined;
      if (changed.has('offer')) {
        this.claim = 'idle';
        this.claimedToken = undefined;
      }
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('mode') || changed.has('outcome') || changed.has('claim')) this.focusStep();
  }

  /** Focus follows the step: the cancel question, the picker, or the outcome's words. */
  private focusStep(): void {
    const target =
      this.claim === 'idle' && this.offered.value && this.offered.value.offer.status !== 'open'
        ? this.renderRoot.querySelector<HTMLElement>('[data-focus="offer-status"]')
        : this.outcome && this.mode.kind === 'view'
          ? this.renderRoot.querySelector<HTMLElement>('[data-focus="outcome"]')
          : this.mode.kind !== 'view'
            ? this.renderRoot.querySelector<HTMLElement>('[data-focus="step"]')
            : undefined;
    target?.focus();
  }

  private key(action: string): string {
    if (this.attemptKey?.action !== action) this.attemptKey = { action, key: newIdempotencyKey() };
    return this.attemptKey.key;
  }

  private whenText(facts: VisitFacts, slot: Slot = facts.booking.slot): string {
    return visitTime(Date.parse(slot.start), visitZone(facts), this.l10n.lang);
  }

  // ---- Cancelling ----

  private startCancel(): void {
    this.outcome = undefined;
    this.reason = '';
    this.mode = { kind: 'cancel', busy: false };
  }

  private async confirmCancel(event: Event, facts: VisitFacts): Promise<void> {
    event.preventDefault();
    if (this.mode.kind !== 'cancel' || this.mode.busy) return;
    const token = this.currentToken();
    if (!token || this.reason.length > REASON_LIMIT) return;
    this.mode = { kind: 'cancel', busy: true };
    this.announce(this.t.cancelling);
    try {
      const adapter = await this.resolveAdapter();
      if (!adapter.cancelBooking) throw new FrontdeskError('unsupported', `the ${adapter.name} adapter cannot cancel`);
      const reason = this.reason.trim() || undefined;
      const booking = await adapter.cancelBooking({ manageToken: token, reason, idempotencyKey: this.key('cancel') });
      this.attemptKey = undefined;
      this.replaceBooking(facts, booking);
      this.outcome = { kind: 'cancelled' };
      this.announce(this.t.cancelledAnnouncement(this.whenText(facts, booking.slot)));
      this.emit('fd-booking-cancel', visitOf(booking));
    } catch (thrown) {
      this.failed(toFrontdeskError(thrown), facts);
    }
    this.mode = { kind: 'view' };
  }

  // ---- Claiming a waitlist offer ----

  private async claimOffer(facts: OfferFacts): Promise<void> {
    const token = this.currentOffer();
    if (!token || this.claim !== 'idle') return;
    this.claim = 'busy';
    this.outcome = undefined;
    this.announce(this.t.claiming);
    try {
      const adapter = await this.resolveAdapter();
      if (!adapter.claimWaitlistOffer)
        throw new FrontdeskError('unsupported', `the ${adapter.name} adapter keeps no waitlist`);
      const booking = await adapter.claimWaitlistOffer({ offerToken: token, idempotencyKey: this.key('claim') });
      this.attemptKey = undefined;
      this.claimedToken = booking.manageToken;
      // The visit is shown from the answer: no second request, and the manage token cancels or moves it from here.
      const { offer: _offer, ...surroundings } = facts;
      this.visit.value = {
        booking,
        ...surroundings,
        canReschedule: Boolean(booking.manageToken && adapter.capabilities.reschedule && adapter.rescheduleBooking),
      };
      this.visit.status = 'ready';
      this.visit.error = undefined;
      this.outcome = { kind: facts.offer.movesBooking ? 'moved' : 'claimed' };
      this.claim = 'done';
      this.announce(this.t.claimedAnnouncement(this.whenText(this.visit.value, booking.slot)));
      this.emit('fd-offer-claim', {
        ...visitOf(booking),
        moved: facts.offer.movesBooking,
      });
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      this.reportError(error, true);
      if (error.kind === 'conflict' || error.kind === 'not-found') {
        // Gone or run out: the offer as it is now says which.
        await this.offered.reload();
        const status = this.offered.value?.offer.status;
        this.announce(status === 'expired' ? this.t.offerExpired : this.t.offerGone);
      } else {
        this.outcome = { kind: 'failed', words: this.baseI18n.t.errorByKind(error.kind) };
        this.announce(this.outcomeWords(this.outcome).join(' '));
      }
      this.claim = 'idle';
    }
  }

  // ---- Rescheduling ----

  private async startReschedule(): Promise<void> {
    this.outcome = undefined;
    this.mode = { kind: 'reschedule', chosen: undefined, busy: false, picker: 'loading' };
    try {
      await pickerModule.load();
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      this.reportError(error, true);
      this.outcome = { kind: 'failed', words: this.baseI18n.t.errorByKind(error.kind) };
      this.mode = { kind: 'view' };
      return;
    }
    if (this.mode.kind === 'reschedule') this.mode = { ...this.mode, picker: 'ready' };
  }

  private chose(event: CustomEvent<FdSlotSelectDetail>): void {
    if (this.mode.kind !== 'reschedule') return;
    this.mode = { ...this.mode, chosen: event.detail };
  }

  private async move(facts: VisitFacts): Promise<void> {
    if (this.mode.kind !== 'reschedule' || this.mode.busy) return;
    const chosen = this.mode.chosen;
    const token = this.currentToken();
    if (!chosen || !token) {
      this.announce(this.t.chooseTime);
      return;
    }
    this.mode = { ...this.mode, busy: true };
    this.announce(this.t.moving);
    const previous = facts.booking.slot;
    try {
      const adapter = await this.resolveAdapter();
      if (!adapter.rescheduleBooking) {
        throw new FrontdeskError('unsupported', `the ${adapter.name} adapter cannot move a booking`);
      }
      const booking = await adapter.rescheduleBooking({
        manageToken: token,
        slotId: chosen.slotId,
        idempotencyKey: this.key(`move ${chosen.slotId}`),
      });
      this.attemptKey = undefined;
      this.replaceBooking(facts, booking);
      this.outcome = { kind: 'moved' };
      this.mode = { kind: 'view' };
      this.announce(this.t.movedAnnouncement(this.whenText(facts, booking.slot)));
      this.emit('fd-booking-reschedule', {
        ...visitOf(booking),
        previousSlot: previous,
        sequence: booking.sequence,
      });
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      this.failed(error, facts);
      // A time taken meanwhile: the patient stays in the picker, which shows that day's fresh times.
      if (error.kind === 'conflict' && this.outcome?.kind === 'taken') {
        this.mode = { kind: 'reschedule', chosen: undefined, busy: false, picker: 'ready' };
        const picker = this.renderRoot.querySelector('fd-slot-picker') as (HTMLElement & { value: string }) | null;
        if (picker) picker.value = '';
        this.reloadPickerTimes();
      } else {
        this.mode = { kind: 'view' };
      }
    }
  }

  /** The picker's times as they are now (the one just taken gone): a fresh adapter property makes it load again. */
  private reloadPickerTimes(): void {
    const picker = this.renderRoot.querySelector('fd-slot-picker') as (HTMLElement & { adapter: unknown }) | null;
    if (!picker) return;
    void this.resolveAdapter().then((adapter) => {
      picker.adapter = undefined;
      picker.adapter = adapter;
    });
  }

  // ---- Outcomes ----

  private replaceBooking(facts: VisitFacts, booking: Booking): void {
    // The answer may leave out what the booking had (its location, its name): keep what it does not replace.
    if (this.visit.value) this.visit.value = { ...facts, booking: { ...facts.booking, ...booking } };
  }

  private failed(error: FrontdeskError, facts: VisitFacts): void {
    this.reportError(error, true);
    if (error.kind === 'conflict') {
      // The booking itself refuses (the visit started, or it is cancelled): the clinic decides. Else the new time
      // was taken meanwhile. The server's clock judges "started", never this device's.
      const aboutBooking = error.field === 'manageToken' || this.mode.kind === 'cancel';
      this.outcome = aboutBooking ? { kind: 'started' } : { kind: 'taken', previous: this.whenText(facts) };
    } else {
      this.outcome = { kind: 'failed', words: this.baseI18n.t.errorByKind(error.kind) };
    }
    this.announce(this.outcomeWords(this.outcome).join(' '));
  }

  private outcomeWords(outcome: Outcome): string[] {
    const t = this.t;
    switch (outcome.kind) {
      case 'cancelled':
        return [t.cancelled, t.cancelledText];
      case 'moved':
        return [t.moved, t.movedText];
      case 'claimed':
        return [t.claimed, t.claimedText];
      case 'taken':
        return [t.takenConflict(outcome.previous)];
      case 'started':
        return [t.startedConflict];
      case 'failed':
        return [t.failed, outcome.words];
    }
  }

  // ---- Rendering ----

  private heading(text: string): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel ?? 2)));
    return html`<div role="heading" aria-level=${level} class="heading" part="heading">${text}</div>`;
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">${this.renderBody()}${this.renderAnnouncer()}</div>`;
  }

  private renderBody(): unknown {
    const t = this.t;
    if (this.currentOffer() && this.claim !== 'done') return this.renderOffer();
    const visit = this.visit;
    if (visit.status === 'loading') return this.renderLoading(t.loading, 4);
    if (visit.status === 'error' && visit.error) {
      const error = visit.error;
      if (error.kind === 'invalid-input') return this.renderEmpty(t.noToken, t.noTokenHint);
      if (error.kind === 'not-found') return this.renderEmpty(t.notFound, t.notFoundHint);
      if (error.kind === 'unsupported') return this.renderEmpty(t.unsupported, t.unsupportedHint);
      return this.renderError(error, () => void visit.reload());
    }
    const facts = visit.value;
    if (!facts) return this.renderEmpty(t.noToken, t.noTokenHint);
    return html`${this.heading(t.heading)} ${this.renderOutcome()} ${this.renderVisit(facts)} ${this.renderStep(facts)}`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (!outcome) return nothing;
    const [title, ...rest] = this.outcomeWords(outcome);
    const success = outcome.kind === 'cancelled' || outcome.kind === 'moved' || outcome.kind === 'claimed';
    return html`<div class="notice ${success ? 'success' : 'problem'}" part="outcome" tabindex="-1" data-focus="outcome">
      <p class="notice-title">${title}</p>
      ${rest.map((line) => html`<p>${line}</p>`)}
    </div>`;
  }

  private renderOffer(): unknown {
    const t = this.t;
    const offered = this.offered;
    if (offered.status === 'loading' || !offered.value) {
      if (offered.status === 'error' && offered.error) {
        const error = offered.error;
        if (error.kind === 'not-found' || error.kind === 'invalid-input') {
          return this.renderEmpty(t.offerNotFound, t.offerNotFoundHint);
        }
        if (error.kind === 'unsupported') return this.renderEmpty(t.unsupported, t.unsupportedHint);
        return this.renderError(error, () => void offered.reload());
      }
      return this.renderLoading(t.offerLoading, 4);
    }
    const facts = offered.value;
    const { offer } = facts;
    const start = Date.parse(offer.slot.start);
    const zone = visitZone(facts);
    const rows = this.factRows(facts, start, facts.visitType?.modality === 'telehealth');
    const open = offer.status === 'open';
    const busy = this.claim === 'busy';
    return html`${this.heading(t.offerHeading)} ${this.renderOutcome()}
      <dl class="visit" part="offer visit">
        ${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
      ${
        open
          ? html`<p>${t.offerOpenUntil(visitTime(Date.parse(offer.expiresAt), zone, this.l10n.lang))}</p>
            ${offer.movesBooking ? html`<p>${t.offerMoves}</p>` : nothing}
            <div class="actions" part="actions">
              <button type="button" class="fd-button" part="claim-button" aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => void this.claimOffer(facts)}>${busy ? t.claiming : t.claim}</button>
            </div>`
          : html`<div class="notice problem" part="offer-status" tabindex="-1" data-focus="offer-status">
              <p class="notice-title">${
                offer.status === 'expired' ? t.offerExpired : offer.status === 'claimed' ? t.offerClaimed : t.offerGone
              }</p>
              <p>${offer.status === 'claimed' ? t.offerClaimedHint : t.offerStillWaiting}</p>
            </div>`
      }`;
  }

  /** When, with whom, what kind and where: the rows of a visit or an offered time. */
  private factRows(
    facts: Omit<VisitFacts, 'booking' | 'canReschedule'>,
    start: number,
    video: boolean,
  ): [string, string][] {
    const t = this.t;
    const { provider, visitType, location } = facts;
    const zone = visitZone(facts);
    const rows: [string, string][] = [
      [t.when, t.timeInZone(visitTime(start, zone, this.l10n.lang), visitZoneName(start, zone, this.l10n.lang))],
      [t.provider, provider ? [provider.displayName, ...provider.credentials].join(', ') : ''],
      [t.visitType, visitType?.name ?? ''],
      [t.where, video ? t.videoVisit : location ? placeText(location) : ''],
    ];
    return rows.filter(([, value]) => value);
  }

  private renderVisit(facts: VisitFacts): TemplateResult {
    const t = this.t;
    const { booking, visitType, location } = facts;
    const start = Date.parse(booking.slot.start);
    const video = visitType?.modality === 'telehealth' || (!location && Boolean(booking.joinUrl));
    const rows = this.factRows(facts, start, video);
    const cancelled = booking.status === 'cancelled';
    const phone = location?.phone ?? facts.organization?.phone;
    return html`<dl class="visit${cancelled ? ' cancelled' : ''}" part="visit">
        ${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
      <p class="status" part="status">${cancelled ? t.statusCancelled : t.statusBooked}</p>
      ${
        !cancelled && video && booking.joinUrl
          ? html`<p><a class="fd-button" part="join-link" href=${booking.joinUrl} target="_blank" rel="noopener noreferrer">${t.joinVideo}</a></p>`
          : nothing
      }
      ${cancelled || this.mode.kind !== 'view' ? nothing : this.renderActions(facts, phone)}`;
  }

  private renderActions(facts: VisitFacts, phone: string | undefined): TemplateResult {
    const t = this.t;
    const canMove = facts.canReschedule;
    return html`<div class="actions" part="actions">
      ${
        canMove
          ? html`<button type="button" class="fd-button" part="reschedule-button" @click=${() => void this.startReschedule()}>${t.reschedule}</button>`
          : nothing
      }
      <button type="button" class="fd-button secondary" part="cancel-button" @click=${() => this.startCancel()}>${t.cancel}</button>
    </div>
    ${!canMove && phone ? html`<p>${t.callToChange(phone)} <a href=${telHref(phone)}>${phone}</a></p>` : nothing}`;
  }

  private renderStep(facts: VisitFacts): TemplateResult | typeof nothing {
    if (this.mode.kind === 'cancel') return this.renderCancel(facts, this.mode.busy);
    if (this.mode.kind === 'reschedule') return this.renderReschedule(facts, this.mode);
    return nothing;
  }

  private renderCancel(facts: VisitFacts, busy: boolean): TemplateResult {
    const t = this.t;
    const tooLong = this.reason.length > REASON_LIMIT;
    return html`<form class="step" part="cancel-form" aria-labelledby="cancel-heading" @submit=${(event: Event) => void this.confirmCancel(event, facts)}>
      <h3 id="cancel-heading" tabindex="-1" data-focus="step">${t.cancelHeading}</h3>
      <p>${t.cancelText}</p>
      <div class="field">
        <label for="reason">${t.reasonLabel}</label>
        <p class="hint" id="reason-hint">${t.reasonHint}</p>
        <textarea
          id="reason"
          part="reason"
          rows="3"
          aria-describedby="reason-hint${tooLong ? ' reason-error' : ''}"
          aria-invalid=${tooLong ? 'true' : 'false'}
          .value=${this.reason}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        ${tooLong ? html`<p class="field-error" id="reason-error">${t.reasonTooLong(REASON_LIMIT)}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="fd-button danger" part="confirm-cancel-button" aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? t.cancelling : t.confirmCancel}
        </button>
        <button type="button" class="fd-button secondary" @click=${() => {
          this.mode = { kind: 'view' };
        }}>${t.keep}</button>
      </div>
    </form>`;
  }

  private renderReschedule(facts: VisitFacts, mode: Extract<Mode, { kind: 'reschedule' }>): TemplateResult {
    const t = this.t;
    const { booking, provider } = facts;
    const providerId = booking.providerId ?? booking.slot.providerId;
    const chosen = mode.chosen;
    return html`<section class="step" part="reschedule" aria-labelledby="reschedule-heading">
      <h3 id="reschedule-heading" tabindex="-1" data-focus="step">${t.rescheduleHeading}</h3>
      <p>${t.rescheduleText(provider?.displayName ?? '')}</p>
      ${
        mode.picker === 'ready'
          ? html`<fd-slot-picker
              mode="select"
              provider=${providerId ?? ''}
              visit-type=${booking.visitTypeId}
              timezone=${visitZone(facts)}
              start=${this.start ?? nothing}
              .adapter=${this.adapter}
              lang=${this.l10n.lang}
              @fd-slot-select=${(event: CustomEvent<FdSlotSelectDetail>) => this.chose(event)}
            ></fd-slot-picker>`
          : this.renderLoading(undefined, 4)
      }
      <div class="actions">
        <button
          type="button"
          class="fd-button"
          part="move-button"
          aria-disabled=${mode.busy || !chosen ? 'true' : 'false'}
          @click=${() => void this.move(facts)}
        >${mode.busy ? t.moving : chosen ? t.move(visitTime(Date.parse(chosen.start), visitZone(facts), this.l10n.lang)) : t.chooseTime}</button>
        <button type="button" class="fd-button secondary" @click=${() => {
          this.mode = { kind: 'view' };
        }}>${t.keepTime}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-booking': FdBooking;
  }
}
