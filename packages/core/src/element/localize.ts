import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

/** A string table: plain strings, or functions where a value (a count, a name) shapes the sentence. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/** English is bundled; other locales may be bundled or loaded on first use. */
export type Tables<T extends StringTable> = { en: T } & { [L in Exclude<Locale, 'en'>]?: T | (() => Promise<T>) };

type Host = ReactiveControllerHost & HTMLElement;

/** The nearest `lang`, crossing shadow roots, as one of our locales. */
export function resolveLocale(element: Element): { locale: Locale; lang: string } {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang') ?? '';
      return { locale: matchLocale(lang), lang: lang || 'en' };
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return { locale: 'en', lang: 'en' };
}

export function matchLocale(lang: string): Locale {
  const base = lang.toLowerCase().split('-')[0] as Locale;
  return LOCALES.includes(base) ? base : 'en';
}

// One observer for the whole page: a `lang` change anywhere re-renders every connected widget.
const hosts = new Set<LocalizeController<StringTable>>();
let observer: MutationObserver | undefined;
function watch(controller: LocalizeController<StringTable>): void {
  hosts.add(controller);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const c of hosts) c.refresh();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
}

/**
 * Localization for one element: `t.key` for strings, `t.key(n)` for sentences with values, `locale`/`lang` for
 * `Intl`. The element re-renders when the nearest `lang` changes or a lazily loaded table arrives.
 */
export class LocalizeController<T extends StringTable> implements ReactiveController {
  private readonly host: Host;
  private readonly tables: Tables<T>;
  private readonly loaded = new Map<Locale, T>();
  locale: Locale = 'en';
  /** The full tag (`es-MX`) for Intl formatting. */
  lang = 'en';
  /** Writing direction of the nearest `dir`, for layout decisions that CSS cannot make. */
  dir: 'ltr' | 'rtl' = 'ltr';

  constructor(host: Host, tables: Tables<T>) {
    this.host = host;
    this.tables = tables;
    this.loaded.set('en', tables.en);
    host.addController(this);
  }

  get t(): T {
    return this.loaded.get(this.locale) ?? this.tables.en;
  }

  hostConnected(): void {
    watch(this as unknown as LocalizeController<StringTable>);
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this as unknown as LocalizeController<StringTable>);
  }

  refresh(): void {
    const { locale, lang } = resolveLocale(this.host);
    const dir = getComputedStyleDirection(this.host);
    const changed = locale !== this.locale || lang !== this.lang || dir !== this.dir;
    this.locale = locale;
    this.lang = lang;
    this.dir = dir;
    if (!this.loaded.has(locale)) void this.load(locale);
    if (changed) this.host.requestUpdate();
  }

  private async load(locale: Locale): Promise<void> {
    const source = (this.tables as Record<string, T | (() => Promise<T>) | undefined>)[locale];
    if (!source) return;
    const table = typeof source === 'function' ? await source() : source;
    // Missing keys fall back to English, so a partial translation never shows a blank.
    this.loaded.set(locale, { ...this.tables.en, ...table });
    this.host.requestUpdate();
  }
}

function getComputedStyleDirection(element: Element): 'ltr' | 'rtl' {
  try {
    // `:dir()` follows `dir` through shadow roots and `dir="auto"`.
    return element.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  } catch {
    return element.closest('[dir]')?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
  }
}
