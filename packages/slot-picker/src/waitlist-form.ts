import { type DayKey, type FdWaitlistJoinDetail, FrontdeskError, type WaitlistEntry } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { dayName } from './labels.js';
import type { Model } from './model.js';
import {
  type PatientDraft,
  type PatientField,
  type PatientRules,
  toPatientDetails,
  validatePatient,
} from './patient-form.js';
import { type PartHost, PatientPart, withStrings } from './patient-part.js';
import { contactField, type DetailsProps, errorSummary, patientTypeField, textField } from './views/details-view.js';

export { bookingStyles as waitlistStyles } from './booking.styles.js';

/** What the waitlist form needs from the picker: what the booking steps do, and a way to close it. */
export interface WaitlistHost extends PartHost {
  close(): void;
  joined(detail: FdWaitlistJoinDetail): void;
}

type RangeField = 'from' | 'to';
type RangeErrors = Partial<Record<RangeField, string>>;

/** The form, its strings in the page language loaded before it first renders. */
export const createWaitlistForm = (host: WaitlistHost): Promise<WaitlistForm> => withStrings(new WaitlistForm(host));

/**
 * "Tell me if an earlier time opens": the days the patient could come (today to the day they were looking at, by
 * default), who they are and how to reach them (the booking form's own fields and checks, its draft shared), and
 * their agreement to be contacted, which the waitlist cannot do without. Loaded on demand, when the patient asks.
 */
export class WaitlistForm extends PatientPart<WaitlistHost> {
  private from: DayKey | '' | undefined;
  private to: DayKey | '' | undefined;
  private rangeErrors: RangeErrors = {};
  private joined: { entry: WaitlistEntry; text: string } | undefined;
  private left = false;

  /** Opened again: a fresh form, the range following the day the patient is looking at now. */
  reset(): void {
    this.from = undefined;
    this.to = undefined;
    this.joined = undefined;
    this.left = false;
    this.failure = undefined;
  }

  protected override rules(model: Model): PatientRules {
    return { ...super.rules(model), waitlist: true };
  }

  /**
   * The days asked for unless the patient changed them: from the first bookable day (today, unless the page starts
   * later) to the day they were looking at, else the first day with times, else the whole window (nothing fits).
   */
  private range(model: Model, lookingAt: DayKey | undefined): { from: string; to: string } {
    // The index holds only the days shown (from the first day on) that have times, in order.
    const firstWithTimes = model.index?.days[0];
    return { from: this.from ?? model.firstDay, to: this.to ?? lookingAt ?? firstWithTimes ?? model.lastDay };
  }

  private checkRange(model: Model, range: { from: string; to: string }): RangeErrors {
    const t = this.t;
    const errors: RangeErrors = {};
    for (const field of ['from', 'to'] as const) {
      const day = range[field];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors[field] = t.waitlistDayRequired;
      else if (day < model.firstDay) errors[field] = t.waitlistBeforeToday;
    }
    if (!errors.from && !errors.to && range.to < range.from) errors.to = t.waitlistRangeOrder;
    return errors;
  }

  /**
   * The draft as the waitlist asks it: the patient's own details only (what the booking form adds for someone in
   * their care, a reason or insurance is not asked here), with the answer to "new or existing patient" the picker
   * already has (or the visit type's own).
   */
  protected override asked(model: Model): PatientDraft {
    const own: PatientDraft = { ...this.draft, forWhom: 'self', reason: '', planId: '', memberId: '' };
    const type = model.patientType ?? model.visitType?.patientType;
    return type === 'new' || type === 'existing' ? { ...own, patientType: type } : own;
  }

  private async submit(event: Event, model: Model, lookingAt: DayKey | undefined): Promise<void> {
    event.preventDefault();
    if (this.busy || !model.visitType || !model.setup.provider) return;
    this.submitted = true;
    const rules = this.rules(model);
    const range = this.range(model, lookingAt);
    const draft = this.asked(model);
    this.errors = validatePatient(draft, rules);
    this.rangeErrors = this.checkRange(model, range);
    if (Object.keys(this.errors).length > 0 || Object.keys(this.rangeErrors).length > 0) {
      this.host.requestUpdate();
      this.host.focus(Object.keys(this.errors).length > 0 ? 'summary' : 'waitlist-summary');
      return;
    }
    const { reason: _reason, insurance: _insurance, bookedBy: _bookedBy, ...patient } = toPatientDetails(draft, rules);
    const request = {
      providerId: model.setup.provider.id,
      visitTypeId: model.visitType.id,
      from: range.from,
      to: range.to,
      patient,
      language: this.l10n.lang,
      consent: { terms: true, contact: draft.contact },
    };
    // A retry after a failure is the same attempt: the server adds the patient once.
    const idempotencyKey = this.attempts.keyFor(request);
    await this.request(
      this.t.waitlistJoining,
      async () => {
        const adapter = await this.host.resolveAdapter();
        if (!adapter.joinWaitlist)
          throw new FrontdeskError('unsupported', `the ${adapter.name} adapter keeps no waitlist`);
        const entry = await adapter.joinWaitlist({ ...request, idempotencyKey });
        this.attempts.reset();
        const lang = this.l10n.lang;
        const text = this.t.waitlistJoined(
          dayName(entry.from, lang),
          dayName(entry.to, lang),
          entry.notifications?.email ?? false,
          entry.notifications?.sms ?? false,
        );
        this.joined = { entry, text };
        const { providerId, visitTypeId, from, to } = entry;
        this.host.joined({ providerId, visitTypeId, from, to });
        this.host.announce(text);
        this.host.focus('waitlist-outcome');
      },
      (error) => {
        this.host.announce('');
        this.failure = this.host.errorText(error);
        this.host.focus('waitlist-failure');
      },
    );
  }

