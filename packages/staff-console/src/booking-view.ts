import { dayKey, isDayKey, shiftDayKey } from '@frontdesk/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleElement } from './console-element.js';
import { dateTimeOf, dayOf, timeOf } from './format.js';
import type { Attendance, FreeSlot, FreeTimes, StaffBooking } from './types.js';

/**
 * The days the move form offers around the visit: a year before it to two years after (the longest booking horizon
 * a clinic can set). A keyboard typing a year digit by digit passes through years like 0002: outside, they ask for
 * nothing.
 */
const DAYS_BEFORE = 366;
const DAYS_AFTER = 731;

/**
 * One booking with what can be done for the patient: arrived, no-show, cancel (after a second, explicit yes) and a
 * move to a free time of the same provider and visit type, chosen by day (in the booking's time zone) and time; the
 * patient is told of a cancel or a move by the server.
 *
 * @summary A booking and its actions in the staff console.
 * @fires fd-staff-attendance - `{ bookingId, attendance }`
 * @fires fd-staff-cancel - `{ bookingId }`, after the confirmation
 * @fires fd-staff-free-times - another day was chosen to move to: `{ bookingId, day }` (`YYYY-MM-DD`)
 * @fires fd-staff-reschedule - `{ bookingId, slotId }`
 * @fires fd-staff-close-booking - back to the schedule
 */
