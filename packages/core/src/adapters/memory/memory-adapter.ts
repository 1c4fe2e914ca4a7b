import * as z from 'zod/mini';
import type { FrontdeskAdapter, PriceQuery, RequestOptions, SlotQuery, SubmitSurveyOptions } from '../../adapter.js';
import { completeAdapter, type PartialAdapter } from '../../complete-adapter.js';
import { FrontdeskError } from '../../errors.js';
import { canonicalJson } from '../../ids.js';
import type { Location, Organization, Provider, VisitType } from '../../schemas/clinic.js';
import type { Plan, PriceInfo } from '../../schemas/pricing.js';
import { AccessToken, Id } from '../../schemas/primitives.js';
import { SlotQuerySchema } from '../../schemas/queries.js';
import type {
  Questionnaire,
  QuestionnaireResponse,
  SurveyReceipt,
  SurveySummary,
} from '../../schemas/questionnaire.js';
import type { Hold, WaitlistEntry, WaitlistOffer } from '../../schemas/scheduling.js';
import {
  type Booking,
  BookingRequest,
  CancelRequest,
  ClaimRequest,
  HoldRequest,
  RescheduleRequest,
  type Slot,
  WaitlistRequest,
} from '../../schemas/scheduling.js';
import { type Listing, type Parser, parseOrThrow } from '../../schemas/validate.js';
import {
  type DemoProvider,
  LOCATIONS,
  OPENING_HOURS,
  ORGANIZATION,
  PREPARATION,
  PROVIDERS,
  VIRTUAL_HOURS,
  VISIT_TYPES,
} from './clinic-data.js';
import {
  type FailMode,
  FailModeSchema,
  LatencyMs,
  type MemoryAdapterOptions,
  type ResolvedOptions,
  resolveOptions,
} from './options.js';
import { PLANS, priceFor } from './prices.js';
import { isBookable, SlotCalendar } from './slots.js';
import { checkSurveyResponse } from './survey-response.js';
import { SURVEYS } from './surveys.js';
import { VisitDesk } from './visits.js';

/** The demo clinic adapter, plus the knobs stories and tests turn to show loading, failures and conflicts. */
export interface MemoryAdapter extends FrontdeskAdapter {
  readonly name: 'memory';
  setLatency(ms: number): void;
  setFail(mode: FailMode): void;
  /** Another patient books this slot, so booking it next gives a `conflict`. Throws `not-found` for an unknown id. */
  takeSlot(slotId: string): void;
  /** Copies of the bookings made through this adapter, oldest first. */
  bookings(): Booking[];
  /** Copies of the survey responses received, oldest first, each with the id it was stored under. */
  responses(): QuestionnaireResponse[];
  /** The open waitlist offers: what the server would send each waitlisted patient as a claim link. */
  waitlistOffers(): { offerToken: string; slotId: string; waitlistToken: string | undefined }[];
}

/** Build the demo clinic; the options are validated (unknown keys ignored), the calendar is generated on first use. */
export function createMemoryAdapter(options: MemoryAdapterOptions | Record<string, unknown> = {}): MemoryAdapter {
  const clinic = new MemoryClinic(resolveOptions(options));
  return Object.assign(completeAdapter(clinic), {
    setLatency: (ms: number) => clinic.setLatency(ms),
    setFail: (mode: FailMode) => clinic.setFail(mode),
    takeSlot: (slotId: string) => clinic.takeSlot(slotId),
    bookings: () => clinic.bookings(),
    responses: () => clinic.responses(),
    waitlistOffers: () => clinic.desk.offers(),
  });
}

const PriceQuerySchema = z.object({
  service: z.string().check(z.minLength(1), z.maxLength(200)),
  planId: z.optional(Id),
  providerId: z.optional(Id),
  locationId: z.optional(Id),
});

const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,200}$/));

const listing = <T>(items: T[]): Listing<T> => ({ items, dropped: [] });

/** Slots are copied by hand: it is the hot path (thousands per call) and they are flat apart from one array. */
const copySlot = (slot: Slot): Slot => ({ ...slot, visitTypeIds: [...slot.visitTypeIds] });

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FrontdeskError('aborted', 'the request was aborted', { cause: signal.reason });
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FrontdeskError('aborted', 'the request was aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function formatAddress(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  return [location.name, ...address.lines, address.city].join(', ');
}

