import type {
  ExpandValueSetOptions,
  FrontdeskAdapter,
  PriceQuery,
  RequestOptions,
  SlotQuery,
  SubmitSurveyOptions,
} from '../../adapter.js';
import { completeAdapter } from '../../complete-adapter.js';
import { FrontdeskError } from '../../errors.js';
import { createHttpClient, type HttpClientOptions } from '../../http/index.js';
import { requireSecureBaseUrl } from '../../http/url.js';
import { LazyModule } from '../../lazy-module.js';
// The domain schemas in compact form (same checks as the zod ones, proven by compact.test.ts): a page using this
// adapter does not download zod. What a patient's actions send and get back comes with the first action.
import type {
  BookingRequest,
  CancelRequest,
  ClaimRequest,
  HoldRequest,
  RescheduleRequest,
  WaitlistRequest,
} from '../../schemas/compact-actions.js';
import {
  Id,
  Instant,
  Location,
  Organization,
  Plan,
  PriceInfo,
  Provider,
  Questionnaire,
  Slot,
  SurveySummary,
  VisitType,
} from '../../schemas/compact-shapes.js';
import type { QuestionnaireResponse } from '../../schemas/questionnaire.js';
import { type Listing, type Parser, parseListing, parseOrThrow } from '../../schemas/validate.js';
import type { FhirClient } from '../fhir/client.js';
import { pathSegment, surveyIdOf } from './paths.js';

/** Where Frontdesk's JSON contract (docs/openapi.yaml) is served, and how to reach it. */
export interface RestAdapterOptions extends HttpClientOptions {
  /**
   * A FHIR terminology server (`https://tx.example.org/r4`) whose `ValueSet/$expand` offers the answers of survey
   * questions that name a ValueSet by canonical URL. It gets none of `getHeaders`. Without it there is no terminology.
   */
  terminologyUrl?: string | undefined;
}

/** `expandValueSet` through a terminology server, its FHIR code loaded only when first used. */
function terminologyAt(options: RestAdapterOptions, terminologyUrl: string) {
  const baseUrl = requireSecureBaseUrl(terminologyUrl).href;
  let client: FhirClient | undefined;
  return async (url: string, opts?: ExpandValueSetOptions) => {
    const { expandValueSet, terminologyClient } = await import('../fhir/terminology.js');
    client ??= terminologyClient(options, baseUrl);
    return expandValueSet(client, url, opts);
  };
}

const actionShapes = new LazyModule(() => import('../../schemas/compact-actions.js'));

/** A listing is `{ "data": [ ... ] }`; anything else is a broken server, not an empty clinic. */
function listing<T>(schema: Parser<T>, body: unknown, root: string): Listing<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('data' in body)) {
    throw new FrontdeskError('invalid-response', `${root}: expected an object with a data array`, { field: root });
  }
  return parseListing(schema, (body as { data: unknown }).data, root);
}

/** A record fetched by id must be that record: a server or proxy mixing up responses must not show the wrong one. */
function requireSameId<T extends { id?: string | undefined }>(record: T, id: string, root: string): T {
  if (record.id !== undefined && record.id !== id) {
    throw new FrontdeskError('invalid-response', `${root}.id: does not match the id asked for`, {
      field: `${root}.id`,
    });
  }
  return record;
}

/**
 * The `rest` adapter: Frontdesk's own JSON contract over HTTPS, for clinics with their own systems. Every response
 * is validated; one bad record in a listing is dropped (and reported in `dropped`) instead of blanking the widget.
 */
