import { tzOffset, tzScan } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/support/errors.js';
import { zoneOffsetMinutes } from './offset.js';

const ZONES = [
  'America/New_York',
  'Europe/Madrid',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
];
const exact = (zone: string, millis: number) => Math.round(tzOffset(zone, new Date(millis)));

describe('zoneOffsetMinutes', () => {
  it('agrees with Intl at random instants', () => {
    const instants = fc.integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2045-01-01T00:00:00Z') });
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (millis, zone) => {
        expect(zoneOffsetMinutes(zone, millis)).toBe(exact(zone, millis));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with Intl on both sides of every transition from 2020 to 2030', () => {
    for (const zone of ZONES) {
      const changes = tzScan(zone, { start: new Date('2020-01-01T00:00:00Z'), end: new Date('2030-01-01T00:00:00Z') });
      for (const { date } of changes) {
        for (const millis of [date.getTime() - 60_000, date.getTime() - 1, date.getTime(), date.getTime() + 60_000]) {
          // Ask twice: the second answer comes from the remembered window when there is one.
          expect([zone, millis, zoneOffsetMinutes(zone, millis)]).toEqual([zone, millis, exact(zone, millis)]);
          expect(zoneOffsetMinutes(zone, millis)).toBe(exact(zone, millis));
        }
      }
    }
  });

  it('refuses an unknown zone instead of returning NaN', () => {
    expect(errorOf(() => zoneOffsetMinutes('Not/AZone', 0))).toEqual({ kind: 'invalid-input', field: 'timeZone' });
  });
});
