// Instants for display, on Intl alone (no date-fns): what a widget's first download formats with.
import { invalidInput } from './errors.js';
import { dateTimeFormat, isTimeZone, knownDateFormat } from './intl-cache.js';

/**
 * An absolute point in time: an ISO string with an offset, epoch milliseconds or a Date. A string without an offset
 * is refused, since reading it would silently use the machine's own zone.
 */
export type InstantInput = string | number | Date;

/** How a zone is named: `long` "Eastern Standard Time", `longGeneric` "Eastern Time", `shortOffset` "GMT-5", ... */
export type TimeZoneNameStyle = 'short' | 'long' | 'shortGeneric' | 'longGeneric' | 'shortOffset' | 'longOffset';

/** The `Instant` schema's shape check, inlined: this runs for every slot, and the schema call costs more than the rest. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function toDate(value: InstantInput): Date {
  if (typeof value === 'string' && !ISO_WITH_OFFSET.test(value)) {
    throw invalidInput('instant', 'expected an ISO date and time with an offset');
  }
  const date = new Date(value instanceof Date ? value.getTime() : value);
  if (Number.isNaN(date.getTime())) throw invalidInput('instant', 'not a valid date');
  return date;
}

/** An instant in `timeZone` through a cached Intl formatter. */
function formatIn(value: InstantInput, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  return dateTimeFormat(locale, { timeZone, ...options }).format(date);
}

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** Formats an instant in `timeZone` for `locale`, optionally naming the zone. */
export type InstantFormatter = (
  value: InstantInput,
  timeZone: string,
  locale: string,
  options?: { timeZoneName?: TimeZoneNameStyle },
) => string;

/** "9:30 AM" in en-US, "9:30" in es-ES: the wall time in `timeZone`, optionally with the zone ("9:30 AM EDT"). */
export const formatTime: InstantFormatter = (value, timeZone, locale, options = {}) =>
  formatIn(value, timeZone, locale, { ...TIME, ...options });

/** `formatTime` for epoch milliseconds, a zone and a locale already checked: no checks, no named errors. */
export const timeText = (ms: number, timeZone: string, locale: string, timeZoneName?: TimeZoneNameStyle): string =>
  knownDateFormat(locale, { timeZone, ...TIME, ...(timeZoneName ? { timeZoneName } : {}) }).format(ms);

/** The date of an instant in `timeZone`, in one of Intl's date styles ("Mar 8, 2026" is `medium`). */
export function formatDate(
  value: InstantInput,
  timeZone: string,
  locale: string,
  style: 'full' | 'long' | 'medium' | 'short' = 'medium',
): string {
  return formatIn(value, timeZone, locale, { dateStyle: style });
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  ...TIME,
};

/** Date and time in `timeZone`, for a confirmation: "Sun, Mar 8, 2026, 9:30 AM EDT" with `timeZoneName: 'short'`. */
export const formatDateTime: InstantFormatter = (value, timeZone, locale, options = {}) =>
  formatIn(value, timeZone, locale, { ...DATE_TIME, ...options });

/** The zone's name at an instant, in `locale`: "Eastern Time" (`longGeneric`, the default) or "GMT-5" (`shortOffset`). */
export function formatTimeZoneName(
  timeZone: string,
  locale: string,
  at: InstantInput,
  style: TimeZoneNameStyle = 'longGeneric',
): string {
  const date = toDate(at);
  const parts = dateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * The zone the browser runs in (the patient's), the one place the machine's zone is read. `UTC` when the engine does
 * not know it (ICU then reports `Etc/Unknown`, which no formatter accepts).
 */
export function browserTimeZone(): string {
  try {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}
