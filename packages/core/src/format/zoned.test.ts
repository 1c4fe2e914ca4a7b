import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/support/errors.js';
import { plain } from '../../../../test/support/intl.js';
import { Instant, TimeZone } from '../schemas/primitives.js';
import { formatDayKey } from './calendar.js';
import { addDaysToKey } from './day-key.js';
import { browserTimeZone, formatDate, formatDateTime, formatTime, formatTimeZoneName } from './instant.js';
import { dayKey, partOfDay, startOfDayInZone, toIsoWithOffset } from './zoned.js';

const NEW_YORK = 'America/New_York';
const LOS_ANGELES = 'America/Los_Angeles';
const MADRID = 'Europe/Madrid';
const HOUR = 3_600_000;

/** Length of a local day in hours, measured between the instants at which it and the next day start. */
const hoursInDay = (key: string, zone: string) =>
  (Date.parse(startOfDayInZone(addDaysToKey(key, 1), zone)) - Date.parse(startOfDayInZone(key, zone))) / HOUR;

describe('DST in America/New_York', () => {
  it('spring-forward day (2026-03-08) has 23 hours', () => {
    expect(startOfDayInZone('2026-03-08', NEW_YORK)).toBe('2026-03-08T00:00:00-05:00');
    expect(startOfDayInZone('2026-03-09', NEW_YORK)).toBe('2026-03-09T00:00:00-04:00');
    expect(hoursInDay('2026-03-08', NEW_YORK)).toBe(23);
    expect(hoursInDay('2026-03-07', NEW_YORK)).toBe(24);
  });

  it('fall-back day (2026-11-01) has 25 hours', () => {
    expect(startOfDayInZone('2026-11-01', NEW_YORK)).toBe('2026-11-01T00:00:00-04:00');
    expect(hoursInDay('2026-11-01', NEW_YORK)).toBe(25);
  });

  it('keeps day keys right on both sides of midnight and of the jump', () => {
    expect(dayKey('2026-03-08T04:59:59Z', NEW_YORK)).toBe('2026-03-07');
    expect(dayKey('2026-03-08T05:00:00Z', NEW_YORK)).toBe('2026-03-08');
    expect(dayKey('2026-03-09T03:59:59Z', NEW_YORK)).toBe('2026-03-08');
    expect(dayKey('2026-03-09T04:00:00Z', NEW_YORK)).toBe('2026-03-09');
    expect(dayKey('2026-11-02T04:59:59Z', NEW_YORK)).toBe('2026-11-01');
    expect(dayKey('2026-11-02T05:00:00Z', NEW_YORK)).toBe('2026-11-02');
  });

  it('jumps from 1:59 EST to 3:00 EDT', () => {
    expect(toIsoWithOffset('2026-03-08T06:59:00Z', NEW_YORK)).toBe('2026-03-08T01:59:00-05:00');
    expect(toIsoWithOffset('2026-03-08T07:00:00Z', NEW_YORK)).toBe('2026-03-08T03:00:00-04:00');
    expect(plain(formatTime('2026-03-08T07:00:00Z', NEW_YORK, 'en-US'))).toBe('3:00 AM');
  });

  it('shows 1:30 AM twice on the fall-back day, with different offsets', () => {
    expect(toIsoWithOffset('2026-11-01T05:30:00Z', NEW_YORK)).toBe('2026-11-01T01:30:00-04:00');
    expect(toIsoWithOffset('2026-11-01T06:30:00Z', NEW_YORK)).toBe('2026-11-01T01:30:00-05:00');
    expect(plain(formatTime('2026-11-01T05:30:00Z', NEW_YORK, 'en-US', { timeZoneName: 'short' }))).toBe('1:30 AM EDT');
    expect(plain(formatTime('2026-11-01T06:30:00Z', NEW_YORK, 'en-US', { timeZoneName: 'short' }))).toBe('1:30 AM EST');
  });

  it('groups times into morning, afternoon and evening by the wall clock after the change', () => {
    // With the winter offset wrongly applied these would each fall an hour early.
    expect(partOfDay('2026-03-08T15:59:00Z', NEW_YORK)).toBe('morning'); // 11:59 EDT
    expect(partOfDay('2026-03-08T16:00:00Z', NEW_YORK)).toBe('afternoon'); // 12:00 EDT
    expect(partOfDay('2026-03-08T20:59:00Z', NEW_YORK)).toBe('afternoon'); // 16:59 EDT
    expect(partOfDay('2026-03-08T21:00:00Z', NEW_YORK)).toBe('evening'); // 17:00 EDT
    // Fall back: 17:00 EST is 22:00Z, not 21:00Z.
    expect(partOfDay('2026-11-01T21:59:59Z', NEW_YORK)).toBe('afternoon');
    expect(partOfDay('2026-11-01T22:00:00Z', NEW_YORK)).toBe('evening');
    expect(partOfDay('2026-11-01T06:30:00Z', NEW_YORK)).toBe('morning');
  });
});

