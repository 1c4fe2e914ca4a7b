import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../idempotency.js';
import { BACKENDS, post, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';
import { addStaff, bookSome, PASSWORD, sessionCookie, signIn } from '../test-support/staff.js';
import { updateStaff } from './accounts.js';
import { STAFF_ROUTES } from './routes.js';

/**
 * Session security, on both databases: cookie flags, only a hash of the session id stored, no fixation, CSRF and
 * origin checks on every state-changing call, idle and absolute expiry, sign-out, and failed sign-ins slowed then
 * locked per account and per client (alike for addresses with no account), all on the server's moved clock.
 */
const MINUTE = 60_000;

function signInRequest(server: TestServer, email: string, password: string, headers: Record<string, string> = {}) {
  return post(`${server.api}/staff/session`, { email, password }, { Origin: server.origin, ...headers });
}

const withCookie = (server: TestServer, cookie: string, name = 'fd_staff') =>
  fetch(`${server.api}/staff/session`, { headers: { Cookie: `${name}=${cookie}` } });

describe.each(BACKENDS)('staff sessions on %s', (backend) => {
  let server: TestServer;
  let proxied: TestServer;

  beforeAll(async () => {
    [server, proxied] = await Promise.all([startTestServer(backend), startTestServer(backend, { trustProxy: true })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([server?.close(), proxied?.close()]);
  });

  /** The seconds a refused (429) sign-in is told to wait. */
  const retryAfter = (response: Response) => {
    expect(response.status).toBe(429);
    return Number(response.headers.get('Retry-After'));
  };
  /** A sign-in to the server behind a proxy, from `client` (its X-Forwarded-For). */
  const signInFrom = (client: string, email: string, password = PASSWORD) =>
    signInRequest(proxied, email, password, { 'X-Forwarded-For': client });
  /** The status of each of `count` sign-ins from `client` (the n-th as `emailOf(n)`), the clock moved `gapMs` before each. */
  const statusesFrom = async (
    client: string,
    count: number,
    gapMs: number,
    emailOf: (n: number) => string,
    password?: string,
  ) => {
    const statuses: number[] = [];
    for (let n = 0; n < count; n++) {
      proxied.clock.advance(gapMs);
      statuses.push((await signInFrom(client, emailOf(n), password)).status);
    }
    return statuses;
  };

  it('stores an argon2id hash of the password and sets an HttpOnly, SameSite=Strict cookie for the whole site', async () => {
    const account = await addStaff(server, 'admin');
    const stored = await server.db.query<{ password_hash: string }>(
      'select password_hash from staff_accounts where id = $1',
      [account.id],
    );
    expect(stored.rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.rows[0]!.password_hash).not.toContain(PASSWORD);

    const response = await signInRequest(server, account.email.toUpperCase(), PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^fd_staff=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    // Plain HTTP on localhost: no Secure flag (a browser would drop a Secure cookie sent over http).
    expect(cookie).not.toContain('Secure');
    const body = (await response.json()) as { csrfToken: string; staff: { id: string }; idleExpiresAt: string };
    expect(body.staff.id).toBe(account.id);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.idleExpiresAt).toBe(new Date(server.clock.now() + 30 * MINUTE).toISOString());

    // Only the SHA-256 of the session id is kept: the cookie's value is nowhere in the database.
    const id = sessionCookie(response)!;
    const rows = await server.db.query<{ id_sha256: string }>('select id_sha256 from staff_sessions');
    expect(rows.rows.map((row) => row.id_sha256)).toContain(sha256(id));
    const dump = await server.db.query<{ t: string }>('select row_to_json(s)::text as t from staff_sessions s');
    expect(dump.rows.some((row) => row.t.includes(id))).toBe(false);
    expect(dump.rows.some((row) => row.t.includes(body.csrfToken))).toBe(false);
  });

  it('behind HTTPS (--trust-proxy) sets a Secure __Host- cookie, and reads only that one', async () => {
    const account = await addStaff(proxied, 'front-desk');
    const response = await signInFrom('198.51.100.20', account.email);
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^__Host-fd_staff=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const id = sessionCookie(response)!;
    expect((await withCookie(proxied, id, '__Host-fd_staff')).status).toBe(200);
    expect((await withCookie(proxied, id, 'fd_staff')).status).toBe(401);
  });

  it('never keeps the session id a browser brought: sign-in issues a new one and ends the old (fixation)', async () => {
    const victim = await addStaff(server, 'clinician');
    const attacker = await addStaff(server, 'front-desk');
    const planted = randomBytes(32).toString('base64url');
    const first = await signInRequest(server, victim.email, PASSWORD, { Cookie: `fd_staff=${planted}` });
    const issued = sessionCookie(first)!;
    expect(issued).not.toBe(planted);
    expect((await withCookie(server, planted)).status).toBe(401);

    // An attacker's own live session planted in the victim's browser is ended, not handed to the victim.
    const own = await signIn(server, attacker.email);
    const second = await signInRequest(server, victim.email, PASSWORD, { Cookie: `fd_staff=${own.cookie}` });
    const victimCookie = sessionCookie(second)!;
    expect(victimCookie).not.toBe(own.cookie);
    expect((await withCookie(server, own.cookie)).status).toBe(401);
    const mine = (await (await withCookie(server, victimCookie)).json()) as { staff: { id: string } };
    expect(mine.staff.id).toBe(victim.id);
  });

  const unsafe = STAFF_ROUTES.filter((route) => route.method !== 'GET' && route.permission !== 'public');

  it(`refuses each of the ${unsafe.length} state-changing calls made with the cookie without the CSRF token or from another origin`, async () => {
    const admin = await signIn(server, (await addStaff(server, 'admin')).email);
    const other = await signIn(server, (await addStaff(server, 'admin')).email);
    const [bookingId] = await bookSome(server, 'wei-chen', 1, WINDOW.start, WINDOW.end);
    const auditCount = async () =>
      Number((await server.db.query<{ n: string }>('select count(*)::text as n from audit_events')).rows[0]!.n);
    const before = await auditCount();
    const attempts: [string, Record<string, string>][] = [
      ['no token', { Origin: server.origin }],
      ['a wrong token', { Origin: server.origin, 'X-CSRF-Token': 'x'.repeat(43) }],
      ["another session's token", { Origin: server.origin, 'X-CSRF-Token': other.csrfToken }],
      ['a foreign origin', { Origin: 'https://evil.example', 'X-CSRF-Token': admin.csrfToken }],
      ['an opaque origin', { Origin: 'null', 'X-CSRF-Token': admin.csrfToken }],
      ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site', 'X-CSRF-Token': admin.csrfToken }],
      ['a same-site fetch', { 'Sec-Fetch-Site': 'same-site', 'X-CSRF-Token': admin.csrfToken }],
    ];
    for (const route of unsafe) {
      const path = route.path.replace(':bookingId', bookingId!).replace(/:\w+/, 'st-AAAAAAAAAAAAAAAAAAAAAA');
      for (const [what, headers] of attempts) {
        const response = await fetch(`${server.api}/staff${path}`, {
          method: route.method,
          headers: { Cookie: `fd_staff=${admin.cookie}`, 'Content-Type': 'application/json', ...headers },
          body: route.method === 'DELETE' ? undefined : '{}',
        });
        expect(response.status, `${route.method} ${route.path} with ${what}`).toBe(403);
      }
    }
    // Nothing was done: no audit entry was written by any refused call, and the admin is still signed in.
    expect(await auditCount()).toBe(before);
    expect((await admin.request('GET', '/session')).status).toBe(200);
    // The same call with the token from this host's page goes through.
    const marked = await admin.request('POST', `/bookings/${bookingId}/attendance`, { attendance: 'arrived' });
    expect(marked.status).toBe(200);
    // Sign-in itself is refused from another origin's page (no signing a browser into someone else's account).
    const account = await addStaff(server, 'front-desk');
    expect((await signInRequest(server, account.email, PASSWORD, { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('ends a session after 30 idle minutes and after 12 hours whatever the activity', async () => {
    const account = await addStaff(server, 'front-desk');
    const idle = await signIn(server, account.email);
    server.clock.advance(29 * MINUTE);
    expect((await idle.request('GET', '/session')).status).toBe(200);
    server.clock.advance(29 * MINUTE);
    expect((await idle.request('GET', '/session')).status).toBe(200);
    server.clock.advance(31 * MINUTE);
    const ended = await idle.request('GET', '/session');
    expect(ended.status).toBe(401);
    expect(ended.headers.getSetCookie()[0]).toMatch(/^fd_staff=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);

    const busy = await signIn(server, account.email);
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      server.clock.advance(20 * MINUTE);
      expect((await busy.request('GET', '/session')).status, `${elapsed + 20} minutes`).toBe(200);
    }
    server.clock.advance(20 * MINUTE);
    expect((await busy.request('GET', '/session')).status).toBe(401);
  });

  it('signs out: the session row is deleted and the cookie cleared', async () => {
    const account = await addStaff(server, 'clinician');
    const client = await signIn(server, account.email);
    const out = await client.request('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^fd_staff=; Max-Age=0;/);
    const rows = await server.db.query('select 1 from staff_sessions where id_sha256 = $1', [sha256(client.cookie)]);
    expect(rows.rows).toHaveLength(0);
    expect((await client.request('GET', '/session')).status).toBe(401);
  });

  it('ends the sessions of a disabled account and refuses its sign-in as a wrong password', async () => {
    const account = await addStaff(server, 'clinician');
    const client = await signIn(server, account.email);
    await updateStaff(server.db, account.id, { disabled: true }, server.clock.now());
    expect((await client.request('GET', '/session')).status).toBe(401);
    const refused = await signInRequest(server, account.email, PASSWORD);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { kind: 'unauthorized', message: 'wrong e-mail address or password', field: 'request' },
    });
  });

  /** Status and Retry-After of each try, moving the clock by `gapMs` before each. */
  async function tries(target: TestServer, email: string, count: number, gapMs: number, client: string) {
    const seen: string[] = [];
    for (let n = 0; n < count; n++) {
      target.clock.advance(gapMs);
      const response = await signInRequest(target, email, 'wrong password, again', { 'X-Forwarded-For': client });
      seen.push(
        `${response.status}${response.headers.has('Retry-After') ? `/${response.headers.get('Retry-After')}` : ''}`,
      );
    }
    return seen;
  }

  it('slows, then locks, failed sign-ins to an account, alike whether or not the account exists', async () => {
    const account = await addStaff(proxied, 'admin');
    const unknown = `nobody-${randomBytes(4).toString('hex')}@clinic.example`;
    // Three free tries; then each must wait 1, 2, 4 … seconds after the last failure: a try at once is 429.
    const fast = await tries(proxied, account.email, 5, 0, '203.0.113.1');
    expect(fast).toEqual(['401', '401', '401', '429/1', '429/1']);
    expect(await tries(proxied, unknown, 5, 0, '203.0.113.2')).toEqual(fast);
    // Waiting as told, the tries go on being refused until the tenth failure locks the account for 15 minutes.
    const paced = async (email: string, client: string) => {
      const seen: string[] = [];
      for (const wait of [1, 2, 4, 8, 16, 32, 60]) seen.push(...(await tries(proxied, email, 1, wait * 1000, client)));
      return seen;
    };
    const known = await paced(account.email, '203.0.113.1');
    expect(known).toEqual(Array(7).fill('401'));
    expect(await tries(proxied, account.email, 1, 0, '203.0.113.1')).toEqual(['429/900']);
    expect(await paced(unknown, '203.0.113.2')).toEqual(known);
    expect(await tries(proxied, unknown, 1, 0, '203.0.113.2')).toEqual(['429/900']);
    // Locked: even the right password waits, from any client.
    const locked = await signInFrom('198.51.100.9', account.email);
    expect(retryAfter(locked)).toBeGreaterThan(700);
    proxied.clock.advance(15 * MINUTE);
    const after = await signInFrom('198.51.100.9', account.email);
    expect(after.status).toBe(200);
  });

  it('slows and locks a client that tries many accounts, without locking the accounts for others', async () => {
    const account = await addStaff(proxied, 'front-desk');
    const attacker = '203.0.113.66';
    const statuses = await statusesFrom(attacker, 30, 61_000, (n) => `guess-${n}@clinic.example`, 'guess');
    expect(statuses.every((status) => status === 401)).toBe(true);
    const locked = await signInFrom(attacker, account.email);
    expect(retryAfter(locked)).toBeGreaterThan(800);
    const colleague = await signInFrom('198.51.100.77', account.email);
    expect(colleague.status).toBe(200);
  });

  it('rate-limits sign-in per client before any password is checked', async () => {
    const account = await addStaff(proxied, 'front-desk');
    const client = '203.0.113.99';
    const statuses = await statusesFrom(client, 10, 0, () => account.email);
    expect(statuses).toEqual(Array(10).fill(200));
    const limited = await signInFrom(client, account.email);
    expect(retryAfter(limited)).toBeGreaterThanOrEqual(1);
    proxied.clock.advance(6_000);
    expect((await signInFrom(client, account.email)).status).toBe(200);
  });

  it('refuses malformed sign-ins with a 400 that names the field and echoes nothing', async () => {
    const secret = 'Zq7TypedSecret';
    for (const body of [
      { email: secret },
      { password: secret },
      { email: 7, password: secret },
      { email: `${secret}@x.example`, password: '' },
      { email: `${secret}@x.example`, password: secret, extra: secret },
      [secret],
    ]) {
      const response = await post(`${server.api}/staff/session`, body, { Origin: server.origin });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.text()).not.toContain(secret);
    }
  });
});
