import type { Slot, SlotQuery } from '@frontdesk/core';
import type { ClinicSnapshot, ClosureDays, Rule } from '../clinic/store.js';
import {
  addDays,
  dayAt,
  formatInstant,
  formatOffset,
  instantOf,
  type LocalDay,
  steadyOffset,
  wallMidnight,
} from './local-time.js';
import { formatSlotId } from './slot-id.js';

/** A slot query with its window as instants in milliseconds. */
export type SlotFilter = Omit<SlotQuery, 'start' | 'end'> & { startMs: number; endMs: number };

/** A slot computed from a rule, before bookings are looked at. */
export interface OpenSlot {
  providerId: string;
  locationId: string | undefined;
  startMs: number;
  endMs: number;
  /** The provider's place in the clinic's list: orders slots that start together. */
  order: number;
  slot: Slot;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clockTime = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

function closedOn(closures: readonly ClosureDays[], key: string): boolean {
  return closures.some((closure) => closure.firstDay <= key && key <= closure.lastDay);
}

/** The bookable range: from now plus the minimum notice, to the last day of the horizon in each zone. */
export interface Bookable {
  nowMs: number;
  earliestMs: number;
  horizonDays: number;
}

export function bookableNow(snapshot: ClinicSnapshot, nowMs: number): Bookable {
  const { minimumNoticeMinutes, horizonDays } = snapshot.settings;
  return { nowMs, earliestMs: nowMs + minimumNoticeMinutes * 60_000, horizonDays };
}

function ruleSlots(
  rule: Rule,
  order: number,
  closures: readonly ClosureDays[],
  filter: SlotFilter,
  bookable: Bookable,
  out: OpenSlot[],
): void {
  const zone = rule.timeZone;
  const from = Math.max(filter.startMs, bookable.earliestMs);
  if (from >= filter.endMs) return;
  const lastBookableDay = addDays(dayAt(zone, bookable.nowMs), bookable.horizonDays - 1).key;
  // One day either side: a slot's local day and its UTC instant can fall on different dates.
  let day: LocalDay = addDays(dayAt(zone, from), -1);
  const lastDay = addDays(dayAt(zone, filter.endMs), 1).key;
  const visitTypeIds = [...rule.visitTypeIds];
  for (; day.key <= lastDay && day.key <= lastBookableDay; day = addDays(day, 1)) {
    if (!rule.weekdays.has(day.isoWeekday)) continue;
    if (rule.validFrom !== undefined && day.key < rule.validFrom) continue;
    if (rule.validUntil !== undefined && day.key > rule.validUntil) continue;
    if (closedOn(closures, day.key)) continue;
    const offset = steadyOffset(zone, day);
    const midnight = wallMidnight(day);
    for (let minute = rule.startMinute; minute + rule.slotMinutes <= rule.endMinute; minute += rule.slotMinutes) {
      const startMs = offset === undefined ? instantOf(zone, day, minute) : midnight + (minute - offset) * 60_000;
      if (startMs === undefined || startMs < from || startMs >= filter.endMs) continue;
      const endMs = startMs + rule.slotMinutes * 60_000;
      const endMinute = minute + rule.slotMinutes;
      const plain = offset !== undefined && endMinute < 24 * 60;
      out.push({
        providerId: rule.providerId,
        locationId: rule.locationId,
        startMs,
        endMs,
        order,
        slot: {
          id: formatSlotId({ providerId: rule.providerId, locationId: rule.locationId, startMs }),
          start: plain ? `${day.key}T${clockTime(minute)}:00${formatOffset(offset)}` : formatInstant(zone, startMs),
          end: plain ? `${day.key}T${clockTime(endMinute)}:00${formatOffset(offset)}` : formatInstant(zone, endMs),
          providerId: rule.providerId,
          ...(rule.locationId === undefined ? {} : { locationId: rule.locationId }),
          visitTypeIds,
          status: 'free',
        },
      });
    }
  }
}

/**
 * Every slot the clinic's rules offer in the window (and within the bookable range), minus closed days, in start
 * order. Bookings are not looked at here: `status` is `free` until the caller marks the booked ones.
 */
export function openSlots(snapshot: ClinicSnapshot, filter: SlotFilter, bookable: Bookable): OpenSlot[] {
  const out: OpenSlot[] = [];
  const providerIds = filter.providerId === undefined ? [...snapshot.rulesByProvider.keys()] : [filter.providerId];
  for (const providerId of providerIds) {
    const order = snapshot.providerOrder.get(providerId);
    if (order === undefined) continue;
    for (const rule of snapshot.rulesByProvider.get(providerId) ?? []) {
      if (filter.locationId !== undefined && rule.locationId !== filter.locationId) continue;
      if (filter.visitTypeId !== undefined && !rule.visitTypeIds.includes(filter.visitTypeId)) continue;
      const closures = snapshot.closures.filter(
        (closure) =>
          (closure.providerId === undefined || closure.providerId === providerId) &&
          (closure.locationId === undefined || closure.locationId === rule.locationId),
      );
      ruleSlots(rule, order, closures, filter, bookable, out);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.order - b.order);
}

/** `provider|startMs`: how a booking and a slot are matched (one booking per provider and start). */
export function bookedKey(providerId: string, startMs: number): string {
  return `${providerId}|${startMs}`;
}
