import type { Location, Organization, Provider, VisitType } from './schemas/clinic.js';
import type { Plan, PriceInfo } from './schemas/pricing.js';
import type {
  FhirCoding,
  Questionnaire,
  QuestionnaireResponse,
  SurveyReceipt,
  SurveySummary,
} from './schemas/questionnaire.js';
import type {
  Booking,
  BookingRequest,
  CancelRequest,
  ClaimRequest,
  Hold,
  HoldRequest,
  RescheduleRequest,
  Slot,
  WaitlistEntry,
  WaitlistOffer,
  WaitlistRequest,
} from './schemas/scheduling.js';
import type { Listing } from './schemas/validate.js';

/** What a backend can do, so widgets adapt instead of failing (docs/design.md section 4). */
export interface AdapterCapabilities {
  /**
   * `api`: `book()` works. `link`: slots carry a booking deep link or phone number instead (SMART Scheduling Links).
   * `none`: show availability only.
   */
  booking: 'api' | 'link' | 'none';
  prices: boolean;
  plans: boolean;
  surveys: boolean;
  /** `expandValueSet()` works: a survey's `answerValueSet` by canonical URL can be offered. Absent means false. */
  terminology?: boolean | undefined;
  /** `getBooking()` and `cancelBooking()` work: a booking is managed by its `manageToken`. Absent means false. */
  manage?: boolean | undefined;
  /** `rescheduleBooking()` works. Absent means false. */
  reschedule?: boolean | undefined;
  /** `holdSlot()` and `releaseHold()` work: a chosen time is held while the patient types. Absent means false. */
  holds?: boolean | undefined;
  /**
   * `joinWaitlist()`, `leaveWaitlist()`, `getWaitlistOffer()` and `claimWaitlistOffer()` work. Absent means false.
   */
  waitlist?: boolean | undefined;
}

export interface RequestOptions {
  /** Aborted when the element disconnects or its inputs change. */
  signal?: AbortSignal | undefined;
}

export interface SlotQuery {
  /** Inclusive start and exclusive end of the window, as instants with offsets. */
  start: string;
  end: string;
  providerId?: string | undefined;
  locationId?: string | undefined;
  visitTypeId?: string | undefined;
}

export interface PriceQuery {
  /** A CPT/HCPCS code or a visit type id. */
  service: string;
  planId?: string | undefined;
  providerId?: string | undefined;
  locationId?: string | undefined;
}

export interface SubmitSurveyOptions extends RequestOptions {
  /** Same key, same receipt: a queued submission retried after a dropped connection is stored once. */
  idempotencyKey: string;
  /**
   * The invitation token of the link the patient followed (`#invitation=...`): the response is linked to that visit,
   * at most one per visit (a second is a `conflict`). REST sends it as the `Invitation-Token` header.
   */
  invitation?: string | undefined;
  /** The visit (on FHIR, the Appointment id) the response is about, for backends without invitations. */
  bookingId?: string | undefined;
}

export interface ExpandValueSetOptions extends RequestOptions {
  /** What the patient typed: the terminology server matches it against displays (type-ahead over a large set). */
  filter?: string | undefined;
  /** Most codes returned. Default 50. */
  count?: number | undefined;
}

/** The selectable codes of a ValueSet expansion (abstract grouping codes left out), in the server's order. */
export interface ValueSetExpansion {
  codings: FhirCoding[];
  /** How many codes match in all, when the server says; above `codings.length` when the list was cut at `count`. */
  total?: number | undefined;
}

/**
 * One interface over every backend. Each method returns validated domain objects or throws a `FrontdeskError`.
 * Listings return the records that failed validation beside the good ones, so one bad record never blanks a widget.
 */
