import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freshPostgres, type ServerProcess, spawnServer } from './test-support/server.js';

/**
 * Property-based bad input for every operation in docs/openapi.yaml, sent to a real server process as raw HTTP:
 * odd methods, malformed paths and percent-encoding, junk query strings, wrong and odd content types, random bytes,
 * deep and huge JSON, and near-valid requests with one part broken. The server must answer every one with a status
 * below 500, stay alive, and never put the patient data it was sent into an error.
 */
/** 12 operations x (600 + 300) = 10,800 requests in all, on both databases. */
const RUNS_PER_OPERATION = { postgres: 600, pglite: 300 } as const;
let sentInAll = 0;
const SECRET = 'Zq7PatientSecret';

const document = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { operationId: string; parameters?: { name?: string; in?: string; $ref?: string }[] }>
  >;
};
/** The public operations; the staff API is fuzzed signed in, by src/staff/fuzz.test.ts. */
const operations = Object.entries(document.paths)
  .filter(([path]) => !path.startsWith('/staff/'))
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

/**
 * Sends one request; a server that answers before reading a large body may close the connection while the client
 * still writes it (plain HTTP behaviour): that is a reset, counted but not a failure, as long as the server lives.
 */
function send(origin: string, request: Sent): Promise<{ status: number | 'reset'; body: string }> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let status: number | undefined;
    const req = httpRequest(
      { host: '127.0.0.1', port, method: request.method, path: request.path, headers: request.headers },
      (res) => {
        status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: status ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
        res.on('error', () => resolve({ status: status ?? 'reset', body: Buffer.concat(chunks).toString('latin1') }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: status ?? 'reset', body: '' });
      else reject(error);
    });
    req.setTimeout(20_000, () => req.destroy(new Error('timed out')));
    req.end(request.body);
  });
}

/** Text a patient would type, with the marker inside: it must never come back in an error. */
const patientText = fc.oneof(
  fc.constant(SECRET),
  fc.string({ maxLength: 8 }).map((s) => `${s}${SECRET}${s}`),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => `${SECRET}${s}`),
);

const segment = fc.oneof(
  fc.constantFrom('%', '%E0%A4%A', '%zz', '%2e%2e', '..', '%00', '%2F', '%C0%AF', 'rosa-delgado', '', 'a'.repeat(300)),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.stringMatching(/^[A-Za-z0-9%._~-]{0,30}$/),
);

const queryPart = fc.oneof(
  fc.constantFrom(
    'start=2026-03-02T00:00:00Z&end=2099-01-01T00:00:00Z',
    'start=0000-00-00T00:00:00Z&end=9999-12-31T23:59:59Z',
    'start=2026-03-02T00:00:00-06:00&end=2026-03-09T00:00:00-06:00&providerId=%',
    'service=99213&planId=%ZZ',
    'service=',
    'start[]=1&start[]=2',
    '%=%',
  ),
  fc
    .dictionary(fc.stringMatching(/^[A-Za-z%[\]]{1,12}$/), fc.string({ unit: 'grapheme', maxLength: 40 }))
    .map((entries) =>
      Object.entries(entries)
        .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
        .join('&'),
    ),
);

const patient = fc.record(
  {
    givenName: fc.oneof(patientText, fc.anything()),
    familyName: fc.oneof(patientText, fc.integer()),
    birthDate: fc.oneof(fc.constantFrom('1980-02-30', '1980-13-01', `19${SECRET}`), fc.string()),
    phone: fc.oneof(patientText, fc.constant('+1 555 0100')),
    email: fc.oneof(patientText, fc.constant(`${SECRET}@example.com`)),
    reason: fc.oneof(patientText, fc.string({ maxLength: 2000 })),
    patientType: fc.constantFrom('new', 'existing', SECRET, 7),
  },
  { requiredKeys: [] },
);

