import { type DayKey, shiftDayKey, type Weekday, weekdayOf } from '@frontdesk/core';

export type GridMove =
  | 'previousDay'
  | 'nextDay'
  | 'previousWeek'
  | 'nextWeek'
  | 'weekStart'
  | 'weekEnd'
  | 'previousMonth'
  | 'nextMonth'
  | 'previousYear'
  | 'nextYear';

/**
 * The WAI-ARIA APG date-picker grid keys. Left and right swap in right-to-left text, where the previous day sits on
 * the right.
 */
export function moveForKey(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  direction: 'ltr' | 'rtl' = 'ltr',
): GridMove | undefined {
  const rtl = direction === 'rtl';
  switch (event.key) {
    case 'ArrowLeft':
      return rtl ? 'nextDay' : 'previousDay';
    case 'ArrowRight':
      return rtl ? 'previousDay' : 'nextDay';
    case 'ArrowUp':
      return 'previousWeek';
    case 'ArrowDown':
      return 'nextWeek';
    case 'Home':
      return 'weekStart';
    case 'End':
      return 'weekEnd';
    case 'PageUp':
      return event.shiftKey ? 'previousYear' : 'previousMonth';
    case 'PageDown':
      return event.shiftKey ? 'nextYear' : 'nextMonth';
    default:
      return undefined;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of the month `months` later, clamped to the end of shorter months (31 January + 1 = 28 February). */
export function addMonthsToKey(key: DayKey, months: number): DayKey {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  const day = Number(key.slice(8, 10));
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = (total % 12) + 1;
  return `${pad(newYear, 4)}-${pad(newMonth)}-${pad(Math.min(day, daysInMonth(newYear, newMonth)))}`;
}

/** Where focus goes from `key`, kept within [`min`, `max`] so it never lands outside the bookable range. */
export function applyMove(key: DayKey, move: GridMove, weekStartsOn: Weekday, min: DayKey, max: DayKey): DayKey {
  const column = (weekdayOf(key) - weekStartsOn + 7) % 7;
  const target = {
    previousDay: () => shiftDayKey(key, -1),
    nextDay: () => shiftDayKey(key, 1),
    previousWeek: () => shiftDayKey(key, -7),
    nextWeek: () => shiftDayKey(key, 7),
    weekStart: () => shiftDayKey(key, -column),
    weekEnd: () => shiftDayKey(key, 6 - column),
    previousMonth: () => addMonthsToKey(key, -1),
    nextMonth: () => addMonthsToKey(key, 1),
    previousYear: () => addMonthsToKey(key, -12),
    nextYear: () => addMonthsToKey(key, 12),
  }[move]();
  return target < min ? min : target > max ? max : target;
}

/** `YYYY-MM` of a day key: the month it is shown in. */
export const monthOfKey = (key: DayKey): string => key.slice(0, 7);

/**
 * Where an arrow, Home or End moves within a group of time buttons (`length` of them, focus at `index`): along the
 * reading direction, stopping at the ends. Undefined for other keys.
 */
export function timeKeyTarget(
  key: string,
  direction: 'ltr' | 'rtl',
  index: number,
  length: number,
): number | undefined {
  if (index < 0) return undefined;
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  let next: number;
  if (key === forward || key === 'ArrowDown') next = index + 1;
  else if (key === backward || key === 'ArrowUp') next = index - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = length - 1;
  else return undefined;
  return Math.max(0, Math.min(length - 1, next));
}
