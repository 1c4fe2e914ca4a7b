import { startAutoloader } from './autoloader.js';
import { CHUNKS } from './cdn-chunks.js';

/**
 * The script-tag entry, built twice from this file: `cdn/frontdesk.js` (a module script) and
 * `cdn/frontdesk.classic.iife.js` (a classic script, for CMSs that strip module scripts; a classic script may still
 * `import()` modules). Both load the same chunks, so a CMS page weighs what a module page weighs.
 *
 * On finding a tag, it adds a `modulepreload` link for every chunk the tag needs and every chunk of the adapter its
 * `<fd-clinic>` names, before the element upgrades: the browser fetches all of them in one wave instead of
 * discovering them import by import.
 */

// Chunks sit beside this script. A classic script knows its own address only while it first runs (and has no
// `import.meta`); a module script has no `currentScript`.
const BASE = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url;
const url = (index: number) => new URL(CHUNKS.files[index] ?? '', BASE).href;

const preloaded = new Set<number>();
function preload(indexes: readonly number[] | undefined): void {
  for (const index of indexes ?? []) {
    if (preloaded.has(index)) continue;
    preloaded.add(index);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = url(index);
    document.head.append(link);
  }
}

/** The nearest enclosing `<fd-clinic>`, crossing shadow roots (an element may be created inside another's). */
function clinicOf(element: Element): Element | undefined {
  for (let node: Node | null = element.parentNode; node; ) {
    if (node instanceof Element && node.localName === 'fd-clinic') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

const loaders: Record<string, () => Promise<unknown>> = {};
for (const [tag, [module] = []] of Object.entries(CHUNKS.tags)) {
  if (module !== undefined) loaders[tag] = () => import(/* @vite-ignore */ url(module));
}

startAutoloader({
  loaders,
  prefetch(element) {
    preload(CHUNKS.tags[element.localName]?.slice(1));
    const clinic = element.localName === 'fd-clinic' ? element : clinicOf(element);
    const adapter = clinic?.getAttribute('adapter')?.trim();
    if (adapter && Object.hasOwn(CHUNKS.adapters, adapter)) preload(CHUNKS.adapters[adapter]);
  },
});
