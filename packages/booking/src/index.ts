export type { FdBookingCancelDetail, FdBookingRescheduleDetail } from '@frontdesk/core';
export { FdBooking } from './booking.js';
export type { FdBookingStrings } from './strings.js';
