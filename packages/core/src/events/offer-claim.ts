import type { Slot } from '../schemas/scheduling.js';

/**
 * Detail of `fd-offer-claim`: a waitlist offer claimed, and the visit it gave: a new booking, or the patient's
 * existing booking moved to the offered time. No patient data.
 */
export interface FdOfferClaimDetail {
  bookingId: string;
  slot: Slot;
  visitTypeId: string;
  providerId: string | undefined;
  locationId: string | undefined;
  /** The claim moved the patient's existing booking to this time (instead of booking a new visit). */
  moved: boolean;
}
