import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { TOKENS, type TokenName } from '../packages/core/src/element/tokens.js';
import { type LoadedWidgets, loadWidgets } from './support/widgets.js';

/**
 * One place for a designer to try a clinic's brand on every widget at once: colour, corner radius and font through
 * the `--fd-*` tokens only, in light or dark. The backend toolbar menus (latency, failure) and language and direction
 * apply here too, so every state can be seen with the theme.
 */

const FONTS = {
  'System UI (default)': TOKENS['--fd-font-family'].light,
  'Humanist sans (Verdana)': 'Verdana, Geneva, "DejaVu Sans", sans-serif',
  'Geometric sans (Trebuchet)': '"Trebuchet MS", "Lucida Grande", "DejaVu Sans", sans-serif',
  'Serif (Georgia)': 'Georgia, "Times New Roman", "DejaVu Serif", serif',
  'Rounded (ui-rounded)': 'ui-rounded, "SF Pro Rounded", system-ui, sans-serif',
} as const;

type FontName = keyof typeof FONTS;

interface PlaygroundArgs {
  accent: string;
  onAccent: string;
  radius: number;
  font: FontName;
  fontSize: number;
  theme: 'light' | 'dark' | 'auto';
}

const meta: Meta<PlaygroundArgs> = {
  title: 'Theming/Playground',
  tags: ['!autodocs'],
  loaders: [async () => ({ widgets: await loadWidgets() })],
  argTypes: {
    accent: { name: 'Brand colour', control: 'color', description: '`--fd-color-accent`' },
    onAccent: { name: 'Text on brand colour', control: 'color', description: '`--fd-color-on-accent`' },
    radius: {
      name: 'Corner radius (px)',
      control: { type: 'range', min: 0, max: 24, step: 1 },
      description: '`--fd-radius`',
    },
    font: { name: 'Font', control: 'select', options: Object.keys(FONTS), description: '`--fd-font-family`' },
    fontSize: {
      name: 'Text size (times the default)',
      // Never under 1: the default is already the floor (16 px, or the patient's larger browser setting).
      control: { type: 'range', min: 1, max: 1.5, step: 0.125 },
      description: '`--fd-font-size`',
    },
    theme: { name: 'Theme', control: 'inline-radio', options: ['light', 'dark', 'auto'], description: '`theme`' },
  },
  args: {
    accent: TOKENS['--fd-color-accent'].light,
    onAccent: TOKENS['--fd-color-on-accent'].light,
    radius: Number.parseInt(TOKENS['--fd-radius'].light, 10),
    font: 'System UI (default)',
    fontSize: 1,
    theme: 'light',
  },
  render: (args, { loaded }) => {
    const { available, missing } = loaded.widgets as LoadedWidgets;
    // Only what the designer changed is set, so an untouched token keeps its light or dark default.
    const chosen: Record<string, string> = {
      '--fd-color-accent': args.accent,
      '--fd-color-on-accent': args.onAccent,
      '--fd-radius': `${args.radius}px`,
      '--fd-font-family': FONTS[args.font] ?? FONTS['System UI (default)'],
      '--fd-font-size':
        args.fontSize === 1
          ? TOKENS['--fd-font-size'].light
          : `calc(${TOKENS['--fd-font-size'].light} * ${args.fontSize})`,
    };
    const tokens = Object.fromEntries(
      Object.entries(chosen).filter(([name, value]) => TOKENS[name as TokenName].light !== value),
    );
    // The focus ring follows a new brand colour.
    if (tokens['--fd-color-accent']) tokens['--fd-color-focus'] = args.accent;
    const grid = {
      display: 'grid',
      gap: '1.5rem',
      gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
      alignItems: 'start',
    };
    return html`<div style=${styleMap({ ...grid, ...tokens })}>
        ${available.map((widget) => html`<div data-widget=${widget.tag}>${widget.render(args.theme)}</div>`)}
      </div>
      ${
        missing.length
          ? html`<p>Not built yet, so not shown: ${missing.map((widget) => html`<code>&lt;${widget.tag}&gt;</code> `)}</p>`
          : nothing
      }`;
  },
};
export default meta;

type Story = StoryObj<PlaygroundArgs>;

export const AllWidgets: Story = { name: 'All widgets' };

/** The same controls, starting from a different brand, so the theme's reach is visible at a glance. */
export const AnotherBrand: Story = {
  name: 'Another brand',
  args: { accent: '#7a1f5c', onAccent: '#ffffff', radius: 2, font: 'Serif (Georgia)' },
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
};

/**
 * A host theme with `html { font-size: 62.5% }` (1rem is 10 px): the widgets' text stays at 16 px (or the patient's
 * larger browser setting), while the page's own rem-sized text shrinks.
 */
export const SmallRootFontSize: Story = {
  name: 'Host root font size 62.5%',
  decorators: [
    (story) => html`<style>
        html {
          font-size: 62.5%;
        }
      </style>
      <p style="font-size: 1rem">The host page's own 1rem text: 10 px.</p>
      ${story()}`,
  ],
};
