import type { Booking, Slot } from '@frontdesk/core';

/** Detail of `fd-slot-select`: the time the patient chose. No patient data. */
export interface SlotSelectDetail {
  slotId: string;
  /** The instants as the source gave them, with their offsets. */
  start: string;
  end: string;
  providerId: string | undefined;
  locationId: string | undefined;
  visitTypeId: string | undefined;
  /** The zone the patient saw the time in. */
  timeZone: string;
}

/** Detail of `fd-booking-confirmed`: what was booked, never who: the patient's details stay out of events. */
export interface BookingConfirmedDetail {
  bookingId: string;
  status: Booking['status'];
  slot: Slot;
  visitTypeId: string;
  providerId: string | undefined;
  locationId: string | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'fd-slot-select': CustomEvent<SlotSelectDetail>;
    'fd-booking-confirmed': CustomEvent<BookingConfirmedDetail>;
  }
}
