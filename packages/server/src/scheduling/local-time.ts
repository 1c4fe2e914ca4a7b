import { tzOffset } from '@date-fns/tz';
import { type DayKey, dayKey, shiftDayKey, weekdayOf } from '@frontdesk/core';

/**
 * Wall-clock time in a clinic's zone and the instants it names, daylight saving included: the rules say "Mondays
 * 08:00 to 12:00 in America/Chicago", the API speaks instants with offsets.
 */

/** A calendar date with no zone (a day key, `YYYY-MM-DD`, as core's calendar helpers use it) and its parts. */
export interface LocalDay {
  key: DayKey;
  year: number;
  month: number;
  day: number;
  /** 1 Monday .. 7 Sunday. */
  isoWeekday: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The parts of a day key already checked. */
export function localDay(key: DayKey): LocalDay {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return { key, year, month, day, isoWeekday: weekdayOf(key) || 7 };
}

export function addDays(day: LocalDay, days: number): LocalDay {
  return localDay(shiftDayKey(day.key, days));
}

/** The zone's offset from UTC in minutes (east positive) at an instant. */
export function offsetAt(zone: string, instant: number): number {
  return tzOffset(zone, new Date(instant));
}

/** The date it is in `zone` at `instant`. */
export function dayAt(zone: string, instant: number): LocalDay {
  return localDay(dayKey(instant, zone));
}

/** Midnight starting `day`, read as if the wall clock were UTC: the base of the arithmetic below. */
export function wallMidnight(day: LocalDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

/**
 * The one offset `zone` keeps through the whole of `day`, or undefined when daylight saving switches that day (then
 * ask `instantOf` for each time). Clinics work in the daytime and zones switch at night, but the switch day still
 * has slots.
 */
export function steadyOffset(zone: string, day: LocalDay): number | undefined {
  const midnight = wallMidnight(day);
  const before = offsetAt(zone, midnight - 14 * 3_600_000);
  const after = offsetAt(zone, midnight + 38 * 3_600_000);
  return before === after ? before : undefined;
}

/**
 * The instant of a wall-clock time (`minute` after midnight of `day`) in `zone`, or undefined when that time does not
 * exist there (skipped by a spring-forward). A time that happens twice (fall-back) gives the earlier instant.
 */
export function instantOf(zone: string, day: LocalDay, minute: number): number | undefined {
  const wall = wallMidnight(day) + minute * 60_000;
  // Zones change offset at most once in a day: the offsets half a day either side are the only candidates.
  const offsets = new Set([offsetAt(zone, wall - 43_200_000), offsetAt(zone, wall + 43_200_000)]);
  const fits = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + offsetAt(zone, instant) * 60_000 === wall);
  return fits.length === 0 ? undefined : Math.min(...fits);
}

/** `-05:00`: the offset part of an ISO 8601 instant. */
export function formatOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-03-09T09:30:00-05:00`: the instant as the clinic's wall clock shows it. */
export function formatInstant(zone: string, instant: number): string {
  const offset = offsetAt(zone, instant);
  const local = new Date(instant + offset * 60_000);
  return `${local.toISOString().slice(0, 19)}${formatOffset(offset)}`;
}
