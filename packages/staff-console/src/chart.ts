import { css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ConsoleElement } from './console-element.js';

/** Draws the chart at a given width in CSS pixels (an Observable Plot figure: SVG). */
export type DrawChart = (width: number) => SVGElement | HTMLElement;

/**
 * One figure of the feedback: a chart drawn with Observable Plot, and the same numbers as a data table (always in
 * the accessibility tree; shown on request). The chart itself is hidden from screen readers: the table says it all.
 *
 * @summary A chart with its data table.
 * @csspart chart - the box the SVG is drawn in
 * @csspart table - the data table
 */
export class FdStaffChart extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    heading: {},
    summary: {},
    draw: { attribute: false },
    columns: { attribute: false },
    rows: { attribute: false },
    tableShown: { state: true },
  };

  static override styles = [
    ...ConsoleElement.styles,
    css`
      .card {
        display: grid;
        gap: 0.5em;
        min-width: 0;
      }
      .plot {
        min-height: 4em;
        color: var(--_fd-color-text);
      }
      .plot svg {
        display: block;
        max-width: 100%;
        height: auto;
        overflow: visible;
        font-size: max(1rem, 16px);
        font-family: inherit;
        background: transparent;
      }
      .plot g[aria-label='bar'],
      .plot g[aria-label='dot'] {
        fill: var(--_fd-color-accent);
      }
      .plot g[aria-label='line'] {
        stroke: var(--_fd-color-accent);
      }
      .plot g[aria-label='rule'] {
        stroke: var(--_fd-color-muted);
      }
      .toggle {
        justify-self: start;
      }
    `,
  ];

  /** The figure's title (also the table's caption). */
  heading = '';
  /** One sentence that says what the chart shows (the headline figure). */
  summary = '';
  draw: DrawChart | undefined;
  /** The data table: column headings, then rows (numbers right-aligned). */
  columns: readonly string[] = [];
  rows: readonly (readonly (string | number)[])[] = [];
  protected tableShown = false;
  private resize: ResizeObserver | undefined;
  private drawnWidth = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.redrawIfResized());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  private get box(): HTMLElement | null {
    return this.renderRoot.querySelector('.plot');
  }

  private redrawIfResized(): void {
    const width = Math.floor(this.box?.clientWidth ?? 0);
    if (width > 0 && width !== this.drawnWidth) this.redraw();
  }

  private redraw(): void {
    const box = this.box;
    if (!box || !this.draw) return;
    this.drawnWidth = Math.floor(box.clientWidth) || 640;
    const figure = this.draw(this.drawnWidth);
    // Plot adds a <style> of its own: a strict page policy refuses it, and these styles do its work instead.
    for (const style of figure.querySelectorAll('style')) style.remove();
    figure.setAttribute('aria-hidden', 'true');
    box.replaceChildren(figure);
  }

  protected override firstUpdated(): void {
    const box = this.box;
    if (box) this.resize?.observe(box);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('draw') || changed.has('rows')) this.redraw();
  }

  override render() {
    const t = this.i18n.t;
    const numeric = this.rows[0]?.map((cell) => typeof cell === 'number') ?? [];
    return html`<div class="panel card">
      <h3 id="heading">${this.heading}</h3>
      ${this.summary ? html`<p>${this.summary}</p>` : nothing}
      <div class="plot" part="chart"></div>
      <button
        class="fd-button secondary toggle"
        type="button"
        aria-expanded=${this.tableShown ? 'true' : 'false'}
        aria-controls="table"
        @click=${() => {
          this.tableShown = !this.tableShown;
        }}
      >
        ${this.tableShown ? t.hideTable : t.showTable}
      </button>
      <div
        class=${this.tableShown ? 'table-wrap' : 'fd-visually-hidden'}
        tabindex=${this.tableShown ? '0' : '-1'}
        role="region"
        aria-labelledby="heading"
      >
        <table id="table" part="table">
          <caption>${this.heading}</caption>
          <thead>
            <tr>${this.columns.map((column, i) => html`<th scope="col" class=${numeric[i] ? 'number' : ''}>${column}</th>`)}</tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (row) =>
                html`<tr>${row.map((cell, i) =>
                  i === 0
                    ? html`<th scope="row">${cell}</th>`
                    : html`<td class=${typeof cell === 'number' ? 'number' : ''}>${cell}</td>`,
                )}</tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
  }
}
