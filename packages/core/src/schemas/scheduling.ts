import * as z from 'zod/mini';
import { Location } from './clinic.js';
import { CalendarDate, Email, Id, Instant, LongText, Phone, ShortText, WebUrl } from './primitives.js';
import { endsAfterStart } from './refinements.js';

export const SlotStatus = z.enum(['free', 'busy']);

export const Slot = z
  .object({
    id: Id,
    start: Instant,
    end: Instant,
    providerId: z.optional(Id),
    locationId: z.optional(Id),
    visitTypeIds: z.array(Id).check(z.maxLength(50)),
    status: SlotStatus,
    /** How many patients can still book it (SMART Scheduling Links `slot-capacity`). */
    capacity: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
    bookingLink: z.optional(WebUrl),
    bookingPhone: z.optional(Phone),
  })
  .check(z.refine(endsAfterStart, { message: 'end is not after start', path: ['end'] }));
export type Slot = z.infer<typeof Slot>;

/** Who booked for a patient in their care (a child, a dependant): the names on the booking are the patient's. */
const BookedBy = z.object({
  givenName: ShortText,
  familyName: ShortText,
  relationship: z.enum(['parent', 'guardian', 'caregiver', 'other']),
});
export type BookedBy = z.infer<typeof BookedBy>;

/** The plan the patient says they are covered by (an id from `listPlans`) and their member id on its card. */
const InsuranceDetails = z.object({
  planId: Id,
  memberId: z.string().check(z.minLength(1), z.maxLength(40)),
});
export type InsuranceDetails = z.infer<typeof InsuranceDetails>;

export const PatientDetails = z.object({
  givenName: ShortText,
  familyName: ShortText,
  birthDate: CalendarDate,
  phone: Phone,
  email: z.optional(Email),
  reason: z.optional(z.string().check(z.maxLength(1000))),
  patientType: z.enum(['new', 'existing']),
  /** Present when someone booked for the patient; absent when patients booked for themselves. */
  bookedBy: z.optional(BookedBy),
  insurance: z.optional(InsuranceDetails),
});
export type PatientDetails = z.infer<typeof PatientDetails>;

export const BookingRequest = z.object({
  slotId: Id,
  visitTypeId: Id,
  patient: PatientDetails,
  consent: z.object({ terms: z.boolean(), contact: z.optional(z.boolean()) }),
  /** Same key, same booking: a retried request can never book twice. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/)),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const Booking = z.object({
  id: Id,
  status: z.enum(['booked', 'pending', 'cancelled']),
  slot: Slot,
  visitTypeId: Id,
  providerId: z.optional(Id),
  location: z.optional(Location),
  instructions: z.optional(LongText),
  manageUrl: z.optional(WebUrl),
  /** A name the patient recognises in the confirmation; the rest of the details stay with the server. */
  patientName: z.optional(ShortText),
});
export type Booking = z.infer<typeof Booking>;
