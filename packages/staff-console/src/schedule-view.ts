import { html, nothing, type PropertyDeclarations } from 'lit';
import { ConsoleElement, dataTable } from './console-element.js';
import { timeOf } from './format.js';
import type { BookingDay } from './types.js';

/**
 * The day's schedule: a date picker, a provider filter and the bookings in the clinic's time zone (said out loud),
 * grouped by provider; each opens the booking.
 *
 * @summary The day's schedule of the staff console.
 * @fires fd-staff-day - the day or provider was changed: `{ date, providerId }`
 * @fires fd-staff-open-booking - a booking was opened: `{ bookingId }`
 */
export class FdStaffSchedule extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    day: { attribute: false },
    providers: { attribute: false },
    providerId: { attribute: 'provider-id' },
  };

  day: BookingDay | undefined;
  providers: readonly { id: string; name: string }[] = [];
  providerId = '';

  private changed(date: string, providerId: string): void {
    this.providerId = providerId;
    if (date) this.send('fd-staff-day', { date, providerId });
  }

  override render() {
    const t = this.i18n.t;
    const day = this.day;
    const date = day?.from ?? '';
    const byProvider = new Map<string, BookingDay['data']>();
    for (const booking of day?.data ?? []) {
      const key = booking.providerName ?? booking.providerId;
      byProvider.set(key, [...(byProvider.get(key) ?? []), booking]);
    }
    return html`<div class="stack">
      <h2>${t.schedule}</h2>
      <div class="row">
        <label>
          ${t.day}
          <input
            type="date"
            .value=${date}
            @change=${(event: Event) => this.changed((event.target as HTMLInputElement).value, this.providerId)}
          />
        </label>
        <label>
          ${t.provider}
          <select @change=${(event: Event) => this.changed(date, (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.providerId}>${t.allProviders}</option>
            ${this.providers.map(
              (p) => html`<option value=${p.id} ?selected=${p.id === this.providerId}>${p.name}</option>`,
            )}
          </select>
        </label>
      </div>
      ${day ? html`<p class="muted">${t.timesIn(day.timeZone)}</p>` : nothing}
      ${!day ? this.renderLoading(t.loading) : day.data.length === 0 ? this.renderEmpty(t.noBookings) : nothing}
      ${day?.truncated ? html`<p>${t.truncated}</p>` : nothing}
      ${[...byProvider].map(([provider, bookings]) =>
        dataTable(
          provider,
          [t.time, t.patient, t.visit, t.status, html`<span class="fd-visually-hidden">${t.open}</span>`],
          bookings.map(
            (b) => html`<tr>
                <th scope="row">${timeOf(this.i18n.lang, b.timeZone, b.start)}</th>
                <td>${b.patient.givenName} ${b.patient.familyName}</td>
                <td>${b.visitTypeName ?? ''}</td>
                <td>${t.statusOf(b.status === 'cancelled' ? b.status : b.attendance)}</td>
                <td>
                  ${this.renderOpenBooking(
                    b.id,
                    html`${b.patient.givenName} ${b.patient.familyName}, ${timeOf(this.i18n.lang, b.timeZone, b.start)}`,
                  )}
                </td>
              </tr>`,
          ),
        ),
      )}
    </div>`;
  }
}
