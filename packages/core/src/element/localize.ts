import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onStringsChange, type Strings, type StringTable } from '../i18n/registry.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The nearest `lang` above `element`, crossing shadow roots; `en` when there is none. */
export function langOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

/** `lang` as Intl takes it (`es-mx` is `es-MX`); `en` for a tag Intl refuses, so formatting never throws. */
export function intlLang(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

// One observer for the page: a `lang` or `dir` change anywhere, or a newly registered table, re-renders every widget.
const controllers = new Set<LocalizeController<StringTable>>();
let observer: MutationObserver | undefined;
let listening = false;
function watch(controller: LocalizeController<StringTable>): void {
  controllers.add(controller);
  const refreshAll = () => {
    for (const each of controllers) each.refresh();
  };
  if (!listening) {
    listening = true;
    onStringsChange(refreshAll);
  }
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(refreshAll);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
}

/**
 * Localization for one element: `t.key` for strings, `t.key(n)` for sentences with values, `lang` for `Intl`. The
 * element re-renders when the nearest `lang` or `dir` changes, when a lazily loaded table arrives, and when a page
 * registers a table.
 */
export class LocalizeController<T extends StringTable> implements ReactiveController {
  private readonly host: Host;
  private readonly strings: Strings<T>;
  private current: T;
  /** The full tag (`es-MX`) for Intl formatting, always one Intl accepts. */
  lang = 'en';
  /** Writing direction of the nearest `dir`, for layout decisions that CSS cannot make. */
  dir: 'ltr' | 'rtl' = 'ltr';

  constructor(host: Host, strings: Strings<T>) {
    this.host = host;
    this.strings = strings;
    this.current = strings.en;
    host.addController(this);
  }

  get t(): T {
    return this.current;
  }

  hostConnected(): void {
    watch(this as unknown as LocalizeController<StringTable>);
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this as unknown as LocalizeController<StringTable>);
  }

  /** Resolves when the words for the element's language are shown (loading them if needed). */
  async ready(): Promise<void> {
    this.refresh();
    await this.strings.load(this.lang);
    this.refresh();
  }

  refresh(): void {
    const lang = intlLang(langOf(this.host));
    const dir = directionOf(this.host);
    // English while another language loads, so nothing is ever blank.
    const table = this.strings.table(lang);
    if (!table) void this.strings.load(lang).then(() => this.refresh());
    const next = table ?? this.strings.en;
    const changed = lang !== this.lang || dir !== this.dir || next !== this.current;
    this.lang = lang;
    this.dir = dir;
    this.current = next;
    if (changed) this.host.requestUpdate();
  }
}

function directionOf(element: Element): 'ltr' | 'rtl' {
  try {
    // `:dir()` follows `dir` through shadow roots and `dir="auto"`.
    return element.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  } catch {
    return element.closest('[dir]')?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  }
}
