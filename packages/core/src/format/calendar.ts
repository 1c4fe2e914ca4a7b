import { type DayKey, dayKeyToUtcMidnight, keyMidnight, utcMidnight, utcMillisToDayKey } from './day-key.js';
import { invalidInput } from './errors.js';
import { dateTimeFormat, knownDateFormat } from './intl-cache.js';

// Calendar days, zone-free, on Intl alone (no date-fns): the slot picker's month grid downloads with the page.

/** 0 is Sunday, 1 Monday, ... 6 Saturday (the date-fns convention). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_MS = 86_400_000;
const NOON_MS = 12 * 3_600_000;

/** The weekday of a day key. */
export function weekdayOfKey(key: DayKey): Weekday {
  return new Date(dayKeyToUtcMidnight(key)).getUTCDay() as Weekday;
}

/**
 * The weeks of a month view, each 7 day keys starting on `weekStartsOn`, padded with the neighbouring months' days so
 * every row is full (4 to 6 rows). `month` is 1 to 12. A key belongs to the month when it starts with `YYYY-MM`.
 */
export function monthGrid(year: number, month: number, weekStartsOn: Weekday = 0): DayKey[][] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw invalidInput('year', 'expected a year from 1 to 9999');
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalidInput('month', 'expected a month from 1 to 12');
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw invalidInput('weekStartsOn', 'expected 0 (Sunday) to 6 (Saturday)');
  }
  return monthWeeks(year, month, weekStartsOn);
}

/** `monthGrid` for a year, month and weekday already checked (a widget's own): no checks. */
export function monthWeeks(year: number, month: number, weekStartsOn: Weekday): DayKey[][] {
  const first = utcMidnight(year, month, 1);
  const daysInMonth = new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
  const lead = (new Date(first).getUTCDay() - weekStartsOn + 7) % 7;
  const start = first - lead * DAY_MS;
  const weeks: DayKey[][] = [];
  for (let offset = 0; offset < lead + daysInMonth; offset += 7) {
    weeks.push(Array.from({ length: 7 }, (_, day) => utcMillisToDayKey(start + (offset + day) * DAY_MS)));
  }
  return weeks;
}

/** CLDR regions whose week starts on Sunday or Saturday; everywhere else starts on Monday. */
const SUNDAY_REGIONS = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(
    ' ',
  ),
);
const SATURDAY_REGIONS = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

type LocaleWithWeekInfo = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

function parseLocale(locale: string): LocaleWithWeekInfo {
  try {
    return new Intl.Locale(locale);
  } catch {
    throw invalidInput('locale', 'not a valid locale');
  }
}

/** From the locale's region, or its most likely region (`es` is Spain, `en` the United States). */
export function weekStartFromRegion(locale: string): Weekday {
  return regionWeekStart(parseLocale(locale));
}

function regionWeekStart(parsed: Intl.Locale): Weekday {
  const region = parsed.region ?? parsed.maximize().region;
  if (region !== undefined && SUNDAY_REGIONS.has(region)) return 0;
  if (region !== undefined && SATURDAY_REGIONS.has(region)) return 6;
  return region === undefined && parsed.language === 'en' ? 0 : 1;
}

/**
 * The first day of the week for a calendar in `locale`: from Intl (`getWeekInfo()`, or the older `weekInfo`) where
 * the engine has it, else from the region (Firefox has neither).
 */
export function weekStartForLocale(locale: string): Weekday {
  return weekStartOf(parseLocale(locale));
}

/** `weekStartForLocale` for a locale Intl has already accepted (a widget's `lang`). */
export function weekStartOf(locale: string | Intl.Locale): Weekday {
  const parsed = (typeof locale === 'string' ? new Intl.Locale(locale) : locale) as LocaleWithWeekInfo;
  const info = typeof parsed.getWeekInfo === 'function' ? parsed.getWeekInfo() : parsed.weekInfo;
  const firstDay = info?.firstDay;
  // Intl numbers days 1 (Monday) to 7 (Sunday).
  if (Number.isInteger(firstDay) && firstDay !== undefined && firstDay >= 1 && firstDay <= 7)
    return (firstDay % 7) as Weekday;
  return regionWeekStart(parsed);
}

/**
 * A calendar day key for display: a weekday heading, a month title (`{ month: 'long', year: 'numeric' }`) or a grid
 * cell label. Day keys have no zone, so they are formatted at UTC noon, where no machine zone can shift them.
 */
export function formatDayKey(
  key: DayKey,
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'> = { dateStyle: 'full' },
): string {
  const noonUtc = dayKeyToUtcMidnight(key) + NOON_MS;
  return dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(noonUtc);
}

/** `formatDayKey` for a key and a locale already checked (a widget's own): no checks, no named errors. */
export const dayKeyText = (
  key: DayKey,
  locale: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): string => knownDateFormat(locale, { ...options, timeZone: 'UTC' }).format(keyMidnight(key) + NOON_MS);

/** The weekday of a day key already checked. */
export const weekdayOf = (key: DayKey): Weekday => new Date(keyMidnight(key)).getUTCDay() as Weekday;
