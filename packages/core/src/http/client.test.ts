import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../../../../test/support/errors.js';
import {
  closeRecordingServers,
  type RecordingHandler,
  recordingServer,
} from '../../../../test/support/recording-server.js';
import { createHttpClient, type HttpClientOptions } from './client.js';

/** These tests read each request's path as the client wrote it (`/bookings`), so hits carry it as a string. */
const serve = async (handler: RecordingHandler) => {
  const server = await recordingServer(handler);
  return {
    url: server.origin,
    get hits() {
      return server.hits.map((hit) => ({ ...hit, url: hit.url.pathname + hit.url.search }));
    },
  };
};

afterEach(closeRecordingServers);

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function client(url: string, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ baseUrl: url, backoffBaseMs: 1, backoffMaxMs: 5, ...options });
}

describe('createHttpClient: successful requests', () => {
  it('returns parsed JSON, keeps the base path and sends string query values', async () => {
    const server = await serve((_req, res) => json(res, 200, { data: [1, 2] }));
    const http = client(`${server.url}/api/v1`);
    const body = await http.request('GET', '/slots', {
      query: { start: '2026-03-08T09:00:00-05:00', providerId: 'a b/c', locationId: undefined },
    });
    expect(body).toEqual({ data: [1, 2] });
    const url = new URL(server.hits[0]!.url, server.url);
    expect(url.pathname).toBe('/api/v1/slots');
    expect(Object.fromEntries(url.searchParams)).toEqual({ start: '2026-03-08T09:00:00-05:00', providerId: 'a b/c' });
    expect(server.hits[0]!.headers.accept).toBe('application/json');
  });

  it('returns undefined for 204 and for HEAD', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') json(res, 200, { ignored: true });
      else {
        res.writeHead(204);
        res.end();
      }
    });
    const http = client(server.url);
    expect(await http.request('DELETE', '/bookings/b1')).toBeUndefined();
    expect(await http.request('HEAD', '/organization')).toBeUndefined();
  });

  it('sends the bearer token from getHeaders on every attempt, asking again each time', async () => {
    const server = await serve((_req, res, _hit, index) => (index === 0 ? json(res, 502, {}) : json(res, 200, {})));
    let calls = 0;
    const http = client(server.url, {
      getHeaders: async () => ({ Authorization: `Bearer token-${++calls}` }),
    });
    await http.request('GET', '/organization');
    expect(server.hits.map((hit) => hit.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('reports a failing or invalid getHeaders without sending anything', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const throwing = client(server.url, {
      getHeaders: () => {
        throw new Error('no session');
      },
    });
    expect((await failure(throwing.request('GET', '/organization'))).kind).toBe('unauthorized');
    const bad = client(server.url, { getHeaders: () => ({ Authorization: 'Bearer secret\nX: y' }) });
    const error = await failure(bad.request('GET', '/organization'));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).not.toContain('secret');
    expect(server.hits).toHaveLength(0);
  });
});

