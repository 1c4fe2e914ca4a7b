import { TZDate, tz } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { type DayKey, parseDayKey, utcMillisToDayKey } from './day-key.js';
import { type InstantInput, toDate } from './instant.js';
import { assertTimeZone } from './intl-cache.js';
import { zoneOffsetMinutes } from './offset.js';

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

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
