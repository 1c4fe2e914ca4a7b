import { invalidInput } from './errors.js';

/** A calendar day `YYYY-MM-DD`, independent of any time zone. */
export type DayKey = string;

const DAY_MS = 86_400_000;
const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rule of the `CalendarDate` schema (a real day, `YYYY-MM-DD`), written out so date helpers never load zod into a
 * widget page (schema-parity.test.ts checks that both agree).
 */
export function isDayKey(key: unknown): key is DayKey {
  if (typeof key !== 'string' || !DAY_KEY.test(key)) return false;
  const date = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(key);
}

/** [year, month 1-12, day] of a valid day key. */
export function parseDayKey(key: DayKey): [number, number, number] {
  if (!isDayKey(key)) {
    throw invalidInput('dayKey', 'expected YYYY-MM-DD');
  }
  return [Number(key.slice(0, 4)), Number(key.slice(5, 7)), Number(key.slice(8, 10))];
}

/**
 * UTC midnight of a calendar date, as epoch milliseconds. Day keys are pure dates, so their arithmetic runs on UTC
 * midnights, where every day has 24 hours. `setUTCFullYear`, unlike `Date.UTC`, keeps years below 100 as they are.
 */
export function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

export const dayKeyToUtcMidnight = (key: DayKey): number => utcMidnight(...parseDayKey(key));

export const utcMillisToDayKey = (utcMillis: number): DayKey => new Date(utcMillis).toISOString().slice(0, 10);

/** UTC midnight of a day key already checked (the unchecked functions below start here). */
export const keyMidnight = (key: DayKey): number =>
  utcMidnight(Number(key.slice(0, 4)), Number(key.slice(5, 7)), Number(key.slice(8, 10)));

/** The day `days` after (or before) a day key, both already checked: what widgets use on their own keys. */
export const shiftDayKey = (key: DayKey, days: number): DayKey => utcMillisToDayKey(keyMidnight(key) + days * DAY_MS);

/** The day `days` after (or before, when negative) a day key. */
export function addDaysToKey(key: DayKey, days: number): DayKey {
  if (!Number.isSafeInteger(days)) throw invalidInput('days', 'expected a whole number of days');
  parseDayKey(key);
  return shiftDayKey(key, days);
}
