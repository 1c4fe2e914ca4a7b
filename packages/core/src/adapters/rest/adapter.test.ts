import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EVERY_CAPABILITY } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import {
  closeRecordingServers,
  type RecordedRequest,
  recordingServer,
} from '../../../../../test/support/recording-server.js';
import type { BookingRequest } from '../../schemas/scheduling.js';
import { createRestAdapter } from './adapter.js';
import { pathSegment, surveyIdOf } from './paths.js';

type Route = (hit: RecordedRequest, res: ServerResponse) => void;

afterEach(closeRecordingServers);

/** A real server on 127.0.0.1 that answers every request with `route` and records what it received. */
async function serve(route: Route): Promise<{ baseUrl: string; hits: RecordedRequest[] }> {
  const { origin, hits } = await recordingServer((_req, res, hit) => route(hit, res));
  return { baseUrl: `${origin}/api`, hits };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const provider = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  displayName: `Dr. ${id}`,
  credentials: ['MD'],
  specialties: [{ code: '207Q00000X', display: 'Family Medicine' }],
  languages: ['en'],
  acceptingNewPatients: 'yes',
  locationIds: ['loc-1'],
  telehealth: false,
  inPerson: true,
  ...extra,
});

const slot = {
  id: 'slot-1',
  start: '2026-03-09T09:00:00-06:00',
  end: '2026-03-09T09:30:00-06:00',
  providerId: 'p-1',
  visitTypeIds: ['vt-1'],
  status: 'free',
};

const bookingRequest: BookingRequest = {
  slotId: 'slot-1',
  visitTypeId: 'vt-1',
  patient: {
    givenName: 'Jane',
    familyName: 'Doe',
    birthDate: '1980-02-29',
    phone: '+1 555 0100',
    patientType: 'new',
  },
  consent: { terms: true },
  idempotencyKey: 'book-0123456789abcdef',
};

