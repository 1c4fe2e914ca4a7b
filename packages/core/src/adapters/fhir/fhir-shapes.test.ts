import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirServer, startFhirServer } from '../../../../../test/fhir-server/server.mjs';
import { PATIENT } from '../../../../../test/support/adapters.js';
import { FrontdeskError } from '../../errors.js';
import { createFhirAdapter } from './index.js';

/** Valid but unusual FHIR as real servers hold it, on the Medplum-backed test server. */

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const WINDOW = { start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' };

let server: FhirServer;

const slot = (id: string, schedule: string) => ({
  resourceType: 'Slot',
  id,
  schedule: { reference: `Schedule/${schedule}` },
  status: 'free',
  start: '2026-03-03T15:00:00Z',
  end: '2026-03-03T15:30:00Z',
});

beforeAll(async () => {
  server = await startFhirServer({
    seed: [
      { resourceType: 'Location', id: 'north', name: 'North', status: 'active' },
      { resourceType: 'Location', id: 'south', name: 'South', status: 'active' },
      {
        resourceType: 'Practitioner',
        id: 'renamed',
        active: true,
        name: [
          { use: 'old', given: ['Maria'], family: 'Lopez' },
          { use: 'official', given: ['Maria'], family: 'Lopez-Hale' },
        ],
        photo: [{ contentType: 'image/png', data: PNG }],
      },
      {
        resourceType: 'Practitioner',
        id: 'big-photo',
        active: true,
        name: [{ given: ['Sam'], family: 'Reyes' }],
        photo: [{ contentType: 'image/jpeg', data: 'A'.repeat(400_000) }],
      },
      {
        resourceType: 'PractitionerRole',
        id: 'two-places',
        active: true,
        practitioner: { reference: 'Practitioner/renamed' },
        location: [{ reference: 'Location/north' }, { reference: 'Location/south' }],
      },
      { resourceType: 'HealthcareService', id: 'visit', active: true, name: 'Visit' },
      {
        resourceType: 'Schedule',
        id: 'at-south',
        active: true,
        actor: [{ reference: 'PractitionerRole/two-places' }, { reference: 'Location/south' }],
      },
      { resourceType: 'Schedule', id: 'closed', active: false, actor: [{ reference: 'Practitioner/big-photo' }] },
      slot('s-south', 'at-south'),
      slot('s-closed', 'closed'),
    ],
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const fhir = () =>
  createFhirAdapter({ baseUrl: server.url, timeZone: 'UTC', now: () => Date.parse('2026-03-02T12:00:00Z') });

describe('fhir adapter: unusual but valid shapes', () => {
  it('skips names marked old and uses a small inline photo, leaving out one too large', async () => {
    const { items } = await fhir().listProviders();
    const byId = Object.fromEntries(items.map((p) => [p.id, p]));
    expect(byId.renamed?.displayName).toBe('Maria Lopez-Hale');
    expect(byId.renamed?.photoUrl).toBe(`data:image/png;base64,${PNG}`);
    expect(byId['big-photo']?.photoUrl).toBeUndefined();
  });

  it('gives the slots of a role with two locations the Schedule’s location, and hides an inactive Schedule', async () => {
    const all = await fhir().listSlots(WINDOW);
    expect(all.items.map((s) => [s.id, s.locationId, s.providerId])).toEqual([['s-south', 'south', 'renamed']]);
    const bySouth = await fhir().listSlots({ ...WINDOW, locationId: 'south' });
    expect(bySouth.items.map((s) => s.id)).toEqual(['s-south']);
    expect((await fhir().getProvider('big-photo')).nextAvailable).toBeUndefined();
  });

  it('refuses to book a slot of an inactive Schedule', async () => {
    const error = await fhir()
      .book({
        slotId: 's-closed',
        visitTypeId: 'visit',
        patient: PATIENT,
        consent: { terms: true },
        idempotencyKey: `closed-schedule-${Date.now()}`,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrontdeskError);
    expect(error).toMatchObject({ kind: 'conflict', field: 'request.slotId' });
  });
});
