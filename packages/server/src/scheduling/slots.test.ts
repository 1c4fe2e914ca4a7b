import { describe, expect, it } from 'vitest';
import { type ClinicSnapshot, type Rule, settingsOf } from '../clinic/store.js';
import { dayAt, formatInstant, instantOf, localDay } from './local-time.js';
import { formatSlotId, parseSlotId } from './slot-id.js';
import { bookableNow, openSlots } from './slots.js';

function snapshot(rules: Partial<Rule>[], closures: ClinicSnapshot['closures'] = []): ClinicSnapshot {
  const full: Rule[] = rules.map((rule) => ({
    providerId: 'p',
    locationId: 'loc',
    timeZone: 'America/New_York',
    weekdays: new Set([1, 2, 3, 4, 5, 6, 7]),
    startMinute: 0,
    endMinute: 24 * 60,
    slotMinutes: 60,
    visitTypeIds: ['v'],
    validFrom: undefined,
    validUntil: undefined,
    ...rule,
  }));
  return {
    organization: undefined,
    settings: settingsOf({ horizonDays: 400, minimumNoticeMinutes: 0 }, []),
    locations: [],
    locationsById: new Map(),
    providers: [],
    providerOrder: new Map([['p', 0]]),
    visitTypes: new Map(),
    plans: [],
    surveys: [],
    rulesByProvider: new Map([['p', full]]),
    closures,
  };
}

const day = (iso: string) => ({
  startMs: Date.parse(`${iso}T00:00:00Z`) - 86_400_000,
  endMs: Date.parse(`${iso}T00:00:00Z`) + 2 * 86_400_000,
});
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('slots from weekly rules', () => {
  it.each([
    {
      // 8 March 2026: New York goes from 02:00 EST straight to 03:00 EDT.
      what: 'skips the hour a spring-forward removes and keeps real durations across it',
      date: '2026-03-08',
      hours: 5,
      expected: [
        ['2026-03-08T00:00:00-05:00', '2026-03-08T01:00:00-05:00'],
        ['2026-03-08T01:00:00-05:00', '2026-03-08T03:00:00-04:00'],
        ['2026-03-08T03:00:00-04:00', '2026-03-08T04:00:00-04:00'],
        ['2026-03-08T04:00:00-04:00', '2026-03-08T05:00:00-04:00'],
      ],
    },
    {
      // 1 November 2026: 01:00-02:00 happens twice in New York.
      what: 'offers a fall-back hour once, at its first occurrence, with the right offsets',
      date: '2026-11-01',
      hours: 3,
      expected: [
        ['2026-11-01T00:00:00-04:00', '2026-11-01T01:00:00-04:00'],
        ['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
        ['2026-11-01T02:00:00-05:00', '2026-11-01T03:00:00-05:00'],
      ],
    },
  ])('$what', ({ date, hours, expected }) => {
    const slots = openSlots(
      snapshot([{ startMinute: 0, endMinute: hours * 60 }]),
      day(date),
      bookableNow(snapshot([]), NOW),
    )
      .filter((slot) => slot.slot.start.startsWith(date))
      .map((slot) => [slot.slot.start, slot.slot.end]);
    expect(slots).toEqual(expected);
  });

  it('honours weekdays, validity dates, closures, the horizon and the minimum notice', () => {
    const rules = snapshot(
      [{ weekdays: new Set([1]), startMinute: 9 * 60, endMinute: 10 * 60, validUntil: '2026-03-30' }],
      [{ providerId: 'p', locationId: undefined, firstDay: '2026-03-16', lastDay: '2026-03-16' }],
    );
    const window = { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-05-01T00:00:00Z') };
    const starts = openSlots(rules, window, bookableNow(rules, NOW)).map((slot) => slot.slot.start.slice(0, 10));
    expect(starts).toEqual(['2026-03-02', '2026-03-09', '2026-03-23', '2026-03-30']);
    const soon = { ...bookableNow(rules, Date.parse('2026-03-09T12:30:00Z')) };
    expect(openSlots(rules, window, soon).map((slot) => slot.slot.start.slice(0, 10))).toEqual([
      '2026-03-09',
      '2026-03-23',
      '2026-03-30',
    ]);
    const noticed = { ...soon, earliestMs: soon.nowMs + 60 * 60_000 };
    expect(openSlots(rules, window, noticed).map((slot) => slot.slot.start.slice(0, 10))).toEqual([
      '2026-03-23',
      '2026-03-30',
    ]);
    const short = { ...soon, horizonDays: 15 };
    expect(openSlots(rules, window, short).map((slot) => slot.slot.start.slice(0, 10))).toEqual([
      '2026-03-09',
      '2026-03-23',
    ]);
  });

  it('gives each slot an id that names provider, location and start, and parses back', () => {
    const [slot] = openSlots(
      snapshot([{ locationId: undefined, timeZone: 'Asia/Kolkata' }]),
      day('2026-06-01'),
      bookableNow(snapshot([]), NOW),
    );
    expect(slot!.slot.id).toMatch(/^p\|\|\d{8}T\d{4}Z$/);
    expect(parseSlotId(slot!.slot.id)).toEqual({ providerId: 'p', locationId: undefined, startMs: slot!.startMs });
    const id = formatSlotId({ providerId: 'dr.who', locationId: 'loc/1', startMs: Date.parse('2026-03-09T14:30:00Z') });
    expect(id).toBe('dr.who|loc/1|20260309T1430Z');
    expect(parseSlotId(id)).toEqual({
      providerId: 'dr.who',
      locationId: 'loc/1',
      startMs: Date.parse('2026-03-09T14:30:00Z'),
    });
    for (const bad of [
      '',
      'a|b',
      'a|b|c',
      '|loc|20260309T1430Z',
      'a|b|20261309T1430Z',
      'a|b|20260309T2530Z',
      'a|b|c|d',
    ]) {
      expect(parseSlotId(bad), bad).toBeUndefined();
    }
  });

  it('turns wall-clock times into instants in any zone, half-hour offsets included', () => {
    const march9 = localDay('2026-03-09');
    expect(new Date(instantOf('America/Chicago', march9, 9 * 60)!).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(new Date(instantOf('Asia/Kolkata', march9, 9 * 60)!).toISOString()).toBe('2026-03-09T03:30:00.000Z');
    expect(instantOf('America/New_York', localDay('2026-03-08'), 2 * 60 + 30)).toBeUndefined();
    expect(formatInstant('America/Chicago', Date.parse('2026-07-01T15:00:00Z'))).toBe('2026-07-01T10:00:00-05:00');
    expect(dayAt('Pacific/Auckland', Date.parse('2026-03-09T12:00:00Z')).key).toBe('2026-03-10');
  });
});
