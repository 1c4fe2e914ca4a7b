// Mounting widgets in the browser tests.
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { $, settle, until } from './dom.js';

type Mountable = HTMLElement & { updateComplete: Promise<boolean> };

/** Render `template` and find the `tag` element in it (or it itself). */
async function render<T extends Mountable>(template: TemplateResult, tag: string): Promise<T> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === tag ? host : host.querySelector(tag)) as T | null;
  if (!el) throw new Error(`no <${tag}> in the fixture`);
  return el;
}

/** Render `template`, find the `tag` element in it (or it itself) and wait until that widget has settled. */
export async function mount<T extends Mountable>(template: TemplateResult, tag: string): Promise<T> {
  const el = await render<T>(template, tag);
  await settle(el);
  return el;
}

/**
 * Render `template`, find the `tag` element in it (or it itself) and wait until its shadow root shows something that
 * matches `shown` (say, its list, its empty state or its error), then for that render to land.
 */
export async function mountShowing<T extends Mountable>(
  template: TemplateResult,
  tag: string,
  shown: string,
): Promise<T> {
  const el = await render<T>(template, tag);
  await until(() => $(el, shown), `<${tag}> to show ${shown}`);
  await el.updateComplete;
  return el;
}
