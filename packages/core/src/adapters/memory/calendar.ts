import { TZDate, tzOffset } from '@date-fns/tz';

/** A date on the wall calendar, with no time zone: what "Monday 9 March" means to the clinic. */
export interface CalendarDay {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  /** 0 is Sunday, 6 is Saturday. */
  weekday: number;
  /** `YYYY-MM-DD`, sortable as a string. */
  key: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Normalises overflow (`day: 32` is the next month), so callers can just add days. */
export function calendarDay(year: number, month: number, day: number): CalendarDay {
  // Calendar arithmetic in UTC has no daylight-saving gaps; the time zone only matters when we pick instants.
  const date = new Date(Date.UTC(year, month - 1, day));
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return { year: y, month: m, day: d, weekday: date.getUTCDay(), key: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  return calendarDay(day.year, day.month, day.day + days);
}

/** The date it is in `zone` at `instant`. */
export function localToday(instant: number, zone: string): CalendarDay {
  const local = new TZDate(instant, zone);
  return calendarDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/**
 * The zone's UTC offset in minutes (east positive) at local noon of `day`. Clinic hours are daytime and time zones
 * switch daylight saving at night, so one offset serves every slot of the day and the time zone database is asked
 * once per zone and day instead of once per slot.
 */
export function utcOffsetAtNoon(day: CalendarDay, zone: string): number {
  const noonAsIfUtc = Date.UTC(day.year, day.month - 1, day.day, 12);
  // Two passes: the offset at UTC noon points at the real local noon, whose offset is the one we want.
  const guess = tzOffset(zone, new Date(noonAsIfUtc));
  return tzOffset(zone, new Date(noonAsIfUtc - guess * 60_000));
}

/** `-05:00`, `+00:00`: the offset part of an ISO 8601 instant. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Minutes after midnight as `HH:MM`. */
export function clockTime(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** Epoch milliseconds of local midnight starting `day`, for a day whose daytime offset is `offsetMinutes`. */
export function midnightEpochMs(day: CalendarDay, offsetMinutes: number): number {
  return Date.UTC(day.year, day.month - 1, day.day) - offsetMinutes * 60_000;
}

/** `HH:MM` to minutes after midnight. */
export function minuteOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`not a HH:MM time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function nthWeekday(year: number, month: number, weekday: number, nth: number): CalendarDay {
  const first = calendarDay(year, month, 1);
  return calendarDay(year, month, 1 + ((weekday - first.weekday + 7) % 7) + 7 * (nth - 1));
}

function lastWeekday(year: number, month: number, weekday: number): CalendarDay {
  const last = calendarDay(year, month + 1, 0);
  return calendarDay(year, month, last.day - ((last.weekday - weekday + 7) % 7));
}

/** A fixed-date holiday falling on a weekend is observed on the Friday before or the Monday after. */
function observed(day: CalendarDay): CalendarDay {
  if (day.weekday === 6) return addCalendarDays(day, -1);
  if (day.weekday === 0) return addCalendarDays(day, 1);
  return day;
}

/** The days the clinic group is closed in `year` (date keys). */
export function clinicHolidays(year: number): string[] {
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return [
    observed(calendarDay(year, 1, 1)),
    lastWeekday(year, 5, 1), // Memorial Day
    observed(calendarDay(year, 7, 4)),
    nthWeekday(year, 9, 1, 1), // Labor Day
    thanksgiving,
    addCalendarDays(thanksgiving, 1),
    observed(calendarDay(year, 12, 25)),
  ].map((day) => day.key);
}