describe('createHttpClient: retries', () => {
  it('retries a GET after a 500 and succeeds on the next attempt', async () => {
    const server = await serve((_req, res, _hit, index) =>
      index === 0 ? json(res, 500, { error: { message: 'boom' } }) : json(res, 200, { ok: true }),
    );
    expect(await client(server.url).request('GET', '/providers')).toEqual({ ok: true });
    expect(server.hits).toHaveLength(2);
  });

  it('gives up after the configured retries on a 503 that persists', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: { message: 'maintenance' } }));
    const error = await failure(client(server.url, { retries: 2 }).request('GET', '/providers'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.message).toContain('maintenance');
    expect(server.hits).toHaveLength(3);
  });

  it('retries a dropped connection on GET', async () => {
    const server = await serve((req, res, _hit, index) => {
      if (index === 0) req.socket.destroy();
      else json(res, 200, { ok: 1 });
    });
    expect(await client(server.url).request('GET', '/locations')).toEqual({ ok: 1 });
    expect(server.hits).toHaveLength(2);
  });

  it('reports a refused connection as a network error after retrying', async () => {
    const server = await serve(() => {});
    const { url } = server;
    await closeRecordingServers();
    const error = await failure(client(url, { retries: 1 }).request('GET', '/providers'));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('honours Retry-After on a 429, capped by maxRetryAfterMs', async () => {
    const server = await serve((_req, res, _hit, index) =>
      index === 0 ? json(res, 429, {}, { 'Retry-After': '120' }) : json(res, 200, { ok: true }),
    );
    const started = performance.now();
    await client(server.url, { maxRetryAfterMs: 150 }).request('GET', '/slots');
    const elapsed = performance.now() - started;
    expect(server.hits).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('never retries a POST and always sends its Idempotency-Key', async () => {
    const server = await serve((_req, res) => json(res, 500, {}));
    const http = client(server.url, { retries: 5 });
    const error = await failure(
      http.request('POST', '/bookings', { body: { slotId: 's1' }, idempotencyKey: 'key-0123456789abcdef' }),
    );
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(server.hits).toHaveLength(1);
    const [hit] = server.hits;
    expect(hit!.headers['idempotency-key']).toBe('key-0123456789abcdef');
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hit!.body)).toEqual({ slotId: 's1' });
    expect(hit!.url).toBe('/bookings');
  });

  it('refuses a POST without an idempotency key before sending it', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const error = await failure(client(server.url).request('POST', '/bookings', { body: {} }));
    expect(error.kind).toBe('invalid-input');
    expect(error.field).toBe('idempotencyKey');
    const badKey = await failure(client(server.url).request('POST', '/bookings', { body: {}, idempotencyKey: 'a\nb' }));
    expect(badKey.field).toBe('idempotencyKey');
    expect(server.hits).toHaveLength(0);
  });
});

describe('createHttpClient: failures', () => {
  it('times out a server that never answers, per attempt', async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const error = await failure(client(server.url, { timeoutMs: 80, retries: 1 }).request('GET', '/providers'));
    expect(error.kind).toBe('timeout');
    expect(server.hits).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reports malformed JSON as invalid-response without retrying', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"data": [1, 2');
    });
    const error = await failure(client(server.url).request('GET', '/providers'));
    expect(error.kind).toBe('invalid-response');
    expect(server.hits).toHaveLength(1);
  });

  it.each([
    [400, 'invalid-input'],
    [422, 'invalid-input'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [409, 'conflict'],
    [412, 'conflict'],
    [418, 'http'],
  ])('maps HTTP %i to %s without retrying', async (status, kind) => {
    const server = await serve((_req, res) => json(res, status, { error: { message: `status ${status}` } }));
    const error = await failure(client(server.url).request('GET', '/providers/p1'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`status ${status}`);
    expect(server.hits).toHaveLength(1);
  });

  it('keeps at most 300 characters of a server error message', async () => {
    const server = await serve((_req, res) => json(res, 409, { error: { message: 'x'.repeat(5_000) } }));
    const error = await failure(client(server.url).request('GET', '/slots'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('x'.repeat(300));
    expect(error.message).not.toContain('x'.repeat(301));
  });

  it('stops reading a streamed body past maxResponseBytes', async () => {
    let written = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.on('error', () => {});
      const chunk = Buffer.alloc(64 * 1024, 'a');
      res.write('["');
      const pump = () => {
        // Up to 20 MB, but stop as soon as the client hangs up.
        while (!res.destroyed && written < 20 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end('"]');
      };
      pump();
    });
    const error = await failure(client(server.url, { maxResponseBytes: 1024 * 1024 }).request('GET', '/providers'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('larger than');
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect(server.hits).toHaveLength(1);
  });

  it('refuses a declared Content-Length past the bound before reading', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) });
      res.on('error', () => {});
      res.write('[');
    });
    const error = await failure(client(server.url, { maxResponseBytes: 1024 }).request('GET', '/providers'));
    expect(error.kind).toBe('invalid-response');
  });
});