/** What the confirmation tells the patient to do, from the kind of visit and where it is. */
function bookingInstructions(visitType: VisitType, location: Location | undefined): string {
  const preparation = PREPARATION[visitType.id];
  const parts =
    visitType.modality === 'telehealth' || !location
      ? [
          'This is a video visit: join from a quiet, private place with your camera and microphone on.',
          `For the link to join, call ${ORGANIZATION.phone}.`,
          preparation,
          `To cancel or reschedule, call ${ORGANIZATION.phone} at least 24 hours ahead.`,
        ]
      : [
          `Arrive 15 minutes early at ${formatAddress(location)} to check in, and bring a photo ID, your insurance card and a list of the medicines you take.`,
          preparation,
          `To cancel or reschedule, call ${location.phone ?? ORGANIZATION.phone} at least 24 hours ahead.`,
        ];
  return parts.filter(Boolean).join(' ');
}

class MemoryClinic implements PartialAdapter {
  readonly name = 'memory' as const;

  readonly #options: ResolvedOptions;
  #latencyMs: number;
  #fail: FailMode;
  #calendar: SlotCalendar | undefined;
  /** Real time passes from the configured `now` on, so holds and offers expire in a story as they would. */
  readonly #startedAt = Date.now();
  readonly desk = new VisitDesk({
    slots: () => this.#slots(),
    now: () => this.#options.now + (Date.now() - this.#startedAt),
    newBooking: (slot, visitTypeId, givenName) => this.#newBooking(slot, visitTypeId, givenName),
  });
  readonly #bookingsByKey = new Map<string, { fingerprint: string; booking: Booking }>();
  readonly #responses: QuestionnaireResponse[] = [];
  readonly #responseIdsByKey = new Map<string, string>();
  readonly #answeredVisits = new Set<string>();

  constructor(options: ResolvedOptions) {
    this.#options = options;
    this.#latencyMs = options.latencyMs;
    this.#fail = options.fail;
  }

  setLatency(ms: number): void {
    this.#latencyMs = parseOrThrow(LatencyMs, ms, 'latencyMs', 'invalid-input');
  }

  setFail(mode: FailMode): void {
    this.#fail = parseOrThrow(FailModeSchema, mode, 'fail', 'invalid-input');
  }

  takeSlot(slotId: string): void {
    const slot = this.#slots().get(slotId);
    if (!slot) throw new FrontdeskError('not-found', 'no slot with this id', { field: 'slotId' });
    slot.status = 'busy';
  }

  bookings(): Booking[] {
    return this.desk.bookings();
  }

  responses(): QuestionnaireResponse[] {
    return structuredClone(this.#responses);
  }

  async getOrganization(options?: RequestOptions): Promise<Organization> {
    await this.#enter(options?.signal);
    return structuredClone(ORGANIZATION);
  }

  async listLocations(options?: RequestOptions): Promise<Listing<Location>> {
    await this.#enter(options?.signal);
    return listing(structuredClone([...LOCATIONS]));
  }

  async listProviders(options?: RequestOptions): Promise<Listing<Provider>> {
    await this.#enter(options?.signal);
    return listing(PROVIDERS.map((demo) => this.#provider(demo)));
  }

  async getProvider(id: string, options?: RequestOptions): Promise<Provider> {
    await this.#enter(options?.signal);
    const demo = PROVIDERS.find((candidate) => candidate.provider.id === id);
    if (!demo) throw new FrontdeskError('not-found', 'no provider with this id', { field: 'id' });
    return this.#provider(demo);
  }

  async listVisitTypes(options?: RequestOptions): Promise<Listing<VisitType>> {
    await this.#enter(options?.signal);
    return listing(structuredClone([...VISIT_TYPES]));
  }

  async listSlots(query: SlotQuery, options?: RequestOptions): Promise<Listing<Slot>> {
    const valid = await this.#input(options, SlotQuerySchema, query, 'query');
    const startMs = Date.parse(valid.start);
    const endMs = Date.parse(valid.end);
    if (endMs < startMs) throw new FrontdeskError('invalid-input', 'query.end: before start', { field: 'query.end' });
    return listing(
      this.#slots()
        .query({ ...valid, startMs, endMs })
        .map((slot) => copySlot(this.desk.shown(slot))),
    );
  }

  async book(request: BookingRequest, options?: RequestOptions): Promise<Booking> {
    const valid = await this.#input(options, BookingRequest, request, 'request');
    if (!valid.consent.terms) {
      throw new FrontdeskError('invalid-input', 'request.consent.terms: the terms must be accepted', {
        field: 'request.consent.terms',
      });
    }

    // A retry of a request we already carried out gets the same booking back, even though its slot is now busy.
    const fingerprint = canonicalJson(valid);
    const previous = this.#bookingsByKey.get(valid.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new FrontdeskError('invalid-input', 'request.idempotencyKey: already used for a different request', {
          field: 'request.idempotencyKey',
        });
      }
      return structuredClone(previous.booking);
    }

