import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../../../../test/support/errors.js';
import { createFhirAdapter, type FhirAdapterOptions, operationOutcomeText, slotsFromBundle } from './index.js';

/** Servers that misbehave on purpose: what a broken, confused or hostile FHIR endpoint can send. */

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(routes: Record<string, Route>): Promise<{ base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    hits.push(`${req.method} ${url.pathname}${url.search}`);
    const route = routes[`${req.method} ${url.pathname}`] ?? routes[url.pathname];
    if (route) route(req, res, url);
    else fhirJson(res, 200, bundle([]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, hits };
}

function fhirJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

function bundle(resources: unknown[], next?: string, mode?: string) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    entry: resources.map((resource) => ({ resource, ...(mode ? { search: { mode } } : {}) })),
  };
}

function outcome(code: string, text: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] };
}

function fhir(base: string, options: Partial<FhirAdapterOptions> = {}) {
  return createFhirAdapter({ baseUrl: base, timeZone: 'UTC', backoffBaseMs: 1, backoffMaxMs: 5, ...options });
}

describe('hostile FHIR: records', () => {
  it('drops resources of the wrong type and resources missing required elements, keeping the rest', async () => {
    const { base } = await serve({
      '/fhir/Practitioner': (_req, res) =>
        fhirJson(
          res,
          200,
          bundle(
            [
              {
                resourceType: 'Practitioner',
                id: 'ok',
                name: [{ given: ['Ana'], family: '<script>alert(1)</script>' }],
              },
              { resourceType: 'Patient', id: 'intruder', name: [{ family: 'Doe' }] },
              { resourceType: 'Practitioner', id: 'nameless' },
              { resourceType: 'Practitioner', id: 'bad id with spaces', name: [{ family: 'X' }] },
            ],
            undefined,
            'match',
          ),
        ),
      '/fhir/Location': (_req, res) =>
        fhirJson(
          res,
          200,
          bundle([
            { resourceType: 'Location', id: 'l1' },
            { resourceType: 'Location', id: 'l2', name: 'Main' },
          ]),
        ),
    });
    const adapter = fhir(base);
    const providers = await adapter.listProviders();
    expect(providers.items.map((provider) => provider.displayName)).toEqual(['Ana <script>alert(1)</script>']);
    expect(providers.dropped).toEqual([
      { field: 'Bundle.entry[1]', reason: 'Bundle.entry[1]: expected a Practitioner, got a Patient', id: 'intruder' },
      { field: 'providers[1]', reason: 'providers[1].displayName: invalid type', id: 'nameless' },
      { field: 'providers[2]', reason: 'providers[2].id: invalid format', id: 'bad id with spaces' },
    ]);
    const locations = await adapter.listLocations();
    expect(locations.items.map((location) => location.id)).toEqual(['l2']);
    expect(locations.dropped[0]).toMatchObject({ field: 'locations[0]', id: 'l1' });
  });

  it('drops slots without a start, with a date-only start, or ending before they start', () => {
    const slot = (id: string, start: unknown, end: unknown) => ({
      resourceType: 'Slot',
      id,
      schedule: { reference: 'Schedule/s' },
      status: 'free',
      start,
      end,
    });
    const listing = slotsFromBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: slot('good', '2026-03-02T09:00:00-0600', '2026-03-02T09:30:00-06:00') },
        { resource: slot('no-start', undefined, '2026-03-02T09:30:00Z') },
        { resource: slot('date-only', '2026-03-02', '2026-03-03') },
        { resource: slot('backwards', '2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z') },
        { resource: { ...slot('void', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'), status: 'entered-in-error' } },
        { search: { mode: 'match' } },
        {
          resource: {
            resourceType: 'Schedule',
            id: 's',
            actor: [{ reference: 'Practitioner/p' }, { reference: 'Location/l' }],
          },
          search: { mode: 'include' },
        },
      ],
    });
    expect(listing.items).toEqual([
      {
        id: 'good',
        start: '2026-03-02T09:00:00-06:00',
        end: '2026-03-02T09:30:00-06:00',
        providerId: 'p',
        locationId: 'l',
        visitTypeIds: [],
        status: 'free',
      },
    ]);
    expect(listing.dropped.map((record) => record.field)).toEqual([
      'Bundle.entry[5]',
      'slots[1]',
      'slots[2]',
      'slots[3]',
    ]);
    expect(listing.dropped[3]!.reason).toContain('end is not after start');
  });

  it('refuses a read that answers with another resource type', async () => {
    const { base } = await serve({
      '/fhir/Practitioner/p1': (_req, res) => fhirJson(res, 200, { resourceType: 'Patient', id: 'p1' }),
    });
    const error = await failure(fhir(base).getProvider('p1'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('expected a Practitioner, got a Patient');
  });

  it('refuses a search answered with an OperationOutcome or with something that is not JSON', async () => {
    const { base } = await serve({
      '/fhir/Location': (_req, res) => fhirJson(res, 200, outcome('too-costly', 'Search too broad')),
      '/fhir/Questionnaire': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>maintenance</html>');
      },
    });
    const broad = await failure(fhir(base).listLocations());
    expect(broad.kind).toBe('invalid-response');
    expect(broad.message).toContain('Search too broad');
    expect((await failure(fhir(base).listSurveys())).kind).toBe('invalid-response');
  });
});

