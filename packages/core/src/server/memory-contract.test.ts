import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrontdeskAdapter } from '../adapter.js';
import { createMemoryAdapter, type MemoryAdapter } from '../adapters/memory/index.js';
import { createRestAdapter } from '../adapters/rest/index.js';
import type { BookingRequest, Slot } from '../schemas/scheduling.js';
import { createRestServer } from './index.js';

/**
 * The contract end to end over the demo clinic: `rest` adapter -> reference server -> memory adapter must behave
 * exactly like the memory adapter called directly, state changes included.
 */
const NOW = '2026-03-02T08:00:00-06:00';
const WINDOW = { start: '2026-03-02T00:00:00-06:00', end: '2026-03-09T00:00:00-06:00' };

let memory: MemoryAdapter;
let rest: FrontdeskAdapter;
let server: Server;

beforeAll(async () => {
  memory = createMemoryAdapter({ now: NOW, days: 7 });
  server = createRestServer(memory);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rest = createRestAdapter({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function requestFor(slot: Slot, visitTypeId: string, patientType: 'new' | 'existing', key: string): BookingRequest {
  return {
    slotId: slot.id,
    visitTypeId,
    patient: { givenName: 'Jane', familyName: 'Doe', birthDate: '1980-02-29', phone: '+1 555 0100', patientType },
    consent: { terms: true },
    idempotencyKey: key,
  };
}

describe('rest -> reference server -> memory adapter', () => {
  it('reads exactly what the memory adapter returns', async () => {
    expect(await rest.getOrganization()).toEqual(await memory.getOrganization());
    expect(await rest.listLocations()).toEqual(await memory.listLocations());
    const providers = await rest.listProviders();
    expect(providers).toEqual(await memory.listProviders());
    expect(providers.items.length).toBeGreaterThan(0);
    for (const { id } of providers.items.slice(0, 3))
      expect(await rest.getProvider(id)).toEqual(await memory.getProvider(id));
    expect(await rest.listVisitTypes()).toEqual(await memory.listVisitTypes());
    expect(await rest.listPlans()).toEqual(await memory.listPlans());
    const surveys = await rest.listSurveys();
    expect(surveys).toEqual(await memory.listSurveys());
    for (const { id } of surveys.items) expect(await rest.getSurvey(id)).toEqual(await memory.getSurvey(id));
  });

  it('returns the same slots for every filter', async () => {
    const all = await rest.listSlots(WINDOW);
    expect(all).toEqual(await memory.listSlots(WINDOW));
    expect(all.items.length).toBeGreaterThan(0);
    const first = all.items[0]!;
    const filtered = {
      ...WINDOW,
      providerId: first.providerId,
      locationId: first.locationId,
      visitTypeId: first.visitTypeIds[0],
    };
    const some = await rest.listSlots(filtered);
    expect(some).toEqual(await memory.listSlots(filtered));
    expect(some.items.every((slot) => slot.providerId === first.providerId)).toBe(true);
  });

  it('prices every visit type the same, with and without a plan', async () => {
    const [plan] = (await memory.listPlans()).items;
    for (const visitType of (await memory.listVisitTypes()).items) {
      for (const query of [{ service: visitType.id }, { service: visitType.id, planId: plan!.id }]) {
        const direct = await memory.getPrice(query).catch((error: { kind: string }) => error.kind);
        const viaRest = await rest.getPrice(query).catch((error: { kind: string }) => error.kind);
        expect(viaRest).toEqual(direct);
      }
    }
    await expect(rest.getPrice({ service: 'no-such-service' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('books through the server once, replays by key, and reports taken slots as conflicts', async () => {
    const visitTypes = (await memory.listVisitTypes()).items;
    const slots = (await rest.listSlots(WINDOW)).items.filter((slot) => slot.status === 'free');
    const [slot, other] = slots;
    const visitType = visitTypes.find((type) => type.id === slot!.visitTypeIds[0])!;
    const patientType = visitType.patientType === 'existing' ? 'existing' : 'new';
    const request = requestFor(slot!, visitType.id, patientType, 'contract-booking-0001');

    const booking = await rest.book(request);
    expect(memory.bookings()).toEqual([booking]);
    expect(await rest.book(request)).toEqual(booking);
    expect(memory.bookings()).toHaveLength(1);
    const busy = (await rest.listSlots(WINDOW)).items.find((candidate) => candidate.id === slot!.id);
    expect(busy?.status).not.toBe('free');

    await expect(rest.book({ ...request, idempotencyKey: 'contract-booking-0002' })).rejects.toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    memory.takeSlot(other!.id);
    const otherType = visitTypes.find((type) => type.id === other!.visitTypeIds[0])!;
    const otherRequest = requestFor(
      other!,
      otherType.id,
      otherType.patientType === 'existing' ? 'existing' : 'new',
      'contract-booking-0003',
    );
    await expect(rest.book(otherRequest)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      rest.book({ ...request, slotId: 'no-such-slot', idempotencyKey: 'contract-booking-0004' }),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('stores a survey response once per idempotency key', async () => {
    const [summary] = (await rest.listSurveys()).items;
    const survey = await rest.getSurvey(summary!.id);
    const first = survey.item!.find((item) => item.type !== 'display' && item.type !== 'group')!;
    const response = {
      resourceType: 'QuestionnaireResponse' as const,
      status: 'completed' as const,
      questionnaire: survey.url ?? `Questionnaire/${summary!.id}`,
      item: [{ linkId: first.linkId, answer: [{ valueInteger: 9 }] }],
    };
    const receipt = await rest.submitSurvey(response, { idempotencyKey: 'contract-survey-0001' });
    expect(receipt.status).toBe('received');
    expect(await rest.submitSurvey(response, { idempotencyKey: 'contract-survey-0001' })).toEqual({
      ...receipt,
      status: 'duplicate',
    });
    expect(memory.responses()).toHaveLength(1);
    const unknownItem = { ...response, item: [{ linkId: 'not-in-this-survey', answer: [{ valueInteger: 1 }] }] };
    await expect(rest.submitSurvey(unknownItem, { idempotencyKey: 'contract-survey-0002' })).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'response.item[0].linkId',
    });
  });

  it('retries a GET through a simulated network failure, but never a POST', async () => {
    memory.setFail('once');
    expect((await rest.listPlans()).items.length).toBeGreaterThan(0);
    const slot = (await memory.listSlots(WINDOW)).items.find((candidate) => candidate.status === 'free')!;
    const visitType = (await memory.listVisitTypes()).items.find((type) => type.id === slot.visitTypeIds[0])!;
    const request = requestFor(
      slot,
      visitType.id,
      visitType.patientType === 'existing' ? 'existing' : 'new',
      'contract-booking-0005',
    );
    memory.setFail('once');
    await expect(rest.book(request)).rejects.toMatchObject({ kind: 'http', status: 502 });
    // The failed POST was not retried behind the caller's back: the slot is still free, and the same key books it now.
    expect(memory.bookings().some((booking) => booking.slot.id === slot.id)).toBe(false);
    expect((await rest.book(request)).slot.id).toBe(slot.id);
  });

  it('aborts a slow call from the client side', async () => {
    memory.setLatency(5_000);
    try {
      const started = performance.now();
      await expect(rest.listProviders({ signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ kind: 'aborted' });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      memory.setLatency(0);
    }
  });
});