describe('createHttpClient: abort', () => {
  it('aborts a request in flight', async () => {
    const controller = new AbortController();
    // Aborted once the server has the request (never answered): a fixed delay lost the race on a loaded machine.
    const server = await serve(() => controller.abort());
    const pending = client(server.url).request('GET', '/providers', { signal: controller.signal });
    expect((await failure(pending)).kind).toBe('aborted');
    expect(server.hits).toHaveLength(1);
  });

  it('aborts during backoff without another attempt', async () => {
    const server = await serve((_req, res) => json(res, 503, {}));
    const controller = new AbortController();
    const http = client(server.url, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 });
    const started = performance.now();
    const pending = http.request('GET', '/providers', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(pending)).kind).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(server.hits).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const error = await failure(client(server.url).request('GET', '/providers', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    expect(server.hits).toHaveLength(0);
  });
});

describe('createHttpClient: URLs', () => {
  it.each([
    'http://example.org',
    'http://localhost.example.org',
    'ftp://localhost',
    'not a url',
    'https://u:p@example.org',
  ])('refuses %s', (baseUrl) => {
    expect(() => createHttpClient({ baseUrl })).toThrowError(
      expect.objectContaining({ kind: 'invalid-input', field: 'baseUrl' }),
    );
  });

  it.each([
    'https://api.example.org/v1',
    'http://localhost:8080',
    'http://127.0.0.1:3000/api',
    'http://127.9.8.7',
    'http://[::1]:9000',
  ])('allows %s', (baseUrl) => {
    expect(createHttpClient({ baseUrl }).baseUrl.endsWith('/')).toBe(true);
  });

  it('refuses options of the wrong type from untyped configuration', () => {
    for (const options of [{ timeoutMs: '5000' }, { retries: -1 }, { getHeaders: 'Bearer x' }, { fetch: {} }]) {
      const untyped = { baseUrl: 'https://api.example.org', ...options } as unknown as HttpClientOptions;
      expect(() => createHttpClient(untyped)).toThrowError(expect.objectContaining({ kind: 'invalid-input' }));
    }
  });

  it('refuses paths that leave the base path and non-string query values', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const http = client(`${server.url}/api`);
    expect((await failure(http.request('GET', '/../admin'))).field).toBe('path');
    expect((await failure(http.request('GET', 'providers'))).field).toBe('path');
    expect((await failure(http.request('GET', '/providers?x=1'))).field).toBe('path');
    const query = { start: 5 } as unknown as Record<string, string>;
    expect((await failure(http.request('GET', '/slots', { query }))).field).toBe('query.start');
    expect(server.hits).toHaveLength(0);
  });
});

