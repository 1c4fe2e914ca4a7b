/// <reference types="vite/client" />
/**
 * The four widgets, loaded only where their package's define module exists, so stories that show "all widgets"
 * work while a widget is still being written (Vite includes only the files the glob finds).
 */
import { html, type TemplateResult } from 'lit';

const defineModules = import.meta.glob('../../packages/*/src/define.ts');

export interface Widget {
  tag: string;
  /** Directory under packages/. */
  dir: string;
  label: string;
  /** The widget on the demo clinic, with a theme. */
  render(theme: string): TemplateResult;
}

export const WIDGETS: readonly Widget[] = [
  {
    tag: 'fd-provider-card',
    dir: 'provider-card',
    label: 'Provider card',
    render: (theme) => html`<fd-provider-card provider="maria-hernandez" theme=${theme}></fd-provider-card>`,
  },
  {
    tag: 'fd-slot-picker',
    dir: 'slot-picker',
    label: 'Slot picker',
    render: (theme) => html`<fd-slot-picker provider="maria-hernandez" theme=${theme}></fd-slot-picker>`,
  },
  {
    tag: 'fd-cost-estimate',
    dir: 'cost-estimate',
    label: 'Cost estimate',
    render: (theme) => html`<fd-cost-estimate service="new-patient" interactive theme=${theme}></fd-cost-estimate>`,
  },
  {
    tag: 'fd-survey',
    dir: 'survey',
    label: 'Survey',
    render: (theme) => html`<fd-survey survey="post-visit-nps" theme=${theme}></fd-survey>`,
  },
];

export interface LoadedWidgets {
  available: Widget[];
  missing: Widget[];
}

/** Import every widget's define module that exists; a widget without one (or whose module fails) is listed missing. */
export async function loadWidgets(): Promise<LoadedWidgets> {
  const results = await Promise.all(
    WIDGETS.map(async (widget) => {
      const load = defineModules[`../../packages/${widget.dir}/src/define.ts`];
      if (!load) return { widget, ok: false };
      try {
        await load();
        return { widget, ok: customElements.get(widget.tag) !== undefined };
      } catch (error) {
        console.warn(`[stories] could not load <${widget.tag}>:`, error);
        return { widget, ok: false };
      }
    }),
  );
  return {
    available: results.filter((result) => result.ok).map((result) => result.widget),
    missing: results.filter((result) => !result.ok).map((result) => result.widget),
  };
}
