import {
  type Booking,
  type FdBookingConfirmedDetail,
  type FrontdeskAdapter,
  googleCalendarUrl,
  outlookCalendarUrl,
  type Plan,
  timeText,
  toFrontdeskError,
} from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import {
  type AppointmentContext,
  appointmentRows,
  calendarFileUrl,
  calendarLinkEvent,
  patientRows,
  type Row,
  safeWebUrl,
} from './booking-summaries.js';
import { whenLabel } from './labels.js';
import type { Model } from './model.js';
import { type PatientField, toPatientDetails, validatePatient } from './patient-form.js';
import { type PartHost, PatientPart, withStrings } from './patient-part.js';
import type { CleanSlot } from './slot-cleaning.js';
import { SlotHold } from './slot-hold.js';
import type { Focus, Step } from './steps.js';
import { renderDetails } from './views/details-view.js';
import { renderConfirmation, renderElsewhere } from './views/outcome-view.js';
import { renderReview } from './views/review-view.js';

export { bookingStyles } from './booking.styles.js';

/**
 * A booking as the REST contract of the patient's whole visit answers it: which messages the server will really send,
 * and where a video visit is joined. Read only when the adapter passes them on.
 */
type AnsweredBooking = Booking & { notifications?: { email: boolean; sms: boolean }; joinUrl?: string };

/** What the booking steps need from the element. */
export interface BookingHost extends PartHost {
  go(step: Step, focus?: Focus): void;
  confirmed(detail: FdBookingConfirmedDetail): void;
  /** The patient chose an insurance plan (or none): `fd-plan-select`, which a cost estimate follows. */
  planChosen(planId: string | undefined): void;
  /** The slot was taken meanwhile: back to that day's fresh times. */
  conflict(entry: CleanSlot): Promise<void>;
}

/** The booking steps for `host`, with their strings in the page's language already loaded. */
export const createBookingFlow = (host: BookingHost): Promise<BookingFlow> => withStrings(new BookingFlow(host));

/**
 * The steps after a time is chosen in `book` mode: patient details, review, confirmation (or, for a read-only source,
 * its booking link). Loaded on demand, when the patient first chooses a day, so the calendar's first download stays
 * small; the phone-number rules come with it. Everything typed is kept for the element's lifetime and in the tab's
 * session storage: going back, choosing another time, a conflict or a reload never loses a character.
 */
export class BookingFlow extends PatientPart<BookingHost> {
  private booking: AnsweredBooking | undefined;
  private calendarUrl: string | undefined;
  private plans: Plan[] | undefined;
  private plansAsked = false;
  /** The chosen time held for this patient while they type, when the adapter holds. */
  private readonly hold = new SlotHold(() => this.holdExpired());
  /** What the patient is told about the hold: until when the time is kept, or that it no longer is. */
  private holdNotice: string | undefined;

  /**
   * A time was chosen: the answer to "new or existing patient" (or the visit type's own) goes into the draft, and
   * the time is held while the patient types when the adapter holds.
   */
  chose(model: Model, entry: CleanSlot): void {
    const type = model.patientType ?? model.visitType?.patientType;
    if (type === 'new' || type === 'existing') this.draft = { ...this.draft, patientType: type };
    this.failure = undefined;
    if (model.setup.capabilities.plans && !this.plansAsked) void this.loadPlans();
    if (model.setup.capabilities.booking === 'api' && model.setup.capabilities.holds) void this.holdTime(model, entry);
  }

  dispose(): void {
    this.setCalendarUrl(undefined);
    void this.releaseHold();
  }

  private async holdTime(model: Model, entry: CleanSlot): Promise<void> {
    this.holdNotice = undefined;
    let adapter: FrontdeskAdapter;
    try {
      adapter = await this.host.resolveAdapter();
    } catch {
      return;
    }
    const outcome = await this.hold.take(adapter, entry.slot.id);
    if (outcome.kind === 'taken') {
      // Another patient is booking this time: back to the day's fresh times, everything typed kept.
      await this.host.conflict(entry);
    } else if (outcome.kind === 'held') {
      const until = Date.parse(outcome.hold.expiresAt);
      const left = this.hold.msLeft();
      const minutes = left === undefined ? undefined : Math.max(1, Math.round(left / 60_000));
      this.holdNotice = this.t.heldUntil(timeText(until, model.zone, this.l10n.lang, 'short'), minutes);
      this.host.announce(this.holdNotice);
    }
    this.host.requestUpdate();
  }