describe('createHttpClient: redirects and bodies', () => {
  it('never re-sends a POST to where a redirect points, and says why', async () => {
    const elsewhere = await serve((_req, res) => json(res, 201, { id: 'forged' }));
    const server = await serve((_req, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/bookings` });
      res.end();
    });
    const error = await failure(
      client(server.url).request('POST', '/bookings', { body: { a: 1 }, idempotencyKey: 'k1' }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 307 });
    expect(error.message).toContain('a POST is never redirected');
    expect(server.hits).toHaveLength(1);
    expect(elsewhere.hits).toEqual([]);
  });

  it('follows a GET redirect on the same origin and refuses one to another origin', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, { forged: true }));
    const server = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(301, { Location: '/new' });
        res.end();
      } else if (req.url === '/away') {
        res.writeHead(302, { Location: `${elsewhere.url}/data` });
        res.end();
      } else json(res, 200, { moved: true });
    });
    const http = client(server.url);
    expect(await http.request('GET', '/old')).toEqual({ moved: true });
    const error = await failure(http.request('GET', '/away'));
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(error.message).toContain('another origin');
    expect(elsewhere.hits).toEqual([]);
  });

  it('reads a 201 without a body as success, with its status and headers through send()', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(201, { Location: '/bookings/b7' });
      res.end();
    });
    const http = client(server.url);
    expect(await http.request('POST', '/bookings', { body: {}, idempotencyKey: 'k2' })).toBeUndefined();
    const sent = await http.send({ method: 'POST', url: new URL('/bookings', server.url), body: {}, retry: 'never' });
    expect(sent.status).toBe(201);
    expect(sent.headers.get('location')).toBe('/bookings/b7');
    expect(sent.body).toBeUndefined();
  });

  it('retries a POST only when its policy says the server deduplicates it', async () => {
    const server = await serve((_req, res, _hit, index) => (index === 0 ? json(res, 503, {}) : json(res, 200, {})));
    const http = client(server.url);
    const url = new URL('/bookings', server.url);
    expect((await failure(http.send({ method: 'POST', url, body: {} }))).status).toBe(503);
    await http.send({ method: 'POST', url, body: {}, idempotencyKey: 'k3', retry: 'idempotent' });
    expect(server.hits.map((hit) => hit.headers['idempotency-key'])).toEqual([undefined, 'k3']);
  });

  it('refuses a body that cannot be serialized (cyclic or nested past the stack) as invalid input', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    let deep: unknown = {};
    for (let i = 0; i < 200_000; i++) deep = { item: [deep] };
    const error = await failure(client(server.url).request('POST', '/x', { body: deep, idempotencyKey: 'k4' }));
    expect(error).toMatchObject({ kind: 'invalid-input', field: 'body' });
    expect(server.hits).toHaveLength(0);
  });
});

describe('createHttpClient: identical GETs in flight', () => {
  it('sends one request for callers asking for the same URL at once, each with its own copy', async () => {
    const server = await serve((_req, res) => setTimeout(() => json(res, 200, { id: 'org', name: 'Clinic' }), 50));
    const http = client(server.url);
    const [a, b, c] = await Promise.all([
      http.request('GET', '/organization'),
      http.request('GET', '/organization'),
      http.request('GET', '/locations'),
    ]);
    expect(a).toEqual({ id: 'org', name: 'Clinic' });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(c).toEqual(a);
    expect(server.hits.map((hit) => hit.url).sort()).toEqual(['/locations', '/organization']);
    // Once answered, the next caller asks again.
    await http.request('GET', '/organization');
    expect(server.hits).toHaveLength(3);
  });

  it('keeps the request for the callers still waiting when one aborts, and aborts it when all have', async () => {
    const server = await serve((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 100));
    const http = client(server.url);
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = http.request('GET', '/organization', { signal: leaving.signal });
    const stayed = http.request('GET', '/organization', { signal: staying.signal });
    setTimeout(() => leaving.abort(), 20);
    expect((await failure(left)).kind).toBe('aborted');
    expect(await stayed).toEqual({ ok: true });
    expect(server.hits).toHaveLength(1);

    const first = new AbortController();
    const second = new AbortController();
    const both = [first, second].map((c) => http.request('GET', '/locations', { signal: c.signal }));
    setTimeout(() => {
      first.abort();
      second.abort();
    }, 20);
    for (const pending of both) expect((await failure(pending)).kind).toBe('aborted');
    // A caller after everyone gave up starts a fresh request rather than joining the aborted one.
    expect(await http.request('GET', '/locations')).toEqual({ ok: true });
    expect(server.hits.filter((hit) => hit.url === '/locations')).toHaveLength(2);
  });

  it('shares a failure with every caller', async () => {
    const server = await serve((_req, res) => json(res, 404, { error: { message: 'no such provider' } }));
    const http = client(server.url);
    const errors = await Promise.all([1, 2].map(() => failure(http.request('GET', '/providers/x'))));
    expect(errors.map((error) => error.kind)).toEqual(['not-found', 'not-found']);
    expect(server.hits).toHaveLength(1);
  });
});