export class FdStaffBooking extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    booking: { attribute: false },
    freeTimes: { attribute: false },
    canWrite: { type: Boolean, attribute: 'can-write' },
    busy: { type: Boolean },
    confirming: { state: true },
    dayOutOfRange: { state: true },
  };

  booking: StaffBooking | undefined;
  /**
   * The free times the move form shows: of one day (in the booking's time zone), with the same provider for the same
   * visit type, loading or refused. Unset while the console has not asked yet: loading, on the visit's own day.
   */
  freeTimes: FreeTimes | undefined;
  /** The signed-in person may act (`bookings:write`). */
  canWrite = false;
  /** An action is on its way: the buttons wait. */
  busy = false;
  protected confirming = false;
  /** The day field holds no day, or one outside the days offered: no times are asked for. */
  protected dayOutOfRange = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('booking')) this.dayOutOfRange = false;
  }

  private mark(attendance: Attendance): void {
    if (this.booking) this.send('fd-staff-attendance', { bookingId: this.booking.id, attendance });
  }

  override render() {
    const t = this.i18n.t;
    const b = this.booking;
    if (!b) return this.renderLoading(t.loading);
    const lang = this.i18n.lang;
    const cancelled = b.status === 'cancelled';
    const detail = (label: string, value: string | undefined | null) =>
      value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
    return html`<section class="stack" aria-labelledby="booking-heading">
      <button class="fd-button secondary back" type="button" @click=${() => this.send('fd-staff-close-booking', {})}>
        ${t.backToSchedule}
      </button>
      <h2 id="booking-heading" tabindex="-1">${b.patient.givenName} ${b.patient.familyName}</h2>
      <p>
        ${dateTimeOf(lang, b.timeZone, b.start)} (${b.timeZone}) · ${b.visitTypeName ?? ''} ·
        ${b.providerName ?? b.providerId}
      </p>
      <p><strong>${t.status}:</strong> ${t.statusOf(cancelled ? b.status : b.attendance)}</p>
      <dl class="details">
        ${detail(t.birthDate, b.patient.birthDate)} ${detail(t.phone, b.patient.phone)}
        ${detail(t.email, b.patient.email)} ${detail(t.reason, b.patient.reason)}
        ${detail(t.location, b.locationName)}
      </dl>
      ${this.canWrite && !cancelled ? this.renderActions() : nothing}
    </section>`;
  }

  private renderActions() {
    const t = this.i18n.t;
    const b = this.booking!;
    return html`<div class="row" role="group" aria-label=${t.status}>
        ${
          b.attendance !== 'arrived'
            ? html`<button class="fd-button" type="button" ?disabled=${this.busy} @click=${() => this.mark('arrived')}>
              ${t.markArrived}
            </button>`
            : nothing
        }
        ${
          b.attendance !== 'no-show'
            ? html`<button class="fd-button secondary" type="button" ?disabled=${this.busy} @click=${() => this.mark('no-show')}>
              ${t.markNoShow}
            </button>`
            : nothing
        }
        ${
          b.attendance !== 'expected'
            ? html`<button class="fd-button secondary" type="button" ?disabled=${this.busy} @click=${() => this.mark('expected')}>
              ${t.markExpected}
            </button>`
            : nothing
        }
      </div>
      ${this.renderMove()}
      ${
        this.confirming
          ? html`<div class="stack confirm" role="group" aria-labelledby="cancel-question">
            <p id="cancel-question">${t.cancelQuestion}</p>
            <div class="row">
              <button
                class="fd-button danger"
                type="button"
                ?disabled=${this.busy}
                @click=${() => {
                  this.confirming = false;
                  this.send('fd-staff-cancel', { bookingId: b.id });
                }}
              >
                ${t.cancelConfirm}
              </button>
              <button
                class="fd-button secondary"
                type="button"
                @click=${() => {
                  this.confirming = false;
                }}
              >
                ${t.keep}
              </button>
            </div>
          </div>`
          : html`<div class="row">
            <button
              class="fd-button secondary"
              type="button"
              ?disabled=${this.busy}
              @click=${async () => {
                this.confirming = true;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLElement>('.confirm .danger')?.focus();
              }}
            >
              ${t.cancel}
            </button>
          </div>`
      }`;
  }

  private pickDay(value: string, first: string, last: string): void {
    this.dayOutOfRange = !isDayKey(value) || value < first || value > last;
    if (!this.dayOutOfRange && this.booking)
      this.send('fd-staff-free-times', { bookingId: this.booking.id, day: value });
  }

  /** The move: a day field, then that day's free times (or why there are none) and the button that moves. */
  private renderMove() {
    const t = this.i18n.t;
    const b = this.booking!;
    const lang = this.i18n.lang;
    const visitDay = dayKey(b.start, b.timeZone);
    const times = this.freeTimes ?? { day: visitDay, state: 'loading', slots: [], problem: '' };
    const day = times.day || visitDay;
    const [first, last] = [shiftDayKey(visitDay, -DAYS_BEFORE), shiftDayKey(visitDay, DAYS_AFTER)];
    // Only the times of the day in the field, whatever the list was given.
    const slots = times.slots.filter((slot) => dayKey(slot.start, b.timeZone) === day);
    return html`<form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const slotId = new FormData(event.target as HTMLFormElement).get('slot');
        if (typeof slotId === 'string' && slotId) this.send('fd-staff-reschedule', { bookingId: b.id, slotId });
      }}
    >
      <fieldset class="stack panel">
        <legend>${t.reschedule}</legend>
        <p class="muted">${t.timesIn(b.timeZone)}</p>
        <div class="row">
          <label>
            ${t.day}
            <input
              type="date"
              name="day"
              required
              min=${first}
              max=${last}
              .value=${day}
              aria-invalid=${this.dayOutOfRange ? 'true' : 'false'}
              aria-describedby=${this.dayOutOfRange ? 'day-range' : nothing}
              @change=${(event: Event) => this.pickDay((event.target as HTMLInputElement).value, first, last)}
            />
          </label>
          ${this.dayOutOfRange ? nothing : this.renderTimes(times, slots, lang, b.timeZone)}
        </div>
        ${
          this.dayOutOfRange
            ? html`<p id="day-range">${t.chooseDayBetween(dayOf(lang, first), dayOf(lang, last))}</p>`
            : times.state === 'error'
              ? html`<p class="problem" role="alert">${times.problem || t.failed}</p>
                  <button
                    class="fd-button secondary"
                    type="button"
                    @click=${() => {
                      // This button goes while the times load: the day field keeps the focus meanwhile.
                      this.renderRoot.querySelector<HTMLInputElement>('input[name="day"]')?.focus();
                      this.send('fd-staff-free-times', { bookingId: b.id, day });
                    }}
                  >
                    ${t.retry}
                  </button>`
              : nothing
        }
      </fieldset>
    </form>`;
  }

  private renderTimes(times: FreeTimes, slots: readonly FreeSlot[], lang: string, zone: string) {
    const t = this.i18n.t;
    // Words, not a skeleton: a row of fields leaves a skeleton no width to show in.
    if (times.state === 'loading') return html`<p class="muted" role="status">${t.loadingTimes}</p>`;
    if (times.state === 'error') return nothing;
    if (slots.length === 0) return html`<p>${t.noFreeTimes}</p>`;
    return html`<label>
        ${t.newTime}
        <select name="slot">
          ${slots.map((slot) => html`<option value=${slot.id}>${timeOf(lang, zone, slot.start)}</option>`)}
        </select>
      </label>
      <button class="fd-button secondary" type="submit" ?disabled=${this.busy}>${t.move}</button>`;
  }
}
