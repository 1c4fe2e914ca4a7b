import { FrontdeskError } from '@frontdesk/core';
import { accountOf, findStaffByEmail } from './accounts.js';
import { appendAudit } from './audit.js';
import {
  clearSessionCookie,
  foreignPage,
  type StaffAnswer,
  type StaffRequest,
  sessionCookieOf,
  setSessionCookie,
} from './http.js';
import { invalid, readFields } from './params.js';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { ROLE_PERMISSIONS } from './roles.js';
import { createSession, deleteSession } from './sessions.js';
import { clearAccountFailures, recordSignInFailure, signInWait, throttleKeys } from './throttle.js';

function tooMany(seconds: number, message: string): StaffAnswer {
  return { status: 429, body: { error: { kind: 'http', message } }, headers: { 'Retry-After': String(seconds) } };
}

/**
 * `POST /api/staff/session`: e-mail and password in, a new session out (cookie, CSRF token). Refused from a page of
 * another origin (no signing a browser into someone else's account); rate-limited per client; failures slowed and
 * then locked per account and per client, the same for an address that has no account; a wrong password and an
 * unknown address get the same answer in the same time.
 */
export async function signIn(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  if (foreignPage(api, c)) {
    throw new FrontdeskError('unauthorized', 'a page of another origin may not sign in', { status: 403 });
  }
  const client = api.clientOf(c);
  const wait = api.signInLimiter.take(client);
  if (wait !== undefined) return tooMany(wait, `too many sign-in attempts: try again in ${wait} s`);
  const body = await readFields(c, ['email', 'password']);
  if (typeof body.email !== 'string' || body.email.trim() === '' || body.email.length > 254) {
    throw invalid('request.email', 'expected an e-mail address');
  }
  if (typeof body.password !== 'string' || body.password === '' || body.password.length > MAX_PASSWORD_LENGTH) {
    throw invalid('request.password', `expected a password of 1 to ${MAX_PASSWORD_LENGTH} characters`);
  }
  const email = body.email.trim().toLowerCase();
  const keys = throttleKeys(email, client);
  const waitMs = await signInWait(api.db, keys, api.throttle, now);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    return tooMany(seconds, `too many failed sign-ins: try again in ${seconds} s`);
  }
  const row = await findStaffByEmail(api.db, email);
  const usable = row && row.disabled_at === null ? row : undefined;
  if (!(await verifyPassword(usable?.password_hash, body.password))) {
    await recordSignInFailure(api.db, keys, api.throttle, now);
    await request.audit({
      action: 'session.sign-in',
      outcome: 'failure',
      resourceType: 'StaffAccount',
      resourceIds: row ? [row.id] : [],
    });
    throw new FrontdeskError('unauthorized', 'wrong e-mail address or password', { field: 'request' });
  }
  const staff = usable!;
  await clearAccountFailures(api.db, keys);
  // Whatever session id the browser brought is ended, never promoted: sign-in always issues a new one.
  const previous = sessionCookieOf(api, c);
  if (previous !== undefined) await deleteSession(api.db, previous);
  const session = await createSession(api.db, staff.id, now, api.sessions);
  setSessionCookie(api, c, session.id);
  await appendAudit(
    api.db,
    {
      actor: { kind: 'staff', id: staff.id },
      from: request.from,
      action: 'session.sign-in',
      resourceType: 'StaffAccount',
      resourceIds: [staff.id],
    },
    now,
  );
  return {
    status: 200,
    body: {
      kind: 'staff',
      staff: accountOf(staff),
      permissions: [...ROLE_PERMISSIONS[staff.role]],
      csrfToken: session.csrfToken,
      expiresAt: new Date(session.expiresAt).toISOString(),
      idleExpiresAt: new Date(session.idleExpiresAt).toISOString(),
    },
  };
}

/** `GET /api/staff/session`: who is calling, what they may do, and (for a browser session) its CSRF token. */
export async function currentSession(request: StaffRequest): Promise<StaffAnswer> {
  const { session, token } = request;
  if (session) {
    return {
      status: 200,
      body: {
        kind: 'staff',
        staff: accountOf(session.staff),
        permissions: [...request.permissions],
        csrfToken: session.csrfToken,
        expiresAt: new Date(session.expiresAt).toISOString(),
        idleExpiresAt: new Date(session.idleExpiresAt).toISOString(),
      },
    };
  }
  return {
    status: 200,
    body: { kind: 'token', token, permissions: [...request.permissions] },
  };
}

/** `DELETE /api/staff/session`: the session row is deleted and the cookie cleared. A token is revoked instead. */
export async function signOut(request: StaffRequest): Promise<StaffAnswer> {
  const { session } = request;
  if (!session) {
    throw new FrontdeskError('invalid-input', 'an API token does not sign out: an admin revokes it', {
      field: 'Authorization',
    });
  }
  await deleteSession(request.api.db, session.id);
  clearSessionCookie(request.api, request.c);
  await request.audit({ action: 'session.sign-out', resourceType: 'StaffAccount', resourceIds: [session.staff.id] });
  return { status: 204 };
}
