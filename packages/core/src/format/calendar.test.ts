import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/support/errors.js';
import { monthGrid, type Weekday, weekdayOfKey, weekStartForLocale, weekStartFromRegion } from './calendar.js';
import { addDaysToKey } from './day-key.js';

/** Every row is 7 consecutive days starting on the given weekday, and the grid holds the whole month. */
function expectWellFormed(grid: string[][], year: number, month: number, weekStartsOn: Weekday, days: number) {
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const flat = grid.flat();
  for (const week of grid) {
    expect(week).toHaveLength(7);
    expect(weekdayOfKey(week[0] ?? '')).toBe(weekStartsOn);
  }
  flat.forEach((key, i) => {
    if (i > 0) expect(key).toBe(addDaysToKey(flat[i - 1] ?? '', 1));
  });
  expect(flat.filter((key) => key.startsWith(prefix))).toHaveLength(days);
}

/** The seven day keys of a week starting on `first`. */
const weekFrom = (first: string) => Array.from({ length: 7 }, (_, i) => addDaysToKey(first, i));

describe('monthGrid', () => {
  it('lays out leap February 2024 with weeks starting Sunday', () => {
    const grid = monthGrid(2024, 2, 0);
    expect(grid).toHaveLength(5);
    expect(grid[0]).toEqual(weekFrom('2024-01-28'));
    expect(grid[4]).toEqual(weekFrom('2024-02-25'));
    expectWellFormed(grid, 2024, 2, 0, 29);
  });

  it('lays out leap February 2024 with weeks starting Monday', () => {
    const grid = monthGrid(2024, 2, 1);
    expect(grid[0]?.[0]).toBe('2024-01-29');
    expect(grid[0]?.[3]).toBe('2024-02-01');
    expect(grid.at(-1)).toEqual(weekFrom('2024-02-26'));
    expectWellFormed(grid, 2024, 2, 1, 29);
  });

  it('fits February 2026 in exactly four Sunday-first weeks, but five Monday-first', () => {
    const sunday = monthGrid(2026, 2, 0);
    expect(sunday).toHaveLength(4);
    expect(sunday[0]?.[0]).toBe('2026-02-01');
    expect(sunday[3]?.[6]).toBe('2026-02-28');
    expect(monthGrid(2026, 2, 1)).toHaveLength(5);
  });

  it('needs six rows when a long month starts late in the week', () => {
    const august = monthGrid(2026, 8, 0); // starts on a Saturday
    expect(august).toHaveLength(6);
    expect(august[5]?.[1]).toBe('2026-08-31');
    expectWellFormed(august, 2026, 8, 0, 31);
  });

  it('knows century leap rules and any week start', () => {
    expectWellFormed(monthGrid(2100, 2, 6), 2100, 2, 6, 28);
    expectWellFormed(monthGrid(2000, 2, 3), 2000, 2, 3, 29);
    expectWellFormed(monthGrid(2026, 12, 1), 2026, 12, 1, 31);
  });

  it('refuses impossible months and week starts', () => {
    expect(errorOf(() => monthGrid(2026, 13, 0))).toEqual({ kind: 'invalid-input', field: 'month' });
    expect(errorOf(() => monthGrid(2026, 0, 0))).toEqual({ kind: 'invalid-input', field: 'month' });
    expect(errorOf(() => monthGrid(2026, 1, 7 as Weekday))).toEqual({ kind: 'invalid-input', field: 'weekStartsOn' });
  });
});

describe('addDaysToKey', () => {
  it('steps across DST, month, leap-day and year boundaries by calendar days', () => {
    expect(addDaysToKey('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDaysToKey('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDaysToKey('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDaysToKey('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToKey('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDaysToKey('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToKey('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDaysToKey('2026-01-31', 365)).toBe('2027-01-31');
    expect(addDaysToKey('0050-01-01', 31)).toBe('0050-02-01');
  });

  it('refuses fractional days and malformed keys', () => {
    expect(errorOf(() => addDaysToKey('2026-01-01', 1.5))).toEqual({ kind: 'invalid-input', field: 'days' });
    expect(errorOf(() => addDaysToKey('2026-1-1', 1))).toEqual({ kind: 'invalid-input', field: 'dayKey' });
  });
});

describe('weekStartForLocale', () => {
  const expected: [string, Weekday][] = [
    ['en-US', 0],
    ['es', 1],
    ['es-ES', 1],
    ['es-US', 0],
    ['es-MX', 0],
    ['en-GB', 1],
    ['en', 0],
    ['fr', 1],
    ['ar-EG', 6],
  ];

  it('uses the engine’s week data', () => {
    for (const [locale, day] of expected) expect([locale, weekStartForLocale(locale)]).toEqual([locale, day]);
  });

  it('falls back to the region where the engine has no week data', () => {
    for (const [locale, day] of expected) expect([locale, weekStartFromRegion(locale)]).toEqual([locale, day]);
  });

  it('names a malformed locale', () => {
    expect(errorOf(() => weekStartForLocale('??'))).toEqual({ kind: 'invalid-input', field: 'locale' });
  });
});
