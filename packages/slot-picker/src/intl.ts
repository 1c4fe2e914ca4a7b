import type { DayKey, Weekday } from '@frontdesk/core';

/*
 * Calendar and time-zone helpers on Intl alone. Core's format helpers validate through zod and read offsets through
 * @date-fns/tz, which together cost the picker's first download about 11 KB gzip; the calendar and the times need
 * none of that, so the eagerly loaded modules use these and the booking steps (loaded on demand) use core's.
 * Semantics match core's: day keys are zone-free dates, formatted at UTC noon; weeks start per CLDR.
 */

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one; a month grid formats about 80 times per render. */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    if (formats.size > 64) formats.clear();
    format = new Intl.DateTimeFormat(lang, options);
    formats.set(key, format);
  }
  return format;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    dateFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the browser runs in (the patient's); `UTC` if it cannot tell. */
export function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The zone's offset from UTC at `ms`, in minutes east, from Intl's `longOffset` name ("GMT-05:00", or "GMT"). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const name = dateFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

const utcNoon = (key: DayKey) =>
  Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)), 12);
const keyOf = (ms: number): DayKey => new Date(ms).toISOString().slice(0, 10);

/** `YYYY-MM-DD` that names a real date. */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && keyOf(utcNoon(value)) === value;
}

export const addDays = (key: DayKey, days: number): DayKey => keyOf(utcNoon(key) + days * DAY_MS);

/** 0 is Sunday. */
export const weekdayOf = (key: DayKey): Weekday => new Date(utcNoon(key)).getUTCDay() as Weekday;

/** A day key in words; day keys have no zone, so they are formatted at UTC noon, where no zone can shift them. */
export const formatDayKey = (key: DayKey, lang: string, options: Intl.DateTimeFormatOptions): string =>
  dateFormat(lang, { ...options, timeZone: 'UTC' }).format(utcNoon(key));

/** The wall time of an instant in `timeZone`: "9:30 AM", "9:30". */
export const formatTime = (ms: number, timeZone: string, lang: string, timeZoneName?: 'short'): string =>
  dateFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit', ...(timeZoneName ? { timeZoneName } : {}) }).format(
    ms,
  );

/** The weeks of a month, each 7 day keys from `weekStartsOn`, padded with the neighbouring months' days. */
export function monthGrid(month: string, weekStartsOn: Weekday): DayKey[][] {
  const first = `${month}-01`;
  const lead = (weekdayOf(first) - weekStartsOn + 7) % 7;
  // The 1st plus 32 days is always in the next month; the day before that month's 1st is this month's last.
  const days = Number(addDays(`${addDays(first, 32).slice(0, 7)}-01`, -1).slice(8));
  const weeks: DayKey[][] = [];
  for (let offset = 0; offset < lead + days; offset += 7) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(first, offset - lead + i)));
  }
  return weeks;
}

// CLDR regions whose week starts on Sunday or Saturday, for engines without Intl week info (Firefox).
const SUNDAY = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** The first day of the week for a calendar in `lang`: Sunday in the United States, Monday in Spain. */
export function weekStartFor(lang: string): Weekday {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
    if (firstDay !== undefined && firstDay >= 1 && firstDay <= 7) return (firstDay % 7) as Weekday;
    const region = locale.maximize().region ?? '';
    return SUNDAY.has(region) ? 0 : SATURDAY.has(region) ? 6 : 1;
  } catch {
    return 0;
  }
}
