/**
 * Every widget's words, by namespace (one per widget, `base` for the states all widgets share) and language. A widget
 * registers its English table (bundled) and its other languages (loaded on first use) when its module runs; a host
 * page may add a language or replace one at any time with `registerStrings`, and every widget on the page switches.
 *
 * The registry lives on a global symbol, so two copies of Frontdesk on one page (the script tag and an npm build)
 * read the same registrations.
 */

/** A string table: plain strings, or functions where a value (a count, a name) shapes the sentence. */
export type StringTable = Record<string, string | ((...args: never[]) => string)>;

/**
 * A table, or a function that loads one: a module whose default export is the table (`() => import('./strings.fr.js')`)
 * or the table itself.
 */
export type StringSource<T extends StringTable> = Partial<T> | (() => Promise<Partial<T> | { default: Partial<T> }>);

interface Entry {
  source: StringSource<StringTable>;
  /** Set by the widget's own module; a host page's registration is never replaced by it. */
  builtIn: boolean;
  table?: Partial<StringTable>;
  /** The table over English, made once. */
  merged?: StringTable;
  loading?: Promise<Partial<StringTable>>;
}

interface Registry {
  tables: Map<string, Map<string, Entry>>;
  listeners: Set<() => void>;
}

const KEY = Symbol.for('frontdesk.strings');
const scope = globalThis as { [KEY]?: Registry };
scope[KEY] ??= { tables: new Map(), listeners: new Set() };
const registry: Registry = scope[KEY];

/** Tag to registry key: `es-MX` is `es-mx`. */
const keyOf = (lang: string) => lang.trim().toLowerCase();

function namespaceOf(namespace: string): Map<string, Entry> {
  let languages = registry.tables.get(namespace);
  if (!languages) {
    languages = new Map();
    registry.tables.set(namespace, languages);
  }
  return languages;
}

function put(namespace: string, lang: string, source: StringSource<StringTable>, builtIn: boolean): void {
  const languages = namespaceOf(namespace);
  const key = keyOf(lang);
  if (builtIn && languages.get(key)?.builtIn === false) return;
  languages.set(key, { source, builtIn });
  for (const listener of registry.listeners) listener();
}

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
  put(namespace, lang, source as StringSource<StringTable>, false);
}

/** Run `listener` whenever a table is registered; returns the unsubscribe function. */
export function onStringsChange(listener: () => void): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/** The languages registered for a namespace (lower-case tags), English first. */
export function registeredLanguages(namespace: string): string[] {
  return [...namespaceOf(namespace).keys()].sort((a, b) => Number(b === 'en') - Number(a === 'en'));
}

/**
 * One widget's words: its English table, typed, and the languages registered for its namespace. `table(lang)` is
 * synchronous (what to render now); `load(lang)` resolves once the best table for `lang` is there.
 */
export class Strings<T extends StringTable> {
  readonly namespace: string;
  readonly en: T;

  constructor(namespace: string, en: T, others: Record<string, StringSource<T>> = {}) {
    this.namespace = namespace;
    this.en = en;
    put(namespace, 'en', en, true);
    for (const [lang, source] of Object.entries(others))
      put(namespace, lang, source as StringSource<StringTable>, true);
  }

  /** The registered language that serves `lang`: itself, else its base language, else English. */
  languageFor(lang: string): string {
    const languages = namespaceOf(this.namespace);
    const key = keyOf(lang);
    if (languages.has(key)) return key;
    const base = key.split('-')[0] ?? '';
    return languages.has(base) ? base : 'en';
  }

  /** The table for `lang` if it is loaded (missing keys in English), else undefined. */
  table(lang: string): T | undefined {
    const entry = namespaceOf(this.namespace).get(this.languageFor(lang));
    if (!entry) return this.en;
    if (!entry.table && typeof entry.source !== 'function') entry.table = entry.source;
    if (entry.table) entry.merged ??= { ...this.en, ...entry.table };
    return entry.merged as T | undefined;
  }

  /** The table for `lang`, loading it first when needed. A table that fails to load leaves English in its place. */
  async load(lang: string): Promise<T> {
    const ready = this.table(lang);
    if (ready) return ready;
    const entry = namespaceOf(this.namespace).get(this.languageFor(lang))!;
    const source = entry.source as () => Promise<Partial<StringTable> | { default: Partial<StringTable> }>;
    entry.loading ??= source().then(
      (loaded) => {
        const table = 'default' in loaded ? (loaded.default as Partial<StringTable>) : loaded;
        entry.table = table;
        return table;
      },
      (error: unknown) => {
        entry.loading = undefined; // a later render tries again
        throw error;
      },
    );
    try {
      await entry.loading;
    } catch {
      return this.en;
    }
    return this.table(lang) ?? this.en;
  }
}
