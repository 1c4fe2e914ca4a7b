// Mounting widgets in the browser tests.
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { settle } from './dom.js';

/** Render `template`, find the `tag` element in it (or it itself) and wait until that widget has settled. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  template: TemplateResult,
  tag: string,
): Promise<T> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === tag ? host : host.querySelector(tag)) as T | null;
  if (!el) throw new Error(`no <${tag}> in the fixture`);
  await settle(el);
  return el;
}
