import {
  addDaysToKey,
  formatDayKey as coreFormatDayKey,
  monthGrid as coreMonthGrid,
  toIsoWithOffset,
  weekStartForLocale,
} from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDayKey,
  formatTime,
  isCalendarDate,
  isTimeZone,
  monthGrid,
  offsetMinutes,
  weekdayOf,
  weekStartFor,
} from './intl.js';

// These helpers stand in for core's on the picker's eagerly loaded path; they must agree with core exactly.
describe('Intl helpers agree with core', () => {
  it('do day arithmetic and month grids alike', () => {
    for (const key of ['2026-01-31', '2026-02-28', '2028-02-29', '2026-12-31', '2026-03-08']) {
      for (const n of [-400, -31, -1, 0, 1, 7, 31, 366]) expect(addDays(key, n)).toBe(addDaysToKey(key, n));
    }
    for (let month = 1; month <= 12; month++) {
      for (const start of [0, 1, 6] as const) {
        const key = `2026-${String(month).padStart(2, '0')}`;
        expect(monthGrid(key, start)).toEqual(coreMonthGrid(2026, month, start));
      }
    }
    expect(weekdayOf('2026-03-08')).toBe(0);
  });

  it('read the same offsets, across daylight-saving changes and odd zones', () => {
    const instants = ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'];
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) {
      for (const iso of instants) {
        const ms = Date.parse(iso);
        const minutes = offsetMinutes(ms, zone);
        const sign = minutes < 0 ? '-' : '+';
        const abs = Math.abs(minutes);
        const text = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(toIsoWithOffset(ms, zone).slice(-6), `${zone} ${iso}`).toBe(text);
      }
    }
  });

  it('format day keys alike and start weeks on the same day', () => {
    for (const lang of ['en', 'en-US', 'es', 'es-MX', 'en-GB', 'ar-EG', 'fr']) {
      expect(weekStartFor(lang), lang).toBe(weekStartForLocale(lang));
      const options = { weekday: 'long', month: 'long', day: 'numeric' } as const;
      expect(formatDayKey('2026-03-08', lang, options)).toBe(coreFormatDayKey('2026-03-08', lang, options));
    }
    expect(formatTime(Date.parse('2026-03-09T13:30:00Z'), 'America/Chicago', 'en-US')).toBe('8:30 AM');
  });

  it('check dates and zones', () => {
    expect(['2026-02-28', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', ''].map(isCalendarDate)).toEqual([false, false, false, false]);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
