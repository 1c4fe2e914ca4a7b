import type { DayKey, PartOfDay, Slot } from '@frontdesk/core';
import type { CleanSlot } from './slot-cleaning.js';
import { ZoneClock } from './zone-clock.js';

/** A free slot placed on the wall clock of the zone being shown. */
export interface DaySlot extends CleanSlot {
  /** Minutes since the start of its day, in that zone. */
  minutes: number;
}

/** Free slots grouped by day in one zone: built once per (slots, zone, filter), then every lookup is a map read. */
export interface DayIndex {
  timeZone: string;
  /** Days with at least one free slot, in order. */
  days: DayKey[];
  byDay: Map<DayKey, DaySlot[]>;
}

/**
 * Group free slots (already in start order) by the day they start on in `timeZone`, keeping those that `accept`
 * and that start within [`firstDay`, `lastDay`] there.
 */
export function buildDayIndex(
  slots: readonly CleanSlot[],
  timeZone: string,
  range: { firstDay: DayKey; lastDay: DayKey },
  accept: (slot: Slot) => boolean = () => true,
): DayIndex {
  const clock = new ZoneClock(timeZone);
  const byDay = new Map<DayKey, DaySlot[]>();
  const days: DayKey[] = [];
  for (const entry of slots) {
    if (!accept(entry.slot)) continue;
    const { day, minutes } = clock.wallTime(entry.startMs);
    if (day < range.firstDay || day > range.lastDay) continue;
    let list = byDay.get(day);
    if (!list) {
      list = [];
      byDay.set(day, list);
      days.push(day);
    }
    list.push({ ...entry, minutes });
  }
  // Input is in start order, so days arrive in order too; sorting guards against a caller that forgot.
  days.sort();
  return { timeZone, days, byDay };
}

/** The first day on or after `from` (or strictly after, with `after`) that has a free slot. */
export function nextAvailableDay(index: DayIndex, from: DayKey, after = false): DayKey | undefined {
  // Binary search: `days` is sorted and may hold 90 entries or, for a long range, several hundred.
  let low = 0;
  let high = index.days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const day = index.days[mid]!;
    if (day < from || (after && day === from)) low = mid + 1;
    else high = mid;
  }
  return index.days[low];
}

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

/** Morning before 12:00, afternoon before 17:00, evening after: the same split as core's `partOfDay`. */
export function partOfDayFromMinutes(minutes: number): PartOfDay {
  return minutes < NOON ? 'morning' : minutes < FIVE_PM ? 'afternoon' : 'evening';
}

/** A day's slots split into morning, afternoon and evening, leaving out empty parts. */
export function groupByPartOfDay(slots: readonly DaySlot[]): { part: PartOfDay; slots: DaySlot[] }[] {
  const groups: Record<PartOfDay, DaySlot[]> = { morning: [], afternoon: [], evening: [] };
  for (const slot of slots) groups[partOfDayFromMinutes(slot.minutes)].push(slot);
  return (['morning', 'afternoon', 'evening'] as const)
    .filter((part) => groups[part].length > 0)
    .map((part) => ({ part, slots: groups[part] }));
}
