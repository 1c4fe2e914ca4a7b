// Reading and waiting on widgets in the browser tests (Chromium under @web/test-runner). One copy for every package:
// see docs/design.md section 14 for the whole kit.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A frame's worth of waiting on a timer. A hidden page never runs animation frames, so tests never wait on
 * `requestAnimationFrame` itself.
 */
export const frame = (): Promise<void> => sleep(16);

/**
 * Animation frames become short timers on this page. The runner opens two test pages at once and the second is
 * hidden, where Chromium never runs animation frames: live-region announcements (set in a frame) and `nextFrame` would
 * wait forever there. Call it at the top of a test file whose widget announces.
 */
export function framesOnTimers(): void {
  window.requestAnimationFrame = (callback: FrameRequestCallback): number =>
    window.setTimeout(() => callback(performance.now()), 16);
  window.cancelAnimationFrame = (handle: number): void => window.clearTimeout(handle);
}

/** The text of a node, whitespace collapsed: what a screen reader is given. A widget is read through its shadow root. */
export function text(node: Node | null | undefined): string {
  const read = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
  return read?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The text as laid out, line breaks between blocks (a `dt` and its `dd`, address lines) read as spaces. */
export function shownText(node: Element | null | undefined): string {
  if (node?.shadowRoot) return text(node);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, block breaks included, is the point
  return (node as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
}

/** The widget's shadow root. */
export const shadow = (el: Element): ShadowRoot => {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root (is it defined?)`);
  return el.shadowRoot;
};

/** The first match inside a widget's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  shadow(el).querySelector<T & Element>(selector) as T | null;

/** Every match inside a widget's shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...shadow(el).querySelectorAll<T & Element>(selector),
];

/** A widget's `part`, by one of its part names. */
export const part = (el: Element, name: string): HTMLElement | null => $(el, `[part~="${name}"]`);

/** The element focused inside a widget's shadow root. */
export const focused = (el: Element): HTMLElement | null => shadow(el).activeElement as HTMLElement | null;

/** Wait for `condition` to hold (returning what it returned), failing with `what` after `ms`. */
export async function until<T>(
  condition: () => T | null | undefined | false | 0 | '',
  what: string,
  ms = 5000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

interface Widget extends Element {
  readonly updateComplete: Promise<boolean>;
  readonly loadComplete?: Promise<unknown>;
}

/** Wait until the widget has loaded what it loads (nothing shows `part="loading"`) and every render has landed. */
export async function settle(el: Widget): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await (el.loadComplete ?? el.updateComplete);
    await el.updateComplete;
    if (!part(el, 'loading')) break;
    await sleep(10);
  }
  await frame();
  await el.updateComplete;
}

/** The polite live region's text. */
export const liveText = (el: Element): string => text($(el, '[role="status"][aria-live="polite"]'));

/**
 * Wait for the polite live region to say what `expected` matches. Announcements land after a short delay, and an
 * earlier one may still be on its way, so the test waits for its own rather than reading the first it sees.
 */
export async function heard(el: Element, expected: RegExp): Promise<string> {
  try {
    return await until(() => expected.test(liveText(el)) && liveText(el), `an announcement matching ${expected}`);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the live region says "${liveText(el)}"`);
  }
}

/** The details of every `type` event heard on `target` from now until `cleanup()` (call it in `afterEach`). */
export function collect<T>(type: string, target: EventTarget = document): T[] {
  const details: T[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<T>).detail);
  target.addEventListener(type, listener);
  onCleanup(() => target.removeEventListener(type, listener));
  return details;
}

const cleanups: (() => void)[] = [];

/** Run `undo` at the next `cleanup()`: a listener to remove, an element to take off the page. */
export function onCleanup(undo: () => void): void {
  cleanups.push(undo);
}

/** Undo what `collect()` and `onCleanup()` set up, newest first. */
export function cleanup(): void {
  for (const undo of cleanups.splice(0).reverse()) undo();
}
