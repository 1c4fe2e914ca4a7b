import { createRestAdapter } from '@frontdesk/core/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, WINDOW } from '../../server/src/test-support/server.js';
import { emptyDraft, type PatientDraft, toPatientDetails } from './patient-form.js';

// What the booking form sends for a child booked by a parent, with insurance, through the REST adapter to the real
// @frontdesk/server (PGlite): the server accepts the new optional details and keeps them with the booking.
describe('the booking form’s patient details on @frontdesk/server', () => {
  let server: TestServer;
  // PGlite starts and migrates in-process: seconds on a busy machine.
  beforeAll(async () => {
    server = await startTestServer('pglite');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 30_000);

  it('are stored as sent, who booked and the insurance included', async () => {
    const adapter = createRestAdapter({ baseUrl: server.api, retries: 0 });
    const plan = (await adapter.listPlans()).items[0]!;
    const draft: PatientDraft = {
      ...emptyDraft(),
      forWhom: 'dependant',
      bookerGivenName: 'Ana',
      bookerFamilyName: 'López',
      relationship: 'parent',
      givenName: 'Leo',
      familyName: 'López',
      birthDate: '06/01/2019',
      phone: '٦١٥ ٥٥٥ ٠١٩٩',
      patientType: 'new',
      planId: plan.id,
      memberId: 'XQZ123456',
    };
    const patient = toPatientDetails(draft, { today: '2026-03-02', lang: 'en-US', country: 'US' });
    const slot = (await adapter.listSlots({ ...WINDOW, providerId: 'maria-hernandez' })).items.find(
      (candidate) => candidate.status === 'free' && candidate.visitTypeIds.includes('new-patient'),
    )!;
    const booking = await adapter.book({
      slotId: slot.id,
      visitTypeId: 'new-patient',
      patient,
      consent: { terms: true, contact: false },
      idempotencyKey: 'patient-on-server-0001',
    });
    const { rows } = await server.db.query<{ patient: unknown }>('select patient from bookings where id = $1', [
      booking.id,
    ]);
    expect(rows[0]?.patient).toEqual({
      givenName: 'Leo',
      familyName: 'López',
      birthDate: '2019-06-01',
      phone: '+1 615 555 0199',
      patientType: 'new',
      bookedBy: { givenName: 'Ana', familyName: 'López', relationship: 'parent' },
      insurance: { planId: plan.id, memberId: 'XQZ123456' },
    });
  });
});
