export { buildDayIndex, type DayIndex, type DaySlot, groupByPartOfDay, nextAvailableDay } from './day-index.js';
export type { BookingConfirmedDetail, SlotSelectDetail } from './events.js';
export { buildIcs, type CalendarEvent } from './ics.js';
export { type CleanedSlots, type CleanSlot, cleanSlots } from './slot-cleaning.js';
export { FdSlotPicker } from './slot-picker.js';
export type { SlotPickerStrings } from './strings.js';
