import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnswerShape, type FhirServer, startFhirServer } from '../../../../../test/fhir-server/server.mjs';
import { PATIENT } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import type { BookingRequest, Slot } from '../../schemas/scheduling.js';
import { createMemoryAdapter, type MemoryAdapter } from '../memory/index.js';
import { createFhirAdapter, FHIR_SYSTEMS } from './index.js';
import { clinicToFhir } from './to-fhir.js';

/**
 * Every answer a FHIR server may give to `POST Appointment`, from Medplum's router behind the test server: a booking
 * the server stored is never read as a failure, and a slot is given back only when the server said no.
 */

const NOW = '2026-03-02T14:00:00Z';
const WINDOW = { start: '2026-03-03T00:00:00-06:00', end: '2026-03-14T00:00:00-06:00' };

let memory: MemoryAdapter;
let server: FhirServer;
const used = new Set<string>();

function adapter(timeoutMs = 15_000) {
  return createFhirAdapter({
    baseUrl: server.url,
    now: () => Date.parse(NOW),
    timeZone: 'America/Chicago',
    timeoutMs,
    retries: 0,
  });
}

let counter = 0;
function request(slot: Slot): BookingRequest {
  counter++;
  return {
    slotId: slot.id,
    visitTypeId: 'new-patient',
    patient: PATIENT,
    consent: { terms: true },
    idempotencyKey: `answers-${String(counter).padStart(6, '0')}-${Date.now()}`,
  };
}

/** A free new-patient slot not used by another test. */
async function freeSlot(): Promise<Slot> {
  const { items } = await memory.listSlots({ ...WINDOW, providerId: 'maria-hernandez', visitTypeId: 'new-patient' });
  const slot = items.find((item) => item.status === 'free' && !used.has(item.id));
  if (!slot) throw new Error('no free slot left');
  used.add(slot.id);
  return slot;
}

async function read(path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${server.url}/${path}`)).json()) as Record<string, unknown>;
}

async function appointmentsFor(slot: Slot): Promise<Array<Record<string, unknown>>> {
  const bundle = (await read(`Appointment?slot=Slot/${slot.id}`)) as { entry?: Array<{ resource: never }> };
  return (bundle.entry ?? []).map((entry) => entry.resource);
}

beforeAll(async () => {
  memory = createMemoryAdapter({ now: NOW, days: 14 });
  const resources = await clinicToFhir(memory, { start: '2026-03-02T00:00:00Z', end: '2026-03-17T00:00:00Z' });
  server = await startFhirServer({ seed: resources });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('fhir booking: answers that mean "booked"', () => {
  it('asks for the representation and books from the full body', async () => {
    const slot = await freeSlot();
    const booking = await adapter().book(request(slot));
    expect(booking.status).toBe('booked');
    const post = server.requests.filter((r) => r.method === 'POST' && r.path === '/Appointment').at(-1);
    expect(post?.headers.prefer).toBe('return=representation');
    expect((await appointmentsFor(slot)).map((a) => a.id)).toEqual([booking.id]);
  });

  it.each<AnswerShape>(['empty-201', 'location-201', 'outcome-201', 'reset-after-write', 'error-500-after-write'])(
    'takes a %s answer as the booking it is, once, with the slot kept busy',
    async (shape) => {
      const slot = await freeSlot();
      server.answerNext('POST', '/Appointment', shape);
      const booking = await adapter().book(request(slot));
      expect(booking).toMatchObject({ status: 'booked', slot: { id: slot.id, status: 'busy' } });
      expect((await appointmentsFor(slot)).map((a) => a.id)).toEqual([booking.id]);
      expect((await read(`Slot/${slot.id}`)).status).toBe('busy');
    },
  );

  it('recovers a booking whose answer never came (a timeout after the server stored it)', async () => {
    const slot = await freeSlot();
    server.answerNext('POST', '/Appointment', 'hang-after-write');
    const booking = await adapter(1_500).book(request(slot));
    expect(booking.status).toBe('booked');
    expect((await appointmentsFor(slot)).map((a) => a.id)).toEqual([booking.id]);
    expect((await read(`Slot/${slot.id}`)).status).toBe('busy');
  });
});

describe('fhir booking: answers that mean "not booked"', () => {
  it.each<AnswerShape>(['conflict-409', 'precondition-412'])(
    'reports a %s as a conflict and gives the slot back',
    async (shape) => {
      const slot = await freeSlot();
      server.answerNext('POST', '/Appointment', shape);
      const error = await failure(adapter().book(request(slot)));
      expect(error).toMatchObject({ kind: 'conflict', field: 'request.slotId' });
      expect(await appointmentsFor(slot)).toEqual([]);
      const stored = await read(`Slot/${slot.id}`);
      expect(stored.status).toBe('free');
      expect(JSON.stringify(stored.identifier ?? [])).not.toContain(FHIR_SYSTEMS.idempotencyKey);
    },
  );
});

describe('fhir booking: answers that say nothing for sure', () => {
  it('keeps the slot held after a 500 before anything was stored, and the same request then finishes the booking', async () => {
    const slot = await freeSlot();
    const first = request(slot);
    server.answerNext('POST', '/Appointment', 'error-500-before');
    const error = await failure(adapter().book(first));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toContain('may have been made');
    expect((await read(`Slot/${slot.id}`)).status).toBe('busy');
    // Another patient cannot take the held time...
    expect((await failure(adapter().book(request(slot)))).kind).toBe('conflict');
    // ...and the first patient's retry (same key) books it.
    const booking = await adapter().book(first);
    expect(booking.status).toBe('booked');
    expect((await appointmentsFor(slot)).map((a) => a.id)).toEqual([booking.id]);
  });

  it('never follows a redirect of the booking POST, and never frees the slot on it', async () => {
    const slot = await freeSlot();
    server.answerNext('POST', '/Appointment', 'redirect-307');
    const error = await failure(adapter().book(request(slot)));
    expect(error).toMatchObject({ kind: 'http', status: 307 });
    expect(error.message).toContain('never redirected');
    expect(await appointmentsFor(slot)).toEqual([]);
    expect((await read(`Slot/${slot.id}`)).status).toBe('busy');
  });
});
