import { baseStyles, FrontdeskElement, fieldStyles, LocalizeController } from '@frontdesk/core/element';
import { css, html, type TemplateResult } from 'lit';
import { type ConsoleEventDetails, type ConsoleEventName, consoleEvent } from './events.js';
import { consoleStrings } from './strings.js';

/** The console's own layout on top of the widgets' tokens: tables, headings, stacks that fold at 320 px. */
export const consoleStyles = css`
  :host {
    display: block;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  .stack {
    display: grid;
    gap: var(--_fd-space);
  }
  .stack > .fd-button {
    justify-self: start;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_fd-space) * 0.75);
    align-items: end;
  }
  .muted {
    color: var(--_fd-color-muted);
  }
  .problem {
    color: var(--_fd-color-danger);
    font-weight: 700;
  }
  /* A bordered box of its own: a chart's card, the move form. */
  .panel {
    padding: var(--_fd-space);
    border: 1px solid var(--_fd-color-divider);
    border-radius: var(--_fd-radius);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.25em;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_fd-color-divider);
    vertical-align: top;
  }
  th {
    font-weight: 700;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    padding-inline: 0.25em;
    font-weight: 700;
  }
  .charts {
    display: grid;
    gap: var(--_fd-space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 28em), 1fr));
  }
  .fd-button.danger {
    background: var(--_fd-color-danger);
    border-color: var(--_fd-color-danger);
    color: var(--_fd-color-surface);
  }
  dl.details {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  dl.details dt {
    font-weight: 700;
  }
  dl.details dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  :focus-visible {
    outline: 3px solid var(--_fd-color-focus);
    outline-offset: 2px;
  }
`;

/** A column heading of a console table; `{ numeric }` for a column of numbers, aligned to the end. */
export type Column = unknown | { numeric: unknown };

/** A table of the console: its caption, its column headings and its rows (each a `<tr>`, a row heading first). */
export function dataTable(caption: unknown, columns: readonly Column[], rows: unknown): TemplateResult {
  const heading = (column: Column) =>
    typeof column === 'object' && column !== null && 'numeric' in column
      ? html`<th scope="col" class="number">${column.numeric}</th>`
      : html`<th scope="col">${column}</th>`;
  return html`<div class="table-wrap">
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>${columns.map(heading)}</tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  </div>`;
}

/** A part of the staff console: Frontdesk's element base, its tokens and field styles, the console's words. */
export class ConsoleElement extends FrontdeskElement {
  static override styles = [baseStyles, fieldStyles, consoleStyles];

  protected readonly i18n = new LocalizeController(this, consoleStrings);

  protected send<N extends ConsoleEventName>(name: N, detail: ConsoleEventDetails[N]): void {
    this.dispatchEvent(consoleEvent(name, detail));
  }

  /** The button of a table row that opens its booking; `what` names the row for screen readers. */
  protected renderOpenBooking(bookingId: string, what: unknown): TemplateResult {
    return html`<button
      class="fd-button secondary"
      type="button"
      @click=${() => this.send('fd-staff-open-booking', { bookingId })}
    >
      ${this.i18n.t.open}<span class="fd-visually-hidden">: ${what}</span>
    </button>`;
  }
}