describe('hostile FHIR: paging and size', () => {
  it('ends paging at a next link to another host, keeping the pages read and saying so, without requesting it', async () => {
    const elsewhere = await serve({});
    const { base, hits } = await serve({
      '/fhir/Location': (_req, res) =>
        fhirJson(
          res,
          200,
          bundle([{ resourceType: 'Location', id: 'a', name: 'A' }], `${elsewhere.base}/Location?page=2&token=steal`),
        ),
    });
    const listing = await fhir(base).listLocations();
    expect(listing.items.map((location) => location.id)).toEqual(['a']);
    expect(listing.issues).toEqual([
      { code: 'paging-stopped', message: expect.stringContaining('leaves the FHIR server') },
    ]);
    expect(hits).toHaveLength(1);
    expect(elsewhere.hits).toEqual([]);
  });

  it('stops paging when a next link leads back to a page already read, and after maxPages', async () => {
    let served = 0;
    const { base } = await serve({
      '/fhir/Location': (_req, res, url) => {
        served++;
        const page = Number(url.searchParams.get('page') ?? 0);
        const next = url.searchParams.has('loop')
          ? url.href.replace('http://localhost', '')
          : `/fhir/Location?page=${page + 1}`;
        fhirJson(
          res,
          200,
          bundle(
            [{ resourceType: 'Location', id: `l${page}`, name: `L${page}` }],
            `http://${_req.headers.host}${next}`,
          ),
        );
      },
    });
    const capped = await fhir(base, { maxPages: 3 }).listLocations();
    expect(capped.items.map((location) => location.id)).toEqual(['l0', 'l1', 'l2']);
    expect(capped.dropped.at(-1)?.reason).toContain('stopped after 3 pages');
    expect(served).toBe(3);
  });

  it('stops reading a 50 MB response at the bound instead of holding it', async () => {
    let written = 0;
    const { base } = await serve({
      '/fhir/Location': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
        res.on('error', () => {});
        const chunk = 'x'.repeat(64 * 1024);
        res.write(
          '{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Location","id":"a","name":"',
        );
        const pump = () => {
          while (written < 50 * 1024 * 1024 && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('"}}]}');
        };
        pump();
      },
    });
    const error = await failure(fhir(base, { maxResponseBytes: 2 * 1024 * 1024 }).listLocations());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('larger than');
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('hostile FHIR: errors carrying OperationOutcomes', () => {
  it('puts the OperationOutcome text into the error and retries reads after a 500', async () => {
    const { base, hits } = await serve({
      '/fhir/Location': (_req, res) =>
        fhirJson(res, 500, {
          resourceType: 'OperationOutcome',
          issue: [
            { severity: 'warning', code: 'informational', diagnostics: 'slow disk' },
            { severity: 'error', code: 'exception', diagnostics: 'database\nunavailable' },
          ],
        }),
    });
    const error = await failure(fhir(base, { retries: 2 }).listLocations());
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(error.message).toContain('database unavailable; slow disk');
    expect(hits).toHaveLength(3);
  });

  it('maps 401, 403, 409, 412 and 422 to their kinds, with the server’s words, and never retries a create', async () => {
    const statuses: Record<string, number> = { '401': 401, '403': 403, '409': 409, '412': 412, '422': 422 };
    for (const [code, status] of Object.entries(statuses)) {
      const { base, hits } = await serve({
        'POST /fhir/QuestionnaireResponse': (_req, res) =>
          fhirJson(res, status, outcome('processing', `refused with ${code}`)),
      });
      const error = await failure(
        fhir(base).submitSurvey(
          { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: 'Questionnaire/q' },
          { idempotencyKey: `key-${code}` },
        ),
      );
      const kind = { 401: 'unauthorized', 403: 'unauthorized', 409: 'conflict', 412: 'conflict', 422: 'invalid-input' }[
        status
      ];
      expect(error).toMatchObject({ kind, status });
      expect(error.message).toContain(`refused with ${code}`);
      expect(hits.filter((hit) => hit.startsWith('POST'))).toHaveLength(1);
    }
  });

  it('reads OperationOutcome text from details, diagnostics or codings, worst first', () => {
    expect(
      operationOutcomeText({
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'information', code: 'informational', details: { coding: [{ display: 'FYI' }] } },
          { severity: 'fatal', code: 'exception' },
          { severity: 'error', code: 'invalid', details: { text: 'Slot.start is required' }, diagnostics: 'ignored' },
        ],
      }),
    ).toBe('exception; Slot.start is required; FYI');
    expect(operationOutcomeText({ resourceType: 'Patient' })).toBe('');
    expect(operationOutcomeText('x'.repeat(10))).toBe('');
  });
});
