import type { Location, VisitType } from '../../schemas/clinic.js';
import type { Slot } from '../../schemas/scheduling.js';
import { firstAtOrAfter } from '../sorted-by-start.js';
import {
  addCalendarDays,
  type CalendarDay,
  clinicHolidays,
  clockTime,
  formatOffset,
  localToday,
  midnightEpochMs,
  minuteOfDay,
  utcOffsetAtNoon,
} from './calendar.js';
import type { Block, DemoProvider, OpeningHours, Session } from './clinic-data.js';
import { deriveSeed, mulberry32, pick, type Random, randomInt } from './prng.js';

export interface CalendarInput {
  seed: number;
  /** Epoch milliseconds; the window starts on this day and nothing earlier is offered. */
  now: number;
  days: number;
  providers: readonly DemoProvider[];
  visitTypes: readonly VisitType[];
  locations: readonly Location[];
  openingHours: Readonly<Record<string, OpeningHours>>;
  virtualHours: OpeningHours;
}

/** A slot with its start as a number, so windows are found by binary search rather than by parsing strings. */
interface Entry {
  startMs: number;
  /** The provider's place in the roster: orders slots that start together without comparing strings. */
  order: number;
  slot: Slot;
}

export interface SlotFilter {
  startMs: number;
  endMs: number;
  providerId?: string | undefined;
  locationId?: string | undefined;
  visitTypeId?: string | undefined;
}

/** A week off for one provider: keys of the first and last day, inclusive. */
export interface Vacation {
  providerId: string;
  from: string;
  to: string;
}

/**
 * Every slot of the demo calendar, generated once and indexed by provider and by start, so a window query costs a
 * binary search plus the slots it returns. The slots are the store's own objects: copy before handing them out.
 */
export class SlotCalendar {
  readonly vacation: Vacation | undefined;
  readonly #all: Entry[] = [];
  readonly #byProvider = new Map<string, Entry[]>();
  readonly #byId = new Map<string, Slot>();

  constructor(input: CalendarInput) {
    const holidays = holidaySet(input);
    const clock = new ZoneClock(input.now);
    this.vacation = chooseVacation(input);
    for (const [order, demo] of input.providers.entries()) {
      const entries = generateProviderSlots(demo, order, input, { holidays, clock, vacation: this.vacation });
      this.#byProvider.set(demo.provider.id, entries);
      for (const entry of entries) {
        this.#all.push(entry);
        this.#byId.set(entry.slot.id, entry.slot);
      }
    }
    this.#all.sort((a, b) => a.startMs - b.startMs || a.order - b.order);
  }

  get size(): number {
    return this.#all.length;
  }

  get(slotId: string): Slot | undefined {
    return this.#byId.get(slotId);
  }

  /** Slots starting in [startMs, endMs), in start order. */
  query(filter: SlotFilter): Slot[] {
    const entries = filter.providerId === undefined ? this.#all : (this.#byProvider.get(filter.providerId) ?? []);
    const out: Slot[] = [];
    for (let i = firstAtOrAfter(entries, filter.startMs); i < entries.length; i++) {
      const entry = entries[i];
      if (!entry || entry.startMs >= filter.endMs) break;
      const slot = entry.slot;
      if (filter.locationId !== undefined && slot.locationId !== filter.locationId) continue;
      if (filter.visitTypeId !== undefined && !slot.visitTypeIds.includes(filter.visitTypeId)) continue;
      out.push(slot);
    }
    return out;
  }

  /** The provider's earliest slot that can still be booked. */
  firstFree(providerId: string): Slot | undefined {
    return this.#byProvider.get(providerId)?.find((entry) => isBookable(entry.slot))?.slot;
  }
}

export function isBookable(slot: Slot): boolean {
  return slot.status === 'free' && slot.capacity !== 0;
}

/** Today and each day's UTC offset per zone, worked out once for all providers (the time zone database is slow). */
class ZoneClock {
  readonly #now: number;
  readonly #today = new Map<string, CalendarDay>();
  readonly #offsets = new Map<string, number>();

  constructor(now: number) {
    this.#now = now;
  }

