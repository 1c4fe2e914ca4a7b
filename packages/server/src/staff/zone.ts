import type { ClinicSnapshot } from '../clinic/store.js';
import { addDays, instantOf, type LocalDay, localDay } from '../scheduling/local-time.js';

/**
 * The time zone a staff view is in, always said out loud in the answer: the one asked for, else the location's,
 * else the clinic's (its first location's), else UTC for a clinic with no location yet.
 */
export function viewZone(snapshot: ClinicSnapshot, asked: string | undefined, locationId?: string): string {
  if (asked) return asked;
  const location = locationId === undefined ? undefined : snapshot.locationsById.get(locationId);
  return location?.timeZone ?? snapshot.locations[0]?.timeZone ?? 'UTC';
}

/** The first instant of a local day (midnight, or the first minute after a skipped midnight). */
export function startOfDay(zone: string, day: LocalDay): number {
  for (let minute = 0; minute <= 180; minute += 15) {
    const instant = instantOf(zone, day, minute);
    if (instant !== undefined) return instant;
  }
  throw new Error(`no start of day in ${zone}`);
}

/** [start, end) of the local days `first` to `last` (inclusive) in `zone`. */
export function daysRange(zone: string, first: string, last: string): { startMs: number; endMs: number } {
  return { startMs: startOfDay(zone, localDay(first)), endMs: startOfDay(zone, addDays(localDay(last), 1)) };
}
