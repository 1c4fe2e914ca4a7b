import type { Slot } from '../schemas/scheduling.js';

/** Detail of `fd-booking-reschedule`: the same booking at a new time. No patient data. */
export interface FdBookingRescheduleDetail {
  bookingId: string;
  /** The new time. */
  slot: Slot;
  /** The time given back. */
  previousSlot: Slot;
  visitTypeId: string;
  providerId: string | undefined;
  locationId: string | undefined;
  /** Raised by each change: a calendar entry with the booking's id as UID and this SEQUENCE replaces the old one. */
  sequence: number | undefined;
}