    const slot = this.#slots().get(valid.slotId);
    if (!slot) throw new FrontdeskError('not-found', 'no slot with this id', { field: 'request.slotId' });
    const visitType = VISIT_TYPES.find((type) => type.id === valid.visitTypeId);
    if (!visitType)
      throw new FrontdeskError('not-found', 'no visit type with this id', { field: 'request.visitTypeId' });
    if (!isBookable(slot) || this.desk.heldByOther(slot.id, valid.holdId)) {
      throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
    }
    if (!slot.visitTypeIds.includes(visitType.id)) {
      throw new FrontdeskError('conflict', 'this visit type is not offered in the slot', {
        field: 'request.visitTypeId',
      });
    }
    if (visitType.patientType === 'existing' && valid.patient.patientType === 'new') {
      throw new FrontdeskError(
        'invalid-input',
        'request.patient.patientType: this visit type is for existing patients',
        {
          field: 'request.patient.patientType',
        },
      );
    }

    const booking = this.#newBooking(slot, visitType.id, valid.patient.givenName);
    this.desk.releaseSlot(slot.id);
    const answer = { ...booking, manageToken: this.desk.add(booking) };
    this.#bookingsByKey.set(valid.idempotencyKey, { fingerprint, booking: answer });
    return structuredClone(answer);
  }

  async getBooking(manageToken: string, options?: RequestOptions): Promise<Booking> {
    return this.desk.get(await this.#input(options, AccessToken, manageToken, 'manageToken'));
  }

  async cancelBooking(request: CancelRequest, options?: RequestOptions): Promise<Booking> {
    return this.desk.cancel(await this.#input(options, CancelRequest, request, 'request'));
  }

  async rescheduleBooking(request: RescheduleRequest, options?: RequestOptions): Promise<Booking> {
    return this.desk.reschedule(await this.#input(options, RescheduleRequest, request, 'request'));
  }

  async holdSlot(request: HoldRequest, options?: RequestOptions): Promise<Hold> {
    return this.desk.hold(await this.#input(options, HoldRequest, request, 'request'));
  }

  async releaseHold(holdId: string, options?: RequestOptions): Promise<void> {
    this.desk.release(await this.#input(options, AccessToken, holdId, 'holdId'));
  }

  async joinWaitlist(request: WaitlistRequest, options?: RequestOptions): Promise<WaitlistEntry> {
    return this.desk.join(await this.#input(options, WaitlistRequest, request, 'request'));
  }

  async leaveWaitlist(waitlistToken: string, options?: RequestOptions): Promise<void> {
    this.desk.leave(await this.#input(options, AccessToken, waitlistToken, 'waitlistToken'));
  }

  async getWaitlistOffer(offerToken: string, options?: RequestOptions): Promise<WaitlistOffer> {
    return this.desk.offer(await this.#input(options, AccessToken, offerToken, 'offerToken'));
  }

  async claimWaitlistOffer(request: ClaimRequest, options?: RequestOptions): Promise<Booking> {
    return this.desk.claim(await this.#input(options, ClaimRequest, request, 'request'));
  }

  /** A booking of a free slot, marked busy; the caller keeps it with the desk. */
  #newBooking(slot: Slot, visitTypeId: string, givenName: string): Booking {
    const visitType = VISIT_TYPES.find((type) => type.id === visitTypeId)!;
    slot.status = 'busy';
    const location =
      visitType.modality === 'in-person' ? LOCATIONS.find((candidate) => candidate.id === slot.locationId) : undefined;
    return {
      id: `bk-${String(this.desk.count + 1).padStart(4, '0')}`,
      status: 'booked',
      slot: copySlot(slot),
      visitTypeId: visitType.id,
      ...(slot.providerId === undefined ? {} : { providerId: slot.providerId }),
      ...(location ? { location: structuredClone(location) } : {}),
      instructions: bookingInstructions(visitType, location),
      patientName: givenName,
      // No `notifications`: the demo sends nothing and, like a server that does not say, promises nothing.
      sequence: 0,
    };
  }

  async getPrice(query: PriceQuery, options?: RequestOptions): Promise<PriceInfo> {
    const valid = await this.#input(options, PriceQuerySchema, query, 'query');
    if (valid.planId !== undefined && !PLANS.some((plan) => plan.id === valid.planId)) {
      throw new FrontdeskError('not-found', 'no plan with this id', { field: 'query.planId' });
    }
    // A visit type is priced by its primary service code.
    const visitType = VISIT_TYPES.find((type) => type.id === valid.service);
    const code = visitType ? visitType.serviceCodes[0] : valid.service;
    const price = code === undefined ? undefined : priceFor(code, ORGANIZATION.currency, valid.planId);
    if (!price) throw new FrontdeskError('not-found', 'no price for this service', { field: 'query.service' });
    return price;
  }

  async listPlans(options?: RequestOptions): Promise<Listing<Plan>> {
    await this.#enter(options?.signal);
    return listing(structuredClone([...PLANS]));
  }

  async listSurveys(options?: RequestOptions): Promise<Listing<SurveySummary>> {
    await this.#enter(options?.signal);
    return listing(
      SURVEYS.map(({ questionnaire, kind }) => ({
        id: String(questionnaire.id),
        title: String(questionnaire.title),
        kind,
      })),
    );
  }

  async getSurvey(id: string, options?: RequestOptions): Promise<Questionnaire> {
    await this.#enter(options?.signal);
    const survey = SURVEYS.find(({ questionnaire }) => questionnaire.id === id);
    if (!survey) throw new FrontdeskError('not-found', 'no survey with this id', { field: 'id' });
    return structuredClone(survey.questionnaire);
  }

  async submitSurvey(response: QuestionnaireResponse, options: SubmitSurveyOptions): Promise<SurveyReceipt> {
    const key = await this.#input(options, IdempotencyKey, options?.idempotencyKey, 'idempotencyKey');
    // The same key is the same submission retried (a queued send after a dropped connection): acknowledge, store nothing.
    const previousId = this.#responseIdsByKey.get(key);
    if (previousId !== undefined) return { id: previousId, status: 'duplicate' };

    const { response: valid } = checkSurveyResponse(
      response,
      SURVEYS.map(({ questionnaire }) => questionnaire),
    );
    // A response through an invitation (or about a booking) is that visit's: one per visit and survey, as the server.
    const visit = options.invitation ?? options.bookingId;
    const linked = visit === undefined ? undefined : `${visit}|${valid.questionnaire ?? ''}`;
    if (linked !== undefined && this.#answeredVisits.has(linked)) {
      throw new FrontdeskError('conflict', 'this visit already has a response to this survey', {
        field: 'Invitation-Token',
      });
    }
    const id = `qr-${String(this.#responses.length + 1).padStart(4, '0')}`;
    this.#responses.push({ ...structuredClone(valid), id });
    this.#responseIdsByKey.set(key, id);
    if (linked !== undefined) this.#answeredVisits.add(linked);
    return { id, status: 'received' };
  }

  /** A call's input, checked as the caller's (`invalid-input`) after the round trip every call makes (#enter). */
  async #input<T>(options: RequestOptions | undefined, schema: Parser<T>, value: unknown, field: string): Promise<T> {
    await this.#enter(options?.signal);
    return parseOrThrow(schema, value, field, 'invalid-input');
  }

  /** Every call goes through here first, as a real request would: abort, latency, then simulated failure. */
  async #enter(signal: AbortSignal | undefined): Promise<void> {
    throwIfAborted(signal);
    if (this.#latencyMs > 0) await wait(this.#latencyMs, signal);
    if (this.#fail === 'once') {
      this.#fail = false;
      throw new FrontdeskError('network', 'simulated network failure (memory adapter, fail: once)');
    }
    if (this.#fail) throw new FrontdeskError('network', 'simulated network failure (memory adapter, fail: true)');
  }

  #slots(): SlotCalendar {
    this.#calendar ??= new SlotCalendar({
      seed: this.#options.seed,
      now: this.#options.now,
      days: this.#options.days,
      providers: PROVIDERS,
      visitTypes: VISIT_TYPES,
      locations: LOCATIONS,
      openingHours: OPENING_HOURS,
      virtualHours: VIRTUAL_HOURS,
    });
    return this.#calendar;
  }

  #provider(demo: DemoProvider): Provider {
    const provider: Provider = structuredClone(demo.provider);
    if (demo.hasPhoto && this.#options.photoBaseUrl !== undefined) {
      provider.photoUrl = `${this.#options.photoBaseUrl}/${provider.id}.svg`;
    }
    const next = this.#slots().firstFree(provider.id);
    if (next) provider.nextAvailable = next.start;
    return provider;
  }
}
