import {
  type Booking,
  type FdBookingConfirmedDetail,
  type FrontdeskAdapter,
  type FrontdeskError,
  toFrontdeskError,
} from '@frontdesk/core';
import { LocalizeController } from '@frontdesk/core/element';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type BookingStrings, bookingStrings } from './booking-strings.js';
import {
  type AppointmentContext,
  appointmentRows,
  calendarFileUrl,
  patientRows,
  type Row,
  safeWebUrl,
} from './booking-summaries.js';
import { AttemptKeys } from './idempotency.js';
import { whenLabel } from './labels.js';
import type { Model } from './model.js';
import {
  emptyDraft,
  type PatientDraft,
  type PatientErrors,
  type PatientField,
  toPatientDetails,
  validatePatient,
} from './patient-form.js';
import type { CleanSlot } from './slot-cleaning.js';
import type { Focus, Step } from './steps.js';
import { renderDetails } from './views/details-view.js';
import { renderConfirmation, renderElsewhere } from './views/outcome-view.js';
import { renderReview } from './views/review-view.js';
import { ZoneClock } from './zone-clock.js';

export { bookingStyles } from './booking.styles.js';

/** What the booking steps need from the element. */
export interface BookingHost {
  /** The picker itself: the steps' strings follow its language. */
  readonly element: ReactiveControllerHost & HTMLElement;
  requestUpdate(): void;
  resolveAdapter(): Promise<FrontdeskAdapter>;
  reportError(error: FrontdeskError, recoverable: boolean): void;
  /** The words for a failure of this kind (the shared error strings). */
  errorText(error: FrontdeskError): string;
  announce(message: string): void;
  go(step: Step, focus?: Focus): void;
  focus(target: Focus): void;
  confirmed(detail: FdBookingConfirmedDetail): void;
  /** The slot was taken meanwhile: back to that day's fresh times. */
  conflict(entry: CleanSlot): Promise<void>;
}

/**
 * The booking steps for `host`, with their strings in the page's language already loaded, so a step never flashes
 * in English first.
 */
export async function createBookingFlow(host: BookingHost): Promise<BookingFlow> {
  const flow = new BookingFlow(host);
  await flow.stringsReady();
  return flow;
}

/**
 * The steps after a time is chosen in `book` mode: patient details, review, confirmation (or, for a read-only source,
 * its booking link). Loaded on demand, when the patient first chooses a day, so the calendar's first download stays
 * small. It keeps everything typed for the element's lifetime: going back, choosing another time or a conflict never
 * loses a character.
 */
export class BookingFlow {
  private readonly host: BookingHost;
  private draft: PatientDraft = emptyDraft();
  private errors: PatientErrors = {};
  private submitted = false;
  private patientTypeTouched = false;
  private busy = false;
  private failure: string | undefined;
  private booking: Booking | undefined;
  private calendarUrl: string | undefined;
  private readonly attempts = new AttemptKeys();
  private readonly l10n: LocalizeController<BookingStrings>;

  constructor(host: BookingHost) {
    this.host = host;
    this.l10n = new LocalizeController<BookingStrings>(host.element, bookingStrings);
  }

  /** Resolves when the steps' words in the page's language are loaded. */
  stringsReady(): Promise<void> {
    return this.l10n.ready();
  }

  private get t(): BookingStrings {
    return this.l10n.t;
  }

  /** A time was chosen: a visit type for new (or existing) patients only answers that question for the patient. */
  chose(model: Model): void {
    const type = model.visitType?.patientType;
    if (!this.patientTypeTouched && (type === 'new' || type === 'existing')) {
      this.draft = { ...this.draft, patientType: type };
    }
    this.failure = undefined;
  }

  dispose(): void {
    this.setCalendarUrl(undefined);
  }

  render(step: Step, model: Model, entry: CleanSlot | undefined): TemplateResult | typeof nothing {
    if (step === 'done') return this.renderDone(model);
    if (!entry) return nothing;
    if (step === 'details') return this.renderDetails(model, entry);
    if (step === 'review') return this.renderReview(model, entry);
    if (step === 'elsewhere') return this.renderElsewhere(model, entry);
    return nothing;
  }

