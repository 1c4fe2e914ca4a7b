import { css, html, type PropertyDeclarations } from 'lit';
import { ConsoleElement } from './console-element.js';
import { dateTimeOf } from './format.js';
import type { StaffFlag } from './types.js';

/**
 * PHQ-9 answers whose question 9 (thoughts of self-harm) is above 0, at the top of the console until a clinician
 * marks each handled (with an optional note; the server audits it).
 *
 * @summary The open PHQ-9 item 9 flags of the staff console.
 * @fires fd-staff-handle-flag - `{ responseId, note }`
 */
export class FdStaffFlags extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    flags: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    canHandle: { type: Boolean, attribute: 'can-handle' },
    busy: { type: Boolean },
  };

  static override styles = [
    ...ConsoleElement.styles,
    css`
      section {
        border: 3px solid var(--_fd-color-danger);
        border-radius: var(--_fd-radius);
        padding: var(--_fd-space);
      }
      h2 {
        color: var(--_fd-color-danger);
      }
      li {
        display: grid;
        gap: 0.5em;
        padding-block: 0.75em;
        border-bottom: 1px solid var(--_fd-color-divider);
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  flags: readonly StaffFlag[] = [];
  timeZone = 'UTC';
  canHandle = false;
  busy = false;

  override render() {
    const t = this.i18n.t;
    if (this.flags.length === 0) return html``;
    return html`<section class="stack" aria-labelledby="flags-heading" role="region">
      <h2 id="flags-heading">${t.flagsTitle}</h2>
      <p>${t.flagsHelp}</p>
      <ul>
        ${this.flags.map((flag) => {
          const who = flag.patient ? `${flag.patient.givenName} ${flag.patient.familyName}` : t.unknownPatient;
          return html`<li>
            <strong>${who}</strong>
            <span>
              ${flag.patient?.phone ? html`${t.phone}: ${flag.patient.phone} · ` : ''}${t.received}:
              ${dateTimeOf(this.i18n.lang, this.timeZone, flag.receivedAt)}
            </span>
            <span>
              ${t.answer}: ${flag.item9.label ?? flag.item9.score} (${flag.item9.score})${
                flag.phq9 ? html` · ${t.total}: ${flag.phq9.total} (${t.bandName(flag.phq9.band)})` : ''
              }
            </span>
            ${
              this.canHandle
                ? html`<form
                    class="row"
                    @submit=${(event: SubmitEvent) => {
                      event.preventDefault();
                      const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '');
                      this.send('fd-staff-handle-flag', { responseId: flag.responseId, note });
                    }}
                  >
                    <label>
                      ${t.note}
                      <input name="note" type="text" maxlength="2000" autocomplete="off" />
                    </label>
                    <button class="fd-button" type="submit" ?disabled=${this.busy}>
                      ${t.markHandled}<span class="fd-visually-hidden">: ${who}</span>
                    </button>
                  </form>`
                : ''
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }
}