  today(zone: string): CalendarDay {
    let today = this.#today.get(zone);
    if (!today) {
      today = localToday(this.#now, zone);
      this.#today.set(zone, today);
    }
    return today;
  }

  offset(zone: string, day: CalendarDay): number {
    const key = `${zone}|${day.key}`;
    let offset = this.#offsets.get(key);
    if (offset === undefined) {
      offset = utcOffsetAtNoon(day, zone);
      this.#offsets.set(key, offset);
    }
    return offset;
  }
}

function holidaySet(input: CalendarInput): Set<string> {
  const first = new Date(input.now).getUTCFullYear() - 1;
  const last = new Date(input.now + (input.days + 2) * 86_400_000).getUTCFullYear();
  const keys = new Set<string>();
  for (let year = first; year <= last; year++) for (const key of clinicHolidays(year)) keys.add(key);
  return keys;
}

/** One provider takes a Monday-to-Sunday week off, three to six weeks out. */
function chooseVacation(input: CalendarInput): Vacation | undefined {
  if (input.providers.length === 0) return undefined;
  const random = mulberry32(deriveSeed(input.seed, 'vacation'));
  const providerId = pick(random, input.providers).provider.id;
  const today = localToday(input.now, 'UTC');
  const earliest = addCalendarDays(today, 21 + 7 * randomInt(random, 0, 3));
  const monday = addCalendarDays(earliest, (8 - earliest.weekday) % 7);
  return { providerId, from: monday.key, to: addCalendarDays(monday, 6).key };
}

/**
 * How likely a slot `dayIndex` days ahead is already taken: the next few days are nearly full, the calendar opens up
 * over the following weeks, and a popular provider stays full further out.
 */
function busyChance(dayIndex: number, demo: DemoProvider): number {
  const bookedOut = demo.bookedOutDays ?? 0;
  if (dayIndex < bookedOut) return 1;
  const base = 0.15 + 0.75 * Math.exp(-(dayIndex - bookedOut) / 10);
  return Math.min(0.97, base * demo.demand);
}

function sessionBlocks(hours: OpeningHours, session: Session, weekday: number): readonly Block[] {
  if (weekday === 0 || !session.weekdays.includes(weekday as Session['weekdays'][number])) return [];
  const blocks = weekday === 6 ? (hours.saturday ?? []) : hours.weekdays;
  // Morning is the block before lunch; afternoon is everything after it.
  if (session.part === 'morning') return blocks.slice(0, 1);
  if (session.part === 'afternoon') return blocks.slice(1);
  return blocks;
}

/** Visit types this provider offers in a session of this kind (in person at a location, or video only). */
export function sessionVisitTypes(demo: DemoProvider, visitTypes: readonly VisitType[], virtual: boolean): string[] {
  const { provider } = demo;
  return visitTypes
    .filter((type) => {
      if (type.providerIds !== undefined && !type.providerIds.includes(provider.id)) return false;
      if (type.durationMinutes > demo.slotMinutes) return false;
      if (type.modality === 'telehealth') return provider.telehealth;
      return provider.inPerson && !virtual;
    })
    .map((type) => type.id);
}

function generateProviderSlots(
  demo: DemoProvider,
  order: number,
  input: CalendarInput,
  context: { holidays: ReadonlySet<string>; clock: ZoneClock; vacation: Vacation | undefined },
): Entry[] {
  const { holidays, clock, vacation } = context;
  const providerId = demo.provider.id;
  const random: Random = mulberry32(deriveSeed(input.seed, providerId));
  const zones = new Map(input.locations.map((location) => [location.id, location.timeZone]));
  const lists = {
    inPerson: sessionVisitTypes(demo, input.visitTypes, false),
    virtual: sessionVisitTypes(demo, input.visitTypes, true),
  };
  const entries: Entry[] = [];

  for (let dayIndex = 0; dayIndex < input.days; dayIndex++) {
    const chance = busyChance(dayIndex, demo);
    for (const session of demo.sessions) {
      const isVirtual = 'virtualZone' in session;
      const zone = isVirtual ? session.virtualZone : zones.get(session.locationId);
      const hours = isVirtual ? input.virtualHours : input.openingHours[session.locationId];
      const visitTypeIds = isVirtual ? lists.virtual : lists.inPerson;
      if (!zone || !hours || visitTypeIds.length === 0) continue;

      const day = addCalendarDays(clock.today(zone), dayIndex);
      const blocks = sessionBlocks(hours, session, day.weekday);
      if (blocks.length === 0 || holidays.has(day.key)) continue;
      const onVacation = vacation?.providerId === providerId && day.key >= vacation.from && day.key <= vacation.to;
      if (onVacation) continue;

      // Plain arithmetic from here on: `offset` holds for the whole working day (see utcOffsetAtNoon).
      const offset = clock.offset(zone, day);
      const offsetText = formatOffset(offset);
      const midnight = midnightEpochMs(day, offset);
      const compactDay = day.key.replaceAll('-', '');
      for (const [open, close] of blocks) {
        const closeMinute = minuteOfDay(close);
        for (let minute = minuteOfDay(open); minute + demo.slotMinutes <= closeMinute; minute += demo.slotMinutes) {
          // Draw for every slot, even past ones, so the pattern of a day does not depend on the time of day of `now`.
          const busy = random() < chance;
          const startMs = midnight + minute * 60_000;
          if (startMs < input.now) continue;
          const startTime = clockTime(minute);
          entries.push({
            startMs,
            order,
            slot: {
              // `maria-hernandez.20260309T0900`: the provider's local wall time, stable across seeds and URL-safe.
              id: `${providerId}.${compactDay}T${startTime.replace(':', '')}`,
              start: `${day.key}T${startTime}:00${offsetText}`,
              end: `${day.key}T${clockTime(minute + demo.slotMinutes)}:00${offsetText}`,
              providerId,
              ...(isVirtual ? {} : { locationId: session.locationId }),
              visitTypeIds,
              status: busy ? 'busy' : 'free',
            },
          });
        }
      }
    }
  }
  return entries.sort((a, b) => a.startMs - b.startMs);
}
