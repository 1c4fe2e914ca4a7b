import * as z from 'zod/mini';
import { isRealDate, isRealInstant, isTimeZone, isWebUrl } from './refinements.js';

/** Longest free text accepted from any source; longer strings are hostile or broken. */
export const MAX_TEXT = 10_000;
const MAX_SHORT = 500;

export const Id = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9._:\-/|]+$/));
export const ShortText = z.string().check(z.minLength(1), z.maxLength(MAX_SHORT));
export const LongText = z.string().check(z.maxLength(MAX_TEXT));

/** Integer amount of money in the smallest unit of the currency (cents). */
export const Cents = z.int().check(z.gte(0), z.lte(1_000_000_000_00));
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));

/** An instant with an explicit offset: `2026-03-08T09:30:00-05:00` or `...Z`. A bare local time is ambiguous. */
export const Instant = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/),
    z.refine(isRealInstant, 'not a real date and time'),
  );

/** A calendar date `YYYY-MM-DD`. */
export const CalendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealDate, 'not a real date'));

/** An IANA time zone the running browser knows. */
export const TimeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, 'not a known IANA time zone'));

/** Only http(s) URLs: `javascript:` and `data:` links from an API must never reach an `href` or `src`. */
export const WebUrl = z.string().check(z.maxLength(2048), z.refine(isWebUrl, 'not an http(s) URL'));

export const Phone = z.string().check(z.maxLength(40), z.regex(/^\+?[0-9 ().-]{3,}( ?(x|ext\.?) ?[0-9]+)?$/));
export const Email = z.string().check(z.maxLength(254), z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/));
/**
 * A secret handed to one patient (a manage token, a hold, an invitation): at least 128 random bits in base64url. It
 * travels in a URL fragment or a request, and the server keeps only its SHA-256.
 */
export const AccessToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,128}$/));

/**
 * What manages a booking: the server's manage token (an `AccessToken`), or on a FHIR backend the Appointment id,
 * whose access the FHIR server controls itself.
 */
export const ManageToken = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,128}$/));

/** A BCP 47 language tag such as `en`, `es-MX`. */
export const LanguageTag = z.string().check(z.maxLength(64), z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

export const Coding = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  display: ShortText,
  system: z.optional(z.string().check(z.maxLength(500))),
});
export type Coding = z.infer<typeof Coding>;
