import { FrontdeskError } from '@frontdesk/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ClinicStore } from '../clinic/store.js';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import { list, refuseOtherMethods, sendJson } from '../http/api.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { VisitContext } from '../visits/context.js';
import { type Actor, type AuditEntry, appendAudit, auditedChange, type RequestSource } from './audit.js';
import { type Permission, ROLE_PERMISSIONS } from './roles.js';
import { type ActiveSession, resolveSession, type SessionPolicy, sameSecret } from './sessions.js';
import type { ThrottlePolicy } from './throttle.js';
import { type ApiToken, resolveApiToken } from './tokens.js';

/** What the staff API's handlers share. */
export interface StaffApi {
  db: Database;
  store: ClinicStore;
  clock: Clock;
  sessions: SessionPolicy;
  throttle: ThrottlePolicy;
  signInLimiter: RateLimiter;
  /** Cookies are `Secure` (and `__Host-` prefixed) behind HTTPS or `--trust-proxy`. */
  secureCookies(c: Context): boolean;
  /** The client's address (or the proxy's forwarded one). */
  clientOf(c: Context): string;
  /** An `Origin` naming this very host (behind a proxy, the host the proxy was asked for). */
  sameOrigin(c: Context, origin: string): boolean;
  /** The address browsers reach this server at, when configured (for the names of FHIR systems). */
  publicUrl(): string | undefined;
  /** What the visit operations share: staff cancel and move bookings with the patients' own code. */
  visits: VisitContext;
}

/** One authenticated request to the staff API. */
export interface StaffRequest {
  api: StaffApi;
  c: Context;
  actor: Actor;
  permissions: ReadonlySet<Permission>;
  session?: ActiveSession | undefined;
  token?: ApiToken | undefined;
  from: RequestSource;
  now: number;
  /** Appends to the audit trail as this actor from this client (in `tx` when given). */
  audit(entry: Omit<AuditEntry, 'actor' | 'from'>, tx?: Queryable): Promise<void>;
  /** Runs `change` in one transaction with its audit entry (made from its result) as this actor from this client. */
  audited<T>(
    change: (tx: Queryable) => Promise<T>,
    entry: (result: T) => Omit<AuditEntry, 'actor' | 'from'>,
  ): Promise<T>;
}

export type StaffAnswer =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: 200; file: { text: string; contentType: string; name: string } }
  | { status: 204 };

/** Answers `records` as a list once the audit trail holds who read them (by id). */
export async function auditedList<T extends { id: string }>(
  request: StaffRequest,
  action: string,
  resourceType: string,
  records: T[],
): Promise<StaffAnswer> {
  await request.audit({ action, resourceType, resourceIds: records.map((record) => record.id) });
  return list(records);
}

export interface StaffRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono's syntax, under `/api/staff`; docs/openapi.yaml spells it `/staff/bookings/{bookingId}`. */
  path: string;
  operationId: string;
  /** `signed-in`: any person or token; `public`: signing in itself. */
  permission: Permission | 'signed-in' | 'public';
  handle(request: StaffRequest): Promise<StaffAnswer>;
}

const SESSION_COOKIE = 'fd_staff';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieOf(api: StaffApi, c: Context): string | undefined {
  return api.secureCookies(c) ? getCookie(c, SESSION_COOKIE, 'host') : getCookie(c, SESSION_COOKIE);
}

