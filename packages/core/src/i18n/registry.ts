/**
 * Every widget's words, by namespace (one per widget, `base` for the states all widgets share) and language. A widget
 * brings its English table (bundled) and its other languages (loaded on first use); a host page adds a language, or
 * replaces one, at any time with `registerStrings`, and every widget on the page switches to it.
 *
 * What pages register lives on a global symbol, so two copies of Frontdesk on one page (the script tag and an npm
 * build) read the same registrations.
 */

/** A string table: plain strings, or functions where a value (a count, a name) shapes the sentence. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/**
 * A table, or a function that loads one: a module whose default export is the table (`() => import('./strings.fr.js')`)
 * or the table itself.
 */
export type StringSource<T extends StringTable> = Partial<T> | (() => Promise<Partial<T> | { default: Partial<T> }>);

/** One language of one namespace: where its table comes from, and the table over English once it is there. */
interface Entry {
  source: StringSource<StringTable>;
  table?: StringTable;
  loading?: Promise<unknown>;
}

interface Registry {
  /** `namespace|lang` to what a page registered. */
  pages: Map<string, Entry>;
  listeners: Set<() => void>;
}

const KEY = Symbol.for('frontdesk.strings');
const scope = globalThis as { [KEY]?: Registry };
scope[KEY] ??= { pages: new Map(), listeners: new Set() };
const registry: Registry = scope[KEY];

/**
 * Add or replace a language for one widget's namespace (`fd-slot-picker`, `fd-survey`, `base`, ...). The table may be
 * partial: missing keys fall back to English. Regional tags (`fr-CA`) are used for pages in that region, the base
 * language (`fr`) for every region without its own table. TypeScript pages check a table against the widget's
 * English one: `registerStrings<SlotPickerStrings>('fd-slot-picker', 'fr', {...})`.
 */
export function registerStrings<T extends StringTable = StringTable>(
  namespace: string,
  lang: string,
  source: StringSource<T>,
): void {
  registry.pages.set(`${namespace}|${lang.trim().toLowerCase()}`, { source: source as StringSource<StringTable> });
  for (const listener of registry.listeners) listener();
}

/** Run `listener` whenever a page registers a table; returns the unsubscribe function. */
export function onStringsChange(listener: () => void): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/**
 * One widget's words: its English table, typed, the languages it ships, and those pages register for its namespace.
 * `table(lang)` is synchronous (what to render now); `load(lang)` resolves once the best table for `lang` is there.
 */
export class Strings<T extends StringTable> {
  readonly namespace: string;
  readonly en: T;
  private readonly own = new Map<string, Entry>();

  constructor(namespace: string, en: T, others: Record<string, StringSource<T>> = {}) {
    this.namespace = namespace;
    this.en = en;
    for (const [lang, source] of Object.entries(others))
      this.own.set(lang, { source: source as StringSource<StringTable> });
  }

  /** What serves `lang`: a page's table, else the widget's own, for the tag itself, else for its base language. */
  private entry(lang: string): Entry | undefined {
    const tag = lang.trim().toLowerCase();
    for (const key of [tag, tag.split('-')[0] ?? '']) {
      const found = registry.pages.get(`${this.namespace}|${key}`) ?? this.own.get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** The table for `lang` if it is there (missing keys in English), else undefined while it loads. */
  table(lang: string): T | undefined {
    const entry = this.entry(lang);
    if (!entry) return this.en;
    if (!entry.table && typeof entry.source !== 'function') entry.table = { ...this.en, ...entry.source };
    return entry.table as T | undefined;
  }

  /** The table for `lang`, loading it first when needed. A table that fails to load leaves English in its place. */
  async load(lang: string): Promise<T> {
    const entry = this.entry(lang);
    if (!entry || this.table(lang)) return this.table(lang) ?? this.en;
    const source = entry.source as () => Promise<Partial<StringTable> | { default: Partial<StringTable> }>;
    entry.loading ??= source().then(
      (loaded) => {
        const table = ('default' in loaded ? loaded.default : loaded) as Partial<StringTable>;
        entry.table = { ...this.en, ...table } as StringTable;
      },
      () => {
        entry.loading = undefined; // a later render tries again; English meanwhile
      },
    );
    await entry.loading;
    return this.table(lang) ?? this.en;
  }
}
