import type { Booking, Slot } from '../schemas/scheduling.js';

/** Detail of `fd-booking-confirmed`: what was booked, never who: the patient's details stay out of events. */
export interface FdBookingConfirmedDetail {
  bookingId: string;
  status: Booking['status'];
  slot: Slot;
  visitTypeId: string;
  providerId: string | undefined;
  locationId: string | undefined;
}