/** `HttpOnly; SameSite=Strict; Path=/`, `Secure` with the `__Host-` prefix behind HTTPS, ending with the session. */
export function setSessionCookie(api: StaffApi, c: Context, sessionId: string): void {
  const secure = api.secureCookies(c);
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: Math.floor(api.sessions.absoluteMs / 1000),
    ...(secure ? { secure: true, prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(api: StaffApi, c: Context): void {
  const secure = api.secureCookies(c);
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    ...(secure ? { secure: true, prefix: 'host' as const } : {}),
  });
}

/**
 * A browser request that may change something must come from a page of this host: its `Origin` names this host, or,
 * when a browser sends none, its `Sec-Fetch-Site` says same-origin. Clients that are not browsers send neither.
 */
export function foreignPage(api: StaffApi, c: Context): boolean {
  const origin = c.req.header('Origin');
  if (origin !== undefined) return !api.sameOrigin(c, origin);
  const site = c.req.header('Sec-Fetch-Site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

function refuse(c: Context, status: 401 | 403, message: string, headers: Record<string, string> = {}): Response {
  return sendJson(c, status, { error: { kind: 'unauthorized', message } }, { 'Cache-Control': 'no-store', ...headers });
}

type Credentials =
  | { kind: 'session'; session: ActiveSession }
  | { kind: 'token'; token: ApiToken }
  | { kind: 'none' }
  | { kind: 'invalid'; cookie: boolean };

async function credentialsOf(api: StaffApi, c: Context, now: number): Promise<Credentials> {
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const secret = /^Bearer +([!-~]{1,200})$/i.exec(authorization.trim())?.[1];
    const token = secret === undefined ? undefined : await resolveApiToken(api.db, secret, now);
    return token ? { kind: 'token', token } : { kind: 'invalid', cookie: false };
  }
  const cookie = sessionCookieOf(api, c);
  if (cookie === undefined) return { kind: 'none' };
  const session = await resolveSession(api.db, cookie, now, api.sessions);
  return session ? { kind: 'session', session } : { kind: 'invalid', cookie: true };
}

function requestOf(api: StaffApi, c: Context, now: number, credentials: Credentials): StaffRequest {
  const actor: Actor =
    credentials.kind === 'session'
      ? { kind: 'staff', id: credentials.session.staff.id }
      : credentials.kind === 'token'
        ? { kind: 'token', id: credentials.token.id }
        : { kind: 'anonymous', id: null };
  const permissions: ReadonlySet<Permission> =
    credentials.kind === 'session'
      ? ROLE_PERMISSIONS[credentials.session.staff.role]
      : credentials.kind === 'token'
        ? new Set(credentials.token.scopes)
        : new Set();
  const from: RequestSource = { address: api.clientOf(c), userAgent: c.req.header('User-Agent') ?? null };
  return {
    api,
    c,
    actor,
    permissions,
    session: credentials.kind === 'session' ? credentials.session : undefined,
    token: credentials.kind === 'token' ? credentials.token : undefined,
    from,
    now,
    audit: (entry, tx) => appendAudit(tx ?? api.db, { ...entry, actor, from }, now),
    audited: (change, entry) => auditedChange(api.db, change, (result) => ({ ...entry(result), actor, from }), now),
  };
}

function answer(c: Context, result: StaffAnswer): Response {
  const headers = { 'Cache-Control': 'no-store' };
  if ('file' in result) {
    return c.body(result.file.text, 200, {
      ...headers,
      'Content-Type': result.file.contentType,
      'Content-Disposition': `attachment; filename="${result.file.name}"`,
    });
  }
  if (!('body' in result)) return c.body(null, 204, headers);
  return sendJson(c, result.status, result.body, { ...headers, ...result.headers });
}

/**
 * Runs one staff operation: credentials (a bearer token, else the session cookie) or 401; for a state-changing call
 * made with a session, the page's origin and the session's CSRF token or 403; the operation's permission or 403.
 */
async function serve(api: StaffApi, route: StaffRoute, c: Context): Promise<Response> {
  const now = api.clock.now();
  if (route.permission === 'public') return answer(c, await route.handle(requestOf(api, c, now, { kind: 'none' })));
  const credentials = await credentialsOf(api, c, now);
  if (credentials.kind === 'none') {
    return refuse(c, 401, 'sign in, or send an API token', { 'WWW-Authenticate': 'Bearer realm="frontdesk-staff"' });
  }
  if (credentials.kind === 'invalid') {
    if (credentials.cookie) clearSessionCookie(api, c);
    return refuse(c, 401, 'the session has ended or the token is not valid: sign in again', {
      'WWW-Authenticate': 'Bearer realm="frontdesk-staff", error="invalid_token"',
    });
  }
  if (credentials.kind === 'session' && UNSAFE.has(route.method)) {
    if (foreignPage(api, c)) return refuse(c, 403, 'a page of another origin may not act for staff');
    const token = c.req.header('X-CSRF-Token');
    if (token === undefined || !sameSecret(token, credentials.session.csrfToken)) {
      return refuse(c, 403, 'missing or wrong X-CSRF-Token header');
    }
  }
  const request = requestOf(api, c, now, credentials);
  if (route.permission !== 'signed-in' && !request.permissions.has(route.permission)) {
    return refuse(c, 403, `this needs the ${route.permission} permission`);
  }
  return answer(c, await route.handle(request));
}

/** The staff operations under `/api/staff`, each answering 405 with `Allow` to any other method. */
export function staffRoutes(api: StaffApi, routes: readonly StaffRoute[]): Hono {
  const app = new Hono();
  for (const route of routes) app.on(route.method, route.path, (c) => serve(api, route, c));
  refuseOtherMethods(app, routes);
  return app;
}

/** A not-found that says what was looked for, never the id asked for. */
export function notFound(what: string, field: string): FrontdeskError {
  return new FrontdeskError('not-found', `no ${what} with this id`, { field });
}
