import { html, nothing, type PropertyDeclarations } from 'lit';
import { ConsoleElement } from './console-element.js';
import { dateTimeOf } from './format.js';
import type { Attendance, FreeSlot, StaffBooking } from './types.js';

/**
 * One booking with what can be done for the patient: arrived, no-show, cancel (after a second, explicit yes) and a
 * move to a free time; the patient is told of a cancel or a move by the server.
 *
 * @summary A booking and its actions in the staff console.
 * @fires fd-staff-attendance - `{ bookingId, attendance }`
 * @fires fd-staff-cancel - `{ bookingId }`, after the confirmation
 * @fires fd-staff-reschedule - `{ bookingId, slotId }`
 * @fires fd-staff-close-booking - back to the schedule
 */
export class FdStaffBooking extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    booking: { attribute: false },
    freeSlots: { attribute: false },
    canWrite: { type: Boolean, attribute: 'can-write' },
    busy: { type: Boolean },
    confirming: { state: true },
  };

  booking: StaffBooking | undefined;
  /** Free times with the same provider for the same visit type. */
  freeSlots: readonly FreeSlot[] = [];
  /** The signed-in person may act (`bookings:write`). */
  canWrite = false;
  /** An action is on its way: the buttons wait. */
  busy = false;
  protected confirming = false;

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
    const lang = this.i18n.lang;
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
      <form
        class="row"
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          const slotId = new FormData(event.target as HTMLFormElement).get('slot');
          if (typeof slotId === 'string' && slotId) this.send('fd-staff-reschedule', { bookingId: b.id, slotId });
        }}
      >
        ${
          this.freeSlots.length === 0
            ? html`<p>${t.noFreeTimes}</p>`
            : html`<label>
                ${t.newTime}
                <select name="slot">
                  ${this.freeSlots.map(
                    (slot) => html`<option value=${slot.id}>${dateTimeOf(lang, b.timeZone, slot.start)}</option>`,
                  )}
                </select>
              </label>
              <button class="fd-button secondary" type="submit" ?disabled=${this.busy}>${t.move}</button>`
        }
      </form>
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
}
