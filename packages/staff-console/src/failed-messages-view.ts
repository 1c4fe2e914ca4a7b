import { html, type PropertyDeclarations } from 'lit';
import { ConsoleElement, dataTable } from './console-element.js';
import { dateTimeOf } from './format.js';
import type { FailedMessage } from './types.js';

/**
 * Messages the server gave up on after every attempt: which, about which booking, by which channel, how many tries
 * and the class of the error (never the message's words or address).
 *
 * @summary The failed messages of the staff console.
 * @fires fd-staff-open-booking - `{ bookingId }`
 */
export class FdStaffFailedMessages extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    messages: { attribute: false },
    timeZone: { attribute: 'time-zone' },
  };

  messages: readonly FailedMessage[] | undefined;
  timeZone = 'UTC';

  override render() {
    const t = this.i18n.t;
    const heading = html`<h2>${t.failedMessages}</h2>`;
    if (!this.messages) return html`${heading}${this.renderLoading(t.loading)}`;
    if (this.messages.length === 0) return html`${heading}${this.renderEmpty(t.noFailedMessages)}`;
    return html`<div class="stack">
      ${heading}
      <p>${t.failedHelp}</p>
      ${dataTable(
        t.failedMessages,
        [t.message, t.channel, { numeric: t.attempts }, t.error, t.failedAt, t.bookingTitle],
        this.messages.map(
          (m) => html`<tr>
            <th scope="row">${t.messageName(m.message)}</th>
            <td>${m.channel ?? '—'}</td>
            <td class="number">${m.attempts}</td>
            <td><code>${m.errorClass ?? '—'}</code></td>
            <td>${dateTimeOf(this.i18n.lang, this.timeZone, m.failedAt)}</td>
            <td>${m.bookingId ? this.renderOpenBooking(m.bookingId, t.messageName(m.message)) : '—'}</td>
          </tr>`,
        ),
      )}
    </div>`;
  }
}