describe('createRestAdapter: reading', () => {
  it('declares its capabilities', () => {
    const adapter = createRestAdapter({ baseUrl: 'https://clinic.example/api' });
    expect(adapter.name).toBe('rest');
    expect(adapter.capabilities).toEqual(EVERY_CAPABILITY);
  });

  it('keeps good records and drops bad ones, naming the offending field', async () => {
    const server = await serve((_hit, res) =>
      json(res, 200, {
        data: [
          provider('p-0'),
          provider('p-1'),
          provider('p-2'),
          provider('p-3', { photoUrl: 'javascript:alert(1)' }),
          provider('p-4', { credentials: 'MD' }),
        ],
      }),
    );
    const listing = await createRestAdapter({ baseUrl: server.baseUrl }).listProviders();
    expect(listing.items.map((p) => p.id)).toEqual(['p-0', 'p-1', 'p-2']);
    expect(listing.dropped).toEqual([
      { field: 'providers[3]', id: 'p-3', reason: 'providers[3].photoUrl: not an http(s) URL' },
      { field: 'providers[4]', id: 'p-4', reason: expect.stringMatching(/^providers\[4\]\.credentials: /) },
    ]);
    expect(server.hits[0]!.url.pathname).toBe('/api/providers');
  });

  it.each([
    ['a bare array', [provider('p-0')]],
    ['a non-array data', { data: { 0: provider('p-0') } }],
    ['null', null],
  ])('refuses %s as a listing', async (_name, body) => {
    const server = await serve((_hit, res) => json(res, 200, body));
    const error = await failure(createRestAdapter({ baseUrl: server.baseUrl }).listProviders());
    expect(error.kind).toBe('invalid-response');
    expect(error.field).toBe('providers');
  });

  it('reports a schema-invalid single record as invalid-response naming the field', async () => {
    const server = await serve((_hit, res) => json(res, 200, { id: 'org', name: 'Clinic', currency: 'dollars' }));
    const error = await failure(createRestAdapter({ baseUrl: server.baseUrl }).getOrganization());
    expect(error.kind).toBe('invalid-response');
    expect(error.field).toBe('organization.currency');
    expect(error.message).not.toContain('dollars');
  });

  it('reports malformed JSON as invalid-response', async () => {
    const server = await serve((_hit, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data":');
    });
    expect((await failure(createRestAdapter({ baseUrl: server.baseUrl }).listPlans())).kind).toBe('invalid-response');
  });

  it('encodes path segments and refuses a provider that is not the one asked for', async () => {
    const server = await serve((hit, res) =>
      json(res, 200, provider(hit.url.pathname.endsWith('x%2Fy') ? 'x/y' : 'other')),
    );
    const adapter = createRestAdapter({ baseUrl: server.baseUrl });
    expect((await adapter.getProvider('x/y')).id).toBe('x/y');
    expect(server.hits[0]!.url.pathname).toBe('/api/providers/x%2Fy');
    const error = await failure(adapter.getProvider('p?1'));
    expect(error.field).toBe('provider.id');
    expect(server.hits[1]!.url.pathname).toBe('/api/providers/p%3F1');
    expect((await failure(adapter.getProvider('..'))).kind).toBe('invalid-input');
    expect(server.hits).toHaveLength(2);
  });

  it('sends slot and price queries as query parameters only', async () => {
    const server = await serve((hit, res) =>
      hit.url.pathname.endsWith('/slots')
        ? json(res, 200, { data: [slot, { ...slot, id: 'slot-2', end: slot.start }] })
        : json(res, 200, { service: '99213', currency: 'USD', grossCharge: 25_000, cashPrice: 15_000 }),
    );
    const adapter = createRestAdapter({ baseUrl: server.baseUrl });
    const slots = await adapter.listSlots({
      start: '2026-03-09T00:00:00-06:00',
      end: '2026-03-10T00:00:00-06:00',
      providerId: 'p-1',
    });
    expect(slots.items.map((s) => s.id)).toEqual(['slot-1']);
    expect(slots.dropped[0]?.reason).toBe('slots[1].end: end is not after start');
    expect(Object.fromEntries(server.hits[0]!.url.searchParams)).toEqual({
      start: '2026-03-09T00:00:00-06:00',
      end: '2026-03-10T00:00:00-06:00',
      providerId: 'p-1',
    });
    const price = await adapter.getPrice({ service: '99213', planId: 'plan-a' });
    expect(price.cashPrice).toBe(15_000);
    expect(Object.fromEntries(server.hits[1]!.url.searchParams)).toEqual({ service: '99213', planId: 'plan-a' });
  });

  it('checks its own inputs before any request', async () => {
    const server = await serve((_hit, res) => json(res, 200, { data: [] }));
    const adapter = createRestAdapter({ baseUrl: server.baseUrl });
    const badWindow = await failure(adapter.listSlots({ start: 'tomorrow', end: '2026-03-10T00:00:00Z' }));
    expect(badWindow).toMatchObject({ kind: 'invalid-input', field: 'query.start' });
    expect((await failure(adapter.getPrice({ service: '99213&x=1' }))).field).toBe('query.service');
    expect(server.hits).toHaveLength(0);
  });

  it('forwards a bearer token from getHeaders', async () => {
    const server = await serve((_hit, res) => json(res, 200, { data: [] }));
    await createRestAdapter({
      baseUrl: server.baseUrl,
      getHeaders: () => ({ Authorization: 'Bearer abc' }),
    }).listPlans();
    expect(server.hits[0]!.headers.authorization).toBe('Bearer abc');
  });
});

