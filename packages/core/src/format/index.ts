export { formatDayKey, monthGrid, type Weekday, weekdayOfKey, weekStartForLocale } from './calendar.js';
export { addDaysToKey, type DayKey, isDayKey } from './day-key.js';
export {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeZoneName,
  type InstantInput,
  type TimeZoneNameStyle,
} from './instant.js';
export { dateTimeFormat, isTimeZone } from './intl-cache.js';
export { currencyFractionDigits, formatMoney } from './money.js';
export { parseMoneyInput, parsePercentInput } from './money-input.js';
export type { NumberInputError, NumberInputResult } from './number-input.js';
export { zoneOffsetMinutes } from './offset.js';
export { telHref } from './phone.js';
export { dayKey, type PartOfDay, partOfDay, startOfDayInZone, toIsoWithOffset } from './zoned.js';
