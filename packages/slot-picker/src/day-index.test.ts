import { describe, expect, it } from 'vitest';
import { buildDayIndex, groupByPartOfDay, nextAvailableDay, partOfDayFromMinutes } from './day-index.js';
import { cleanSlots } from './slot-cleaning.js';
import { ZoneClock } from './zone-clock.js';

const free = (id: string, start: string, minutes = 30) => ({
  id,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  providerId: id,
  visitTypeIds: ['vt1'],
  status: 'free' as const,
});

const range = { firstDay: '2026-01-01', lastDay: '2026-12-31' };

describe('ZoneClock', () => {
  it('reads wall time on both sides of the US daylight-saving changes', () => {
    const ny = new ZoneClock('America/New_York');
    // Spring forward: 2026-03-08 02:00 EST becomes 03:00 EDT.
    expect(ny.wallTime(Date.parse('2026-03-08T06:59:00Z'))).toEqual({ day: '2026-03-08', minutes: 1 * 60 + 59 });
    expect(ny.wallTime(Date.parse('2026-03-08T07:00:00Z'))).toEqual({ day: '2026-03-08', minutes: 3 * 60 });
    // Fall back: 2026-11-01 01:30 happens twice.
    expect(ny.wallTime(Date.parse('2026-11-01T05:30:00Z'))).toEqual({ day: '2026-11-01', minutes: 90 });
    expect(ny.wallTime(Date.parse('2026-11-01T06:30:00Z'))).toEqual({ day: '2026-11-01', minutes: 90 });
    expect(ny.offsetAt(Date.parse('2026-11-01T06:30:00Z'))).toBe(-300);
  });

  it('handles half- and quarter-hour zones and their own switches', () => {
    expect(new ZoneClock('Asia/Kathmandu').wallTime(Date.parse('2026-03-08T18:14:00Z'))).toEqual({
      day: '2026-03-08',
      minutes: 23 * 60 + 59,
    });
    // Lord Howe Island moves by half an hour at 02:00 local standard time (15:30 UTC) on 2026-10-04.
    const lordHowe = new ZoneClock('Australia/Lord_Howe');
    expect(lordHowe.offsetAt(Date.parse('2026-10-03T15:29:00Z'))).toBe(630);
    expect(lordHowe.offsetAt(Date.parse('2026-10-03T15:30:00Z'))).toBe(660);
  });
});

describe('buildDayIndex', () => {
  it('groups by the day in the zone shown, so a late evening slot moves to the next day further east', () => {
    const { free: slots } = cleanSlots([
      free('a', '2026-03-10T02:00:00Z'), // 22:00 on the 9th in New York, 19:00 in Los Angeles
      free('b', '2026-03-10T15:00:00Z'),
      free('c', '2026-03-12T15:00:00Z'),
    ]);
    const ny = buildDayIndex(slots, 'America/New_York', range);
    expect(ny.days).toEqual(['2026-03-09', '2026-03-10', '2026-03-12']);
    expect(ny.byDay.get('2026-03-09')?.map((s) => [s.slot.id, s.minutes])).toEqual([['a', 22 * 60]]);
    const berlin = buildDayIndex(slots, 'Europe/Berlin', range);
    expect(berlin.days).toEqual(['2026-03-10', '2026-03-12']);
    expect(berlin.byDay.get('2026-03-10')?.map((s) => s.slot.id)).toEqual(['a', 'b']);
  });

  it('puts slots across the spring-forward and fall-back weekends on the right day', () => {
    const { free: slots } = cleanSlots([
      free('sat', '2026-03-07T14:00:00-05:00'),
      free('sun-early', '2026-03-08T01:30:00-05:00'),
      free('sun', '2026-03-08T09:00:00-04:00'),
      free('mon', '2026-03-09T09:00:00-04:00'),
      free('fall-first', '2026-11-01T01:30:00-04:00'),
      free('fall-second', '2026-11-01T01:30:00-05:00'),
      free('fall-mon', '2026-11-02T00:30:00-05:00'),
    ]);
    const index = buildDayIndex(slots, 'America/New_York', range);
    expect(Object.fromEntries([...index.byDay].map(([day, list]) => [day, list.map((s) => s.minutes)]))).toEqual({
      '2026-03-07': [14 * 60],
      '2026-03-08': [90, 9 * 60],
      '2026-03-09': [9 * 60],
      '2026-11-01': [90, 90],
      '2026-11-02': [30],
    });
  });

  it('keeps only accepted slots inside the range', () => {
    const { free: slots } = cleanSlots([
      free('before', '2026-03-01T15:00:00Z'),
      { ...free('other-type', '2026-03-03T15:00:00Z'), visitTypeIds: ['vt2'] },
      free('in', '2026-03-04T15:00:00Z'),
      free('after', '2026-03-20T15:00:00Z'),
    ]);
    const index = buildDayIndex(slots, 'UTC', { firstDay: '2026-03-02', lastDay: '2026-03-19' }, (slot) =>
      slot.visitTypeIds.includes('vt1'),
    );
    expect([...index.byDay.values()].flat().map((s) => s.slot.id)).toEqual(['in']);
  });

  it('finds the next day with a free slot', () => {
    const { free: slots } = cleanSlots([free('a', '2026-03-03T15:00:00Z'), free('b', '2026-03-09T15:00:00Z')]);
    const index = buildDayIndex(slots, 'UTC', range);
    expect(nextAvailableDay(index, '2026-03-01')).toBe('2026-03-03');
    expect(nextAvailableDay(index, '2026-03-03')).toBe('2026-03-03');
    expect(nextAvailableDay(index, '2026-03-03', true)).toBe('2026-03-09');
    expect(nextAvailableDay(index, '2026-03-10')).toBeUndefined();
  });

  it('indexes 10,000 slots over 90 days', () => {
    const base = Date.parse('2026-03-02T13:00:00Z');
    const records = Array.from({ length: 10_000 }, (_, i) => {
      const start = base + Math.floor(i / 112) * 86_400_000 + (i % 112) * 5 * 60_000;
      return { ...free(`s${i}`, new Date(start).toISOString(), 5), providerId: `p${i % 4}` };
    });
    const { free: slots } = cleanSlots(records);
    const index = buildDayIndex(slots, 'America/New_York', range);
    expect(index.days).toHaveLength(90);
    expect([...index.byDay.values()].reduce((n, list) => n + list.length, 0)).toBe(10_000);
    // 13:00 UTC is 8:00 in New York before the spring change (8 March) and 9:00 after it.
    expect(index.byDay.get('2026-03-02')?.[0]?.minutes).toBe(8 * 60);
    expect(index.byDay.get('2026-03-09')?.[0]?.minutes).toBe(9 * 60);
  });
});

describe('part of day', () => {
  it('splits at noon and five in the evening', () => {
    expect([0, 719, 720, 1019, 1020, 1439].map(partOfDayFromMinutes)).toEqual([
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
    ]);
  });

  it('leaves out empty groups', () => {
    const { free: slots } = cleanSlots([free('a', '2026-03-09T09:00:00Z'), free('b', '2026-03-09T18:00:00Z')]);
    const day = buildDayIndex(slots, 'UTC', range).byDay.get('2026-03-09') ?? [];
    expect(groupByPartOfDay(day).map((g) => [g.part, g.slots.map((s) => s.slot.id)])).toEqual([
      ['morning', ['a']],
      ['evening', ['b']],
    ]);
  });
});
