import { FrontdeskError, Id, Instant, type Provider, parseOrThrow, type Slot } from '@frontdesk/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ClinicSnapshot, ClinicStore } from '../clinic/store.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { book } from '../scheduling/book.js';
import { type Bookable, bookableNow, bookedKey, openSlots } from '../scheduling/slots.js';
import { checkResponse, invitationFor, storeResponse } from '../surveys/submit.js';
import type { VisitContext } from '../visits/context.js';
import { readJson } from './body.js';
import type { RateLimiter } from './rate-limit.js';
import { idempotencyKey, invalid, optionalId, pathId, requiredQuery, requireObject } from './request.js';
import { VISIT_ROUTES } from './visit-api.js';

/** Longest slot window one request may ask for (the contract's limit), so a typo cannot enumerate years. */
export const MAX_SLOT_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

/** The per-client limits of the public API (app.ts sets their defaults). */
export interface ApiLimits {
  bookings: RateLimiter;
  surveyResponses: RateLimiter;
  /** Requests naming a secret (a manage token, a hold, a waitlist offer): guessing one is throttled. */
  tokens: RateLimiter;
  holds: RateLimiter;
}

/** What the API's handlers share: the database, the clinic's data, the clock and the limits. */
export interface Api {
  db: Database;
  store: ClinicStore;
  clock: Clock;
  limits: ApiLimits;
  /** The visit's operations (book, manage, hold, waitlist) with the clinic's pages and channels. */
  visits: VisitContext;
  /** The client a rate limit counts against (its address, or the proxy's forwarded one). */
  clientOf(c: Context): string;
  /** Absolute base for paths stored in the clinic's records (provider photos). */
  publicUrl(): string | undefined;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Hono's path syntax; docs/openapi.yaml spells `:providerId` as `{providerId}`. */
  path: string;
  operationId: string;
  /** Booking and survey traffic is about one patient: no cache, proxy or back button may keep it. */
  noStore?: boolean;
  rateLimit?: keyof Api['limits'];
  handle(api: Api, c: Context): Promise<Answer>;
}

/** A 200 answer holding a list as `{ data }`, the shape of every list in the public and the staff API. */
export const list = (data: unknown[]): Answer => ({ status: 200, body: { data } });

/** Which of the given providers' slots in [startMs, endMs) are taken: booked, or held by a patient until later. */
async function bookedIn(api: Api, startMs: number, endMs: number, providerId?: string): Promise<Set<string>> {
  const rows = await api.db.query<{ provider_id: string; ms: number }>(
    `select provider_id, (extract(epoch from start_at) * 1000)::float8 as ms
     from bookings
     where status = 'booked' and start_at >= $1 and start_at < $2 and ($3::text is null or provider_id = $3)
     union all
     select provider_id, (extract(epoch from start_at) * 1000)::float8 as ms
     from holds
     where expires_at > $4 and start_at >= $1 and start_at < $2 and ($3::text is null or provider_id = $3)`,
    [new Date(startMs), new Date(endMs), providerId ?? null, new Date(api.clock.now())],
  );
  return new Set(rows.rows.map((row) => bookedKey(row.provider_id, Number(row.ms))));
}

/** Each provider's first free slot, looked for two weeks at a time up to the booking horizon. */
async function nextAvailable(
  api: Api,
  snapshot: ClinicSnapshot,
  bookable: Bookable,
  providerIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const pending = new Set(providerIds.filter((id) => snapshot.rulesByProvider.has(id)));
  const end = bookable.nowMs + (bookable.horizonDays + 1) * DAY_MS;
  for (let from = bookable.earliestMs; pending.size > 0 && from < end; from += 14 * DAY_MS) {
    const to = Math.min(end, from + 14 * DAY_MS);
    const only = pending.size === 1 ? [...pending][0] : undefined;
    const open = openSlots(snapshot, { startMs: from, endMs: to, providerId: only }, bookable);
    if (open.length === 0) continue;
    const booked = await bookedIn(api, from, to, only);
    for (const candidate of open) {
      if (!pending.has(candidate.providerId) || booked.has(bookedKey(candidate.providerId, candidate.startMs)))
        continue;
      found.set(candidate.providerId, candidate.slot.start);
      pending.delete(candidate.providerId);
    }
  }
  return found;
}

