import * as z from 'zod/mini';
import { Coding, Id, Instant, LanguageTag, LongText, Phone, ShortText, TimeZone, WebUrl } from './primitives.js';
import { isPhotoUrl } from './refinements.js';

/** A provider photo: an http(s) URL, or a small inline image from a FHIR `Attachment.data` (see isPhotoUrl). */
const PhotoUrl = z.string().check(z.refine(isPhotoUrl, 'not an http(s) URL'));

export const Address = z.object({
  lines: z.array(ShortText).check(z.maxLength(5)),
  city: ShortText,
  state: z.optional(ShortText),
  postalCode: z.optional(z.string().check(z.maxLength(20))),
  country: z.optional(ShortText),
});
export type Address = z.infer<typeof Address>;

export const Organization = z.object({
  id: Id,
  name: ShortText,
  phone: z.optional(Phone),
  website: z.optional(WebUrl),
  /** ISO 4217 code every price of this clinic is in. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});
export type Organization = z.infer<typeof Organization>;

export const Location = z.object({
  id: Id,
  name: ShortText,
  address: z.optional(Address),
  phone: z.optional(Phone),
  timeZone: TimeZone,
  position: z.optional(
    z.object({
      latitude: z.number().check(z.gte(-90), z.lte(90)),
      longitude: z.number().check(z.gte(-180), z.lte(180)),
    }),
  ),
  accessibility: z.optional(LongText),
});
export type Location = z.infer<typeof Location>;

export const AcceptingNewPatients = z.enum(['yes', 'existing-only', 'no']);
export type AcceptingNewPatients = z.infer<typeof AcceptingNewPatients>;

export const Provider = z.object({
  id: Id,
  displayName: ShortText,
  name: z.optional(
    z.object({
      prefix: z.optional(ShortText),
      given: z.optional(z.array(ShortText).check(z.maxLength(5))),
      family: z.optional(ShortText),
    }),
  ),
  credentials: z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(10)),
  /** An https URL, or a small inline image (`data:image/...;base64,`) from a FHIR `Practitioner.photo.data`. */
  photoUrl: z.optional(PhotoUrl),
  specialties: z.array(Coding).check(z.maxLength(30)),
  languages: z.array(LanguageTag).check(z.maxLength(30)),
  gender: z.optional(z.enum(['female', 'male', 'other', 'unknown'])),
  bio: z.optional(LongText),
  acceptingNewPatients: AcceptingNewPatients,
  locationIds: z.array(Id).check(z.maxLength(50)),
  telehealth: z.boolean(),
  inPerson: z.boolean(),
  npi: z.optional(z.string().check(z.regex(/^\d{10}$/))),
  nextAvailable: z.optional(Instant),
});
export type Provider = z.infer<typeof Provider>;

export const VisitType = z.object({
  id: Id,
  name: ShortText,
  durationMinutes: z.int().check(z.gte(1), z.lte(24 * 60)),
  patientType: z.enum(['new', 'existing', 'any']),
  modality: z.enum(['in-person', 'telehealth']),
  description: z.optional(LongText),
  /** CPT / HCPCS codes billed for this visit; the first is the primary service. */
  serviceCodes: z.array(z.string().check(z.regex(/^[A-Z0-9]{4,7}$/))).check(z.maxLength(20)),
  /** Providers that offer it; absent means every provider. */
  providerIds: z.optional(z.array(Id)),
});
export type VisitType = z.infer<typeof VisitType>;
