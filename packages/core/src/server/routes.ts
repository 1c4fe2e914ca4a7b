import type { FrontdeskAdapter } from '../adapter.js';
import { surveyIdOf } from '../adapters/rest/paths.js';
import { FrontdeskError } from '../errors.js';
import { Instant } from '../schemas/primitives.js';
import type { QuestionnaireResponse } from '../schemas/questionnaire.js';
import { BookingRequest } from '../schemas/scheduling.js';
import { parseOrThrow } from '../schemas/validate.js';

export interface RouteContext {
  adapter: FrontdeskAdapter;
  /** Decoded `{id}` path parameters, in order. */
  params: string[];
  query: URLSearchParams;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** The validated `Idempotency-Key` header, if sent. */
  idempotencyKey: string | undefined;
  readBody(): Promise<unknown>;
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path segments; `:name` matches one segment. */
  path: readonly string[];
  /** Booking and survey traffic is about one patient: no cache, proxy or back button may keep it. */
  noStore?: boolean;
  handle(context: RouteContext): Promise<Reply>;
}

/** Longest slot window one request may ask for, so a typo cannot make the backend enumerate years of calendar. */
export const MAX_SLOT_WINDOW_DAYS = 366;

const SURVEY_RESPONSE_STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

function param(context: RouteContext, index: number): string {
  return context.params[index] ?? '';
}

function optionalQuery(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}

/** Names the field and the problem only: request values can be patient data and never go into a message. */
function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

function requiredQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) throw invalid(`query.${name}`, 'required');
  return value;
}

function requireIdempotencyKey(context: RouteContext): string {
  if (context.idempotencyKey === undefined) throw invalid('Idempotency-Key', 'required header');
  return context.idempotencyKey;
}

function requireObject(body: unknown, root: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid(root, 'expected a JSON object');
  return body as Record<string, unknown>;
}

const list = async <T>(load: Promise<{ items: T[] }>): Promise<Reply> => ({
  status: 200,
  body: { data: (await load).items },
});

async function slots(context: RouteContext): Promise<Reply> {
  const { query, adapter, signal } = context;
  const start = parseOrThrow(Instant, requiredQuery(query, 'start'), 'query.start', 'invalid-input');
  const end = parseOrThrow(Instant, requiredQuery(query, 'end'), 'query.end', 'invalid-input');
  const span = Date.parse(end) - Date.parse(start);
  if (span < 0) throw invalid('query.end', 'before start');
  if (span > MAX_SLOT_WINDOW_DAYS * 86_400_000) {
    throw invalid('query.end', `the window is longer than ${MAX_SLOT_WINDOW_DAYS} days`);
  }
  const slotQuery = {
    start,
    end,
    providerId: optionalQuery(query, 'providerId'),
    locationId: optionalQuery(query, 'locationId'),
    visitTypeId: optionalQuery(query, 'visitTypeId'),
  };
  return list(adapter.listSlots(slotQuery, { signal }));
}

async function book(context: RouteContext): Promise<Reply> {
  const key = requireIdempotencyKey(context);
  const body = requireObject(await context.readBody(), 'request');
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    throw invalid('request.idempotencyKey', 'differs from the Idempotency-Key header');
  }
  const request = parseOrThrow(BookingRequest, { ...body, idempotencyKey: key }, 'request', 'invalid-input');
  return { status: 201, body: await context.adapter.book(request, { signal: context.signal }) };
}

async function submitSurvey(context: RouteContext): Promise<Reply> {
  const key = requireIdempotencyKey(context);
  const surveyId = param(context, 0);
  const body = requireObject(await context.readBody(), 'response');
  if (body.resourceType !== 'QuestionnaireResponse')
    throw invalid('response.resourceType', 'expected QuestionnaireResponse');
  if (typeof body.status !== 'string' || !SURVEY_RESPONSE_STATUSES.has(body.status)) {
    throw invalid('response.status', 'not a QuestionnaireResponse status');
  }
  if (body.item !== undefined && !Array.isArray(body.item)) throw invalid('response.item', 'expected an array');
  const response = {
    ...body,
    questionnaire: body.questionnaire ?? `Questionnaire/${surveyId}`,
  } as QuestionnaireResponse;
  // The response must answer the survey it is posted to, never another one.
  if (surveyIdOf(response) !== surveyId)
    throw invalid('response.questionnaire', 'does not name the survey in the path');
  const receipt = await context.adapter.submitSurvey(response, { idempotencyKey: key, signal: context.signal });
  return { status: receipt.status === 'duplicate' ? 200 : 201, body: receipt };
}

/** Frontdesk's JSON contract, as documented in docs/openapi.yaml. */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: ['organization'],
    handle: async ({ adapter, signal }) => ({ status: 200, body: await adapter.getOrganization({ signal }) }),
  },
  { method: 'GET', path: ['locations'], handle: ({ adapter, signal }) => list(adapter.listLocations({ signal })) },
  { method: 'GET', path: ['providers'], handle: ({ adapter, signal }) => list(adapter.listProviders({ signal })) },
  {
    method: 'GET',
    path: ['providers', ':id'],
    handle: async (context) => ({
      status: 200,
      body: await context.adapter.getProvider(param(context, 0), { signal: context.signal }),
    }),
  },
  { method: 'GET', path: ['visit-types'], handle: ({ adapter, signal }) => list(adapter.listVisitTypes({ signal })) },
  { method: 'GET', path: ['slots'], handle: slots },
  { method: 'POST', path: ['bookings'], noStore: true, handle: book },
  {
    method: 'GET',
    path: ['prices'],
    handle: async ({ adapter, query, signal }) => {
      const priceQuery = {
        service: requiredQuery(query, 'service'),
        planId: optionalQuery(query, 'planId'),
        providerId: optionalQuery(query, 'providerId'),
        locationId: optionalQuery(query, 'locationId'),
      };
      return { status: 200, body: await adapter.getPrice(priceQuery, { signal }) };
    },
  },
  { method: 'GET', path: ['plans'], handle: ({ adapter, signal }) => list(adapter.listPlans({ signal })) },
  {
    method: 'GET',
    path: ['surveys'],
    noStore: true,
    handle: ({ adapter, signal }) => list(adapter.listSurveys({ signal })),
  },
  {
    method: 'GET',
    path: ['surveys', ':id'],
    noStore: true,
    handle: async (context) => ({
      status: 200,
      body: await context.adapter.getSurvey(param(context, 0), { signal: context.signal }),
    }),
  },
  { method: 'POST', path: ['surveys', ':id', 'responses'], noStore: true, handle: submitSurvey },
];

/** The route for a path, its parameters, and which methods the path allows. */
export function matchRoute(
  segments: readonly string[],
  method: string,
): { route: Route | undefined; params: string[]; allowed: string[] } {
  const allowed: string[] = [];
  let found: { route: Route; params: string[] } | undefined;
  for (const route of ROUTES) {
    if (route.path.length !== segments.length) continue;
    const params: string[] = [];
    const matches = route.path.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params.push(segment);
        return segment.length > 0;
      }
      return part === segment;
    });
    if (!matches) continue;
    allowed.push(route.method);
    // HEAD is a GET without the body.
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) found = { route, params };
  }
  return { route: found?.route, params: found?.params ?? [], allowed };
}
