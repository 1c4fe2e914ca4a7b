import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirServer, startFhirServer } from '../../../../../test/fhir-server/server.mjs';
import { DIRECTORY_ONLY } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import type { FrontdeskAdapter } from '../../adapter.js';
import type { BookingRequest, Slot } from '../../schemas/scheduling.js';
import { createMemoryAdapter, type MemoryAdapter } from '../memory/index.js';
import { createAdapter } from '../registry.js';
import { createFhirAdapter, FHIR_SYSTEMS, type FhirAdapterOptions } from './index.js';
import { clinicToFhir } from './to-fhir.js';

/**
 * The `fhir` adapter against a FHIR server we did not write (Medplum's router and in-memory repository) over real
 * HTTP, seeded with the memory adapter's demo clinic: what the memory adapter says, the FHIR adapter must say too.
 */

const NOW = '2026-03-02T14:00:00Z';
const WINDOW = { start: '2026-03-03T00:00:00-06:00', end: '2026-03-06T00:00:00-06:00' };

let memory: MemoryAdapter;
let server: FhirServer;
let fhir: FrontdeskAdapter;

function adapter(options: Partial<FhirAdapterOptions> = {}): FrontdeskAdapter {
  return createFhirAdapter({
    baseUrl: server.url,
    now: () => Date.parse(NOW),
    timeZone: 'America/Chicago',
    ...options,
  });
}

/** A `fetch` that records each request as `METHOD path?query`. */
function recording(into: string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(String(input));
    into.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    return fetch(input, init);
  };
}

