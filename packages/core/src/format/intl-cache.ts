import { invalidInput } from './errors.js';

/**
 * Building an Intl formatter costs far more than using one, and a slot list formats hundreds of times per render, so
 * formatters are kept per locale and options. The cache is small and simply starts over when full.
 */
const MAX_ENTRIES = 64;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    value = create();
    cache.set(key, value);
  }
  return value;
}

/** Intl throws a bare RangeError for a malformed locale, time zone or currency; name the culprit instead. */
function rethrowNamed(
  error: unknown,
  options: { timeZone?: string | undefined; currency?: string | undefined },
): never {
  // A TypeError means clashing options (say `dateStyle` with `weekday`): a caller's mistake, named as such.
  if (error instanceof TypeError) throw invalidInput('options', 'conflicting formatting options');
  if (!(error instanceof RangeError)) throw error;
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone))
    throw invalidInput('timeZone', 'not a known time zone');
  if (options.currency !== undefined && !isCurrency(options.currency))
    throw invalidInput('currency', 'not a known currency');
  throw invalidInput('locale', 'not a valid locale');
}

/** One formatter per locale and options, built once; Intl's bare RangeError becomes a named `invalid-input`. */
function formatter<T, O extends Intl.DateTimeFormatOptions | Intl.NumberFormatOptions>(
  cache: Map<string, T>,
  create: (locale: string, options: O) => T,
  locale: string,
  options: O,
): T {
  try {
    return cached(cache, `${locale}|${JSON.stringify(options)}`, () => create(locale, options));
  } catch (error) {
    rethrowNamed(error, options);
  }
}

const createDateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, options);

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  formatter(dateFormats, createDateFormat, locale, options);

/**
 * `dateTimeFormat` for a locale and options already known to be good (a widget's own `lang` and zones): the same
 * cache, without the naming of a bad argument (Intl's own error, should one come).
 */
export const knownDateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dateFormats, `${locale}|${JSON.stringify(options)}`, () => createDateFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  formatter(numberFormats, (l, o) => new Intl.NumberFormat(l, o), locale, options);

const knownZones = new Set<string>();

/** Whether the running engine knows this IANA zone (remembered, since the slot picker asks for every slot). */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size >= MAX_ENTRIES) knownZones.clear();
  knownZones.add(timeZone);
  return true;
}

function isCurrency(currency: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return /^[A-Z]{3}$/.test(currency);
  } catch {
    return false;
  }
}

export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw invalidInput('timeZone', 'not a known time zone');
}
