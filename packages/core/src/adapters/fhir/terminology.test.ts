import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirServer, startFhirServer } from '../../../../../test/fhir-server/server.mjs';
import { enumeratedValueSet } from '../../../../../test/fhir-server/terminology.mjs';
import { closeRecordingServers, recordingServer } from '../../../../../test/support/recording-server.js';
import { createRestAdapter } from '../rest/index.js';
import { createFhirAdapter } from './index.js';

/** `expandValueSet` against the Medplum-backed test server's `ValueSet/$expand`, over real HTTP. */

const LANGUAGES = 'http://example.org/fhir/ValueSet/languages';
const GROUPED = 'http://example.org/fhir/ValueSet/grouped';

let server: FhirServer;

beforeAll(async () => {
  server = await startFhirServer({
    seed: [
      enumeratedValueSet(
        LANGUAGES,
        'urn:ietf:bcp:47',
        [
          ['en', 'English'],
          ['es', 'Spanish'],
          ['vi', 'Vietnamese'],
        ],
        { version: '1.0' },
      ),
      {
        resourceType: 'ValueSet',
        url: GROUPED,
        status: 'active',
        expansion: {
          timestamp: '2026-01-01T00:00:00Z',
          contains: [
            {
              abstract: true,
              code: 'fruit',
              display: 'Fruit',
              contains: [{ system: 'http://s', code: 'apple', display: 'Apple' }],
            },
            { system: 'http://s', code: 'old', display: 'Old', inactive: true },
            { system: 'http://s', code: 'bread', display: 'Bread' },
          ],
        },
      },
    ],
  });
});

afterAll(async () => {
  await server.close();
  await closeRecordingServers();
});

const fhir = (options: Record<string, unknown> = {}) =>
  createFhirAdapter({ baseUrl: server.url, retries: 0, nextAvailableDays: 0, ...options });

describe('fhir adapter: ValueSet/$expand', () => {
  it('says it has terminology and expands a ValueSet by canonical URL with a GET', async () => {
    const adapter = fhir();
    expect(adapter.capabilities.terminology).toBe(true);
    const before = server.requests.length;
    expect(await adapter.expandValueSet!(LANGUAGES)).toEqual({
      codings: [
        { system: 'urn:ietf:bcp:47', code: 'en', display: 'English' },
        { system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' },
        { system: 'urn:ietf:bcp:47', code: 'vi', display: 'Vietnamese' },
      ],
      total: 3,
    });
    const [request] = server.requests.slice(before);
    expect(request).toMatchObject({ method: 'GET', path: '/ValueSet/$expand' });
    expect(new URLSearchParams(request!.query).get('url')).toBe(LANGUAGES);
  });

  it('sends what the patient typed in a POSTed Parameters body, never in the URL', async () => {
    const before = server.requests.length;
    const found = await fhir().expandValueSet!(`${LANGUAGES}|1.0`, { filter: 'Viet', count: 5 });
    expect(found.codings.map((coding) => coding.code)).toEqual(['vi']);
    const [request] = server.requests.slice(before);
    expect(request).toMatchObject({ method: 'POST', path: '/ValueSet/$expand', query: '' });
  });

  it('skips grouping headers and inactive codes, and cuts the list at count', async () => {
    const adapter = fhir();
    expect((await adapter.expandValueSet!(GROUPED)).codings.map((coding) => coding.code)).toEqual(['apple', 'bread']);
    expect((await adapter.expandValueSet!(LANGUAGES, { count: 2 })).codings).toHaveLength(2);
  });

  it('says plainly when the ValueSet is unknown, the URL is no canonical, or the server cannot be reached', async () => {
    await expect(fhir().expandValueSet!('http://example.org/fhir/ValueSet/nope')).rejects.toMatchObject({
      name: 'FrontdeskError',
      kind: 'not-found',
      message: expect.stringContaining('does not know the ValueSet http://example.org/fhir/ValueSet/nope'),
    });
    for (const url of ['#contained', 'not a url', '', 'javascript:alert(1)']) {
      await expect(fhir().expandValueSet!(url)).rejects.toMatchObject({ kind: 'invalid-input', field: 'url' });
    }
    await expect(fhir().expandValueSet!(LANGUAGES, { count: 0 })).rejects.toMatchObject({ field: 'count' });
    const closed = await recordingServer((req) => req.socket.destroy());
    const unreachable = fhir({ terminologyUrl: `${closed.origin}/tx` });
    await expect(unreachable.expandValueSet!(LANGUAGES)).rejects.toMatchObject({
      kind: 'network',
      message: `the terminology server ${closed.origin} could not be reached to expand ${LANGUAGES}`,
    });
  });

  it('uses a separate terminology server when told, without the clinic bearer token', async () => {
    const tx = await startFhirServer({ seed: [{ resourceType: 'ValueSet', url: LANGUAGES, status: 'active' }] });
    try {
      const adapter = fhir({ terminologyUrl: tx.url, getAccessToken: () => 'clinic-token' });
      expect(await adapter.expandValueSet!(LANGUAGES)).toEqual({ codings: [], total: 0 });
      expect(tx.requests.at(-1)?.headers.authorization).toBeUndefined();
    } finally {
      await tx.close();
    }
  });
});

describe('rest adapter: a terminology server', () => {
  it('has no terminology unless terminologyUrl names one', async () => {
    const plain = createRestAdapter({ baseUrl: 'https://clinic.example' });
    expect(plain.capabilities.terminology).toBe(false);
    expect(plain.expandValueSet).toBeUndefined();
    const withTx = createRestAdapter({ baseUrl: 'https://clinic.example', terminologyUrl: server.url, retries: 0 });
    expect(withTx.capabilities.terminology).toBe(true);
    expect((await withTx.expandValueSet!(LANGUAGES, { filter: 'span' })).codings).toEqual([
      { system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' },
    ]);
    expect(() => createRestAdapter({ baseUrl: 'https://clinic.example', terminologyUrl: 'http://tx.example' })).toThrow(
      expect.objectContaining({ kind: 'invalid-input' }),
    );
  });
});
