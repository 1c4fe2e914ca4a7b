import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirServer, startFhirServer } from './server.mjs';

/** The HTTP layer around Medplum's router: what a FHIR client (and a browser) sees of it. */

let server: FhirServer;

const slots = Array.from({ length: 45 }, (_, i) => ({
  resourceType: 'Slot',
  id: `slot-${String(i).padStart(2, '0')}`,
  schedule: { reference: 'Schedule/s1' },
  status: i % 5 === 0 ? 'busy' : 'free',
  start: new Date(Date.UTC(2026, 2, 2, 14) + i * 1_800_000).toISOString(),
  end: new Date(Date.UTC(2026, 2, 2, 14) + (i + 1) * 1_800_000).toISOString(),
}));

beforeAll(async () => {
  server = await startFhirServer({
    seed: [{ resourceType: 'Schedule', id: 's1', actor: [{ reference: 'Practitioner/p1' }] }, ...slots],
  });
}, 60_000);

afterAll(async () => {
  await server.close();
});

const fhirJson = { 'Content-Type': 'application/fhir+json' };

interface Bundle {
  total?: number;
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ resource: { id: string; status?: string } }>;
}

describe('FHIR test server', () => {
  it('pages a search with total and next links, each page a slice of one result', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${server.url}/Slot?status=free&_count=10`;
    let pages = 0;
    while (url) {
      const response = await fetch(url);
      expect(response.headers.get('content-type')).toContain('application/fhir+json');
      const bundle = (await response.json()) as Bundle;
      expect(bundle.total).toBe(36);
      ids.push(...(bundle.entry ?? []).map((entry) => entry.resource.id));
      url = bundle.link?.find((link) => link.relation === 'next')?.url;
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(36);
  });

  it('serves versioned reads and refuses an update whose If-Match is stale with a 412 OperationOutcome', async () => {
    const read = await fetch(`${server.url}/Slot/slot-01`);
    const etag = read.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const slot = await read.json();
    const claim = await fetch(`${server.url}/Slot/slot-01`, {
      method: 'PUT',
      headers: { ...fhirJson, 'If-Match': etag as string },
      body: JSON.stringify({ ...slot, status: 'busy' }),
    });
    expect(claim.status).toBe(200);
    expect(claim.headers.get('etag')).not.toBe(etag);
    const stale = await fetch(`${server.url}/Slot/slot-01`, {
      method: 'PUT',
      headers: { ...fhirJson, 'If-Match': etag as string },
      body: JSON.stringify({ ...slot, status: 'busy' }),
    });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('creates once under If-None-Exist and says where, and searches see the write at once', async () => {
    const appointment = {
      resourceType: 'Appointment',
      status: 'booked',
      identifier: [{ system: 'urn:test', value: 'once' }],
      participant: [{ actor: { reference: 'Practitioner/p1' }, status: 'accepted' }],
    };
    const post = () =>
      fetch(`${server.url}/Appointment`, {
        method: 'POST',
        headers: { ...fhirJson, 'If-None-Exist': 'identifier=urn:test|once' },
        body: JSON.stringify(appointment),
      });
    const before = (await (await fetch(`${server.url}/Appointment?identifier=urn:test|once`)).json()) as Bundle;
    expect(before.total).toBe(0);
    const first = await post();
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toMatch(/\/fhir\/Appointment\/[^/]+\/_history\/[^/]+$/);
    const second = await post();
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const after = (await (await fetch(`${server.url}/Appointment?identifier=urn:test|once`)).json()) as Bundle;
    expect(after.total).toBe(1);
  });

  it('answers CORS preflights for the headers FHIR clients send, and exposes ETag and Location', async () => {
    const preflight = await fetch(`${server.url}/Appointment`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Headers': 'if-none-exist, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Exist');
    expect(preflight.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('states what it supports, and answers errors with OperationOutcomes', async () => {
    const metadata = await (await fetch(`${server.url}/metadata`)).json();
    expect(metadata).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    const slot = metadata.rest[0].resource.find((resource: { type: string }) => resource.type === 'Slot');
    expect(slot).toMatchObject({ conditionalCreate: true, versioning: 'versioned-update', searchInclude: [] });
    const missing = await fetch(`${server.url}/Slot/none`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    const garbage = await fetch(`${server.url}/Slot`, { method: 'POST', headers: fhirJson, body: '{nope' });
    expect(garbage.status).toBe(400);
    const badDate = await fetch(`${server.url}/Slot?start=someday`);
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await badDate.json())).toContain('someday');
    expect((await fetch(server.url.replace('/fhir', '/other'))).status).toBe(404);
  });

  it('requires the bearer token it was started with', async () => {
    const guarded = await startFhirServer({ bearerToken: 'abc' });
    try {
      const refused = await fetch(`${guarded.url}/Slot`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      const allowed = await fetch(`${guarded.url}/Slot`, { headers: { Authorization: 'Bearer abc' } });
      expect(allowed.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
