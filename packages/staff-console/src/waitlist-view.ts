import { html, type PropertyDeclarations } from 'lit';
import { ConsoleElement, dataTable } from './console-element.js';
import { dayOf } from './format.js';
import type { WaitlistEntry } from './types.js';

/**
 * Patients waiting for an earlier time, oldest first: who, for which provider and visit type, and between which days.
 *
 * @summary The waitlist of the staff console.
 */
export class FdStaffWaitlist extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    entries: { attribute: false },
    providers: { attribute: false },
  };

  entries: readonly WaitlistEntry[] | undefined;
  providers: readonly { id: string; name: string }[] = [];

  override render() {
    const t = this.i18n.t;
    const heading = html`<h2>${t.waitlist}</h2>`;
    if (!this.entries) return html`${heading}${this.renderLoading(t.loading)}`;
    if (this.entries.length === 0) return html`${heading}${this.renderEmpty(t.noWaitlist)}`;
    const provider = (id: string) => this.providers.find((p) => p.id === id)?.name ?? id;
    const lang = this.i18n.lang;
    return html`<div class="stack">
      ${heading}
      ${dataTable(
        t.waitlist,
        [t.patient, t.phone, t.provider, t.between],
        this.entries.map(
          (entry) => html`<tr>
            <th scope="row">${entry.patient.givenName ?? ''} ${entry.patient.familyName ?? ''}</th>
            <td>${entry.patient.phone ?? '—'}</td>
            <td>${provider(entry.providerId)}</td>
            <td>${t.fromTo(dayOf(lang, entry.firstDay), dayOf(lang, entry.lastDay))}</td>
          </tr>`,
        ),
      )}
    </div>`;
  }
}
