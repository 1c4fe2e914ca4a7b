import type { Booking } from '../schemas/scheduling.js';
import type { FdBookingCancelDetail } from './booking-cancel.js';

/**
 * What every booking event says of the visit (`fd-booking-confirmed`, `fd-booking-cancel`, `fd-booking-reschedule`):
 * which visit, when, what kind, with whom and where, the slot's own provider and location when the booking names none.
 * Never who the patient is.
 */
export function bookingDetail(booking: Booking): FdBookingCancelDetail {
  return {
    bookingId: booking.id,
    slot: booking.slot,
    visitTypeId: booking.visitTypeId,
    providerId: booking.providerId ?? booking.slot.providerId,
    locationId: booking.location?.id ?? booking.slot.locationId,
  };
}
