// Helpers for the staff API's tests: accounts, signed-in clients (cookie and CSRF token as a browser sends them),
// API tokens, and patient data carrying a marker that must never show up in an error.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createStaff } from '../staff/accounts.js';
import type { Role } from '../staff/roles.js';
import { createApiToken } from '../staff/tokens.js';
import { bookingBody, post, type TestServer } from './server.js';

/** Typed into patient fields by the tests; no error body may ever contain it. */
export const PATIENT_MARKER = 'Zq7StaffSecret';
export const PASSWORD = 'correct horse battery staple';

let accounts = 0;

export async function addStaff(server: TestServer, role: Role, email = `${role}-${++accounts}@clinic.example`) {
  const account = await createStaff(
    server.db,
    { email, name: `Test ${role}`, role, password: PASSWORD },
    server.clock.now(),
  );
  return { ...account, password: PASSWORD };
}

/** A new API token's secret (`fdt_…`) and id. */
export async function addToken(server: TestServer, scopes: readonly string[], expiresInDays = 30) {
  const created = await createApiToken(server.db, { name: 'test', scopes, expiresInDays }, 'test', server.clock.now());
  return { token: created.token, id: created.id };
}

/** The value of the session cookie a response set (either name), or undefined. */
export function sessionCookie(response: Response): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const match = /^(?:__Host-)?fd_staff=([^;]*)/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

export interface StaffClient {
  cookie: string;
  csrfToken: string;
  /** A request as the console sends it: the cookie, the page's Origin, and the CSRF token on changes. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<StaffClient> {
  const response = await post(`${server.api}/staff/session`, { email, password }, { Origin: server.origin });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = sessionCookie(response)!;
  const client: StaffClient = {
    cookie,
    csrfToken,
    request(method, path, body, headers = {}) {
      return fetch(`${server.api}/staff${path}`, {
        method,
        headers: {
          Cookie: `fd_staff=${cookie}`,
          Origin: server.origin,
          ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async json(method, path, body) {
      const response = await client.request(method, path, body);
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text);
    },
  };
  return client;
}

export async function signInAs(server: TestServer, role: Role): Promise<StaffClient> {
  const account = await addStaff(server, role);
  return signIn(server, account.email);
}

/** Books the first free slots of a provider through the public API, for a patient whose name holds the marker. */
export async function bookSome(server: TestServer, providerId: string, count: number, start: string, end: string) {
  const slots = (await (
    await fetch(`${server.api}/slots?${new URLSearchParams({ start, end, providerId })}`)
  ).json()) as { data: { id: string; status: string; visitTypeIds: string[] }[] };
  const free = slots.data.filter((slot) => slot.status === 'free').slice(0, count);
  const types = (await (await fetch(`${server.api}/visit-types`)).json()) as {
    data: { id: string; patientType: string }[];
  };
  const forNew = new Set(types.data.filter((type) => type.patientType === 'new').map((type) => type.id));
  const ids: string[] = [];
  for (const slot of free) {
    const visitType = slot.visitTypeIds[0]!;
    const body = bookingBody(slot.id, visitType, forNew.has(visitType) ? 'new' : 'existing');
    body.patient.familyName = `${PATIENT_MARKER}-${randomBytes(3).toString('hex')}`;
    const key = `test-${randomBytes(12).toString('hex')}`;
    const response = await post(`${server.api}/bookings`, { ...body, idempotencyKey: key }, { 'Idempotency-Key': key });
    if (response.status !== 201) throw new Error(`booking answered ${response.status}: ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}

/**
 * Posts a survey response through the public API and ties it to a booking. Until the survey after a visit links
 * responses itself, the tie is written here as the invitation would write it.
 */
export async function answerSurvey(
  server: TestServer,
  surveyId: string,
  item: unknown[],
  bookingId?: string,
): Promise<string> {
  const key = `test-${randomBytes(12).toString('hex')}`;
  const response = await post(
    `${server.api}/surveys/${surveyId}/responses`,
    { resourceType: 'QuestionnaireResponse', status: 'completed', item },
    { 'Idempotency-Key': key },
  );
  if (response.status !== 201) throw new Error(`survey answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  if (bookingId) await server.db.query('update survey_responses set booking_id = $2 where id = $1', [id, bookingId]);
  return id;
}

export const nps = (score: number, comment?: string) => [
  { linkId: 'likelihood-to-recommend', answer: [{ valueInteger: score }] },
  ...(comment ? [{ linkId: 'comment', answer: [{ valueString: comment }] }] : []),
];

const SATISFACTION = 'https://demo.frontdesk.example/fhir/CodeSystem/satisfaction';
const CSAT_CODES = ['very-dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very-satisfied'];
export const csat = (rating: 1 | 2 | 3 | 4 | 5, comment?: string) => [
  { linkId: 'satisfaction', answer: [{ valueCoding: { system: SATISFACTION, code: CSAT_CODES[rating - 1] } }] },
  ...(comment ? [{ linkId: 'comment', answer: [{ valueString: comment }] }] : []),
];

const FREQUENCY = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
/** A PHQ-9 with the nine scores given (0 to 3 each). */
export const phq9 = (scores: readonly number[]) => [
  {
    linkId: 'phq-9-questions',
    item: scores.map((score, index) => ({
      linkId: `phq-9-${index + 1}`,
      answer: [{ valueCoding: { system: 'http://loinc.org', code: FREQUENCY[score] } }],
    })),
  },
];

export interface DocumentedOperation {
  operationId: string;
  'x-permission'?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

export const OPENAPI_TEXT = readFileSync(new URL('../../../../docs/openapi.yaml', import.meta.url), 'utf8');
export const OPENAPI = parse(OPENAPI_TEXT) as {
  paths: Record<string, Record<string, DocumentedOperation>>;
  components: Record<string, Record<string, unknown>>;
};

/** Every operation under `/staff/` in docs/openapi.yaml. */
export const STAFF_OPERATIONS = Object.entries(OPENAPI.paths)
  .filter(([path]) => path.startsWith('/staff/'))
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );

/** An RFC 4180 reader, strict: what a spreadsheet would read back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (char === '"' || char === '\n' || char === '\r') throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    else cell += char;
  }
  if (quoted || cell !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
