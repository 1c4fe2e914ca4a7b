import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freeSlots, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';
import {
  addStaff,
  addToken,
  answerSurvey,
  bookSome,
  PATIENT_MARKER,
  phq9,
  STAFF_OPERATIONS,
  type StaffClient,
  signIn,
} from '../test-support/staff.js';
import { type Permission, ROLE_PERMISSIONS, ROLES, type Role, TOKEN_SCOPES } from './roles.js';
import { revokeApiToken } from './tokens.js';

/**
 * Every operation of the staff API in docs/openapi.yaml, walked: 401 without credentials, with a bad, revoked or
 * expired token and with a session that does not exist; 403 for every role whose permissions lack the operation's
 * and for a token without that scope; the operation itself for a role that may; and no patient data in any error.
 */
const BODIES: Record<string, unknown> = {
  staffSetAttendance: { attendance: 'arrived' },
  staffHandleFlag: { note: 'Called the patient; safety plan in place.' },
  staffPutSettings: { retentionMonths: null },
  staffCreateAccount: { email: 'new-colleague@clinic.example', role: 'front-desk', password: 'a long first password' },
  staffUpdateAccount: { name: 'Renamed' },
  staffCreateToken: { name: 'EHR sync', scopes: ['bookings:read'] },
  staffCancelBooking: { reason: 'Asked by phone' },
  // staffRescheduleBooking: a free slot, found once the server runs
};

