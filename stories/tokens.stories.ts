import { getCustomElements, type Meta, type StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { TOKEN_DESCRIPTIONS } from '../packages/core/src/element/token-docs.js';
import { TOKENS } from '../packages/core/src/element/tokens.js';
import { elementsOf, type Manifest } from './support/manifest.js';

/**
 * The theme contract, generated rather than written: the global `--fd-*` tokens come from `TOKENS` (the same list the
 * widgets' base styles are built from), the per-widget properties from each element's `@cssprop` documentation in
 * the Custom Elements Manifest.
 */

const isColor = (value: string) => /^#|^rgb|^hsl/.test(value);

/** Manifest descriptions are Markdown-ish: show their `code` spans as code, everything else as plain text. */
const withCode = (text: string) =>
  text.split('`').map((piece, index) => (index % 2 === 1 ? html`<code>${piece}</code>` : piece));

const swatch = (value: string) =>
  isColor(value)
    ? html`<span class="swatch" aria-hidden="true" style=${styleMap({ background: value })}></span>`
    : nothing;

const tableStyles = css`
  :host {
    display: block;
    font-family: system-ui, sans-serif;
    color: #1b1f24;
    background: #ffffff;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    font-size: 1.1rem;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4rem 0.6rem;
    border-block-end: 1px solid #d6dbe1;
  }
  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .swatch {
    display: inline-block;
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-inline-end: 0.4em;
    vertical-align: middle;
    border: 1px solid #737d88;
    border-radius: 3px;
  }
`;

/** The global tokens: name, light and dark default, and what each one styles. */
class FdStoryTokenTable extends LitElement {
  static override styles = tableStyles;

  override render() {
    return html`<table>
      <caption>
        Global design tokens (set them on any ancestor of the widgets)
      </caption>
      <thead>
        <tr>
          <th scope="col">Custom property</th>
          <th scope="col">Light default</th>
          <th scope="col">Dark default (<code>theme="dark"</code>)</th>
          <th scope="col">What it styles</th>
        </tr>
      </thead>
      <tbody>
        ${Object.entries(TOKENS).map(
          ([name, token]) => html`<tr>
            <th scope="row"><code>${name}</code></th>
            <td>${swatch(token.light)}<code>${token.light}</code></td>
            <td>${swatch(token.dark)}<code>${token.dark}</code></td>
            <td>${TOKEN_DESCRIPTIONS[name as keyof typeof TOKEN_DESCRIPTIONS]}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

/** Every element's own `--fd-<widget>-*` properties, read from the merged manifest Storybook was given. */
class FdStoryWidgetProperties extends LitElement {
  static override styles = tableStyles;

  override render() {
    const manifest = getCustomElements() as Manifest | undefined;
    const rows = manifest
      ? elementsOf(manifest).flatMap((element) =>
          (element.cssProperties ?? []).map((property) => ({ tag: element.tagName ?? element.name, ...property })),
        )
      : [];
    if (rows.length === 0) {
      return html`<p>No element documents a CSS custom property yet (or <code>node .ci/manifest.mjs</code> has not run).</p>`;
    }
    return html`<table>
      <caption>
        Per-widget custom properties (each falls back to a global token)
      </caption>
      <thead>
        <tr>
          <th scope="col">Element</th>
          <th scope="col">Custom property</th>
          <th scope="col">What it styles, and its default</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <td><code>&lt;${row.tag}&gt;</code></td>
            <th scope="row"><code>${row.name}</code></th>
            <td>${withCode(row.description ?? '')}${row.default ? html` (default <code>${row.default}</code>)` : nothing}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.get('fd-story-token-table') ?? customElements.define('fd-story-token-table', FdStoryTokenTable);
customElements.get('fd-story-widget-properties') ??
  customElements.define('fd-story-widget-properties', FdStoryWidgetProperties);

const meta: Meta = {
  title: 'Theming/Tokens',
  tags: ['!autodocs'],
  parameters: { frontdeskClinic: false, controls: { disable: true }, actions: { disable: true } },
};
export default meta;

type Story = StoryObj;

export const GlobalTokens: Story = {
  name: 'Global tokens',
  render: () => html`<fd-story-token-table></fd-story-token-table>`,
  play: async ({ canvasElement }) => {
    const table = canvasElement.querySelector<FdStoryTokenTable>('fd-story-token-table');
    await table?.updateComplete;
    const rows = table?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
    if (rows !== Object.keys(TOKENS).length) throw new Error(`expected a row per token, got ${rows}`);
  },
};

export const WidgetProperties: Story = {
  name: 'Per-widget properties',
  render: () => html`<fd-story-widget-properties></fd-story-widget-properties>`,
};