/** The record as served: a photo path made absolute, the next free time added. */
function publicProvider(api: Api, provider: Provider, next: string | undefined): Provider {
  const out: Provider = { ...provider };
  if (out.photoUrl?.startsWith('/')) {
    const base = api.publicUrl();
    if (base) out.photoUrl = `${base}${out.photoUrl}`;
    else delete out.photoUrl;
  }
  if (next) out.nextAvailable = next;
  else delete out.nextAvailable;
  return out;
}

async function listProviders(api: Api): Promise<Answer> {
  const snapshot = await api.store.snapshot();
  const bookable = bookableNow(snapshot, api.clock.now());
  const next = await nextAvailable(
    api,
    snapshot,
    bookable,
    snapshot.providers.map((provider) => provider.id),
  );
  return list(snapshot.providers.map((provider) => publicProvider(api, provider, next.get(provider.id))));
}

async function getProvider(api: Api, c: Context): Promise<Answer> {
  const snapshot = await api.store.snapshot();
  const id = pathId(c, 'providerId', 'provider');
  const provider = snapshot.providers.find((candidate) => candidate.id === id);
  if (!provider) throw new FrontdeskError('not-found', 'no provider with this id', { field: 'providerId' });
  const bookable = bookableNow(snapshot, api.clock.now());
  const next = await nextAvailable(api, snapshot, bookable, [provider.id]);
  return { status: 200, body: publicProvider(api, provider, next.get(provider.id)) };
}

async function listSlots(api: Api, c: Context): Promise<Answer> {
  const start = parseOrThrow(Instant, requiredQuery(c, 'start'), 'query.start', 'invalid-input');
  const end = parseOrThrow(Instant, requiredQuery(c, 'end'), 'query.end', 'invalid-input');
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  if (endMs < startMs) throw invalid('query.end', 'before start');
  if (endMs - startMs > MAX_SLOT_WINDOW_DAYS * DAY_MS) {
    throw invalid('query.end', `the window is longer than ${MAX_SLOT_WINDOW_DAYS} days`);
  }
  const filter = {
    startMs,
    endMs,
    providerId: optionalId(c, 'providerId'),
    locationId: optionalId(c, 'locationId'),
    visitTypeId: optionalId(c, 'visitTypeId'),
  };
  const snapshot = await api.store.snapshot();
  const open = openSlots(snapshot, filter, bookableNow(snapshot, api.clock.now()));
  if (open.length === 0) return list([]);
  const booked = await bookedIn(api, open[0]!.startMs, open.at(-1)!.startMs + 1, filter.providerId);
  const slots: Slot[] = open.map((candidate) =>
    booked.has(bookedKey(candidate.providerId, candidate.startMs))
      ? { ...candidate.slot, status: 'busy' }
      : candidate.slot,
  );
  return list(slots);
}

async function postBooking(api: Api, c: Context): Promise<Answer> {
  const key = idempotencyKey(c);
  const body = requireObject(await readJson(c), 'request');
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    throw invalid('request.idempotencyKey', 'differs from the Idempotency-Key header');
  }
  return book(api.visits, { ...body, idempotencyKey: key });
}

async function getPrice(api: Api, c: Context): Promise<Answer> {
  const service = parseOrThrow(Id, requiredQuery(c, 'service'), 'query.service', 'invalid-input');
  const planId = optionalId(c, 'planId');
  optionalId(c, 'providerId');
  optionalId(c, 'locationId');
  const snapshot = await api.store.snapshot();
  if (planId !== undefined && !snapshot.plans.some((plan) => plan.id === planId)) {
    throw new FrontdeskError('not-found', 'no plan with this id', { field: 'query.planId' });
  }
  // A visit type is priced by its primary service code.
  const code = snapshot.visitTypes.get(service)?.record.serviceCodes[0] ?? service;
  const price = await api.store.price(code, planId);
  if (!price) throw new FrontdeskError('not-found', 'no price for this service', { field: 'query.service' });
  return { status: 200, body: price };
}

async function getSurvey(api: Api, c: Context): Promise<Answer> {
  const questionnaire = await api.store.questionnaire(pathId(c, 'surveyId', 'survey'));
  if (!questionnaire) throw new FrontdeskError('not-found', 'no survey with this id', { field: 'surveyId' });
  return { status: 200, body: questionnaire };
}

