export { monthGrid, type Weekday, weekdayOfKey, weekStartForLocale } from './calendar.js';
export { addDaysToKey, type DayKey } from './day-key.js';
export {
  buildIcs,
  type CalendarEvent,
  type CalendarLinkEvent,
  googleCalendarUrl,
  outlookCalendarUrl,
} from './ics.js';
export { currencyFractionDigits, formatMoney } from './money.js';
export { parseMoneyInput, parsePercentInput } from './money-input.js';
export type { NumberInputError, NumberInputResult } from './number-input.js';
export {
  browserTimeZone,
  dayKey,
  formatDate,
  formatDateTime,
  formatDayKey,
  formatTime,
  formatTimeZoneName,
  type InstantInput,
  type PartOfDay,
  partOfDay,
  startOfDayInZone,
  type TimeZoneNameStyle,
  toIsoWithOffset,
} from './zoned.js';
