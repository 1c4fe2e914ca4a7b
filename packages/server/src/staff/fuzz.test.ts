import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';
import {
  addStaff,
  answerSurvey,
  bookSome,
  PATIENT_MARKER,
  phq9,
  STAFF_OPERATIONS,
  type StaffClient,
  signInAs,
} from '../test-support/staff.js';

/**
 * Property-based bad input for every staff operation, signed in as an admin (cookie and CSRF token), so the input
 * reaches the handlers: odd path ids, junk query strings, wrong bodies and content types, deep JSON. Every answer is
 * below 500 and no error carries the patient data the requests or the database hold.
 */
const RUNS_PER_OPERATION = 30;
const QUERY_NAMES = [
  'date',
  'from',
  'to',
  'timeZone',
  'providerId',
  'locationId',
  'status',
  'surveyId',
  'bookingId',
  'limit',
  'cursor',
  'actorId',
  'action',
  'resourceId',
];

const text = fc.oneof(
  fc.constantFrom(
    PATIENT_MARKER,
    `${PATIENT_MARKER}@x.example`,
    '',
    '%',
    '%00',
    'null',
    '2026-02-30',
    '9'.repeat(30),
    'America/Chicago',
    'a'.repeat(300),
  ),
  fc.string({ maxLength: 30 }).map((s) => `${s}${PATIENT_MARKER}`),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

const body = fc.oneof(
  fc
    .dictionary(
      fc.constantFrom(
        'attendance',
        'note',
        'retentionMonths',
        'email',
        'name',
        'role',
        'password',
        'disabled',
        'scopes',
        'expiresInDays',
        PATIENT_MARKER,
      ),
      value,
      { maxKeys: 4 },
    )
    .map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom('{', '[]', '"x"', `{"note":"${PATIENT_MARKER}\\u0000"}`, `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`),
);

describe.each(BACKENDS)('fuzzing every staff operation on %s', (backend) => {
  let server: TestServer;
  let admin: StaffClient;
  let ids: Record<string, string[]>;

  beforeAll(async () => {
    server = await startTestServer(backend);
    admin = await signInAs(server, 'admin');
    const bookings = await bookSome(server, 'rosa-delgado', 2, WINDOW.start, WINDOW.end);
    const response = await answerSurvey(server, 'phq-9', phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]), bookings[0]);
    const colleague = await addStaff(server, 'front-desk');
    ids = {
      bookingId: bookings,
      responseId: [response],
      staffId: [colleague.id],
      tokenId: ['tk-AAAAAAAAAAAAAAAAAAAAAA'],
    };
  }, 60_000);
  afterAll(() => server?.close());

  const operations = STAFF_OPERATIONS.filter((op) => !['staffSignOut'].includes(op.operation.operationId));

  it(`answers ${RUNS_PER_OPERATION} bad requests per operation below 500, echoing no patient data`, async () => {
    const failures: string[] = [];
    for (const { method, path } of operations) {
      const request = fc.record({
        segment: fc.oneof(text.map(encodeURIComponent), fc.constantFrom('%zz', '%E0%A4%A', '..', '%2F', 'bk-%00')),
        real: fc.boolean(),
        query: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES, PATIENT_MARKER), text), { maxLength: 5 }),
        body,
        type: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/json; charset=latin1',
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ segment, real, query, body: payload, type }) => {
          const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (real ? ids[name]![0]! : segment));
          const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const withBody = method !== 'GET' && method !== 'DELETE';
          const answer = await fetch(`${server.api}${url}${search ? `?${search}` : ''}`, {
            method,
            headers: {
              Cookie: `fd_staff=${admin.cookie}`,
              Origin: server.origin,
              'X-CSRF-Token': admin.csrfToken,
              ...(withBody ? { 'Content-Type': type } : {}),
            },
            body: withBody ? payload : undefined,
          });
          const text = await answer.text();
          if (answer.status >= 500) failures.push(`${method} ${path} -> ${answer.status}`);
          if (answer.status >= 400 && text.includes(PATIENT_MARKER))
            failures.push(`${method} ${path} echoed: ${text.slice(0, 200)}`);
          return failures.length === 0;
        }),
        { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
    // Still signed in and serving.
    expect((await admin.request('GET', '/session')).status).toBe(200);
  }, 240_000);
});
