// The calendar file builder is core's (a superset of the picker's own); re-exported for existing imports.
export { buildIcs, type CalendarEvent, type FdBookingConfirmedDetail, type FdSlotSelectDetail } from '@frontdesk/core';
export type { BookingStrings } from './booking-strings.js';
export { buildDayIndex, type DayIndex, type DaySlot, groupByPartOfDay, nextAvailableDay } from './day-index.js';
// The headless parts, for hosts that build their own scheduling UI on the same rules.
export { type CleanedSlots, type CleanSlot, cleanSlots } from './slot-cleaning.js';
export { FdSlotPicker } from './slot-picker.js';
export type { SlotPickerStrings } from './strings.js';
export { type WallTime, ZoneClock } from './zone-clock.js';