export interface FrontdeskAdapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  getOrganization(options?: RequestOptions): Promise<Organization>;
  listLocations(options?: RequestOptions): Promise<Listing<Location>>;
  listProviders(options?: RequestOptions): Promise<Listing<Provider>>;
  /** Throws `not-found` for an unknown id. */
  getProvider(id: string, options?: RequestOptions): Promise<Provider>;
  listVisitTypes(options?: RequestOptions): Promise<Listing<VisitType>>;
  /** Free and busy slots in the window; widgets offer only free ones. */
  listSlots(query: SlotQuery, options?: RequestOptions): Promise<Listing<Slot>>;
  /** Throws `conflict` when the slot was taken meanwhile; the same idempotency key returns the same booking. */
  book(request: BookingRequest, options?: RequestOptions): Promise<Booking>;
  /** Throws `not-found` when there is no price for the service. */
  getPrice(query: PriceQuery, options?: RequestOptions): Promise<PriceInfo>;
  listPlans(options?: RequestOptions): Promise<Listing<Plan>>;
  listSurveys(options?: RequestOptions): Promise<Listing<SurveySummary>>;
  getSurvey(id: string, options?: RequestOptions): Promise<Questionnaire>;
  submitSurvey(response: QuestionnaireResponse, options: SubmitSurveyOptions): Promise<SurveyReceipt>;
  /**
   * Present when `capabilities.terminology` is true: expands a ValueSet by its canonical URL (a definition, never
   * patient data). Throws `not-found` for a ValueSet the terminology server does not know, `network`/`http` when it
   * cannot be reached.
   */
  expandValueSet?(url: string, options?: ExpandValueSetOptions): Promise<ValueSetExpansion>;
  /** With `capabilities.manage`: the booking a manage token stands for, as it is now. `not-found` for a wrong token. */
  getBooking?(manageToken: string, options?: RequestOptions): Promise<Booking>;
  /** With `capabilities.manage`: cancels; the slot is free again. `conflict` when the visit has started. */
  cancelBooking?(request: CancelRequest, options?: RequestOptions): Promise<Booking>;
  /**
   * With `capabilities.reschedule`: moves the booking to another slot in one step (same id, `sequence` raised), or
   * throws `conflict` (the slot was taken) and leaves it as it was.
   */
  rescheduleBooking?(request: RescheduleRequest, options?: RequestOptions): Promise<Booking>;
  /** With `capabilities.holds`: holds a slot for a few minutes; `conflict` when it is booked or held by another. */
  holdSlot?(request: HoldRequest, options?: RequestOptions): Promise<Hold>;
  /** With `capabilities.holds`: gives a held slot back (the patient went back). A hold gone already is no error. */
  releaseHold?(holdId: string, options?: RequestOptions): Promise<void>;
  /** With `capabilities.waitlist`: joins the waitlist; the answer's `token` lets the patient leave it. */
  joinWaitlist?(request: WaitlistRequest, options?: RequestOptions): Promise<WaitlistEntry>;
  /** With `capabilities.waitlist`: leaves the waitlist. */
  leaveWaitlist?(waitlistToken: string, options?: RequestOptions): Promise<void>;
  /** With `capabilities.waitlist`: the time an offer link holds out, and whether it can still be claimed. */
  getWaitlistOffer?(offerToken: string, options?: RequestOptions): Promise<WaitlistOffer>;
  /**
   * With `capabilities.waitlist`: books the offered slot (moving the patient's booking when they had one); the first
   * claim wins, a later one throws `conflict`. The answer carries a `manageToken`.
   */
  claimWaitlistOffer?(request: ClaimRequest, options?: RequestOptions): Promise<Booking>;
}

/** Settings an adapter is built from: what `<fd-clinic adapter="..." api="...">` and `configure()` carry. */
export interface AdapterConfig {
  adapter: string;
  api?: string | undefined;
  /** Extra settings for one adapter (for example the memory adapter's latency). */
  options?: Record<string, unknown> | undefined;
}

export type AdapterFactory = (config: AdapterConfig) => FrontdeskAdapter | Promise<FrontdeskAdapter>;