  private async leave(token: string): Promise<void> {
    if (this.busy) return;
    await this.request(
      undefined,
      async () => {
        const adapter = await this.host.resolveAdapter();
        await adapter.leaveWaitlist?.(token);
        this.left = true;
        this.host.announce(this.t.waitlistLeft);
        this.host.focus('waitlist-outcome');
      },
      (error) => {
        this.failure = this.host.errorText(error);
      },
    );
  }

  private detailsProps(model: Model): DetailsProps {
    const t = this.t;
    return {
      t,
      lang: this.l10n.lang,
      draft: { ...this.draft, forWhom: 'self' },
      errors: this.errors,
      video: false,
      contactNeeded: t.contactForWaitlist,
      askPatientType: !['new', 'existing'].includes(model.patientType ?? model.visitType?.patientType ?? ''),
      plans: undefined,
      summary: html``,
      onInput: (field: PatientField, value: string) => this.change(model, { ...this.draft, [field]: value }),
      onForWhom: () => undefined,
      onContact: (checked: boolean) => this.change(model, { ...this.draft, contact: checked }),
      onSubmit: () => undefined,
      onBack: () => this.host.close(),
      onFix: (field: PatientField) => this.host.focus({ field }),
    };
  }

  private dayField(field: RangeField, value: string, model: Model): TemplateResult {
    const problem = this.rangeErrors[field];
    return html`<div class="field">
      <label for="f-wl-${field}">${field === 'from' ? this.t.waitlistFrom : this.t.waitlistTo}</label>
      ${problem ? html`<p id="wl-e-${field}" class="field-error" part="field-error">${problem}</p>` : nothing}
      <input
        id="f-wl-${field}"
        name=${field}
        type="date"
        required
        min=${model.firstDay}
        .value=${value}
        aria-invalid=${problem ? 'true' : nothing}
        aria-describedby=${problem ? `wl-e-${field}` : nothing}
        @input=${(e: Event) => {
          const typed = (e.target as HTMLInputElement).value;
          if (field === 'from') this.from = typed;
          else this.to = typed;
          if (this.submitted) this.rangeErrors = {};
          this.host.requestUpdate();
        }}
      />
    </div>`;
  }

  private rangeSummary(): TemplateResult | typeof nothing {
    const problems = (['from', 'to'] as const).filter((field) => this.rangeErrors[field]);
    if (problems.length === 0) return nothing;
    return html`<ul class="field-error" tabindex="-1" data-focus="waitlist-summary">
      ${problems.map(
        (field) =>
          html`<li><button type="button" class="link" @click=${() => this.host.focus({ field: `wl-${field}` })}>${
            this.rangeErrors[field]
          }</button></li>`,
      )}
    </ul>`;
  }

  render(model: Model, lookingAt: DayKey | undefined): TemplateResult {
    const t = this.t;
    const heading = html`<h3 id="waitlist-heading" tabindex="-1" data-focus="waitlist">${t.waitlistHeading}</h3>`;
    if (this.joined) {
      const token = this.joined.entry.token;
      return html`<section class="step" part="waitlist" aria-labelledby="waitlist-heading">
        ${heading}
        <p class="success" tabindex="-1" data-focus="waitlist-outcome" part="waitlist-outcome">
          ${this.left ? t.waitlistLeft : this.joined.text}
        </p>
        ${this.failure ? html`<div class="notice error" role="alert" part="booking-error"><p>${this.failure}</p></div>` : nothing}
        <div class="actions">
          ${
            token && !this.left
              ? html`<button type="button" class="fd-button secondary" part="leave-button" ?disabled=${this.busy}
                  @click=${() => void this.leave(token)}>${t.waitlistLeave}</button>`
              : nothing
          }
          <button type="button" class="fd-button secondary" part="back-button" @click=${() => this.host.close()}>
            ${t.waitlistClose}
          </button>
        </div>
      </section>`;
    }
    const props = this.detailsProps(model);
    const range = this.range(model, lookingAt);
    const fieldErrors = Object.keys(this.errors).length;
    return html`<section class="step" part="waitlist" aria-labelledby="waitlist-heading">
      ${heading}
      <p>${t.waitlistIntro}</p>
      ${fieldErrors > 0 ? errorSummary(props) : nothing} ${this.rangeSummary()}
      <form novalidate @submit=${(event: Event) => void this.submit(event, model, lookingAt)}>
        <fieldset class="group">
          <legend>${t.when}</legend>
          ${this.dayField('from', range.from, model)} ${this.dayField('to', range.to, model)}
        </fieldset>
        ${textField(props, 'givenName')} ${textField(props, 'familyName')} ${textField(props, 'birthDate')}
        ${textField(props, 'phone')} ${textField(props, 'email')}
        ${props.askPatientType ? patientTypeField(props) : nothing} ${contactField(props)}
        ${
          this.failure
            ? html`<div class="notice error" role="alert" tabindex="-1" data-focus="waitlist-failure" part="booking-error">
                <p class="notice-title">${t.waitlistFailed}</p>
                <p>${this.failure}</p>
              </div>`
            : nothing
        }
        <p class="hint">${t.waitlistAgree(model.setup.organization?.name ?? t.theClinic)}</p>
        <div class="actions">
          <button type="button" class="fd-button secondary" part="back-button" @click=${() => this.host.close()}>
            ${t.waitlistClose}
          </button>
          <button type="submit" class="fd-button" part="waitlist-submit" ?disabled=${this.busy}>${t.waitlistSubmit}</button>
        </div>
      </form>
    </section>`;
  }
}