async function search(path: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${server.url}/${path}`);
  const bundle = (await response.json()) as { entry?: Array<{ resource: Record<string, unknown> }> };
  return (bundle.entry ?? []).map((entry) => entry.resource);
}

const byId = (slots: Slot[]) => [...slots].sort((a, b) => (a.id < b.id ? -1 : 1));

let keyCounter = 0;
function bookingRequest(slot: Slot, visitTypeId: string, overrides: Partial<BookingRequest> = {}): BookingRequest {
  keyCounter++;
  return {
    slotId: slot.id,
    visitTypeId,
    patient: {
      givenName: 'Jordan',
      familyName: 'Avery',
      birthDate: '1988-04-12',
      phone: '(615) 555-0199',
      email: 'jordan@example.org',
      reason: 'Knee pain after running',
      patientType: 'new',
    },
    consent: { terms: true, contact: true },
    idempotencyKey: `booking-key-${String(keyCounter).padStart(8, '0')}-${Date.now()}`,
    ...overrides,
  };
}

/** The first free slot of a provider for a visit type, in the test window. */
async function freeSlot(providerId: string, visitTypeId: string, skip = 0): Promise<Slot> {
  const { items } = await memory.listSlots({ ...WINDOW, providerId, visitTypeId });
  const free = items.filter((slot) => slot.status === 'free');
  const slot = free[skip];
  if (!slot) throw new Error(`no free ${visitTypeId} slot for ${providerId}`);
  return slot;
}

beforeAll(async () => {
  memory = createMemoryAdapter({ now: NOW, days: 14, photoBaseUrl: 'https://photos.example' });
  const resources = await clinicToFhir(memory, { start: '2026-03-02T00:00:00Z', end: '2026-03-17T00:00:00Z' });
  resources.push(
    {
      resourceType: 'Practitioner',
      id: 'no-roles',
      active: true,
      name: [{ given: ['Sam'], family: 'Taylor', suffix: ['RN'] }],
      qualification: [
        { code: { coding: [{ system: FHIR_SYSTEMS.degree, code: 'NP', display: 'Nurse practitioner' }] } },
      ],
    },
    { resourceType: 'Practitioner', id: 'retired', active: false, name: [{ given: ['Pat'], family: 'Gone' }] },
  );
  server = await startFhirServer({ seed: resources });
  fhir = adapter();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('fhir adapter: the clinic', () => {
  it('reads the organization and the locations as the demo clinic has them', async () => {
    expect(await fhir.getOrganization()).toEqual(await memory.getOrganization());
    const locations = await fhir.listLocations();
    expect(locations.dropped).toEqual([]);
    expect(locations.items).toEqual((await memory.listLocations()).items);
  });

  it('maps providers with and without roles and photos, including their next free time', async () => {
    const { items, dropped } = await fhir.listProviders();
    expect(dropped).toEqual([]);
    const expected = (await memory.listProviders()).items;
    for (const provider of expected) {
      expect(items.find((item) => item.id === provider.id)).toEqual(provider);
    }
    expect(expected.some((provider) => provider.photoUrl === undefined)).toBe(true);
    expect(expected.some((provider) => provider.photoUrl !== undefined)).toBe(true);
    // A practitioner without a PractitionerRole: no specialties or locations, nothing said about new patients.
    expect(items.find((item) => item.id === 'no-roles')).toEqual({
      id: 'no-roles',
      displayName: 'Sam Taylor',
      name: { given: ['Sam'], family: 'Taylor' },
      credentials: ['NP'],
      specialties: [],
      languages: [],
      acceptingNewPatients: 'existing-only',
      locationIds: [],
      telehealth: false,
      inPerson: true,
    });
    expect(items.some((item) => item.id === 'retired')).toBe(false);
    expect(items).toHaveLength(expected.length + 1);
  });

  it('reads one provider, and says not-found with the server’s own words otherwise', async () => {
    expect(await fhir.getProvider('maria-hernandez')).toEqual(await memory.getProvider('maria-hernandez'));
    const missing = await failure(fhir.getProvider('nobody-here'));
    expect(missing.kind).toBe('not-found');
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/Not found/i);
    expect((await failure(fhir.getProvider('retired'))).kind).toBe('not-found');
    expect((await failure(fhir.getProvider('../Patient/1'))).kind).toBe('not-found');
  });

  it('maps HealthcareServices to the visit types, with the providers whose roles offer them', async () => {
    const { items, dropped } = await fhir.listVisitTypes();
    expect(dropped).toEqual([]);
    const providers = (await memory.listProviders()).items;
    for (const visitType of (await memory.listVisitTypes()).items) {
      const mapped = items.find((item) => item.id === visitType.id);
      if (visitType.providerIds) {
        expect({ ...mapped, providerIds: [...(mapped?.providerIds ?? [])].sort() }).toEqual({
          ...visitType,
          providerIds: [...visitType.providerIds].sort(),
        });
      } else {
        // "Every provider" in the demo data: on FHIR, every provider who offers that kind of visit.
        const { providerIds, ...rest } = mapped ?? {};
        const { providerIds: _all, ...expected } = visitType;
        expect(rest).toEqual(expected);
        const offering = providers.filter((p) => (visitType.modality === 'telehealth' ? p.telehealth : p.inPerson));
        expect([...(providerIds ?? [])].sort()).toEqual(offering.map((p) => p.id).sort());
      }
    }
  });
});

describe('fhir adapter: slots', () => {
  it('lists the slots of a window as the demo clinic has them, free and busy', async () => {
    const { items, dropped } = await fhir.listSlots(WINDOW);
    expect(dropped).toEqual([]);
    const expected = (await memory.listSlots(WINDOW)).items;
    expect(items.length).toBeGreaterThan(200);
    expect(byId(items)).toEqual(byId(expected));
    expect(new Set(items.map((slot) => slot.status))).toEqual(new Set(['free', 'busy']));
    expect(items.every((slot, i) => i === 0 || Date.parse(slot.start) >= Date.parse(items[i - 1]!.start))).toBe(true);
  });

  it('filters by provider, location and visit type', async () => {
    for (const query of [
      { providerId: 'maria-hernandez' },
      { locationId: 'knoxville-west' },
      { visitTypeId: 'video-visit' },
      { providerId: 'rosa-delgado', locationId: 'franklin' },
    ]) {
      const mapped = await fhir.listSlots({ ...WINDOW, ...query });
      const expected = await memory.listSlots({ ...WINDOW, ...query });
      expect(byId(mapped.items)).toEqual(byId(expected.items));
    }
    expect((await fhir.listSlots({ ...WINDOW, providerId: 'no-roles' })).items).toEqual([]);
  });

  it('pages through Bundle.link next, and falls back to plain searches where _include is ignored', async () => {
    const requests: string[] = [];
    const paging = adapter({ pageSize: 25, fetch: recording(requests), nextAvailableDays: 0 });
    const first = await paging.listSlots(WINDOW);
    expect(byId(first.items)).toEqual(byId((await memory.listSlots(WINDOW)).items));
    const slotPages = requests.filter((request) => request.startsWith('GET /fhir/Slot?'));
    expect(slotPages.length).toBeGreaterThan(5);
    expect(slotPages[0]).toContain('_include=Slot%3Aschedule');
    expect(slotPages.slice(1).every((page) => page.includes('_offset='))).toBe(true);
    // Medplum ignores _include: the Schedules come from a plain _id search instead...
    expect(requests.some((request) => request.startsWith('GET /fhir/Schedule?_id='))).toBe(true);
    // ...and the next search no longer asks for it.
    requests.length = 0;
    await paging.listSlots({ start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z' });
    expect(requests.find((request) => request.startsWith('GET /fhir/Slot?'))).not.toContain('_include');
  });

  it('refuses a malformed window before asking the server', async () => {
    const requests: string[] = [];
    const strict = adapter({ fetch: recording(requests) });
    expect((await failure(strict.listSlots({ start: 'tomorrow', end: WINDOW.end }))).field).toBe('query.start');
    expect((await failure(strict.listSlots({ start: WINDOW.end, end: WINDOW.start }))).field).toBe('query.end');
    expect(requests).toEqual([]);
  });
});

describe('fhir adapter: booking', () => {
  it('books by creating an Appointment that references the slot, and the slot is busy after', async () => {
    const slot = await freeSlot('maria-hernandez', 'new-patient');
    const request = bookingRequest(slot, 'new-patient');
    const booking = await fhir.book(request);
    expect(booking).toMatchObject({
      status: 'booked',
      visitTypeId: 'new-patient',
      providerId: 'maria-hernandez',
      patientName: 'Jordan',
      slot: { ...slot, status: 'busy' },
    });
    expect(booking.location?.id).toBe(slot.locationId);

    const [appointment, ...more] = await search(
      `Appointment?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.idempotencyKey}|${request.idempotencyKey}`)}`,
    );
    expect(more).toEqual([]);
    expect(appointment).toMatchObject({
      id: booking.id,
      status: 'booked',
      slot: [{ reference: `Slot/${slot.id}` }],
      contained: [{ resourceType: 'Patient', birthDate: '1988-04-12', name: [{ family: 'Avery' }] }],
      reasonCode: [{ text: 'Knee pain after running' }],
    });
    const actors = (appointment!.participant as Array<{ actor: { reference: string } }>).map((p) => p.actor.reference);
    expect(actors).toEqual([
      '#patient',
      'Practitioner/maria-hernandez',
      `Location/${slot.locationId}`,
      'HealthcareService/new-patient',
    ]);
    const after = await fhir.listSlots({ ...WINDOW, providerId: 'maria-hernandez' });
    expect(after.items.find((item) => item.id === slot.id)?.status).toBe('busy');
    expect((await failure(fhir.book(bookingRequest(slot, 'new-patient')))).kind).toBe('conflict');
  });

  it('gives the same booking for a retry with the same key, storing one Appointment', async () => {
    const slot = await freeSlot('emily-carter', 'new-patient');
    const request = bookingRequest(slot, 'new-patient');
    const first = await fhir.book(request);
    const again = await fhir.book(request);
    expect(again).toEqual(first);
    const stored = await search(`Appointment?slot=Slot/${slot.id}`);
    expect(stored.map((resource) => resource.id)).toEqual([first.id]);
    const misused = await failure(
      fhir.book({ ...request, slotId: (await freeSlot('emily-carter', 'new-patient', 1)).id }),
    );
    expect(misused).toMatchObject({ kind: 'invalid-input', field: 'request.idempotencyKey' });
  });

  it('manages a booking by its Appointment id: reads it, moves it in place, cancels it and frees the slot', async () => {
    const slot = await freeSlot('grace-mensah', 'new-patient');
    const target = await freeSlot('grace-mensah', 'new-patient', 1);
    const booking = await fhir.book(bookingRequest(slot, 'new-patient'));
    expect(booking.manageToken).toBe(booking.id);
    expect(await fhir.getBooking!(booking.manageToken!)).toEqual(booking);

    const moved = await fhir.rescheduleBooking!({
      manageToken: booking.id,
      slotId: target.id,
      idempotencyKey: `move-key-${Date.now()}-0001`,
    });
    expect(moved).toMatchObject({ id: booking.id, status: 'booked', slot: { id: target.id, status: 'busy' } });
    const [appointment] = await search(`Appointment?_id=${booking.id}`);
    expect(appointment).toMatchObject({ slot: [{ reference: `Slot/${target.id}` }], start: expect.any(String) });
    const slots = (await fhir.listSlots({ ...WINDOW, providerId: 'grace-mensah' })).items;
    expect(slots.find((item) => item.id === slot.id)?.status).toBe('free');
    expect(slots.find((item) => item.id === target.id)?.status).toBe('busy');

    // A taken slot is a conflict and the booking stays where it was.
    const taken = await freeSlot('grace-mensah', 'new-patient', 2);
    await fhir.book(bookingRequest(taken, 'new-patient'));
    const refused = await failure(
      fhir.rescheduleBooking!({
        manageToken: booking.id,
        slotId: taken.id,
        idempotencyKey: `move-key-${Date.now()}-0002`,
      }),
    );
    expect(refused.kind).toBe('conflict');
    expect((await fhir.getBooking!(booking.id)).slot.id).toBe(target.id);

    const cancelled = await fhir.cancelBooking!({
      manageToken: booking.id,
      reason: 'Feeling better',
      idempotencyKey: `cancel-key-${Date.now()}-0001`,
    });
    expect(cancelled.status).toBe('cancelled');
    const [stored] = await search(`Appointment?_id=${booking.id}`);
    expect(stored).toMatchObject({ status: 'cancelled', cancelationReason: { text: 'Feeling better' } });
    const after = (await fhir.listSlots({ ...WINDOW, providerId: 'grace-mensah' })).items;
    expect(after.find((item) => item.id === target.id)?.status).toBe('free');
    expect((await failure(fhir.getBooking!('no-such-appointment'))).kind).toBe('not-found');
  });

  it('recovers a booking whose answer was lost on the way back, without a second Appointment', async () => {
    const slot = await freeSlot('linh-nguyen', 'new-patient');
    let dropped = false;
    const lossy = adapter({
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!dropped && init?.method === 'POST' && String(input).endsWith('/Appointment')) {
          dropped = true;
          await response.body?.cancel();
          throw new TypeError('connection reset');
        }
        return response;
      },
    });
    const booking = await lossy.book(bookingRequest(slot, 'new-patient'));
    expect(dropped).toBe(true);
    expect(booking.status).toBe('booked');
    expect((await search(`Appointment?slot=Slot/${slot.id}`)).map((resource) => resource.id)).toEqual([booking.id]);
  });

  it('lets exactly one of two patients racing for one slot have it; the other gets a conflict', async () => {
    const slot = await freeSlot('tomas-rivera', 'pt-evaluation');
    const results = await Promise.allSettled([
      adapter().book(bookingRequest(slot, 'pt-evaluation')),
      adapter().book(
        bookingRequest(slot, 'pt-evaluation', {
          patient: { ...bookingRequest(slot, 'x').patient, givenName: 'Riley' },
        }),
      ),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ kind: 'conflict', field: 'request.slotId' });
    expect(await search(`Appointment?slot=Slot/${slot.id}`)).toHaveLength(1);
  });

  it('refuses what cannot be booked, naming the field', async () => {
    const slot = await freeSlot('maria-hernandez', 'new-patient', 1);
    const unknownSlot = await failure(fhir.book({ ...bookingRequest(slot, 'new-patient'), slotId: 'no-such-slot' }));
    expect(unknownSlot).toMatchObject({ kind: 'not-found', field: 'request.slotId' });
    const unknownType = await failure(fhir.book(bookingRequest(slot, 'no-such-visit')));
    expect(unknownType).toMatchObject({ kind: 'not-found', field: 'request.visitTypeId' });
    const notOffered = await failure(fhir.book(bookingRequest(slot, 'pt-session')));
    expect(notOffered).toMatchObject({ kind: 'conflict', field: 'request.visitTypeId' });
    const noConsent = await failure(fhir.book({ ...bookingRequest(slot, 'new-patient'), consent: { terms: false } }));
    expect(noConsent).toMatchObject({ kind: 'invalid-input', field: 'request.consent.terms' });
    const existingOnly = await failure(fhir.book(bookingRequest(slot, 'follow-up')));
    expect(existingOnly).toMatchObject({ kind: 'invalid-input', field: 'request.patient.patientType' });
  });

  it('sends proposed appointments where the server confirms them itself, and uses a known patient', async () => {
    const slot = await freeSlot('grace-mensah', 'follow-up');
    const proposing = adapter({
      appointmentStatus: 'proposed',
      getPatientReference: () => 'Patient/portal-123',
    });
    const booking = await proposing.book(
      bookingRequest(slot, 'follow-up', { patient: { ...bookingRequest(slot, 'x').patient, patientType: 'existing' } }),
    );
    expect(booking.status).toBe('pending');
    const [appointment] = await search(`Appointment?slot=Slot/${slot.id}`);
    expect(appointment).toMatchObject({ status: 'proposed' });
    expect(appointment!.contained).toBeUndefined();
    expect((appointment!.participant as Array<{ actor: { reference: string }; status: string }>)[0]).toEqual({
      actor: { reference: 'Patient/portal-123' },
      required: 'required',
      status: 'needs-action',
    });
  });
});

