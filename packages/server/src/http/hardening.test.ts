import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempPostgres } from '../../test-support/temp-postgres.mjs';
import { bookingBody, post, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';

/** A request exactly as written, bypassing fetch's own URL and header clean-up. */
function raw(origin: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const { hostname, port } = new URL(origin);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function firstSlot(server: TestServer, providerId = 'rosa-delgado'): Promise<string> {
  const query = new URLSearchParams({ ...WINDOW, providerId });
  const slots = (await (await fetch(`${server.api}/slots?${query}`)).json()) as { data: { id: string }[] };
  return slots.data[0]!.id;
}

describe('the server under bad input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { maxBodyBytes: 20_000 });
  }, 60_000);
  afterAll(() => server?.close());

  it('answers malformed paths and percent-encoding with a 4xx and lives on', async () => {
    for (const path of [
      '/%',
      '/api/%',
      '/api/providers/%E0%A4%A',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/providers/..%2f',
      '//evil.example/x',
    ]) {
      const answer = await raw(server.origin, 'GET', path);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
    }
    expect((await fetch(`${server.api}/organization`)).status).toBe(200);
  });

  it('refuses bodies that are not JSON, not UTF-8, too deep or too big, without echoing them', async () => {
    const slotId = await firstSlot(server);
    const key = { 'Idempotency-Key': 'hardening-key-000000001' };
    const url = `${server.api}/bookings`;
    expect((await post(url, '{"slotId":', key)).status).toBe(400);
    expect((await post(url, [], key)).status).toBe(400);
    const deep = `${'['.repeat(50_00)}${']'.repeat(50_00)}`;
    expect((await post(url, deep, key)).status).toBe(400);
    const deepObject = JSON.stringify(JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`));
    expect((await post(url, deepObject, key)).status).toBe(400);
    expect(
      (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...key }, body: '{}' })).status,
    ).toBe(415);
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-16', ...key },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    const big = await post(url, { ...bookingBody(slotId, 'new-patient'), padding: 'x'.repeat(30_000) }, key);
    expect(big.status).toBe(413);
    // Undeclared length (chunked): cut off while reading.
    const chunked = await raw(
      server.origin,
      'POST',
      '/api/bookings',
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...key },
      JSON.stringify({ padding: 'y'.repeat(40_000) }),
    );
    expect(chunked.status).toBe(413);
    const odd = await post(
      url,
      { ...bookingBody(slotId, 'new-patient'), patient: { givenName: '\u0000\uFFFF\uD800' } },
      key,
    );
    expect(odd.status).toBe(400);
    // Valid JSON that PostgreSQL could not store: a NUL byte, half a surrogate pair.
    for (const name of ['Ja\u0000ne', 'Ja\ud800ne']) {
      const unstorable = {
        ...bookingBody(slotId, 'new-patient'),
        patient: { ...bookingBody(slotId, 'new-patient').patient, familyName: name },
      };
      const answer = await post(url, unstorable, key);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error.field).toBe('body');
    }
    const bad = bookingBody(slotId, 'new-patient');
    bad.patient.birthDate = '1980-13-45';
    const invalid = await post(url, bad, key);
    expect(invalid.status).toBe(400);
    const text = await invalid.text();
    expect(JSON.parse(text).error.field).toBe('request.patient.birthDate');
    expect(text).not.toContain('1980');
    expect(text).not.toContain('Jane');
    expect((await post(url, bookingBody(slotId, 'new-patient'))).status).toBe(400);
    const differs = await post(
      url,
      { ...bookingBody(slotId, 'new-patient'), idempotencyKey: 'another-key-0000000001' },
      key,
    );
    expect((await differs.json()).error.field).toBe('request.idempotencyKey');
  });

  it('caps slot windows and validates slot queries', async () => {
    const ask = (query: Record<string, string>) => fetch(`${server.api}/slots?${new URLSearchParams(query)}`);
    expect((await ask({ end: WINDOW.end })).status).toBe(400);
    const backwards = await ask({ start: WINDOW.end, end: WINDOW.start });
    expect((await backwards.json()).error.field).toBe('query.end');
    const tooLong = await ask({ start: '2026-01-01T00:00:00Z', end: '2027-01-03T00:00:00Z' });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.message).toContain('366 days');
    expect((await ask({ ...WINDOW, providerId: '<script>' })).status).toBe(400);
    // A year is allowed, but nothing past the clinic's horizon (90 days) is offered.
    const year = (await (await ask({ start: WINDOW.start, end: '2027-03-01T00:00:00Z' })).json()) as {
      data: { start: string }[];
    };
    expect(Date.parse(year.data.at(-1)!.start) - Date.parse(WINDOW.start)).toBeLessThan(91 * 86_400_000);
  });

  it('answers other methods with 405 and Allow, HEAD without a body, unknown paths with 404', async () => {
    const wrong = await fetch(`${server.api}/providers`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${server.api}/bookings`)).headers.get('allow')).toBe('POST');
    const head = await fetch(`${server.api}/organization`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${server.api}/nowhere`)).status).toBe(404);
    expect((await fetch(`${server.origin}/nowhere`)).status).toBe(404);
  });
});

describe('security headers, compression, CORS, rate limits and logs', () => {
  let server: TestServer;
  const allowed = 'https://www.clinic.example';
  beforeAll(async () => {
    server = await startTestServer('pglite', {
      corsOrigins: [allowed],
      rateLimits: { bookings: { perMinute: 2 }, surveyResponses: { perMinute: 1 } },
    });
  }, 60_000);
  afterAll(() => server?.close());

  it('sends security headers and no HSTS on plain HTTP', async () => {
    const answer = await fetch(`${server.api}/organization`);
    const headers = Object.fromEntries(answer.headers);
    expect(headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-request-id']).toMatch(/^[\w-]+$/);
    expect(headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await startTestServer('pglite', { trustProxy: true });
    try {
      const proxied = await fetch(`${behindProxy.api}/organization`);
      expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await behindProxy.close();
    }
  });

  it('compresses large answers for clients that accept it', async () => {
    const answer = await raw(server.origin, 'GET', `/api/slots?${new URLSearchParams(WINDOW)}`, {
      'Accept-Encoding': 'gzip',
    });
    expect(answer.headers['content-encoding']).toBe('gzip');
    const small = await raw(server.origin, 'GET', '/api/organization', { 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it("answers CORS for the clinic's origins only, and refuses a POST from any other", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.api}/bookings`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
    const yes = await preflight(allowed);
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(yes.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const foreign = await post(
      `${server.api}/bookings`,
      {},
      { Origin: 'https://evil.example', 'Idempotency-Key': 'x' },
    );
    expect(foreign.status).toBe(403);
    // A page this very host serves (the demo site) is no foreign origin, behind a proxy too.
    const own = await post(
      `${server.api}/bookings`,
      {},
      { Origin: server.origin, 'Idempotency-Key': 'own-origin-key-0001' },
    );
    expect(own.status).toBe(400);
    const read = await fetch(`${server.api}/providers`, { headers: { Origin: allowed } });
    expect(read.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('limits bookings per client with 429 and Retry-After, by the clock', async () => {
    server.clock.advance(60_000);
    const slotId = await firstSlot(server, 'tomas-rivera');
    const attempt = (n: number) =>
      post(`${server.api}/bookings`, bookingBody(slotId, 'pt-evaluation'), {
        'Idempotency-Key': `rate-limit-key-${n}00000`,
      });
    expect((await attempt(1)).status).toBe(201);
    expect((await attempt(2)).status).toBe(409);
    const limited = await attempt(3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    server.clock.advance(60_000);
    expect((await attempt(4)).status).toBe(409);
  });

  it('logs one JSON line per request: id, method, route pattern, status, time; no path, query or patient data', async () => {
    server.logs.length = 0;
    await fetch(`${server.api}/providers/rosa-delgado?secret=query`);
    await post(
      `${server.api}/surveys/post-visit-nps/responses`,
      {
        resourceType: 'QuestionnaireResponse',
        status: 'completed',
        item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 7 }] }],
        note: 'Jane Doe 1980-02-03',
      },
      { 'Idempotency-Key': 'log-test-1' },
    );
    const lines = server.logs.filter((line) => line.msg === 'request');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/api/providers/:providerId', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'POST', route: '/api/surveys/:surveyId/responses', status: 400 });
    for (const line of lines) {
      expect(line.requestId).toMatch(/^[\w-]+$/);
      expect(typeof line.ms).toBe('number');
    }
    const text = JSON.stringify(server.logs);
    // The birth date in full: a bare '1980' also turns up by chance in request ids and timings.
    for (const secret of ['rosa-delgado', 'secret', 'query', 'Jane', 'Doe', '1980-02-03']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('a database that goes away', () => {
  it('answers 503 with Retry-After, logs no detail, and the server lives on', async () => {
    const postgres = await startTempPostgres();
    const server = await startTestServer('postgres', { databaseUrl: postgres.url });
    try {
      expect((await fetch(`${server.api}/providers`)).status).toBe(200);
      postgres.stop();
      const answer = await fetch(`${server.api}/providers`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(server.logs.some((line) => line.msg === 'database unavailable')).toBe(true);
      expect((await fetch(`${server.api}/organization`)).status).toBe(200);
    } finally {
      postgres.stop();
      await server.close();
    }
  }, 60_000);
});