  private holdExpired(): void {
    this.holdNotice = this.t.holdExpired;
    this.host.announce(this.holdNotice);
    this.host.requestUpdate();
  }

  /** The patient went back to the times: the held time is free for others again. */
  private async releaseHold(): Promise<void> {
    this.holdNotice = undefined;
    if (!this.hold.hold) return;
    await this.hold.release(await this.host.resolveAdapter().catch(() => undefined));
  }

  private backToTimes(entry: CleanSlot): void {
    void this.releaseHold();
    this.host.go('pick', { slot: entry.slot.id });
  }

  render(step: Step, model: Model, entry: CleanSlot | undefined): TemplateResult | typeof nothing {
    if (step === 'done') return this.renderDone(model);
    if (!entry) return nothing;
    if (step === 'details') return this.renderDetails(model, entry);
    if (step === 'review') return this.renderReview(model, entry);
    if (step === 'elsewhere') return this.renderElsewhere(model, entry);
    return nothing;
  }

  /** The clinic's plans for the insurance question; without them the question is left out. */
  private async loadPlans(): Promise<void> {
    this.plansAsked = true;
    try {
      const adapter = await this.host.resolveAdapter();
      this.plans = (await adapter.listPlans()).items;
    } catch (thrown) {
      this.host.reportError(toFrontdeskError(thrown), true);
    }
    this.host.requestUpdate();
  }

  private context(model: Model): AppointmentContext {
    return { t: this.t, lang: this.l10n.lang, zone: model.zone, setup: model.setup, visitType: model.visitType };
  }

  private onInput(model: Model, field: PatientField, value: string): void {
    this.change(model, { ...this.draft, [field]: value });
    if (field === 'planId') this.host.planChosen(value || undefined);
  }

  private submit(event: Event, model: Model): void {
    event.preventDefault();
    this.submitted = true;
    this.errors = validatePatient(this.draft, this.rules(model));
    this.host.requestUpdate();
    if (Object.keys(this.errors).length > 0) this.host.focus('summary');
    else this.host.go('review', 'confirm');
  }

  private async confirm(model: Model, entry: CleanSlot): Promise<void> {
    if (this.busy || !model.visitType) return;
    const request = {
      slotId: entry.slot.id,
      visitTypeId: model.visitType.id,
      patient: toPatientDetails(this.draft, this.rules(model)),
      consent: { terms: true, contact: this.draft.contact },
    };
    // Confirming again after a failure is a retry of the same attempt: same key, so the server books at most once.
    const idempotencyKey = this.attempts.keyFor(request);
    const holdId = this.hold.idFor(entry.slot.id);
    await this.request(
      this.t.bookingAnnouncement,
      async () => {
        const adapter = await this.host.resolveAdapter();
        const booking: AnsweredBooking = await adapter.book({ ...request, idempotencyKey, holdId });
        this.attempts.reset();
        // The booking consumed the hold.
        this.hold.forget();
        this.holdNotice = undefined;
        this.store.clear();
        this.booking = booking;
        this.setCalendarUrl(calendarFileUrl(this.context(model), booking, safeWebUrl(booking.joinUrl)));
        // The confirmation's heading takes focus and is read out; "Booking…" must not linger in the live region.
        this.host.announce('');
        this.host.go('done');
        this.host.confirmed({
          bookingId: booking.id,
          status: booking.status,
          slot: booking.slot,
          visitTypeId: booking.visitTypeId,
          providerId: booking.providerId ?? booking.slot.providerId,
          locationId: booking.location?.id ?? booking.slot.locationId,
        });
      },
      async (error) => {
        // The failure is shown (and read) as an alert; the live region is cleared of "Booking…".
        this.host.announce('');
        if (error.kind === 'conflict') await this.host.conflict(entry);
        else this.failure = this.host.errorText(error);
      },
    );
  }