describe.each(BACKENDS)('every staff operation on %s', (backend) => {
  let server: TestServer;
  let ids: Record<string, string>;
  const clients = new Map<Role, StaffClient>();
  const errors: { where: string; body: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend);
    const [bookingId] = await bookSome(server, 'rosa-delgado', 1, WINDOW.start, WINDOW.end);
    const responseId = await answerSurvey(server, 'phq-9', phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]), bookingId);
    for (const role of ROLES) clients.set(role, await signIn(server, (await addStaff(server, role)).email));
    const other = await addStaff(server, 'front-desk');
    const { id: tokenId } = await addToken(server, ['bookings:read']);
    ids = { bookingId: bookingId!, responseId, staffId: other.id, tokenId };
    BODIES.staffRescheduleBooking = { slotId: (await freeSlots(server, { providerId: 'rosa-delgado' }))[0]!.id };
  }, 60_000);
  afterAll(async () => {
    // No error body, from any operation, carried anything a patient typed.
    expect(errors.filter((error) => error.body.includes(PATIENT_MARKER))).toEqual([]);
    await server?.close();
  });

  const pathOf = (path: string) => `${server.api}${path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!)}`;

  async function send(
    method: string,
    path: string,
    operationId: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    const body = BODIES[operationId];
    const response = await fetch(pathOf(path), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 400) errors.push({ where: `${method} ${path}`, body: await response.clone().text() });
    return response;
  }

  const guarded = STAFF_OPERATIONS.filter((op) => op.operation['x-permission'] !== 'public');

  it.each(guarded.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s answers 401 without credentials or with bad ones',
    async (_, { method, path, operation }) => {
      const revoked = await addToken(server, TOKEN_SCOPES);
      await revokeApiToken(server.db, revoked.id, server.clock.now());
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: `Bearer fdt_${randomBytes(32).toString('base64url')}` },
        { Authorization: 'Bearer not-a-token' },
        { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
        { Authorization: `Bearer ${revoked.token}` },
        { Cookie: `fd_staff=${randomBytes(32).toString('base64url')}` },
        { Cookie: 'fd_staff=%00%ff' },
      ];
      for (const headers of attempts) {
        const response = await send(method, path, operation.operationId, { Origin: server.origin, ...headers });
        expect(response.status, `${JSON.stringify(headers)} ${await response.clone().text()}`).toBe(401);
        expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="frontdesk-staff"/);
        expect(response.headers.get('Cache-Control')).toBe('no-store');
        expect(((await response.json()) as { error: { kind: string } }).error.kind).toBe('unauthorized');
      }
    },
  );

  it('answers 401 to a token past its expiry', async () => {
    const { token } = await addToken(server, ['bookings:read'], 1);
    const ok = await fetch(`${server.api}/staff/bookings`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    server.clock.advance(86_400_000);
    try {
      const late = await fetch(`${server.api}/staff/bookings`, { headers: { Authorization: `Bearer ${token}` } });
      expect(late.status).toBe(401);
    } finally {
      server.clock.advance(-86_400_000);
    }
  });

  const restricted = guarded.filter((op) => op.operation['x-permission'] !== 'signed-in');

  it.each(restricted.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s answers 403 to each role and token without its permission, and works for one with it',
    async (_, { method, path, operation }) => {
      const permission = operation['x-permission'] as Permission;
      for (const role of ROLES.filter((r) => !ROLE_PERMISSIONS[r].has(permission))) {
        const client = clients.get(role)!;
        const response = await send(method, path, operation.operationId, {
          Cookie: `fd_staff=${client.cookie}`,
          Origin: server.origin,
          'X-CSRF-Token': client.csrfToken,
        });
        expect(response.status, role).toBe(403);
        expect(((await response.json()) as { error: { message: string } }).error.message).toContain(permission);
      }
      const without = await addToken(
        server,
        TOKEN_SCOPES.filter((scope) => scope !== permission),
      );
      const byToken = await send(method, path, operation.operationId, { Authorization: `Bearer ${without.token}` });
      expect(byToken.status).toBe(403);

      const allowed = ROLES.find((role) => ROLE_PERMISSIONS[role].has(permission))!;
      const client = clients.get(allowed)!;
      const who = ((await (await client.request('GET', '/session')).json()) as { staff: { id: string } }).staff.id;
      const before = await server.db.query<{ seq: string }>(
        'select coalesce(max(seq), 0)::text as seq from audit_events',
      );
      const done = await send(method, path, operation.operationId, {
        Cookie: `fd_staff=${client.cookie}`,
        Origin: server.origin,
        'X-CSRF-Token': client.csrfToken,
      });
      expect(done.status, await done.clone().text()).toBeLessThan(300);
      // Whatever it read or changed is in the audit trail, under this person, from this client.
      const written = await server.db.query<{ actor_id: string; client_address: string; action: string }>(
        'select actor_id, client_address, action from audit_events where seq > $1',
        [before.rows[0]!.seq],
      );
      expect(written.rows.length, operation.operationId).toBeGreaterThan(0);
      expect(
        written.rows.find((row) => row.actor_id === who),
        operation.operationId,
      ).toMatchObject({
        client_address: '127.0.0.1',
      });
    },
  );

  it('lets a signed-in person or token ask who they are, and sign out', async () => {
    const { token } = await addToken(server, ['feedback:read']);
    const asToken = await fetch(`${server.api}/staff/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await asToken.json()).toMatchObject({ kind: 'token', permissions: ['feedback:read'] });
    const outByToken = await send('DELETE', '/staff/session', 'staffSignOut', { Authorization: `Bearer ${token}` });
    expect(outByToken.status).toBe(400);
    const client = await signIn(server, (await addStaff(server, 'clinician')).email);
    expect((await client.request('GET', '/session')).status).toBe(200);
    expect((await client.request('DELETE', '/session')).status).toBe(204);
    expect((await client.request('GET', '/session')).status).toBe(401);
  });

  it('answers 405 with Allow to another method and 404 to an unknown staff path, asking for no credentials', async () => {
    const wrong = await fetch(`${server.api}/staff/bookings`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('Allow')).toBe('GET, HEAD');
    expect((await fetch(`${server.api}/staff/nothing-here`)).status).toBe(404);
  });

  it('serves the console at /staff/ under the strict page policy, without credentials, never framed or indexed', async () => {
    const bare = await fetch(`${server.origin}/staff`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('Location')).toBe('/staff/');
    const page = await fetch(`${server.origin}/staff/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(page.headers.get('Content-Security-Policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    expect(page.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(page.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    const text = await page.text();
    expect(text).toContain('<html lang="en">');
    // Whatever the page loads (the built console's script and styles) is served too, with no inline script.
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    for (const [, asset] of text.matchAll(/(?:src|href)="(\/staff\/[^"]+)"/g)) {
      expect((await fetch(`${server.origin}${asset}`)).status, asset).toBe(200);
    }
    expect((await fetch(`${server.origin}/staff/%2e%2e/package.json`)).status).toBe(404);
  });
});
