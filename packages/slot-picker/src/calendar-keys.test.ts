import { describe, expect, it } from 'vitest';
import { addMonthsToKey, applyMove, moveForKey, timeKeyTarget } from './calendar-keys.js';

const MIN = '2026-01-01';
const MAX = '2027-12-31';

describe('calendar keys', () => {
  it('maps the APG date-grid keys, mirroring left and right in right-to-left text', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'a'];
    expect(keys.map((key) => moveForKey({ key, shiftKey: false }))).toEqual([
      'previousDay',
      'nextDay',
      'previousWeek',
      'nextWeek',
      'weekStart',
      'weekEnd',
      'previousMonth',
      'nextMonth',
      undefined,
    ]);
    expect(moveForKey({ key: 'PageUp', shiftKey: true })).toBe('previousYear');
    expect(moveForKey({ key: 'PageDown', shiftKey: true })).toBe('nextYear');
    expect(moveForKey({ key: 'ArrowLeft', shiftKey: false }, 'rtl')).toBe('nextDay');
    expect(moveForKey({ key: 'ArrowRight', shiftKey: false }, 'rtl')).toBe('previousDay');
  });

  it('moves by day and week across month and year ends', () => {
    expect(applyMove('2026-03-31', 'nextDay', 0, MIN, MAX)).toBe('2026-04-01');
    expect(applyMove('2027-01-01', 'previousDay', 0, MIN, MAX)).toBe('2026-12-31');
    expect(applyMove('2026-02-26', 'nextWeek', 0, MIN, MAX)).toBe('2026-03-05');
    expect(applyMove('2026-03-05', 'previousWeek', 0, MIN, MAX)).toBe('2026-02-26');
  });

  it('goes to the start and end of the week the locale uses', () => {
    // Wednesday 11 March 2026.
    expect(applyMove('2026-03-11', 'weekStart', 0, MIN, MAX)).toBe('2026-03-08');
    expect(applyMove('2026-03-11', 'weekEnd', 0, MIN, MAX)).toBe('2026-03-14');
    expect(applyMove('2026-03-11', 'weekStart', 1, MIN, MAX)).toBe('2026-03-09');
    expect(applyMove('2026-03-11', 'weekEnd', 1, MIN, MAX)).toBe('2026-03-15');
    // Sunday with Monday-first weeks is the week's last day.
    expect(applyMove('2026-03-15', 'weekStart', 1, MIN, MAX)).toBe('2026-03-09');
  });

  it('moves by month and year keeping the day, clamped to shorter months', () => {
    expect(addMonthsToKey('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToKey('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToKey('2026-03-15', -3)).toBe('2025-12-15');
    expect(applyMove('2026-05-31', 'nextMonth', 0, MIN, MAX)).toBe('2026-06-30');
    expect(applyMove('2026-05-31', 'previousMonth', 0, MIN, MAX)).toBe('2026-04-30');
    expect(applyMove('2026-02-14', 'nextYear', 0, MIN, MAX)).toBe('2027-02-14');
  });

  it('never leaves the bookable range', () => {
    expect(applyMove('2026-01-01', 'previousDay', 0, MIN, MAX)).toBe(MIN);
    expect(applyMove('2026-03-01', 'previousYear', 0, MIN, MAX)).toBe(MIN);
    expect(applyMove('2027-12-30', 'nextWeek', 0, MIN, MAX)).toBe(MAX);
  });

  it('moves within a group of times along the reading direction, stopping at the ends', () => {
    expect(
      ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End', 'Enter'].map((key) =>
        timeKeyTarget(key, 'ltr', 2, 5),
      ),
    ).toEqual([3, 3, 1, 1, 0, 4, undefined]);
    expect(timeKeyTarget('ArrowLeft', 'rtl', 2, 5)).toBe(3);
    expect(timeKeyTarget('ArrowRight', 'ltr', 4, 5)).toBe(4);
    expect(timeKeyTarget('ArrowUp', 'ltr', 0, 5)).toBe(0);
    expect(timeKeyTarget('ArrowRight', 'ltr', -1, 5)).toBeUndefined();
  });
});