describe('a clinic in New York and a patient in Los Angeles', () => {
  const appointment = '2026-06-15T13:30:00Z';

  it('format the same instant in each zone', () => {
    expect(plain(formatTime(appointment, NEW_YORK, 'en-US'))).toBe('9:30 AM');
    expect(plain(formatTime(appointment, LOS_ANGELES, 'en-US'))).toBe('6:30 AM');
    expect(plain(formatTime(appointment, LOS_ANGELES, 'es-US'))).toBe('6:30 a.m.');
    expect(plain(formatDateTime(appointment, NEW_YORK, 'en-US', { timeZoneName: 'short' }))).toBe(
      'Mon, Jun 15, 2026, 9:30 AM EDT',
    );
    expect(plain(formatDateTime(appointment, LOS_ANGELES, 'en-US', { timeZoneName: 'short' }))).toBe(
      'Mon, Jun 15, 2026, 6:30 AM PDT',
    );
  });

  it('can see different days and parts of day for one instant', () => {
    const late = '2026-06-16T04:30:00Z';
    expect(dayKey(late, NEW_YORK)).toBe('2026-06-16');
    expect(dayKey(late, LOS_ANGELES)).toBe('2026-06-15');
    expect(partOfDay(late, NEW_YORK)).toBe('morning');
    expect(partOfDay(late, LOS_ANGELES)).toBe('evening');
    expect(formatDate(late, NEW_YORK, 'en-US')).toBe('Jun 16, 2026');
    expect(formatDate(late, LOS_ANGELES, 'en-US')).toBe('Jun 15, 2026');
  });

  it('name their zones', () => {
    const winter = '2026-01-15T12:00:00Z';
    expect(formatTimeZoneName(NEW_YORK, 'en-US', winter)).toBe('Eastern Time');
    expect(formatTimeZoneName(LOS_ANGELES, 'en-US', winter)).toBe('Pacific Time');
    expect(formatTimeZoneName(NEW_YORK, 'en-US', winter, 'shortOffset')).toBe('GMT-5');
    expect(formatTimeZoneName(NEW_YORK, 'en-US', appointment, 'shortOffset')).toBe('GMT-4');
    expect(formatTimeZoneName(NEW_YORK, 'en-US', appointment, 'long')).toBe('Eastern Daylight Time');
  });
});

describe('Europe/Madrid', () => {
  it('formats in Spanish with the local wall time', () => {
    expect(formatTime('2026-07-01T07:30:00Z', MADRID, 'es-ES')).toBe('9:30');
    expect(formatDate('2026-07-01T07:30:00Z', MADRID, 'es-ES', 'full')).toBe('miércoles, 1 de julio de 2026');
    expect(formatTimeZoneName(MADRID, 'es-ES', '2026-01-15T12:00:00Z', 'shortOffset')).toBe('GMT+1');
    expect(formatTimeZoneName(MADRID, 'es-ES', '2026-07-01T12:00:00Z', 'shortOffset')).toBe('GMT+2');
  });

  it('has a 23-hour day when summer time starts (2026-03-29)', () => {
    expect(startOfDayInZone('2026-03-29', MADRID)).toBe('2026-03-29T00:00:00+01:00');
    expect(hoursInDay('2026-03-29', MADRID)).toBe(23);
    expect(hoursInDay('2026-10-25', MADRID)).toBe(25);
  });

  it('is already the next day when New York is still in the evening', () => {
    expect(dayKey('2026-03-08T03:30:00Z', MADRID)).toBe('2026-03-08');
    expect(dayKey('2026-03-08T03:30:00Z', NEW_YORK)).toBe('2026-03-07');
    expect(formatDate('2026-03-08T03:30:00Z', MADRID, 'en-US')).toBe('Mar 8, 2026');
  });
});