  private context(model: Model): AppointmentContext {
    return { t: this.t, lang: this.l10n.lang, zone: model.zone, setup: model.setup, visitType: model.visitType };
  }

  private update(changes: { draft?: PatientDraft; errors?: PatientErrors; busy?: boolean; failure?: undefined }): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  private validate(model: Model): PatientErrors {
    // The clinic's today, so a birth date of "today" is accepted on every side of the date line.
    const today = new ZoneClock(model.setup.clinicZone).wallTime(Date.now()).day;
    return validatePatient(this.draft, { today, visitPatientType: model.visitType?.patientType });
  }

  private onInput(model: Model, field: PatientField, value: string): void {
    if (field === 'patientType') this.patientTypeTouched = true;
    this.draft = { ...this.draft, [field]: value };
    if (this.submitted) this.errors = this.validate(model);
    this.host.requestUpdate();
  }

  private submit(event: Event, model: Model): void {
    event.preventDefault();
    this.submitted = true;
    this.update({ errors: this.validate(model) });
    if (Object.keys(this.errors).length > 0) this.host.focus('summary');
    else this.host.go('review');
  }

  private async confirm(model: Model, entry: CleanSlot): Promise<void> {
    if (this.busy || !model.visitType) return;
    const request = {
      slotId: entry.slot.id,
      visitTypeId: model.visitType.id,
      patient: toPatientDetails(this.draft),
      consent: { terms: true, contact: this.draft.contact },
    };
    // Confirming again after a failure is a retry of the same attempt: same key, so the server books at most once.
    const idempotencyKey = this.attempts.keyFor(request);
    this.update({ busy: true, failure: undefined });
    this.host.announce(this.t.bookingAnnouncement);
    try {
      const adapter = await this.host.resolveAdapter();
      const booking = await adapter.book({ ...request, idempotencyKey });
      this.attempts.reset();
      this.booking = booking;
      this.setCalendarUrl(calendarFileUrl(this.context(model), booking));
      this.host.go('done');
      this.host.confirmed({
        bookingId: booking.id,
        status: booking.status,
        slot: booking.slot,
        visitTypeId: booking.visitTypeId,
        providerId: booking.providerId ?? booking.slot.providerId,
        locationId: booking.location?.id ?? booking.slot.locationId,
      });
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      this.host.reportError(error, true);
      if (error.kind === 'conflict') await this.host.conflict(entry);
      else this.failure = this.host.errorText(error);
    } finally {
      this.update({ busy: false });
    }
  }

  private setCalendarUrl(url: string | undefined): void {
    if (this.calendarUrl) URL.revokeObjectURL(this.calendarUrl);
    this.calendarUrl = url;
  }

  private summary(model: Model, entry: CleanSlot): TemplateResult {
    return html`<dl class="summary-list compact">
      ${appointmentRows(this.context(model), entry).map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  private renderDetails(model: Model, entry: CleanSlot): TemplateResult {
    return renderDetails({
      t: this.t,
      draft: this.draft,
      errors: this.errors,
      today: new ZoneClock(model.setup.clinicZone).wallTime(Date.now()).day,
      summary: this.summary(model, entry),
      onInput: (field, value) => this.onInput(model, field, value),
      onContact: (checked) => this.update({ draft: { ...this.draft, contact: checked } }),
      onSubmit: (event) => this.submit(event, model),
      onBack: () => this.host.go('pick', { slot: entry.slot.id }),
      onFix: (field) => this.host.focus({ field }),
    });
  }

  private renderReview(model: Model, entry: CleanSlot): TemplateResult {
    const t = this.t;
    return renderReview({
      t,
      rows: [...appointmentRows(this.context(model), entry), ...patientRows(t, this.l10n.lang, this.draft)],
      agreement: t.confirmAgree(model.setup.organization?.name ?? t.theClinic),
      busy: this.busy,
      failure: this.failure,
      onEditDetails: () => this.host.go('details'),
      onChangeTime: () => this.host.go('pick', { slot: entry.slot.id }),
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
    return renderConfirmation({
      t: this.t,
      rows,
      instructions: booking.instructions,
      manageUrl: safeWebUrl(booking.manageUrl),
      calendarUrl: this.calendarUrl,
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
