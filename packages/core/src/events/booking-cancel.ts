import type { Slot } from '../schemas/scheduling.js';

/** Detail of `fd-booking-cancel`: the visit the patient cancelled, never who they are or the reason they gave. */
export interface FdBookingCancelDetail {
  bookingId: string;
  /** The time given back. */
  slot: Slot;
  visitTypeId: string;
  providerId: string | undefined;
  locationId: string | undefined;
}