describe('createRestAdapter: writing', () => {
  it('books once with the request idempotency key as header, never retrying a failed POST', async () => {
    const server = await serve((_hit, res) => json(res, 500, { error: { message: 'database unavailable' } }));
    const adapter = createRestAdapter({ baseUrl: server.baseUrl, retries: 3, backoffBaseMs: 1 });
    const error = await failure(adapter.book(bookingRequest));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(server.hits).toHaveLength(1);
    expect(server.hits[0]!.headers['idempotency-key']).toBe(bookingRequest.idempotencyKey);
    expect(JSON.parse(server.hits[0]!.body)).toEqual(bookingRequest);
    // Patient details travel only in the body.
    expect(server.hits[0]!.url.href).not.toContain('Jane');
  });

  it('turns a 409 into conflict', async () => {
    const server = await serve((_hit, res) => json(res, 409, { error: { message: 'slot taken' } }));
    const error = await failure(createRestAdapter({ baseUrl: server.baseUrl }).book(bookingRequest));
    expect(error).toMatchObject({ kind: 'conflict', status: 409 });
  });

  it('refuses a booking confirmation for another slot', async () => {
    const server = await serve((_hit, res) =>
      json(res, 201, { id: 'b-1', status: 'booked', slot: { ...slot, id: 'slot-9' }, visitTypeId: 'vt-1' }),
    );
    const error = await failure(createRestAdapter({ baseUrl: server.baseUrl }).book(bookingRequest));
    expect(error).toMatchObject({ kind: 'invalid-response', field: 'booking.slot.id' });
  });

  it('refuses an invalid booking request without sending it and without echoing patient data', async () => {
    const server = await serve((_hit, res) => json(res, 201, {}));
    const bad = { ...bookingRequest, patient: { ...bookingRequest.patient, birthDate: '1980-02-30' } };
    const error = await failure(createRestAdapter({ baseUrl: server.baseUrl }).book(bad));
    expect(error).toMatchObject({ kind: 'invalid-input', field: 'request.patient.birthDate' });
    expect(error.message).not.toContain('1980');
    expect(server.hits).toHaveLength(0);
  });

  it('posts a survey response to its survey with the idempotency key', async () => {
    const server = await serve((_hit, res) => json(res, 201, { id: 'r-1', status: 'received' }));
    const receipt = await createRestAdapter({ baseUrl: server.baseUrl }).submitSurvey(
      {
        resourceType: 'QuestionnaireResponse',
        status: 'completed',
        questionnaire: 'https://clinic.example/Questionnaire/nps|2',
      },
      { idempotencyKey: 'survey-0123456789abcdef' },
    );
    expect(receipt).toEqual({ id: 'r-1', status: 'received' });
    expect(server.hits[0]!.url.pathname).toBe('/api/surveys/nps/responses');
    expect(server.hits[0]!.headers['idempotency-key']).toBe('survey-0123456789abcdef');
  });

  it('maps 401 and 404 on writes', async () => {
    const server = await serve((hit, res) => json(res, hit.url.pathname.includes('missing') ? 404 : 401, {}));
    const adapter = createRestAdapter({ baseUrl: server.baseUrl });
    const response = { resourceType: 'QuestionnaireResponse', status: 'completed' } as const;
    const key = { idempotencyKey: 'survey-0123456789abcdef' };
    expect((await failure(adapter.submitSurvey({ ...response, questionnaire: 'nps' }, key))).kind).toBe('unauthorized');
    expect((await failure(adapter.submitSurvey({ ...response, questionnaire: 'missing' }, key))).kind).toBe(
      'not-found',
    );
  });
});

describe('rest paths', () => {
  it('finds the survey id in canonical references', () => {
    expect(surveyIdOf({ questionnaire: 'Questionnaire/phq-9' })).toBe('phq-9');
    expect(surveyIdOf({ questionnaire: 'https://x.example/fhir/Questionnaire/phq-9|2.0' })).toBe('phq-9');
    expect(surveyIdOf({ questionnaire: 'nps' })).toBe('nps');
    for (const questionnaire of [undefined, '', 'https://x.example/', 'Questionnaire/..', 'a/b c']) {
      expect(() => surveyIdOf({ questionnaire })).toThrowError(
        expect.objectContaining({ field: 'response.questionnaire' }),
      );
    }
  });

  it('encodes segments and refuses dot segments', () => {
    expect(pathSegment('a/b?c#d', 'id')).toBe('a%2Fb%3Fc%23d');
    for (const id of ['', '.', '..', '%2e%2E', 42]) {
      expect(() => pathSegment(id, 'id')).toThrowError(expect.objectContaining({ kind: 'invalid-input' }));
    }
  });
});