describe('zones with unusual offsets and midnight gaps', () => {
  it('writes quarter-hour offsets and milliseconds', () => {
    expect(toIsoWithOffset('2026-01-01T00:00:00Z', 'Pacific/Chatham')).toBe('2026-01-01T13:45:00+13:45');
    expect(toIsoWithOffset(Date.parse('2026-01-01T00:00:00.250Z'), 'Asia/Kathmandu')).toBe(
      '2026-01-01T05:45:00.250+05:45',
    );
    expect(toIsoWithOffset(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });

  it('starts the day at 01:00 where the clocks jump at midnight', () => {
    expect(startOfDayInZone('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T01:00:00-02:00');
  });
});

describe('round trips (property)', () => {
  const zones = [NEW_YORK, LOS_ANGELES, MADRID, 'Pacific/Chatham', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
  const instants = fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') });

  it('keeps the instant, the day key and the day bounds consistent in every zone', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (millis, zone) => {
        const iso = toIsoWithOffset(millis, zone);
        expect(Instant.safeParse(iso).success).toBe(true);
        expect(Date.parse(iso)).toBe(millis);
        const key = dayKey(millis, zone);
        expect(iso.slice(0, 10)).toBe(key);
        const start = Date.parse(startOfDayInZone(key, zone));
        const end = Date.parse(startOfDayInZone(addDaysToKey(key, 1), zone));
        expect(start).toBeLessThanOrEqual(millis);
        expect(millis).toBeLessThan(end);
        expect(dayKey(start, zone)).toBe(key);
        expect(dayKey(end - 1, zone)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatDayKey', () => {
  it('formats a calendar day without any zone shifting it', () => {
    expect(formatDayKey('2026-03-08', 'en-US')).toBe('Sunday, March 8, 2026');
    expect(formatDayKey('2026-03-08', 'es-ES', { month: 'long', year: 'numeric' })).toBe('marzo de 2026');
    expect(formatDayKey('2024-02-29', 'en-US', { weekday: 'short' })).toBe('Thu');
    expect(formatDayKey('0050-03-01', 'en-US', { year: 'numeric' })).toBe('50');
  });

  it('names clashing options instead of throwing a bare TypeError', () => {
    const clash = () => formatDayKey('2026-03-08', 'en-US', { dateStyle: 'full', weekday: 'long' });
    expect(errorOf(clash)).toEqual({ kind: 'invalid-input', field: 'options' });
  });
});

describe('input checks', () => {
  it('refuses a time without an offset, since it would be read in the machine’s zone', () => {
    expect(errorOf(() => dayKey('2026-03-08T09:30', NEW_YORK))).toEqual({ kind: 'invalid-input', field: 'instant' });
    expect(errorOf(() => formatTime(Number.NaN, NEW_YORK, 'en-US'))).toEqual({
      kind: 'invalid-input',
      field: 'instant',
    });
  });

  it('accepts exactly the strings the Instant schema accepts', () => {
    const samples = [
      '2026-03-08T09:30:00-05:00',
      '2026-03-08T09:30Z',
      '2026-03-08T09:30:00.123456789+05:45',
      '2026-03-08T09:30',
      '2026-03-08 09:30Z',
      '2026-13-08T09:30:00Z',
      '2026-02-30T09:30:00Z',
      '2026-03-08T25:30:00Z',
      'next Tuesday',
    ];
    for (const sample of samples) {
      const accepted = (() => {
        try {
          return dayKey(sample, 'UTC') !== '';
        } catch {
          return false;
        }
      })();
      expect([sample, accepted]).toEqual([sample, Instant.safeParse(sample).success]);
    }
  });

  it('names an unknown time zone, day key or locale', () => {
    expect(errorOf(() => dayKey('2026-03-08T09:30:00Z', 'Mars/Olympus'))).toEqual({
      kind: 'invalid-input',
      field: 'timeZone',
    });
    expect(errorOf(() => formatTime('2026-03-08T09:30:00Z', 'Mars/Olympus', 'en-US'))).toEqual({
      kind: 'invalid-input',
      field: 'timeZone',
    });
    expect(errorOf(() => startOfDayInZone('2026-02-30', NEW_YORK))).toEqual({ kind: 'invalid-input', field: 'dayKey' });
    expect(errorOf(() => formatDate('2026-03-08T09:30:00Z', NEW_YORK, '??'))).toEqual({
      kind: 'invalid-input',
      field: 'locale',
    });
  });
});

describe('browserTimeZone', () => {
  it('reports the zone the process runs in as a known IANA zone', () => {
    const zone = browserTimeZone();
    expect(TimeZone.safeParse(zone).success).toBe(true);
    // ICU may canonicalize the name (Asia/Kathmandu is reported as Asia/Katmandu).
    const forced = process.env.TZ;
    if (forced !== undefined && forced !== '')
      expect(zone).toBe(new Intl.DateTimeFormat('en', { timeZone: forced }).resolvedOptions().timeZone);
    // An empty TZ leaves the engine without a zone (ICU says Etc/Unknown): UTC then, never an unusable name.
    if (forced === '') expect(zone).toBe('UTC');
  });
});