async function postSurveyResponse(api: Api, c: Context): Promise<Answer> {
  const key = idempotencyKey(c);
  const surveyId = pathId(c, 'surveyId', 'survey');
  const body = await readJson(c);
  const questionnaire = await api.store.questionnaire(surveyId);
  if (!questionnaire) throw new FrontdeskError('not-found', 'no survey with this id', { field: 'surveyId' });
  const response = checkResponse(body, surveyId, questionnaire);
  // The survey page passes the token of the invitation link it was opened with (`#invitation=...`).
  const token = c.req.header('Invitation-Token');
  const invitation = token === undefined ? undefined : await invitationFor(api.db, token, surveyId, api.clock.now());
  return storeResponse(api.db, surveyId, response, key, api.clock.now(), invitation);
}

/** Frontdesk's public JSON contract, exactly as documented in docs/openapi.yaml (a test holds them together). */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/organization',
    operationId: 'getOrganization',
    handle: async (api) => {
      const { organization } = await api.store.snapshot();
      if (!organization) throw new FrontdeskError('not-found', 'no clinic has been imported yet');
      return { status: 200, body: organization };
    },
  },
  {
    method: 'GET',
    path: '/locations',
    operationId: 'listLocations',
    handle: async (api) => list((await api.store.snapshot()).locations),
  },
  { method: 'GET', path: '/providers', operationId: 'listProviders', handle: listProviders },
  { method: 'GET', path: '/providers/:providerId', operationId: 'getProvider', handle: getProvider },
  {
    method: 'GET',
    path: '/visit-types',
    operationId: 'listVisitTypes',
    handle: async (api) => list([...(await api.store.snapshot()).visitTypes.values()].map((entry) => entry.record)),
  },
  { method: 'GET', path: '/slots', operationId: 'listSlots', handle: listSlots },
  {
    method: 'POST',
    path: '/bookings',
    operationId: 'book',
    noStore: true,
    rateLimit: 'bookings',
    handle: postBooking,
  },
  { method: 'GET', path: '/prices', operationId: 'getPrice', handle: getPrice },
  {
    method: 'GET',
    path: '/plans',
    operationId: 'listPlans',
    handle: async (api) => list((await api.store.snapshot()).plans),
  },
  {
    method: 'GET',
    path: '/surveys',
    operationId: 'listSurveys',
    noStore: true,
    handle: async (api) => list((await api.store.snapshot()).surveys),
  },
  { method: 'GET', path: '/surveys/:surveyId', operationId: 'getSurvey', noStore: true, handle: getSurvey },
  {
    method: 'POST',
    path: '/surveys/:surveyId/responses',
    operationId: 'submitSurvey',
    noStore: true,
    rateLimit: 'surveyResponses',
    handle: postSurveyResponse,
  },
  ...VISIT_ROUTES,
];

/** JSON with its length set, so small answers are not compressed for nothing. */
export function sendJson(c: Context, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const payload = JSON.stringify(body);
  return c.body(payload, status as 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(payload)),
    ...headers,
  });
}

/** The contract's routes, each answering 405 with `Allow` to any other method. */
export function apiRoutes(api: Api): Hono {
  const app = new Hono();
  for (const route of API_ROUTES) {
    app.on(route.method, route.path, async (c) => {
      const cache = { 'Cache-Control': route.noStore ? 'no-store' : 'no-cache' };
      c.header('Cache-Control', cache['Cache-Control']);
      if (route.rateLimit) {
        const wait = api.limits[route.rateLimit].take(api.clientOf(c));
        if (wait !== undefined) {
          return sendJson(
            c,
            429,
            { error: { kind: 'http', message: `too many requests: try again in ${wait} s` } },
            { ...cache, 'Retry-After': String(wait) },
          );
        }
      }
      const answer = await route.handle(api, c);
      if (answer.status === 204) return c.body(null, 204, cache);
      return sendJson(c, answer.status, answer.body, cache);
    });
  }
  refuseOtherMethods(app, API_ROUTES);
  return app;
}

/** Answers 405 with `Allow` to a method a route's path is not served with (after the routes are registered). */
export function refuseOtherMethods(app: Hono, routes: readonly { method: string; path: string }[]): void {
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  for (const [path, methods] of methodsByPath) {
    const allow = [...new Set(methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])))];
    app.all(path, (c) =>
      sendJson(
        c,
        405,
        { error: { kind: 'http', message: `${c.req.method} is not allowed here` } },
        {
          Allow: allow.join(', '),
        },
      ),
    );
  }
}
