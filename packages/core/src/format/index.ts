// Formatting and calendar arithmetic. Each public helper checks what it is given and names a bad argument; the
// unchecked variants (`dayKeyText`, `timeText`, `knownDateFormat`, `shiftDayKey`, `weekdayOf`, `monthWeeks`,
// `weekStartOf`, `exactOffset`) run the
// same code for values a widget has already checked, and keep that checking out of a widget's first download.
export {
  dayKeyText,
  formatDayKey,
  monthGrid,
  monthWeeks,
  type Weekday,
  weekdayOf,
  weekdayOfKey,
  weekStartForLocale,
  weekStartOf,
} from './calendar.js';
export { addDaysToKey, type DayKey, isDayKey, shiftDayKey } from './day-key.js';
export {
  buildIcs,
  type CalendarEvent,
  type CalendarLinkEvent,
  googleCalendarUrl,
  outlookCalendarUrl,
} from './ics.js';
export {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeZoneName,
  type InstantInput,
  type TimeZoneNameStyle,
  timeText,
} from './instant.js';
export { dateTimeFormat, isTimeZone, knownDateFormat } from './intl-cache.js';
export { currencyFractionDigits, formatMoney } from './money.js';
export { parseMoneyInput, parsePercentInput } from './money-input.js';
export type { NumberInputError, NumberInputResult } from './number-input.js';
export { exactOffset, zoneOffsetMinutes } from './offset.js';
export { telHref } from './phone.js';
export { dayKey, type PartOfDay, partOfDay, startOfDayInZone, toIsoWithOffset } from './zoned.js';
