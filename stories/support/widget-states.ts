/**
 * The states every widget's stories show, built from one function that renders the widget from its args. A stories
 * file exports them by name (Storybook's indexer reads `export const Name` statically) and spreads one where its
 * story adds args or a play function.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { demoClinic } from './clinic.js';

/** Every widget takes a `theme` attribute. */
interface ThemedArgs {
  theme?: 'light' | 'dark' | 'auto';
}

export type WidgetState = 'Loading' | 'AdapterError' | 'Dark' | 'Spanish' | 'RightToLeft' | 'Narrow320' | 'Zoom200';

/** The common states of the widget that `view` renders, each on the demo clinic. */
export function widgetStates<A extends ThemedArgs>(
  view: (args: A) => TemplateResult,
): Record<WidgetState, StoryObj<A>> {
  return {
    // A minute: the loading state stays for as long as anyone looks.
    Loading: { render: (args) => demoClinic(view(args), { latencyMs: 60_000 }) },
    AdapterError: { render: (args) => demoClinic(view(args), { fail: true }) },
    Dark: { args: { theme: 'dark' } as Partial<A>, parameters: { backgrounds: { default: 'dark' } } },
    Spanish: { render: (args) => html`<div lang="es">${demoClinic(view(args))}</div>` },
    RightToLeft: { render: (args) => html`<div dir="rtl">${demoClinic(view(args))}</div>` },
    Narrow320: {
      render: (args) => html`<div style=${styleMap({ maxWidth: '320px' })}>${demoClinic(view(args))}</div>`,
      parameters: { viewport: { defaultViewport: 'mobile1' } },
    },
    Zoom200: {
      render: (args) =>
        html`<div style=${styleMap({ '--fd-font-size': '2rem', maxWidth: '640px' })}>${demoClinic(view(args))}</div>`,
    },
  };
}

/**
 * A clinic's brand around `content`: its rules for the widget's parts (`css`, selectors under `.branded`) and its
 * custom property values (`tokens`).
 */
export const branded = (css: string, tokens: Record<string, string>, content: TemplateResult): TemplateResult =>
  html`<style>
      ${css}
    </style>
    <div class="branded" style=${styleMap(tokens)}>${content}</div>`;
