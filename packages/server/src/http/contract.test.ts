import type { FrontdeskAdapter, Provider, Slot } from '@frontdesk/core';
import { createMemoryAdapter, type MemoryAdapter } from '@frontdesk/core/memory';
import { createRestAdapter } from '@frontdesk/core/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, bookingBody, NOW, post, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';

/**
 * The contract end to end, on PGlite and on PostgreSQL: core's `rest` adapter against the server seeded with the
 * demo clinic must read what the memory adapter (the same demo clinic) returns, book through the database once per
 * key and per slot, and check survey answers against their Questionnaire.
 */
describe.each(BACKENDS)('rest adapter -> frontdesk-server on %s', (backend) => {
  let server: TestServer;
  let rest: FrontdeskAdapter;
  let memory: MemoryAdapter;

  beforeAll(async () => {
    server = await startTestServer(backend);
    memory = createMemoryAdapter({ now: NOW, photoBaseUrl: `${server.origin}/photos` });
    rest = createRestAdapter({ baseUrl: server.api, backoffBaseMs: 1, backoffMaxMs: 5 });
  }, 60_000);
  afterAll(() => server?.close());

  const withoutNext = ({ nextAvailable: _, ...provider }: Provider) => provider;
  const shapeOf = ({ start, end, providerId, locationId, visitTypeIds }: Slot) => ({
    start,
    end,
    providerId,
    locationId,
    visitTypeIds,
  });

  it('serves the demo clinic exactly as the memory adapter has it', async () => {
    expect(await rest.getOrganization()).toEqual(await memory.getOrganization());
    expect(await rest.listLocations()).toEqual(await memory.listLocations());
    const providers = (await rest.listProviders()).items;
    expect(providers.map(withoutNext)).toEqual((await memory.listProviders()).items.map(withoutNext));
    // No imaginary patients here: every provider's next free time is their first slot from now.
    expect(providers.every((provider) => provider.nextAvailable !== undefined)).toBe(true);
    expect(await rest.getProvider('wei-chen').then(withoutNext)).toEqual(
      withoutNext(await memory.getProvider('wei-chen')),
    );
    expect(await rest.listVisitTypes()).toEqual(await memory.listVisitTypes());
    expect(await rest.listPlans()).toEqual(await memory.listPlans());
    const surveys = await rest.listSurveys();
    expect(surveys).toEqual(await memory.listSurveys());
    for (const { id } of surveys.items) expect(await rest.getSurvey(id)).toEqual(await memory.getSurvey(id));
  });

  it('offers the same times as the memory adapter, from availability rules, holidays and a vacation', async () => {
    // Three weeks, the vacation included: slots from rules must match the memory calendar time for time.
    const window = { start: WINDOW.start, end: '2026-05-01T00:00:00-05:00' };
    const served = (await rest.listSlots(window)).items;
    const expected = (await memory.listSlots(window)).items;
    expect(served.length).toBeGreaterThan(1_000);
    expect(served.map(shapeOf)).toEqual(expected.map(shapeOf));
    expect(served.every((slot) => slot.status === 'free')).toBe(true);
    const filter = { ...window, providerId: 'rosa-delgado', locationId: 'franklin', visitTypeId: 'new-patient' };
    expect((await rest.listSlots(filter)).items.map(shapeOf)).toEqual(
      (await memory.listSlots(filter)).items.map(shapeOf),
    );
  });

  it('prices every visit type as the memory adapter does, with and without a plan', async () => {
    const [plan] = (await memory.listPlans()).items;
    for (const visitType of (await memory.listVisitTypes()).items) {
      for (const query of [{ service: visitType.id }, { service: visitType.id, planId: plan!.id }]) {
        const direct = await memory.getPrice(query).catch((error: { kind: string }) => error.kind);
        expect(await rest.getPrice(query).catch((error: { kind: string }) => error.kind)).toEqual(direct);
      }
    }
    await expect(rest.getPrice({ service: '00000' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(rest.getPrice({ service: '99213', planId: 'no-such-plan' })).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('books once, replays by key, refuses the key with another request, and reports a taken slot as 409', async () => {
    const [slot, other] = (await rest.listSlots({ ...WINDOW, providerId: 'rosa-delgado' })).items;
    const request = { ...bookingBody(slot!.id, 'new-patient'), idempotencyKey: 'contract-booking-0001' };
    const booking = await rest.book(request);
    expect(booking).toMatchObject({ status: 'booked', slot: { id: slot!.id, status: 'busy' }, patientName: 'Jane' });
    expect(booking.id).toMatch(/^bk-[A-Za-z0-9_-]{22}$/);
    // A repeat gets the same booking with a new manage token: the first one exists only in its answer.
    const { manageToken, ...first } = booking;
    const { manageToken: again, ...repeated } = await rest.book(request);
    expect(repeated).toEqual(first);
    expect(again).not.toBe(manageToken);
    await expect(rest.book({ ...request, idempotencyKey: 'contract-booking-0002' })).rejects.toMatchObject({
      kind: 'conflict',
      status: 409,
    });
    await expect(rest.book({ ...request, slotId: other!.id })).rejects.toMatchObject({
      kind: 'invalid-input',
      status: 422,
      field: 'Idempotency-Key',
    });
    const after = (await rest.listSlots({ ...WINDOW, providerId: 'rosa-delgado' })).items;
    expect(after.find((candidate) => candidate.id === slot!.id)?.status).toBe('busy');
    expect(after.find((candidate) => candidate.id === other!.id)?.status).toBe('free');
    const next = (await rest.getProvider('rosa-delgado')).nextAvailable;
    expect(next).toBe(other!.start);
    await expect(
      rest.book({
        ...request,
        slotId: 'rosa-delgado|franklin|20260302T0000Z',
        idempotencyKey: 'contract-booking-0003',
      }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    await expect(
      rest.book({ ...request, slotId: 'no-such-slot', idempotencyKey: 'contract-booking-0004' }),
    ).rejects.toMatchObject({ kind: 'not-found' });
    // Existing-patient visit types refuse new patients; a slot in the past is gone for good.
    await expect(
      rest.book({ ...bookingBody(other!.id, 'follow-up', 'new'), idempotencyKey: 'contract-booking-0005' }),
    ).rejects.toMatchObject({ kind: 'invalid-input', field: 'request.patient.patientType' });
    const past = 'rosa-delgado|nashville-midtown|20260227T1400Z';
    await expect(
      rest.book({ ...bookingBody(past, 'new-patient'), idempotencyKey: 'contract-booking-0006' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('manages a booking through the rest adapter: read, move, cancel, as the memory adapter does', async () => {
    expect(rest.capabilities).toMatchObject({ manage: true, reschedule: true });
    const free = (
      await rest.listSlots({ ...WINDOW, providerId: 'emily-carter', visitTypeId: 'new-patient' })
    ).items.filter((slot) => slot.status === 'free');
    const booking = await rest.book({
      ...bookingBody(free[0]!.id, 'new-patient'),
      idempotencyKey: 'contract-manage-0001',
    });
    const token = booking.manageToken!;
    expect(await rest.getBooking!(token)).toMatchObject({ id: booking.id, status: 'booked', sequence: 0 });
    const moved = await rest.rescheduleBooking!({
      manageToken: token,
      slotId: free[1]!.id,
      idempotencyKey: 'contract-manage-0002',
    });
    expect(moved).toMatchObject({ id: booking.id, slot: { id: free[1]!.id }, sequence: 1 });
    const cancelled = await rest.cancelBooking!({
      manageToken: token,
      reason: 'better',
      idempotencyKey: 'contract-manage-0003',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    await expect(rest.getBooking!('D'.repeat(43))).rejects.toMatchObject({ kind: 'not-found' });
    // The error names the route, never the token.
    const error = await rest.getBooking!('E'.repeat(43)).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('E'.repeat(43));
  });

  it('keeps the patient and the booking in the database under a random id', async () => {
    const slots = (await rest.listSlots({ ...WINDOW, providerId: 'maria-hernandez' })).items;
    const ids: string[] = [];
    for (const [index, slot] of slots.slice(0, 3).entries()) {
      ids.push(
        (await rest.book({ ...bookingBody(slot.id, 'new-patient'), idempotencyKey: `random-ids-key-000${index}` })).id,
      );
    }
    const rows = await server.db.query<{ id: string; patient: { familyName: string } }>(
      'select id, patient from bookings where id = any($1::text[])',
      [ids],
    );
    expect(rows.rows.map((row) => row.patient.familyName)).toEqual(['Doe', 'Doe', 'Doe']);
    expect(new Set(ids).size).toBe(3);
    // Nothing sequential: the ids share no common prefix beyond "bk-".
    expect(new Set(ids.map((id) => id.slice(0, 6))).size).toBeGreaterThan(1);
  });

  it('stores a survey response once per key, refuses the key with other answers, and checks the answers', async () => {
    const response = {
      resourceType: 'QuestionnaireResponse' as const,
      status: 'completed' as const,
      item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 9 }] }],
    };
    const receipt = await rest.submitSurvey(
      { ...response, questionnaire: 'Questionnaire/post-visit-nps' },
      { idempotencyKey: 'contract-survey-0001' },
    );
    expect(receipt).toMatchObject({ status: 'received', id: expect.stringMatching(/^qr-/) });
    expect(
      await rest.submitSurvey(
        { ...response, questionnaire: 'Questionnaire/post-visit-nps' },
        { idempotencyKey: 'contract-survey-0001' },
      ),
    ).toEqual({ ...receipt, status: 'duplicate' });
    const changed = { ...response, item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 3 }] }] };
    await expect(
      rest.submitSurvey(
        { ...changed, questionnaire: 'Questionnaire/post-visit-nps' },
        { idempotencyKey: 'contract-survey-0001' },
      ),
    ).rejects.toMatchObject({ kind: 'invalid-input', status: 422 });
    const stored = await server.db.query<{ response: { item: unknown } }>(
      'select response from survey_responses where id = $1',
      [receipt.id],
    );
    expect(stored.rows[0]?.response.item).toEqual(response.item);

    const url = `${server.api}/surveys/post-visit-nps/responses`;
    const refused = async (body: unknown, key: string) => {
      const answer = await post(url, body, { 'Idempotency-Key': key });
      expect(answer.status).toBe(400);
      return ((await answer.json()) as { error: { field: string; message: string } }).error;
    };
    expect(
      await refused({ ...response, item: [{ linkId: 'not-in-this-survey', answer: [{ valueInteger: 1 }] }] }, 'k1'),
    ).toMatchObject({ field: 'response.item[0].linkId' });
    expect(
      await refused(
        { ...response, item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 11 }] }] },
        'k2',
      ),
    ).toMatchObject({ field: 'response.item', message: expect.stringContaining('max-value') });
    expect(
      await refused(
        { ...response, item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueString: 'nine' }] }] },
        'k3',
      ),
    ).toMatchObject({ field: 'response.item[0].answer[0]' });
    expect(await refused({ ...response, padding: 'x'.repeat(50_000) }, 'k4')).toMatchObject({
      field: 'response.padding',
    });
    expect(
      await refused(
        { ...response, item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 9, note: 'x' }] }] },
        'k5',
      ),
    ).toMatchObject({ field: 'response.item[0].answer[0].note' });
    expect(await refused({ ...response, item: [] }, 'k6')).toMatchObject({ field: 'response.item' });
    expect(await refused({ ...response, questionnaire: 'Questionnaire/phq-9' }, 'k7')).toMatchObject({
      field: 'response.questionnaire',
    });
    // PHQ-9: a completed response must answer every required item, each with one of the listed options.
    const phqUrl = `${server.api}/surveys/phq-9/responses`;
    const firstOption = { system: 'http://loinc.org', code: 'LA6568-5', display: 'Not at all' };
    const phq = (status: string, answer: unknown, key: string) =>
      post(
        phqUrl,
        {
          resourceType: 'QuestionnaireResponse',
          status,
          item: [{ linkId: 'phq-9-questions', item: [{ linkId: 'phq-9-1', answer: [answer] }] }],
        },
        { 'Idempotency-Key': key },
      );
    const missing = await phq('completed', { valueCoding: firstOption }, 'k9');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'required item "phq-9-2" has no answer',
    );
    const notAnOption = await phq(
      'in-progress',
      { valueCoding: { system: 'http://loinc.org', code: 'LA-none' } },
      'k10',
    );
    expect(notAnOption.status).toBe(400);
    expect(((await notAnOption.json()) as { error: { field: string } }).error.field).toBe(
      'response.item[0].item[0].answer[0]',
    );
    const inProgress = await phq('in-progress', { valueCoding: firstOption }, 'k11');
    expect(inProgress.status).toBe(201);
  });
});