  private setCalendarUrl(url: string | undefined): void {
    if (this.calendarUrl) URL.revokeObjectURL(this.calendarUrl);
    this.calendarUrl = url;
  }

  private summary(model: Model, entry: CleanSlot): TemplateResult {
    return html`<dl class="summary-list compact">
        ${appointmentRows(this.context(model), entry).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
      ${this.renderHoldNotice()}`;
  }

  private renderHoldNotice(): TemplateResult | typeof nothing {
    return this.holdNotice ? html`<p class="hint" part="hold-notice">${this.holdNotice}</p>` : nothing;
  }

  private renderDetails(model: Model, entry: CleanSlot): TemplateResult {
    const patientType = model.patientType ?? model.visitType?.patientType;
    return renderDetails({
      t: this.t,
      lang: this.l10n.lang,
      draft: this.draft,
      errors: this.errors,
      video: model.visitType?.modality === 'telehealth',
      askPatientType: patientType !== 'new' && patientType !== 'existing',
      plans: this.plans,
      summary: this.summary(model, entry),
      onInput: (field, value) => this.onInput(model, field, value),
      onForWhom: (forWhom) => this.change(model, { ...this.draft, forWhom }),
      onContact: (checked) => this.change(model, { ...this.draft, contact: checked }),
      onSubmit: (event) => this.submit(event, model),
      onBack: () => this.backToTimes(entry),
      onFix: (field) => this.host.focus({ field }),
    });
  }

  private renderReview(model: Model, entry: CleanSlot): TemplateResult {
    const t = this.t;
    const rules = this.rules(model);
    return renderReview({
      t,
      rows: [
        ...appointmentRows(this.context(model), entry),
        ...patientRows(t, rules, toPatientDetails(this.draft, rules), this.draft, this.plans),
      ],
      agreement: t.confirmAgree(model.setup.organization?.name ?? t.theClinic),
      busy: this.busy,
      failure: this.failure,
      holdNotice: this.renderHoldNotice(),
      onEditDetails: () => this.host.go('details', 'fields'),
      onChangeTime: () => this.backToTimes(entry),
      onConfirm: () => void this.confirm(model, entry),
    });
  }

  private renderDone(model: Model): TemplateResult | typeof nothing {
    const booking = this.booking;
    if (!booking) return nothing;
    const entry: CleanSlot = {
      slot: booking.slot,
      startMs: Date.parse(booking.slot.start),
      endMs: Date.parse(booking.slot.end),
    };
    // The booking's own location is what the server committed to; the listing's is the fallback.
    const rows: Row[] = [
      [this.t.confirmationNumber, booking.id],
      ...appointmentRows(this.context(model), entry, booking.location),
    ];
    const sent = booking.notifications;
    const linkEvent = calendarLinkEvent(this.context(model), booking, safeWebUrl(booking.joinUrl));
    return renderConfirmation({
      t: this.t,
      rows,
      // Only what the server said it will send; without its word, nothing is promised.
      notice: sent ? this.t.notifications(sent.email, sent.sms) : undefined,
      instructions: booking.instructions,
      joinUrl: safeWebUrl(booking.joinUrl),
      manageUrl: safeWebUrl(booking.manageUrl),
      calendarUrl: this.calendarUrl,
      googleUrl: linkEvent && googleCalendarUrl(linkEvent),
      outlookUrl: linkEvent && outlookCalendarUrl(linkEvent),
    });
  }

  private renderElsewhere(model: Model, entry: CleanSlot): TemplateResult {
    const { setup } = model;
    return renderElsewhere({
      t: this.t,
      when: whenLabel(entry.startMs, model.zone, this.l10n.lang),
      bookingLink: safeWebUrl(entry.slot.bookingLink),
      phone:
        entry.slot.bookingPhone ??
        setup.locations.find((l) => l.id === entry.slot.locationId)?.phone ??
        setup.organization?.phone,
      onBack: () => this.host.go('pick', { slot: entry.slot.id }),
    });
  }
}