const deep = fc.integer({ min: 50, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

function bodies(slotIds: string[]) {
  const booking = fc.record(
    {
      slotId: fc.oneof(fc.constantFrom(...slotIds), fc.string()),
      visitTypeId: fc.oneof(fc.constantFrom('new-patient', 'pt-evaluation', 'follow-up'), fc.string()),
      patient,
      consent: fc.oneof(fc.record({ terms: fc.boolean(), contact: fc.anything() }), fc.anything()),
      idempotencyKey: fc.string(),
    },
    { requiredKeys: [] },
  );
  const answer = fc.oneof(
    fc.record({ valueInteger: fc.oneof(fc.integer(), fc.double()) }),
    fc.record({ valueString: patientText }),
    fc.record({ valueCoding: fc.record({ code: fc.string(), display: patientText }) }),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(patientText, fc.anything())),
  );
  const item = fc.record({
    linkId: fc.oneof(
      fc.constantFrom('likelihood-to-recommend', 'phq-9-questions', 'comment', 'satisfaction'),
      patientText,
    ),
    answer: fc.array(answer, { maxLength: 3 }),
  });
  const response = fc.record(
    {
      resourceType: fc.constantFrom('QuestionnaireResponse', 'Patient', SECRET),
      status: fc.constantFrom('completed', 'in-progress', 'nope'),
      questionnaire: fc.oneof(fc.constantFrom('Questionnaire/post-visit-nps', 'Questionnaire/phq-9'), patientText),
      item: fc.oneof(fc.array(item, { maxLength: 4 }), fc.anything()),
      extra: patientText,
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    booking.map((value) => JSON.stringify(value)),
    response.map((value) => JSON.stringify(value)),
    fc.json({ maxDepth: 6 }),
    fc.anything({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? 'null'),
    deep,
    fc.constantFrom('', '{', '[]', 'null', '{"slotId":', '\u0000', `{"patient":{"givenName":"${SECRET}"`),
    fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => JSON.stringify({ note: `${text}${SECRET}` })),
    fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc
      .integer({ min: 90_000, max: 400_000 })
      .map((size) => JSON.stringify({ padding: SECRET.repeat(size / SECRET.length) })),
  );
}

function requests(slotIds: string[]) {
  return (operation: (typeof operations)[number]) =>
    fc
      .record({
        method: fc.oneof(
          fc.constant(operation.method),
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        ),
        params: fc.array(segment, { minLength: 1, maxLength: 2 }),
        query: fc.option(queryPart, { nil: undefined }),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/json; charset=utf-16',
          'application/json; charset="latin1"',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/fhir+json',
          'multipart/form-data; boundary=x',
        ),
        key: fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/),
          fc.constantFrom('', ' ', 'x'.repeat(300), SECRET),
          fc.string({ maxLength: 20 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
        ),
        body: bodies(slotIds),
        origin: fc.option(fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1'), { nil: undefined }),
      })
      .map(({ method, params, query, contentType, key, body, origin }): Sent => {
        let index = 0;
        const path = `/api${operation.path.replace(/\{[^}]+\}/g, () => params[index++ % params.length] ?? '')}${query ? `?${query}` : ''}`;
        const withBody = method !== 'GET' && method !== 'HEAD';
        return {
          method,
          path,
          headers: {
            'Content-Type': contentType,
            'Idempotency-Key': key,
            ...(origin ? { Origin: origin } : {}),
          },
          body: withBody ? Buffer.from(body, 'latin1') : undefined,
        };
      });
}

describe.each(['postgres', 'pglite'] as const)('fuzzing every operation of docs/openapi.yaml on %s', (backend) => {
  let server: ServerProcess;
  let sent = 0;
  let resets = 0;
  const runs = RUNS_PER_OPERATION[backend];
  const dir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'frontdesk-fuzz-')) : undefined;
  beforeAll(async () => {
    server = await spawnServer([
      ...(dir ? ['--data', dir] : ['--database-url', await freshPostgres()]),
      '--seed',
      'demo',
      '--rate-limit-bookings',
      '0',
      '--rate-limit-surveys',
      '0',
      '--quiet',
    ]);
  }, 60_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`answers ${runs} bad requests per operation below 500, never echoing patient data`, async () => {
    const start = new Date().toISOString();
    const end = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const listed = (await (
      await fetch(`${server.origin}/api/slots?${new URLSearchParams({ start, end })}`)
    ).json()) as {
      data: { id: string }[];
    };
    const slotIds = listed.data.slice(0, 200).map((slot) => slot.id);
    const failures: string[] = [];
    await Promise.all(
      operations.map((operation) =>
        fc.assert(
          fc.asyncProperty(requests(slotIds)(operation), async (request) => {
            const answer = await send(server.origin, request);
            sent++;
            if (answer.status === 'reset') {
              resets++;
              return true;
            }
            if (answer.status >= 500 || answer.status < 100) {
              failures.push(`${request.method} ${request.path.slice(0, 80)} -> ${answer.status}`);
            }
            if (answer.status >= 400 && answer.body.includes(SECRET)) {
              failures.push(
                `${request.method} ${request.path.slice(0, 80)} echoed patient data: ${answer.body.slice(0, 200)}`,
              );
            }
            return failures.length === 0;
          }),
          { numRuns: runs, endOnFailure: true },
        ),
      ),
    ).catch((error: unknown) => {
      failures.push(String(error).slice(0, 3000));
    });
    expect(failures).toEqual([]);
    expect(sent).toBe(runs * operations.length);
    sentInAll += sent;
    // Only oversized bodies the server refused before reading them end in a reset, and those are few.
    expect(resets).toBeLessThan(sent / 10);
    // Still alive and serving.
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.origin}/api/organization`)).status).toBe(200);
  }, 300_000);
});

afterAll(() => {
  // The issue's floor: at least 10,000 fuzzed requests per run.
  expect(sentInAll).toBeGreaterThanOrEqual(10_000);
});
