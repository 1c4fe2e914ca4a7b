import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { FrontdeskAdapter, RequestOptions, SlotQuery } from '../adapter.js';
import { createRestAdapter } from '../adapters/rest/index.js';
import { FrontdeskError } from '../errors.js';
import type { Location, Organization, Provider, VisitType } from '../schemas/clinic.js';
import type { Plan, PriceInfo } from '../schemas/pricing.js';
import type { Questionnaire, SurveyReceipt, SurveySummary } from '../schemas/questionnaire.js';
import type { Booking, BookingRequest, Slot } from '../schemas/scheduling.js';
import { createRestServer, type RestServerOptions } from './index.js';

/** A small clinic behaving like a real backend: conflicts, idempotent bookings and survey receipts. */
function createFixtureAdapter(): FrontdeskAdapter {
  const organization: Organization = {
    id: 'org-1',
    name: 'Riverside Family Clinic',
    phone: '+1 555 0100',
    website: 'https://riverside.example',
    currency: 'USD',
  };
  const locations: Location[] = [
    {
      id: 'loc-1',
      name: 'Main Street',
      timeZone: 'America/Chicago',
      address: { lines: ['1 Main St'], city: 'Springfield' },
    },
  ];
  const provider = (id: string, displayName: string): Provider => ({
    id,
    displayName,
    credentials: ['MD'],
    specialties: [{ code: '207Q00000X', display: 'Family Medicine' }],
    languages: ['en', 'es'],
    acceptingNewPatients: 'yes',
    locationIds: ['loc-1'],
    telehealth: true,
    inPerson: true,
  });
  const providers = [provider('p-1', 'Dr. Ana Ruiz'), provider('team/2', '<script>alert(1)</script>')];
  const visitTypes: VisitType[] = [
    {
      id: 'vt-1',
      name: 'New patient visit',
      durationMinutes: 30,
      patientType: 'new',
      modality: 'in-person',
      serviceCodes: ['99203'],
    },
  ];
  const slot = (id: string, providerId: string, start: string, end: string): Slot => ({
    id,
    start,
    end,
    providerId,
    locationId: 'loc-1',
    visitTypeIds: ['vt-1'],
    status: 'free',
  });
  const slots = [
    slot('s-1', 'p-1', '2026-03-09T09:00:00-05:00', '2026-03-09T09:30:00-05:00'),
    slot('s-2', 'p-1', '2026-03-10T09:00:00-05:00', '2026-03-10T09:30:00-05:00'),
    slot('s-3', 'team/2', '2026-03-09T10:00:00-05:00', '2026-03-09T10:30:00-05:00'),
  ];
  const plans: Plan[] = [{ id: 'plan-a', name: 'Acme PPO', payer: 'Acme' }];
  const survey: Questionnaire = {
    resourceType: 'Questionnaire',
    id: 'nps',
    url: 'https://riverside.example/Questionnaire/nps',
    status: 'active',
    item: [{ linkId: 'score', type: 'integer', text: 'How likely are you to recommend us?', required: true }],
  };
  const surveys: SurveySummary[] = [{ id: 'nps', title: 'How was your visit?', kind: 'nps' }];
  const bookingsByKey = new Map<string, Booking>();
  const bookedSlots = new Set<string>();
  const receiptsByKey = new Map<string, string>();

  const check = (options?: RequestOptions) => {
    if (options?.signal?.aborted) throw new FrontdeskError('aborted', 'aborted');
  };
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new FrontdeskError('not-found', `no such ${what}`);
    return value;
  };

  return {
    name: 'fixture',
    capabilities: { booking: 'api', prices: true, plans: true, surveys: true },
    async getOrganization(options) {
      check(options);
      return organization;
    },
    async listLocations() {
      return { items: locations, dropped: [] };
    },
    async listProviders() {
      return { items: providers, dropped: [] };
    },
    async getProvider(id) {
      return found(
        providers.find((p) => p.id === id),
        'provider',
      );
    },
    async listVisitTypes() {
      return { items: visitTypes, dropped: [] };
    },
    async listSlots(query: SlotQuery) {
      const from = Date.parse(query.start);
      const to = Date.parse(query.end);
      const items = slots
        .filter((s) => Date.parse(s.start) >= from && Date.parse(s.start) < to)
        .filter((s) => !query.providerId || s.providerId === query.providerId)
        .map((s) => (bookedSlots.has(s.id) ? { ...s, status: 'busy' as const } : s));
      return { items, dropped: [] };
    },
    async book(request: BookingRequest) {
      const replay = bookingsByKey.get(request.idempotencyKey);
      if (replay) return replay;
      const target = found(
        slots.find((s) => s.id === request.slotId),
        'slot',
      );
      if (bookedSlots.has(target.id)) throw new FrontdeskError('conflict', 'the slot was taken meanwhile');
      bookedSlots.add(target.id);
      const booking: Booking = {
        id: `b-${bookingsByKey.size + 1}`,
        status: 'booked',
        slot: { ...target, status: 'busy' },
        visitTypeId: request.visitTypeId,
        providerId: target.providerId,
        location: locations[0],
        instructions: 'Arrive 10 minutes early.',
        patientName: request.patient.givenName,
      };
      bookingsByKey.set(request.idempotencyKey, booking);
      return booking;
    },
    async getPrice(query) {
      if (query.service !== '99203') throw new FrontdeskError('not-found', 'no price for this service');
      const price: PriceInfo = { service: '99203', currency: 'USD', grossCharge: 30_000, cashPrice: 18_000 };
      return query.planId === 'plan-a' ? { ...price, negotiatedRate: 21_000 } : price;
    },
    async listPlans() {
      return { items: plans, dropped: [] };
    },
    async listSurveys() {
      return { items: surveys, dropped: [] };
    },
    async getSurvey(id) {
      if (id !== 'nps') throw new FrontdeskError('not-found', 'no such survey');
      return survey;
    },
    async submitSurvey(response, options): Promise<SurveyReceipt> {
      if (response.questionnaire !== survey.url && response.questionnaire !== 'Questionnaire/nps') {
        throw new FrontdeskError('not-found', 'no such survey');
      }
      const known = receiptsByKey.get(options.idempotencyKey);
      if (known) return { id: known, status: 'duplicate' };
      const id = `r-${receiptsByKey.size + 1}`;
      receiptsByKey.set(options.idempotencyKey, id);
      return { id, status: 'received' };
    },
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function start(adapter: FrontdeskAdapter, options: RestServerOptions = {}): Promise<string> {
  const server = createRestServer(adapter, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
  vi.spyOn(console, method).mockImplementation(() => {}),
);
afterAll(() => {
  for (const spy of consoleSpies) spy.mockRestore();
});

const bookingBody = (slotId: string, key?: string) => ({
  slotId,
  visitTypeId: 'vt-1',
  patient: { givenName: 'Jane', familyName: 'Doe', birthDate: '1980-02-29', phone: '+1 555 0100', patientType: 'new' },
  consent: { terms: true },
  ...(key ? { idempotencyKey: key } : {}),
});

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('createRestServer: the contract over plain HTTP', () => {
  it('serves records and listings as JSON with safe headers', async () => {
    const base = await start(createFixtureAdapter());
    const org = await fetch(`${base}/organization`);
    expect(org.status).toBe(200);
    expect(org.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(org.headers.get('x-content-type-options')).toBe('nosniff');
    expect(org.headers.get('cache-control')).toBe('no-cache');
    expect(org.headers.get('access-control-allow-origin')).toBeNull();
    expect((await org.json()).name).toBe('Riverside Family Clinic');
    const providers = await (await fetch(`${base}/providers`)).json();
    expect(providers.data.map((p: Provider) => p.id)).toEqual(['p-1', 'team/2']);
    const one = await (await fetch(`${base}/providers/team%2F2`)).json();
    expect(one.displayName).toBe('<script>alert(1)</script>');
    const head = await fetch(`${base}/organization`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('maps adapter errors back to statuses with a JSON error body', async () => {
    const base = await start(createFixtureAdapter());
    const missing = await fetch(`${base}/providers/nobody`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { kind: 'not-found', message: 'no such provider' } });
    expect((await fetch(`${base}/prices?service=00000`)).status).toBe(404);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const wrongMethod = await fetch(`${base}/providers`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${base}/providers/%E0%A4%A`)).status).toBe(400);
  });

  it('validates slot queries', async () => {
    const base = await start(createFixtureAdapter());
    const noStart = await fetch(`${base}/slots?end=2026-03-10T00:00:00Z`);
    expect(noStart.status).toBe(400);
    expect((await noStart.json()).error).toMatchObject({ kind: 'invalid-input', field: 'query.start' });
    const backwards = await fetch(`${base}/slots?start=2026-03-10T00:00:00Z&end=2026-03-09T00:00:00Z`);
    expect((await backwards.json()).error.field).toBe('query.end');
    const tooLong = await fetch(`${base}/slots?start=2026-01-01T00:00:00Z&end=2028-01-01T00:00:00Z`);
    expect(tooLong.status).toBe(400);
    const ok = await fetch(
      `${base}/slots?start=2026-03-09T00:00:00-05:00&end=2026-03-10T00:00:00-05:00&providerId=p-1`,
    );
    expect((await ok.json()).data.map((s: Slot) => s.id)).toEqual(['s-1']);
  });

  it('books with the Idempotency-Key header, replays it, and reports a taken slot as 409', async () => {
    const base = await start(createFixtureAdapter());
    const key = { 'Idempotency-Key': 'key-aaaaaaaaaaaaaaaa' };
    const first = await post(`${base}/bookings`, bookingBody('s-1'), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const booking = await first.json();
    expect(booking).toMatchObject({ id: 'b-1', status: 'booked', slot: { id: 's-1', status: 'busy' } });
    const replay = await post(`${base}/bookings`, bookingBody('s-1', 'key-aaaaaaaaaaaaaaaa'), key);
    expect((await replay.json()).id).toBe('b-1');
    const taken = await post(`${base}/bookings`, bookingBody('s-1'), { 'Idempotency-Key': 'key-bbbbbbbbbbbbbbbb' });
    expect(taken.status).toBe(409);
    expect(taken.headers.get('cache-control')).toBe('no-store');
    expect((await taken.json()).error.kind).toBe('conflict');
  });

  it('refuses bad booking requests without echoing patient data', async () => {
    const base = await start(createFixtureAdapter());
    const key = { 'Idempotency-Key': 'key-cccccccccccccccc' };
    expect((await post(`${base}/bookings`, bookingBody('s-2'))).status).toBe(400);
    const otherKey = await post(`${base}/bookings`, bookingBody('s-2', 'key-dddddddddddddddd'), key);
    expect((await otherKey.json()).error.field).toBe('request.idempotencyKey');
    const badDate = bookingBody('s-2');
    badDate.patient.birthDate = '1980-13-45';
    const invalid = await post(`${base}/bookings`, badDate, key);
    expect(invalid.status).toBe(400);
    const text = await invalid.text();
    expect(JSON.parse(text).error.field).toBe('request.patient.birthDate');
    expect(text).not.toContain('1980');
    expect(text).not.toContain('Jane');
    expect((await post(`${base}/bookings`, '{"slotId":', key)).status).toBe(400);
    expect((await post(`${base}/bookings`, [], key)).status).toBe(400);
    const notJson = await fetch(`${base}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...key },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
  });

  it('limits request bodies', async () => {
    const base = await start(createFixtureAdapter(), { maxBodyBytes: 1_000 });
    const key = { 'Idempotency-Key': 'key-eeeeeeeeeeeeeeee' };
    const big = { ...bookingBody('s-2'), padding: 'x'.repeat(5_000) };
    const response = await post(`${base}/bookings`, big, key);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain('larger than 1000 bytes');
  });

  it('accepts survey responses once and answers duplicates with the same receipt', async () => {
    const base = await start(createFixtureAdapter());
    const response = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [{ linkId: 'score', answer: [{ valueInteger: 9 }] }],
    };
    const key = { 'Idempotency-Key': 'survey-ffffffffffffffff' };
    const first = await post(`${base}/surveys/nps/responses`, response, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ id: 'r-1', status: 'received' });
    const again = await post(`${base}/surveys/nps/responses`, response, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 'r-1', status: 'duplicate' });
    const elsewhere = await post(
      `${base}/surveys/nps/responses`,
      { ...response, questionnaire: 'Questionnaire/phq-9' },
      key,
    );
    expect((await elsewhere.json()).error.field).toBe('response.questionnaire');
    const notAResponse = await post(`${base}/surveys/nps/responses`, { resourceType: 'Patient' }, key);
    expect((await notAResponse.json()).error.field).toBe('response.resourceType');
    const survey = await fetch(`${base}/surveys/nps`);
    expect(survey.headers.get('cache-control')).toBe('no-store');
    expect((await survey.json()).resourceType).toBe('Questionnaire');
  });

  it('answers CORS preflights only when asked to, under a base path', async () => {
    const base = await start(createFixtureAdapter(), { cors: true, basePath: '/api/' });
    const preflight = await fetch(`${base}/api/bookings`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const org = await fetch(`${base}/api/organization`);
    expect(org.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${base}/organization`)).status).toBe(404);
    const plain = await start(createFixtureAdapter());
    expect((await fetch(`${plain}/bookings`, { method: 'OPTIONS' })).status).toBe(405);
  });

  it('hides unexpected errors and aborts the adapter when the client leaves', async () => {
    let seen: AbortSignal | undefined;
    const adapter: FrontdeskAdapter = {
      ...createFixtureAdapter(),
      async getOrganization() {
        throw new Error('database row for Jane Doe is corrupt');
      },
      listSlots(_query, options) {
        seen = options?.signal;
        return new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(new FrontdeskError('aborted', 'aborted')));
        });
      },
    };
    const base = await start(adapter);
    const hidden = await fetch(`${base}/organization`);
    expect(hidden.status).toBe(500);
    expect(await hidden.json()).toEqual({ error: { kind: 'http', message: 'internal error' } });
    const controller = new AbortController();
    const pending = fetch(`${base}/slots?start=2026-03-09T00:00:00Z&end=2026-03-10T00:00:00Z`, {
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(seen).toBeDefined());
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(seen?.aborted).toBe(true));
  });
});

describe('rest adapter -> reference server -> adapter', () => {
  it('round-trips every method and every error kind', async () => {
    const direct = createFixtureAdapter();
    const rest = createRestAdapter({ baseUrl: `${await start(direct)}/`, backoffBaseMs: 1 });
    expect(await rest.getOrganization()).toEqual(await direct.getOrganization());
    expect(await rest.listLocations()).toEqual(await direct.listLocations());
    expect(await rest.listProviders()).toEqual(await direct.listProviders());
    expect(await rest.getProvider('team/2')).toEqual(await direct.getProvider('team/2'));
    expect(await rest.listVisitTypes()).toEqual(await direct.listVisitTypes());
    const window = { start: '2026-03-09T00:00:00-05:00', end: '2026-03-11T00:00:00-05:00' };
    expect(await rest.listSlots(window)).toEqual(await direct.listSlots(window));
    expect(await rest.listPlans()).toEqual(await direct.listPlans());
    expect(await rest.getPrice({ service: '99203', planId: 'plan-a' })).toEqual(
      await direct.getPrice({ service: '99203', planId: 'plan-a' }),
    );
    expect(await rest.listSurveys()).toEqual(await direct.listSurveys());
    expect(await rest.getSurvey('nps')).toEqual(await direct.getSurvey('nps'));

    const request = { ...bookingBody('s-3'), idempotencyKey: 'round-trip-key-0001' } as BookingRequest;
    const booking = await rest.book(request);
    expect(booking).toMatchObject({ status: 'booked', slot: { id: 's-3' }, patientName: 'Jane' });
    expect(await rest.book(request)).toEqual(booking);
    await expect(rest.book({ ...request, idempotencyKey: 'round-trip-key-0002' })).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect((await rest.listSlots(window)).items.find((s) => s.id === 's-3')?.status).toBe('busy');

    const response = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'https://riverside.example/Questionnaire/nps',
    } as const;
    const receipt = await rest.submitSurvey(response, { idempotencyKey: 'survey-round-trip-1' });
    expect(receipt.status).toBe('received');
    expect(await rest.submitSurvey(response, { idempotencyKey: 'survey-round-trip-1' })).toEqual({
      ...receipt,
      status: 'duplicate',
    });

    await expect(rest.getProvider('nobody')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    await expect(rest.getPrice({ service: '00000' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(rest.getSurvey('phq-9')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(rest.listSlots({ start: '2026-01-01T00:00:00Z', end: '2029-01-01T00:00:00Z' })).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'query.end',
    });
  });

  it('keeps unauthorized and unsupported distinct across the wire', async () => {
    const adapter: FrontdeskAdapter = {
      ...createFixtureAdapter(),
      async listPlans() {
        throw new FrontdeskError('unsupported', 'this clinic publishes no plans');
      },
      async getOrganization() {
        throw new FrontdeskError('unauthorized', 'token expired');
      },
    };
    const rest = createRestAdapter({ baseUrl: await start(adapter), retries: 0 });
    await expect(rest.getOrganization()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    await expect(rest.listPlans()).rejects.toMatchObject({ kind: 'http', status: 501 });
  });

  it('never wrote to the console', () => {
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });
});
