import { assertTimeZone, knownDateFormat } from './intl-cache.js';

/**
 * A zone's UTC offset at an instant, in whole minutes, remembered per 6-hour window.
 *
 * Asking Intl costs microseconds, and the slot picker asks for every one of thousands of slots. Offsets only change at
 * transitions, so a window whose first and last millisecond share an offset has it throughout (no zone changes its
 * clocks twice within six hours); a window holding a transition is answered exactly, instant by instant.
 *
 * Historic local mean times have offsets with seconds, which an ISO offset cannot carry; the offset is rounded and
 * callers derive the wall time from the same rounded value, so the instant still round-trips.
 */
const WINDOW_MS = 6 * 3_600_000;
const MAX_WINDOWS = 4096;
const windows = new Map<string, number>();

/**
 * The offset Intl names at `millis` ("GMT-05:00", "GMT+05:45", "GMT-04:56:02" for a local mean time, "GMT"), in
 * minutes, for a zone already checked and without the window cache: for callers that keep their own (`ZoneClock`).
 */
export function exactOffset(timeZone: string, millis: number): number {
  const name = knownDateFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(millis)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /([+-])(\d{2}):?(\d{2})?:?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0) + Number(match[4] ?? 0) / 60;
  return Math.round(match[1] === '-' ? -minutes : minutes);
}

export function zoneOffsetMinutes(timeZone: string, millis: number): number {
  assertTimeZone(timeZone);
  const index = Math.floor(millis / WINDOW_MS);
  const key = `${timeZone}|${index}`;
  const known = windows.get(key);
  if (known !== undefined) return known;
  const start = index * WINDOW_MS;
  const atStart = exactOffset(timeZone, start);
  if (atStart !== exactOffset(timeZone, start + WINDOW_MS - 1)) return exactOffset(timeZone, millis);
  if (windows.size >= MAX_WINDOWS) windows.clear();
  windows.set(key, atStart);
  return atStart;
}
