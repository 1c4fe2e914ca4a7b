import * as z from 'zod/mini';
import { Location } from './clinic.js';
import {
  AccessToken,
  CalendarDate,
  Email,
  Id,
  Instant,
  LanguageTag,
  LongText,
  ManageToken,
  Phone,
  ShortText,
  WebUrl,
} from './primitives.js';
import { endsAfterStart, rangeInOrder } from './refinements.js';

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
  /** The hold taken on the slot while the patient typed (`holdSlot`); the booking consumes it. */
  holdId: z.optional(AccessToken),
  /** The language messages to the patient are written in (BCP 47); the clinic's default when absent. */
  language: z.optional(LanguageTag),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

/** Which messages the server will really send about a booking: the confirmation promises no more. */
export const Notifications = z.object({ email: z.boolean(), sms: z.boolean() });
export type Notifications = z.infer<typeof Notifications>;

export const Booking = z.object({
  id: Id,
  status: z.enum(['booked', 'pending', 'cancelled']),
  slot: Slot,
  visitTypeId: Id,
  providerId: z.optional(Id),
  location: z.optional(Location),
  instructions: z.optional(LongText),
  /** The page where the patient manages this booking; the token rides in its fragment (`#token=...`). */
  manageUrl: z.optional(WebUrl),
  /**
   * The secret that manages this booking (`getBooking`, `cancelBooking`, `rescheduleBooking`). Given once, in the
   * answer that made the booking (or a waitlist claim); on FHIR, the Appointment id.
   */
  manageToken: z.optional(ManageToken),
  /** A name the patient recognises in the confirmation; the rest of the details stay with the server. */
  patientName: z.optional(ShortText),
  /** Where a video visit is joined. */
  joinUrl: z.optional(WebUrl),
  /** Raised by each change, so a calendar entry with the same UID is updated (iCalendar SEQUENCE). */
  sequence: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  notifications: z.optional(Notifications),
});
export type Booking = z.infer<typeof Booking>;

/** `cancelBooking`: by the manage token, with the patient's reason when they give one. */
export const CancelRequest = z.object({
  manageToken: ManageToken,
  reason: z.optional(z.string().check(z.maxLength(1000))),
  idempotencyKey: BookingRequest.shape.idempotencyKey,
});
export type CancelRequest = z.infer<typeof CancelRequest>;

/** `rescheduleBooking`: the same booking moved to another slot (one the booking's visit type is offered in). */
export const RescheduleRequest = z.object({
  manageToken: ManageToken,
  slotId: Id,
  holdId: z.optional(AccessToken),
  idempotencyKey: BookingRequest.shape.idempotencyKey,
});
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

/** `holdSlot`: hold a slot for a few minutes while the patient types (the same key, the same hold). */
export const HoldRequest = z.object({ slotId: Id, idempotencyKey: BookingRequest.shape.idempotencyKey });
export type HoldRequest = z.infer<typeof HoldRequest>;

/** A slot held for one patient while they type; others see it busy until `expiresAt`. `id` is a secret. */
export const Hold = z.object({ id: AccessToken, slotId: Id, expiresAt: Instant });
export type Hold = z.infer<typeof Hold>;

/** `joinWaitlist`: a patient who found no good time asks to be offered an earlier one that frees up. */
export const WaitlistRequest = z
  .object({
    providerId: Id,
    visitTypeId: Id,
    /** The days (inclusive, the clinic's calendar) the patient could come. */
    from: CalendarDate,
    to: CalendarDate,
    patient: z.object({
      givenName: ShortText,
      familyName: ShortText,
      birthDate: CalendarDate,
      phone: Phone,
      email: z.optional(Email),
      patientType: z.enum(['new', 'existing']),
    }),
    language: z.optional(LanguageTag),
    /** Being contacted is the point of a waitlist: `contact` must be true. */
    consent: z.object({ terms: z.boolean(), contact: z.boolean() }),
    /** A booking the patient already has: a claimed offer moves it (and only earlier times are offered). */
    manageToken: z.optional(AccessToken),
    idempotencyKey: BookingRequest.shape.idempotencyKey,
  })
  .check(z.refine(rangeInOrder, { message: 'to is before from', path: ['to'] }));
export type WaitlistRequest = z.infer<typeof WaitlistRequest>;

/** A place on the waitlist. `token` (a secret, given once) lets the patient leave it. */
export const WaitlistEntry = z.object({
  id: z.optional(Id),
  token: z.optional(AccessToken),
  status: z.enum(['waiting', 'booked', 'left', 'expired']),
  providerId: Id,
  visitTypeId: Id,
  from: CalendarDate,
  to: CalendarDate,
  notifications: z.optional(Notifications),
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

/** `claimWaitlistOffer`: book (or move the patient's booking to) the offered slot, if nobody claimed it first. */
export const ClaimRequest = z.object({ offerToken: AccessToken, idempotencyKey: BookingRequest.shape.idempotencyKey });
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** A freed slot offered to a waitlisted patient: the first claim before `expiresAt` books it. */
export const WaitlistOffer = z.object({
  status: z.enum(['open', 'claimed', 'gone', 'expired']),
  slot: Slot,
  visitTypeId: Id,
  expiresAt: Instant,
  /** True when claiming moves the patient's existing booking instead of making a new one. */
  movesBooking: z.boolean(),
});
export type WaitlistOffer = z.infer<typeof WaitlistOffer>;