describe('fhir adapter: surveys', () => {
  it('lists the Questionnaires and reads one by id and by canonical URL', async () => {
    const surveys = await fhir.listSurveys();
    expect([...surveys.items].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...(await memory.listSurveys()).items].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const expected = await memory.getSurvey('phq-9');
    const byPlainId = await fhir.getSurvey('phq-9');
    expect(byPlainId.item).toEqual(expected.item);
    expect(byPlainId.title).toBe(expected.title);
    const byCanonical = await fhir.getSurvey(`${expected.url}|${String(expected.version)}`);
    expect(byCanonical.id).toBe('phq-9');
    expect((await failure(fhir.getSurvey('https://elsewhere.example/Questionnaire/none'))).kind).toBe('not-found');
  });

  it('stores a QuestionnaireResponse once per idempotency key', async () => {
    const survey = await fhir.getSurvey('post-visit-nps');
    const response = {
      resourceType: 'QuestionnaireResponse' as const,
      questionnaire: survey.url,
      status: 'completed' as const,
      authored: '2026-03-02T15:00:00-06:00',
      item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 9 }] }],
    };
    const key = `survey-${Date.now()}`;
    const receipt = await fhir.submitSurvey(response, { idempotencyKey: key });
    expect(receipt.status).toBe('received');
    expect(await fhir.submitSurvey(response, { idempotencyKey: key })).toEqual({ id: receipt.id, status: 'duplicate' });
    const stored = await search(
      `QuestionnaireResponse?identifier=${encodeURIComponent(`${FHIR_SYSTEMS.idempotencyKey}|${key}`)}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: receipt.id, item: response.item, questionnaire: survey.url });
    const bad = await failure(fhir.submitSurvey(response, { idempotencyKey: 'a,b|c' }));
    expect(bad).toMatchObject({ kind: 'invalid-input', field: 'idempotencyKey' });
  });

  it('links a response about a visit to its Appointment, one per visit', async () => {
    const survey = await fhir.getSurvey('post-visit-nps');
    const booking = await fhir.book(bookingRequest(await freeSlot('maria-hernandez', 'new-patient', 4), 'new-patient'));
    const response = {
      resourceType: 'QuestionnaireResponse' as const,
      questionnaire: survey.url,
      status: 'completed' as const,
      item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 10 }] }],
    };
    const receipt = await fhir.submitSurvey(response, {
      idempotencyKey: `visit-survey-${Date.now()}-1`,
      bookingId: booking.id,
    });
    const [stored] = await search(`QuestionnaireResponse?_id=${receipt.id}`);
    expect(stored).toMatchObject({ subject: { reference: `Appointment/${booking.id}` } });
    const second = await failure(
      fhir.submitSurvey(response, { idempotencyKey: `visit-survey-${Date.now()}-2`, bookingId: booking.id }),
    );
    expect(second.kind).toBe('conflict');
  });
});

describe('fhir adapter: settings and access', () => {
  it('sends the host page’s bearer token, and reports a refused one as unauthorized', async () => {
    const guarded = await startFhirServer({
      seed: [{ resourceType: 'Location', id: 'one', name: 'Only office', status: 'active' }],
      bearerToken: 'token-abc.123',
    });
    try {
      const anonymous = createFhirAdapter({ baseUrl: guarded.url, timeZone: 'UTC' });
      const refused = await failure(anonymous.listLocations());
      expect(refused).toMatchObject({ kind: 'unauthorized', status: 401 });
      expect(refused.message).toContain('bearer token is required');
      let asked = 0;
      const signedIn = createFhirAdapter({
        baseUrl: guarded.url,
        timeZone: 'UTC',
        getAccessToken: async () => {
          asked++;
          return 'token-abc.123';
        },
      });
      expect((await signedIn.listLocations()).items.map((location) => location.id)).toEqual(['one']);
      expect(asked).toBe(1);
      const wrong = createFhirAdapter({ baseUrl: guarded.url, getAccessToken: () => 'token-wrong' });
      const error = await failure(wrong.listLocations());
      expect(error.kind).toBe('unauthorized');
      expect(error.message).not.toContain('token-wrong');
    } finally {
      await guarded.close();
    }
  });

  it('is built by the registry from attributes; options are checked and unknown keys ignored', async () => {
    const built = await createAdapter({
      adapter: 'fhir',
      api: server.url,
      options: { pageSize: 50, currency: 'USD', timeZone: 'America/Chicago', someOtherAdaptersKey: true },
    });
    expect(built.name).toBe('fhir');
    expect(built.capabilities).toEqual({
      ...DIRECTORY_ONLY,
      booking: 'api',
      surveys: true,
      terminology: true,
      manage: true,
      reschedule: true,
    });
    expect((await built.listLocations()).items).toHaveLength(4);
    expect((await failure(built.getPrice({ service: '99213' }))).kind).toBe('unsupported');
    expect((await failure(built.listPlans())).kind).toBe('unsupported');
    expect(() => createFhirAdapter({ baseUrl: server.url, pageSize: 0 })).toThrow(
      expect.objectContaining({ kind: 'invalid-input', field: 'options.pageSize' }),
    );
    expect(() => createFhirAdapter({ baseUrl: 'http://fhir.example.org/r4' })).toThrow(
      expect.objectContaining({ kind: 'invalid-input', field: 'baseUrl' }),
    );
    expect(() => createFhirAdapter({ baseUrl: server.url, getAccessToken: 'secret' })).toThrow(
      expect.objectContaining({ field: 'options.getAccessToken' }),
    );
  });
});
