export { monthGrid, type Weekday, weekdayOfKey, weekStartForLocale } from './calendar.js';
export { addDaysToKey, type DayKey } from './day-key.js';
export { currencyFractionDigits, formatMoney, parseMoneyInput, parsePercentInput } from './money.js';
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
