/**
 * Every story runs inside `<fd-clinic adapter="memory">`, the deterministic demo clinic. Toolbar globals let a
 * designer slow the backend down or make it fail, so each loading and error path can be seen on any story, and
 * switch language and direction.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Args, ArgTypes, GlobalTypes } from 'storybook/internal/types';
import type { MemoryAdapterOptions } from '../../packages/core/src/adapters/memory/index.js';
import { registerAdapter } from '../../packages/core/src/adapters/registry.js';
import { defineElement, FdClinic } from '../../packages/core/src/element/index.js';

/** Latency of the decorator's own clinic when the toolbar leaves it to the story: enough to glimpse the skeleton. */
export const DEFAULT_LATENCY_MS = 300;
/** Toolbar value meaning "whatever the story itself sets". */
const AS_STORY = 'story';

/** The "leave it to the story" item, named after its menu so the toolbar says which setting it is. */
const asStory = (menu: string) => ({ value: AS_STORY, title: `${menu}: as the story sets it` });

export const clinicGlobalTypes: GlobalTypes = {
  latency: {
    description: 'Latency of the memory adapter',
    toolbar: {
      title: 'Latency',
      icon: 'timer',
      dynamicTitle: true,
      items: [
        asStory('Latency'),
        { value: '0', title: 'Latency: none' },
        { value: '400', title: 'Latency: 400 ms' },
        { value: '2000', title: 'Latency: 2 s (slow network)' },
        { value: '60000', title: 'Latency: 60 s (stuck loading)' },
      ],
    },
  },
  fail: {
    description: 'Make the memory adapter fail',
    toolbar: {
      title: 'Backend',
      icon: 'lightning',
      dynamicTitle: true,
      items: [
        asStory('Backend'),
        { value: 'off', title: 'Backend: works' },
        { value: 'on', title: 'Backend: fails' },
        { value: 'once', title: 'Backend: fails once, then works (retry)' },
      ],
    },
  },
  locale: {
    description: 'Language (lang attribute around the story)',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      dynamicTitle: true,
      items: [
        asStory('Language'),
        { value: 'en', title: 'Language: English' },
        { value: 'es', title: 'Language: Español' },
      ],
    },
  },
  direction: {
    description: 'Text direction (dir attribute around the story)',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      dynamicTitle: true,
      items: [
        asStory('Direction'),
        { value: 'ltr', title: 'Direction: left to right' },
        { value: 'rtl', title: 'Direction: right to left' },
      ],
    },
  },
};

/**
 * `content` inside a demo clinic of its own, with the story's backend settings (latency, failures). The toolbar's
 * settings still reach it through the factory below.
 */
export const demoClinic = (
  content: unknown,
  options: MemoryAdapterOptions = { latencyMs: DEFAULT_LATENCY_MS },
): TemplateResult => html`<fd-clinic adapter="memory" options=${JSON.stringify(options)}>${content}</fd-clinic>`;

export const clinicInitialGlobals = { latency: AS_STORY, fail: AS_STORY, locale: AS_STORY, direction: AS_STORY };

type Globals = Record<string, unknown>;

/** The adapter options the toolbar forces on every memory adapter built from attributes (empty: the story decides). */
export function toolbarOverrides(globals: Globals): Pick<MemoryAdapterOptions, 'latencyMs' | 'fail'> {
  const overrides: Pick<MemoryAdapterOptions, 'latencyMs' | 'fail'> = {};
  const latency = Number(globals.latency);
  if (globals.latency !== AS_STORY && Number.isFinite(latency)) overrides.latencyMs = latency;
  if (globals.fail === 'on') overrides.fail = true;
  if (globals.fail === 'off') overrides.fail = false;
  if (globals.fail === 'once') overrides.fail = 'once';
  return overrides;
}

let overrides: Pick<MemoryAdapterOptions, 'latencyMs' | 'fail'> = {};

// Stories also write their own `<fd-clinic adapter="memory" options='...'>`; routing "memory" through this factory
// lets the toolbar reach those too. Stories that build an adapter object themselves keep their own settings.
registerAdapter('memory', async (config) => {
  const { createMemoryAdapter } = await import('../../packages/core/src/adapters/memory/index.js');
  return createMemoryAdapter({ ...(config.options ?? {}), ...overrides });
});
defineElement('fd-clinic', FdClinic);

const optional = (value: unknown) => (typeof value === 'string' && value !== AS_STORY ? value : undefined);

/** CSS custom property args (`--fd-*`, from the manifest's CSS properties table) that have a value. */
function customPropertyArgs(args: Globals): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}

/** Attribute and property args a designer changed through the controls (the manifest's rows), as `[name, value]`. */
function changedElementArgs(args: Args, initialArgs: Args, argTypes: ArgTypes): [string, unknown][] {
  return Object.entries(args).filter(([name, value]) => {
    const category = argTypes[name]?.table?.category;
    return (category === 'attributes' || category === 'properties') && !Object.is(value, initialArgs[name]);
  });
}

/**
 * Story renders bind the args they know about; a control from the manifest that the render ignores would do
 * nothing. So apply changed attribute and property args to the story's elements of the component's tag directly.
 */
function applyElementArgs(root: Element, tag: string, changed: [string, unknown][], argTypes: ArgTypes): void {
  for (const element of root.querySelectorAll(tag)) {
    for (const [name, value] of changed) {
      if (argTypes[name]?.table?.category === 'properties') {
        (element as unknown as Record<string, unknown>)[name] = value;
      } else if (value === undefined || value === null || value === false || value === '') {
        element.removeAttribute(name);
      } else {
        element.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
}

/**
 * Wraps the story in the memory clinic (unless `parameters.frontdeskClinic === false`, for stories about a missing
 * configuration), applies the language, direction, `--*` args and changed controls, and rebuilds the story when the
 * backend settings change, so the widgets load again through the new adapter.
 */
export const withClinic: Decorator = (story, context) => {
  overrides = toolbarOverrides(context.globals);
  const options = { latencyMs: DEFAULT_LATENCY_MS, fail: false, ...overrides };
  const content = context.parameters.frontdeskClinic === false ? story() : demoClinic(story(), options);
  const tag = typeof context.component === 'string' ? context.component : undefined;
  const changed = tag ? changedElementArgs(context.args, context.initialArgs, context.argTypes) : [];
  const applyArgs = (root: Element | undefined) => {
    if (root && tag && changed.length) queueMicrotask(() => applyElementArgs(root, tag, changed, context.argTypes));
  };
  return html`<div
    class="fd-story"
    ${ref(applyArgs)}
    lang=${ifDefined(optional(context.globals.locale))}
    dir=${ifDefined(optional(context.globals.direction))}
    style=${styleMap(customPropertyArgs(context.args))}
  >
    ${keyed(JSON.stringify(options), content)}
  </div>`;
};
