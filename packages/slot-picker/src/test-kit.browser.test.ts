/**
 * Shared helpers of the slot picker's browser tests (this module has no tests of its own).
 *
 * `sendKeys` talks to @web/test-runner's built-in send-keys command (real key events from the browser's automation
 * protocol, not synthetic ones). The usual browser module, `@web/test-runner-commands`, is not resolvable from this
 * package under pnpm's strict layout, so its few lines of transport are repeated here.
 */
import type { FrontdeskAdapter } from '@frontdesk/core';
import { createMemoryAdapter, type MemoryAdapter } from '@frontdesk/core/memory';
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './define.js';
import type { FdSlotPicker } from './slot-picker.js';

type KeyPayload = { type: string } | { press: string } | { down: string } | { up: string };

export async function sendKeys(payload: KeyPayload): Promise<void> {
  const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');
  const socketModule = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = (await import(/* @vite-ignore */ socketModule)) as {
    sendMessageWaitForResponse: (message: unknown) => Promise<{ executed: boolean; result: unknown }>;
  };
  const response = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: 'send-keys', payload });
  if (!response.executed) throw new Error('the send-keys command is not available');
}

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

/** The demo clinic at a fixed moment: Monday 2 March 2026, 07:00 in New York. */
export const NOW = '2026-03-02T12:00:00Z';
export const START = '2026-03-02';

export const memory = (options: Parameters<typeof createMemoryAdapter>[0] = {}): MemoryAdapter =>
  createMemoryAdapter({ now: NOW, ...options });

/** The memory adapter with some methods replaced: a backend that misbehaves in one particular way. */
export function withOverrides(base: MemoryAdapter, overrides: Partial<FrontdeskAdapter>): FrontdeskAdapter {
  return new Proxy(base, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof FrontdeskAdapter];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const shadow = (el: FdSlotPicker) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: FdSlotPicker, selector: string) =>
  shadow(el).querySelector<T & Element>(selector) as T | null;
export const $$ = <T extends Element = HTMLElement>(el: FdSlotPicker, selector: string) => [
  ...shadow(el).querySelectorAll<T & Element>(selector),
];
export const text = (node: Element | ShadowRoot | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The element focused inside the picker's shadow root. */
export const focused = (el: FdSlotPicker) => shadow(el).activeElement as HTMLElement | null;

/**
 * Wait until nothing is loading and every render has landed. Timers, not animation frames: the runner opens two test
 * pages at once and the second is hidden, where Chromium runs no frames.
 */
export async function settle(el: FdSlotPicker): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await el.updateComplete;
    if (!$(el, '[part~="loading"]')) break;
    await sleep(10);
  }
  await sleep(0);
  await el.updateComplete;
}

/** Wait for `condition`, failing with `what` after two seconds. */
export async function until<T>(condition: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = condition();
    if (value) return value;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Wait for the polite live region to say what `expected` matches. Announcements land after a short delay, and an
 * earlier one may still be on its way, so the test waits for its own rather than reading the first it sees.
 */
export async function heard(el: FdSlotPicker, expected: RegExp): Promise<string> {
  const live = () => text($(el, '[role="status"][aria-live="polite"]'));
  try {
    return await until(() => expected.test(live()) && live(), `an announcement matching ${expected}`);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the live region says "${live()}"`);
  }
}

export async function mount(template: TemplateResult): Promise<FdSlotPicker> {
  const host = await fixture(template);
  const el = (host.localName === 'fd-slot-picker' ? host : host.querySelector('fd-slot-picker')) as FdSlotPicker;
  await settle(el);
  return el;
}

/** Click a day cell and wait for its times. */
export async function chooseDay(el: FdSlotPicker, day: string): Promise<void> {
  const cell = $(el, `td[data-day="${day}"]`);
  if (!cell) throw new Error(`no cell for ${day}`);
  cell.click();
  await settle(el);
}

export const timeButtons = (el: FdSlotPicker) => $$<HTMLButtonElement>(el, 'button[data-slot]');

/** The first day in the month shown with at least `min` times. */
export function dayWithTimes(el: FdSlotPicker, min = 1): string {
  const cell = $$(el, 'td.open').find((td) => Number(/(\d+) (?:times?|horarios?)/.exec(text(td))?.[1] ?? 0) >= min);
  if (!cell) throw new Error(`no day with ${min} times`);
  return cell.dataset.day!;
}
