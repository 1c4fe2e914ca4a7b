import { devWarn, VERSION } from '@frontdesk/core';

/** Where the autoloader gets an element's code: its `import()`, and optionally what to fetch ahead of it. */
export interface ElementSource {
  /** Every tag it can define, and how to import the module that defines it. */
  loaders: Readonly<Record<string, () => Promise<unknown>>>;
  /**
   * Called once per element found, before its module is imported: start fetching everything it will need (its code
   * and its adapter's), so all of it arrives in one round trip instead of one import after another.
   */
  prefetch?: (element: Element) => void;
}

/**
 * Defines each `fd-*` element the first time it appears in the page, including elements added later, importing only
 * that element's module. Loading it twice, or beside another copy (the module build beside the classic one), is
 * harmless: the first copy to start does the work. Returns the function that defines one tag on request.
 */
const MARK = Symbol.for('frontdesk.autoloader');
type Marked = { [MARK]?: { version: string; load: (tag: string) => Promise<void> } };

export function startAutoloader(source: ElementSource): (tag: string) => Promise<void> {
  const scope = globalThis as Marked;
  const requested = new Map<string, Promise<void>>();

  function loadElement(tag: string): Promise<void> {
    const known = requested.get(tag);
    if (known) return known;
    const loader = Object.hasOwn(source.loaders, tag) ? source.loaders[tag] : undefined;
    if (!loader || customElements.get(tag)) return Promise.resolve();
    const loading = loader().then(
      () => undefined,
      (error: unknown) => {
        requested.delete(tag); // a failed chunk download is retried the next time the tag appears
        devWarn(`could not load <${tag}>: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    requested.set(tag, loading);
    return loading;
  }

  const selector = Object.keys(source.loaders).join(',');
  const found = (element: Element) => {
    if (customElements.get(element.localName)) return;
    source.prefetch?.(element);
    void loadElement(element.localName);
  };
  const scan = (root: ParentNode) => {
    if (root instanceof Element && root.matches(selector)) found(root);
    for (const element of root.querySelectorAll(selector)) found(element);
  };

  const running = scope[MARK];
  if (running) {
    if (running.version !== VERSION) {
      devWarn(
        `two copies of Frontdesk are loaded (versions ${running.version} and ${VERSION}); the first one is used.`,
      );
    }
    return running.load;
  }
  scope[MARK] = { version: VERSION, load: loadElement };
  // Everything already in the page at once (one wave of requests), then whatever is added later.
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
  return loadElement;
}
