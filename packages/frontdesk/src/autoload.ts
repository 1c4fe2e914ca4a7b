import { devWarn, VERSION } from '@frontdesk/core';
import { ELEMENT_LOADERS } from './elements.js';

/**
 * The script-tag entry: defines each `fd-*` element the first time it appears in the page, including elements
 * added later, importing only that element's chunk. Loading it twice, or beside another copy, is harmless.
 */
const MARK = Symbol.for('frontdesk.autoloader');
type Marked = { [MARK]?: { version: string; load: (tag: string) => Promise<void> } };
const scope = globalThis as Marked;

const requested = new Map<string, Promise<void>>();

/** Define one tag now (for code that creates elements itself, such as the provider card's inline booking). */
export function loadElement(tag: string): Promise<void> {
  const known = requested.get(tag);
  if (known) return known;
  const loader = ELEMENT_LOADERS[tag];
  if (!loader || customElements.get(tag)) return Promise.resolve();
  const loading = loader().then(
    () => undefined,
    (error: unknown) => devWarn(`could not load <${tag}>: ${error instanceof Error ? error.message : String(error)}`),
  );
  requested.set(tag, loading);
  return loading;
}

const selector = Object.keys(ELEMENT_LOADERS).join(',');

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) void loadElement(root.localName);
  for (const element of root.querySelectorAll(selector)) void loadElement(element.localName);
}

function start(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (scope[MARK]) {
  if (scope[MARK].version !== VERSION) {
    devWarn(
      `two copies of Frontdesk are loaded (versions ${scope[MARK].version} and ${VERSION}); the first one is used.`,
    );
  }
} else {
  scope[MARK] = { version: VERSION, load: loadElement };
  start();
}
