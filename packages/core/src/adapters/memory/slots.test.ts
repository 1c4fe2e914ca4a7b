import { beforeAll, describe, expect, it } from 'vitest';
import type { Slot } from '../../schemas/index.js';
import { LOCATIONS, OPENING_HOURS, PROVIDERS, VIRTUAL_HOURS } from './clinic-data.js';
import { createMemoryAdapter, type MemoryAdapter } from './index.js';

const NOW = '2026-03-01T12:00:00Z';
const ALL_TIME = { start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' };
const DAY = 86_400_000;

/** `2026-03-09T09:00:00-04:00` as its wall-clock parts. */
function wall(instant: string) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):00([+-]\d{2}:\d{2})$/.exec(instant);
  if (!match) throw new Error(`unexpected instant format: ${instant}`);
  return { date: match[1] ?? '', minute: Number(match[2]) * 60 + Number(match[3]), offset: match[4] ?? '' };
}

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** The wall clock in `zone` at `instant`, worked out by Intl rather than by the code under test. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlWall(instant: string, zone: string) {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

function zoneOf(slot: Slot): string {
  const location = LOCATIONS.find((l) => l.id === slot.locationId);
  if (location) return location.timeZone;
  const demo = PROVIDERS.find((p) => p.provider.id === slot.providerId);
  const session = demo?.sessions.find((s) => 'virtualZone' in s);
  if (!session || !('virtualZone' in session)) throw new Error(`no zone for ${slot.id}`);
  return session.virtualZone;
}

describe('demo calendar', () => {
  let adapter: MemoryAdapter;
  let slots: Slot[];

  beforeAll(async () => {
    adapter = createMemoryAdapter({ now: NOW });
    slots = (await adapter.listSlots(ALL_TIME)).items;
  });

  it('puts every slot in its office’s local working hours, right across the daylight-saving change', () => {
    const problems: string[] = [];
    for (const slot of slots) {
      const zone = zoneOf(slot);
      const start = wall(slot.start);
      const end = wall(slot.end);
      const real = intlWall(slot.start, zone);
      if (real.date !== start.date || real.minute !== start.minute) problems.push(`${slot.id}: wrong offset`);
      const weekday = new Date(`${start.date}T12:00:00Z`).getUTCDay();
      const hours = slot.locationId ? OPENING_HOURS[slot.locationId] : VIRTUAL_HOURS;
      const blocks = weekday === 0 ? [] : weekday === 6 ? (hours?.saturday ?? []) : (hours?.weekdays ?? []);
      const inHours = blocks.some(([open, close]) => start.minute >= toMinute(open) && end.minute <= toMinute(close));
      if (!inHours) problems.push(`${slot.id}: outside opening hours`);
      const demo = PROVIDERS.find((p) => p.provider.id === slot.providerId);
      if (Date.parse(slot.end) - Date.parse(slot.start) !== (demo?.slotMinutes ?? 0) * 60_000) {
        problems.push(`${slot.id}: wrong length`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps New York and Chicago slots at the same local hours before and after 8 March 2026', () => {
    for (const location of LOCATIONS) {
      const times = (date: string) =>
        slots
          .filter((s) => s.locationId === location.id && s.start.startsWith(date))
          .map((s) => `${s.providerId} ${s.start.slice(11, 16)}`)
          .sort();
      const friday = slots.filter((s) => s.locationId === location.id && s.start.startsWith('2026-03-06'));
      const monday = slots.filter((s) => s.locationId === location.id && s.start.startsWith('2026-03-09'));
      const standard = location.timeZone === 'America/New_York' ? '-05:00' : '-06:00';
      const daylight = location.timeZone === 'America/New_York' ? '-04:00' : '-05:00';
      expect(friday.every((s) => s.start.endsWith(standard))).toBe(true);
      expect(monday.every((s) => s.start.endsWith(daylight))).toBe(true);
      // Same clinic day start in local time, one hour earlier in UTC.
      const firstLocal = (list: Slot[]) => list.map((s) => s.start.slice(11, 16)).sort()[0];
      if (friday.length && monday.length) expect(firstLocal(monday)).toBe(firstLocal(friday));
      // The two weeks have the same providers at the same local times (Mondays and Fridays differ by roster).
      expect(times('2026-03-09')).toEqual(times('2026-03-02'));
      expect(times('2026-03-13')).toEqual(times('2026-03-06'));
    }
    const grace = (date: string) => slots.find((s) => s.providerId === 'grace-mensah' && s.start.startsWith(date));
    expect(grace('2026-03-06')?.start).toBe('2026-03-06T08:30:00-05:00');
    expect(grace('2026-03-09')?.start).toBe('2026-03-09T08:30:00-04:00');
  });

  it('closes on Sundays and holidays, and opens on Saturday only at the Saturday clinic', async () => {
    const weekday = (s: Slot) => new Date(`${s.start.slice(0, 10)}T12:00:00Z`).getUTCDay();
    expect(slots.some((s) => weekday(s) === 0)).toBe(false);
    const saturday = slots.filter((s) => weekday(s) === 6);
    expect(saturday.length).toBeGreaterThan(0);
    expect(new Set(saturday.map((s) => s.locationId))).toEqual(new Set(['franklin']));
    expect(saturday.every((s) => wall(s.start).minute < 12 * 60)).toBe(true);

    const summer = await createMemoryAdapter({ now: '2026-05-18T12:00:00Z', days: 60 }).listSlots(ALL_TIME);
    const dates = new Set(summer.items.map((s) => s.start.slice(0, 10)));
    expect(dates.has('2026-05-22')).toBe(true);
    expect(dates.has('2026-05-25')).toBe(false); // Memorial Day
    expect(dates.has('2026-07-03')).toBe(false); // Independence Day (4 July is a Saturday)
    expect(dates.has('2026-07-06')).toBe(true);
  });

  it('keeps a lunch break', () => {
    const midtown = slots.filter((s) => s.locationId === 'nashville-midtown');
    expect(midtown.some((s) => wall(s.start).minute < 13 * 60 && wall(s.end).minute > 12 * 60)).toBe(false);
  });

  it('is busy in the coming days and freer later on', () => {
    const freeShare = (fromDay: number, toDay: number) => {
      const window = slots.filter((s) => {
        const day = (Date.parse(s.start) - Date.parse(NOW)) / DAY;
        return day >= fromDay && day < toDay;
      });
      return window.filter((s) => s.status === 'free').length / window.length;
    };
    expect(freeShare(0, 5)).toBeLessThan(0.35);
    expect(freeShare(30, 90)).toBeGreaterThan(0.7);
    expect(slots.filter((s) => s.status === 'busy').length).toBeGreaterThan(500);
  });

  it('sends exactly one provider on a week of vacation, at least two weeks out', () => {
    const longGaps = PROVIDERS.flatMap(({ provider }) => {
      const starts = slots.filter((s) => s.providerId === provider.id).map((s) => Date.parse(s.start));
      const gaps = starts
        .slice(1)
        .map((start, i) => ({ provider: provider.id, from: starts[i] ?? 0, days: (start - (starts[i] ?? 0)) / DAY }));
      return gaps.filter((gap) => gap.days > 6);
    });
    expect(longGaps).toHaveLength(1);
    expect(longGaps[0]?.days).toBeGreaterThan(7);
    expect((longGaps[0]?.from ?? 0) - Date.parse(NOW)).toBeGreaterThan(14 * DAY);
  });

  it('offers nothing before `now` and nothing past the window', async () => {
    const now = '2026-03-02T15:10:00Z';
    const later = (await createMemoryAdapter({ now, days: 3 }).listSlots(ALL_TIME)).items;
    expect(later.length).toBeGreaterThan(0);
    expect(Math.min(...later.map((s) => Date.parse(s.start)))).toBeGreaterThanOrEqual(Date.parse(now));
    expect(later.some((s) => s.start.startsWith('2026-03-02'))).toBe(true);
    expect(Math.max(...later.map((s) => Date.parse(s.start)))).toBeLessThan(Date.parse(now) + 3 * DAY);
  });

  it('is the same clinic for the same seed and now, and a different calendar for another seed', async () => {
    const snapshot = async (options: Record<string, unknown>) => {
      const other = createMemoryAdapter(options);
      return JSON.stringify([(await other.listProviders()).items, (await other.listSlots(ALL_TIME)).items]);
    };
    const same = await snapshot({ now: NOW });
    expect(same).toBe(JSON.stringify([(await adapter.listProviders()).items, slots]));
    const reseeded = await snapshot({ now: NOW, seed: 7 });
    expect(reseeded).not.toBe(same);
    // Ids stay put across seeds: only who booked what changes.
    const ids = (await createMemoryAdapter({ now: NOW, seed: 7 }).listSlots(ALL_TIME)).items.map((s) => s.id);
    expect(ids.slice(0, 50)).toEqual(slots.slice(0, 50).map((s) => s.id));
  });

  describe('listSlots', () => {
    it('returns slots starting in [start, end), in start order', async () => {
      const pick = slots[200] as Slot;
      const start = pick.start;
      const end = new Date(Date.parse(start) + 2 * DAY).toISOString();
      const window = (await adapter.listSlots({ start, end })).items;
      const expected = slots.filter(
        (s) => Date.parse(s.start) >= Date.parse(start) && Date.parse(s.start) < Date.parse(end),
      );
      expect(window.map((s) => s.id)).toEqual(expected.map((s) => s.id));
      expect(Date.parse(window[0]?.start ?? '')).toBe(Date.parse(start));
      const starts = window.map((s) => Date.parse(s.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      const empty = await adapter.listSlots({ start, end: start });
      expect(empty.items).toEqual([]);
    });

    it('filters by provider, location and visit type', async () => {
      const byProvider = (await adapter.listSlots({ ...ALL_TIME, providerId: 'wei-chen' })).items;
      expect(byProvider.length).toBeGreaterThan(0);
      expect(byProvider).toEqual(slots.filter((s) => s.providerId === 'wei-chen'));
      expect(new Set(byProvider.map((s) => s.locationId))).toEqual(
        new Set(['chattanooga-riverfront', 'knoxville-west']),
      );

      const atKnoxville = (
        await adapter.listSlots({ ...ALL_TIME, providerId: 'wei-chen', locationId: 'knoxville-west' })
      ).items;
      expect(atKnoxville.length).toBeGreaterThan(0);
      expect(atKnoxville.every((s) => s.locationId === 'knoxville-west' && s.providerId === 'wei-chen')).toBe(true);

      const intake = (await adapter.listSlots({ ...ALL_TIME, visitTypeId: 'behavioral-intake' })).items;
      expect(intake.length).toBeGreaterThan(0);
      expect(new Set(intake.map((s) => s.providerId))).toEqual(new Set(['omar-haddad', 'priya-raman']));
      expect(intake.every((s) => s.locationId === undefined)).toBe(true);

      const none = await adapter.listSlots({ ...ALL_TIME, providerId: 'nobody' });
      expect(none.items).toEqual([]);
    });

    it('rejects a malformed window', async () => {
      await expect(adapter.listSlots({ start: '2026-03-02T09:00', end: ALL_TIME.end })).rejects.toMatchObject({
        kind: 'invalid-input',
        field: 'query.start',
      });
      await expect(adapter.listSlots({ start: ALL_TIME.end, end: ALL_TIME.start })).rejects.toMatchObject({
        kind: 'invalid-input',
        field: 'query.end',
      });
    });

    it('hands out copies the caller cannot use to change the calendar', async () => {
      const [first] = (await adapter.listSlots({ ...ALL_TIME, providerId: 'maria-hernandez' })).items;
      if (!first) throw new Error('no slot');
      first.status = first.status === 'free' ? 'busy' : 'free';
      first.visitTypeIds.push('tampered');
      const [again] = (await adapter.listSlots({ ...ALL_TIME, providerId: 'maria-hernandez' })).items;
      expect(again?.status).not.toBe(first.status);
      expect(again?.visitTypeIds).not.toContain('tampered');
    });
  });
});
