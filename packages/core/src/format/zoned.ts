import { TZDate, tz } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { type DayKey, dayKeyToUtcMidnight, parseDayKey, utcMillisToDayKey } from './day-key.js';
import { invalidInput } from './errors.js';
import { assertTimeZone, dateTimeFormat, isTimeZone } from './intl-cache.js';
import { zoneOffsetMinutes } from './offset.js';

/**
 * An absolute point in time: an ISO string with an offset, epoch milliseconds or a Date. A string without an offset
 * is refused, since reading it would silently use the machine's own zone.
 */
export type InstantInput = string | number | Date;

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

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

/** A Date whose UTC fields read as the wall clock in `timeZone` at `date`. */
function wallClock(date: Date, timeZone: string): Date {
  return new Date(date.getTime() + zoneOffsetMinutes(timeZone, date.getTime()) * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-03-08T09:30:00-04:00`: the instant as wall time in `timeZone` with its offset (milliseconds when not 0). */
export function toIsoWithOffset(value: InstantInput, timeZone: string): string {
  const date = toDate(value);
  const offset = zoneOffsetMinutes(timeZone, date.getTime());
  const wall = new Date(date.getTime() + offset * 60_000);
  const millis = wall.getUTCMilliseconds();
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${millis ? `.${pad(millis, 3)}` : ''}${formatOffset(offset)}`
  );
}

/** The calendar day an instant falls on in `timeZone`: the key a slot is grouped under. */
export function dayKey(value: InstantInput, timeZone: string): DayKey {
  return utcMillisToDayKey(wallClock(toDate(value), timeZone).getTime());
}

/**
 * The first instant of a day in `timeZone`, as ISO with offset. Usually midnight; where the clocks jump at midnight
 * (America/Sao_Paulo in 2018, America/Santiago) the day starts at 01:00.
 */
export function startOfDayInZone(key: DayKey, timeZone: string): string {
  const [year, month, day] = parseDayKey(key);
  assertTimeZone(timeZone);
  // Noon exists on every day in every zone, so it pins the day before date-fns walks back to its start.
  const noon = new TZDate(year, month - 1, day, 12, 0, timeZone);
  return toIsoWithOffset(startOfDay(noon, { in: tz(timeZone) }), timeZone);
}

/** Morning before 12:00, afternoon before 17:00, evening after, by the wall clock in `timeZone`. */
export function partOfDay(value: InstantInput, timeZone: string): PartOfDay {
  const hour = wallClock(toDate(value), timeZone).getUTCHours();
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** "9:30 AM" in en-US, "9:30" in es-ES: the wall time in `timeZone`, optionally with the zone ("9:30 AM EDT"). */
export function formatTime(
  value: InstantInput,
  timeZone: string,
  locale: string,
  options: { timeZoneName?: TimeZoneNameStyle } = {},
): string {
  const date = toDate(value);
  return dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', ...options }).format(date);
}

/** The date of an instant in `timeZone`, in one of Intl's date styles ("Mar 8, 2026" is `medium`). */
export function formatDate(
  value: InstantInput,
  timeZone: string,
  locale: string,
  style: 'full' | 'long' | 'medium' | 'short' = 'medium',
): string {
  const date = toDate(value);
  return dateTimeFormat(locale, { timeZone, dateStyle: style }).format(date);
}

/** Date and time in `timeZone`, for a confirmation: "Sun, Mar 8, 2026, 9:30 AM EDT" with `timeZoneName: 'short'`. */
export function formatDateTime(
  value: InstantInput,
  timeZone: string,
  locale: string,
  options: { timeZoneName?: TimeZoneNameStyle } = {},
): string {
  const date = toDate(value);
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...options,
  }).format(date);
}

/**
 * A calendar day key for display: a weekday heading, a month title (`{ month: 'long', year: 'numeric' }`) or a grid
 * cell label. Day keys have no zone, so they are formatted at UTC noon, where no machine zone can shift them.
 */
export function formatDayKey(
  key: DayKey,
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'> = { dateStyle: 'full' },
): string {
  const noonUtc = dayKeyToUtcMidnight(key) + 12 * 3_600_000;
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(noonUtc);
}

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