export function createRestAdapter(options: RestAdapterOptions): FrontdeskAdapter {
  const http = createHttpClient(options);
  const get = (path: string, signal: AbortSignal | undefined, query?: Record<string, string | undefined>) =>
    http.request<unknown>('GET', path, { signal, query });
  /**
   * A request whose path holds a secret (a manage token, a hold id): the error messages name the route, never the
   * secret. POSTs are not retried here; the caller repeats them with the same idempotency key.
   */
  const withSecret = async (
    method: 'GET' | 'POST' | 'DELETE',
    route: string,
    secrets: Readonly<Record<string, unknown>>,
    request: { body?: unknown; idempotencyKey?: string; signal?: AbortSignal | undefined },
  ): Promise<unknown> => {
    const path = route.replace(/\{(\w+)\}/g, (_, name: string) => String(secrets[name] ?? ''));
    const { body } = await http.send({
      method,
      url: new URL(path.slice(1), http.baseUrl),
      label: `${method} ${route}`,
      body: request.body,
      idempotencyKey: request.idempotencyKey,
      signal: request.signal,
      retry: method === 'GET' ? 'safe' : 'never',
    });
    return body;
  };
  /**
   * A booking's idempotent action (cancel, reschedule, claim an offer): a POST on a path holding the secret of the
   * checked request `valid`, under its idempotency key.
   */
  const bookingAction = async (
    route: string,
    valid: Readonly<Record<string, unknown>> & { idempotencyKey: string },
    body: unknown,
    signal: AbortSignal | undefined,
  ) => {
    const { Booking } = await actionShapes.load();
    const answer = await withSecret('POST', route, valid, { body, idempotencyKey: valid.idempotencyKey, signal });
    return parseOrThrow(Booking, answer, 'booking');
  };
  const token = async (value: unknown, field: string) =>
    parseOrThrow((await actionShapes.load()).AccessToken, value, field, 'invalid-input');
  /** A GET or DELETE on a path holding one secret (`{manageToken}`...), checked as a token before it is sent. */
  const withToken = async (
    method: 'GET' | 'DELETE',
    route: string,
    value: unknown,
    signal: AbortSignal | undefined,
  ) => {
    const name = /\{(\w+)\}/.exec(route)?.[1] ?? '';
    return withSecret(method, route, { [name]: await token(value, name) }, { signal });
  };

  if (options.terminologyUrl !== undefined && typeof options.terminologyUrl !== 'string') {
    throw new FrontdeskError('invalid-input', 'terminologyUrl must be a URL', { field: 'terminologyUrl' });
  }
  return completeAdapter({
    name: 'rest',
    ...(options.terminologyUrl ? { expandValueSet: terminologyAt(options, options.terminologyUrl) } : {}),

    async getOrganization(opts?: RequestOptions) {
      return parseOrThrow(Organization, await get('/organization', opts?.signal), 'organization');
    },

    async listLocations(opts?: RequestOptions) {
      return listing(Location, await get('/locations', opts?.signal), 'locations');
    },

    async listProviders(opts?: RequestOptions) {
      return listing(Provider, await get('/providers', opts?.signal), 'providers');
    },

    async getProvider(id: string, opts?: RequestOptions) {
      const body = await get(`/providers/${pathSegment(id, 'id')}`, opts?.signal);
      return requireSameId(parseOrThrow(Provider, body, 'provider'), id, 'provider');
    },

    async listVisitTypes(opts?: RequestOptions) {
      return listing(VisitType, await get('/visit-types', opts?.signal), 'visitTypes');
    },

    async listSlots(query: SlotQuery, opts?: RequestOptions) {
      const start = parseOrThrow(Instant, query.start, 'query.start', 'invalid-input');
      const end = parseOrThrow(Instant, query.end, 'query.end', 'invalid-input');
      const body = await get('/slots', opts?.signal, {
        start,
        end,
        providerId: query.providerId,
        locationId: query.locationId,
        visitTypeId: query.visitTypeId,
      });
      return listing(Slot, body, 'slots');
    },

    async book(request: BookingRequest, opts?: RequestOptions) {
      const { BookingRequest, Booking } = await actionShapes.load();
      // Checked here so a form bug is reported as the caller's, without a round trip.
      const valid = parseOrThrow(BookingRequest, request, 'request', 'invalid-input');
      const body = await http.request<unknown>('POST', '/bookings', {
        body: valid,
        idempotencyKey: valid.idempotencyKey,
        signal: opts?.signal,
      });
      const booking = parseOrThrow(Booking, body, 'booking');
      if (booking.slot.id !== valid.slotId) {
        throw new FrontdeskError('invalid-response', 'booking.slot.id: not the slot that was booked', {
          field: 'booking.slot.id',
        });
      }
      return booking;
    },

    async getPrice(query: PriceQuery, opts?: RequestOptions) {
      // A service code or a visit type id; both are ids.
      const service = parseOrThrow(Id, query.service, 'query.service', 'invalid-input');
      const body = await get('/prices', opts?.signal, {
        service,
        planId: query.planId,
        providerId: query.providerId,
        locationId: query.locationId,
      });
      return parseOrThrow(PriceInfo, body, 'price');
    },

    async listPlans(opts?: RequestOptions) {
      return listing(Plan, await get('/plans', opts?.signal), 'plans');
    },

    async listSurveys(opts?: RequestOptions) {
      return listing(SurveySummary, await get('/surveys', opts?.signal), 'surveys');
    },

    async getSurvey(id: string, opts?: RequestOptions) {
      const body = await get(`/surveys/${pathSegment(id, 'id')}`, opts?.signal);
      return requireSameId(parseOrThrow(Questionnaire, body, 'survey'), id, 'survey');
    },

    async submitSurvey(response: QuestionnaireResponse, opts: SubmitSurveyOptions) {
      const { SurveyReceipt } = await actionShapes.load();
      if (response?.resourceType !== 'QuestionnaireResponse') {
        throw new FrontdeskError('invalid-input', 'response.resourceType: expected a QuestionnaireResponse', {
          field: 'response.resourceType',
        });
      }
      const surveyId = pathSegment(surveyIdOf(response), 'response.questionnaire');
      // The invitation token of the link the patient followed links the response to its visit.
      const invitation = opts.invitation === undefined ? undefined : await token(opts.invitation, 'invitation');
      const { body } = await http.send({
        method: 'POST',
        url: new URL(`surveys/${surveyId}/responses`, http.baseUrl),
        label: `POST /surveys/${surveyId}/responses`,
        body: response,
        idempotencyKey: opts.idempotencyKey,
        headers: invitation === undefined ? undefined : { 'Invitation-Token': invitation },
        signal: opts.signal,
        retry: 'never',
      });
      return parseOrThrow(SurveyReceipt, body, 'receipt');
    },

    async getBooking(manageToken: string, opts?: RequestOptions) {
      const { Booking } = await actionShapes.load();
      const body = await withToken('GET', '/bookings/{manageToken}', manageToken, opts?.signal);
      return parseOrThrow(Booking, body, 'booking');
    },

    async cancelBooking(request: CancelRequest, opts?: RequestOptions) {
      const { CancelRequest } = await actionShapes.load();
      const valid = parseOrThrow(CancelRequest, request, 'request', 'invalid-input');
      const body = valid.reason === undefined ? {} : { reason: valid.reason };
      return bookingAction('/bookings/{manageToken}/cancel', valid, body, opts?.signal);
    },

    async rescheduleBooking(request: RescheduleRequest, opts?: RequestOptions) {
      const { RescheduleRequest } = await actionShapes.load();
      const valid = parseOrThrow(RescheduleRequest, request, 'request', 'invalid-input');
      const body = { slotId: valid.slotId, ...(valid.holdId === undefined ? {} : { holdId: valid.holdId }) };
      const booking = await bookingAction('/bookings/{manageToken}/reschedule', valid, body, opts?.signal);
      if (booking.slot.id !== valid.slotId) {
        throw new FrontdeskError('invalid-response', 'booking.slot.id: not the slot asked for', {
          field: 'booking.slot.id',
        });
      }
      return booking;
    },

    async holdSlot(request: HoldRequest, opts?: RequestOptions) {
      const { HoldRequest, Hold } = await actionShapes.load();
      const valid = parseOrThrow(HoldRequest, request, 'request', 'invalid-input');
      const body = await http.request<unknown>('POST', '/holds', {
        body: { slotId: valid.slotId },
        idempotencyKey: valid.idempotencyKey,
        signal: opts?.signal,
      });
      return parseOrThrow(Hold, body, 'hold');
    },

    async releaseHold(holdId: string, opts?: RequestOptions) {
      try {
        await withToken('DELETE', '/holds/{holdId}', holdId, opts?.signal);
      } catch (error) {
        // Expired, consumed or released before: the time is not held either way.
        if (!(error instanceof FrontdeskError && error.kind === 'not-found')) throw error;
      }
    },

    async joinWaitlist(request: WaitlistRequest, opts?: RequestOptions) {
      const { WaitlistRequest, WaitlistEntry } = await actionShapes.load();
      const { idempotencyKey, ...body } = parseOrThrow(WaitlistRequest, request, 'request', 'invalid-input');
      const answer = await http.request<unknown>('POST', '/waitlist', { body, idempotencyKey, signal: opts?.signal });
      return parseOrThrow(WaitlistEntry, answer, 'waitlist');
    },

    async leaveWaitlist(waitlistToken: string, opts?: RequestOptions) {
      await withToken('DELETE', '/waitlist/{waitlistToken}', waitlistToken, opts?.signal);
    },

    async getWaitlistOffer(offerToken: string, opts?: RequestOptions) {
      const { WaitlistOffer } = await actionShapes.load();
      const body = await withToken('GET', '/waitlist/offers/{offerToken}', offerToken, opts?.signal);
      return parseOrThrow(WaitlistOffer, body, 'offer');
    },

    async claimWaitlistOffer(request: ClaimRequest, opts?: RequestOptions) {
      const { ClaimRequest } = await actionShapes.load();
      const valid = parseOrThrow(ClaimRequest, request, 'request', 'invalid-input');
      return bookingAction('/waitlist/offers/{offerToken}/claim', valid, {}, opts?.signal);
    },
  });
}
