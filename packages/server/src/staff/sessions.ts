import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { sha256 } from '../idempotency.js';
import type { StaffRow } from './accounts.js';

/** How long a signed-in browser stays signed in: idle (since its last request) and at most (since sign-in). */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  /** The secret in the cookie; the database keeps only its SHA-256. */
  id: string;
  csrfToken: string;
  expiresAt: number;
  idleExpiresAt: number;
}

export interface ActiveSession extends Session {
  staff: StaffRow;
}

/**
 * The CSRF token of a session: derived from the session id (a one-way hash, so it reveals nothing of it), sent to
 * the console in the sign-in answer and in `GET /api/staff/session`, never in a cookie. Every state-changing call
 * must echo it in `X-CSRF-Token`.
 */
export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`frontdesk-csrf\0${sessionId}`).digest('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new session under a new random id: sign-in never reuses an id the browser brought (fixation). */
export async function createSession(
  db: Queryable,
  staffId: string,
  nowMs: number,
  policy: SessionPolicy,
): Promise<Session> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = nowMs + policy.absoluteMs;
  await db.query(
    'insert into staff_sessions (id_sha256, staff_id, created_at, last_seen_at, expires_at) values ($1, $2, $3, $3, $4)',
    [sha256(id), staffId, new Date(nowMs), new Date(expiresAt)],
  );
  return { id, csrfToken: csrfTokenOf(id), expiresAt, idleExpiresAt: Math.min(expiresAt, nowMs + policy.idleMs) };
}

/**
 * The live session behind a cookie value, its person enabled: undefined when unknown, idle too long, past its
 * absolute end or its person disabled (an expired row is deleted on the way).
 */
export async function resolveSession(
  db: Queryable,
  sessionId: string,
  nowMs: number,
  policy: SessionPolicy,
): Promise<ActiveSession | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return undefined;
  const key = sha256(sessionId);
  const rows = await db.query<StaffRow & { last_seen_at: Date; expires_at: Date }>(
    `select a.*, s.last_seen_at, s.expires_at
     from staff_sessions s join staff_accounts a on a.id = s.staff_id where s.id_sha256 = $1`,
    [key],
  );
  const row = rows.rows[0];
  if (!row) return undefined;
  const lastSeen = row.last_seen_at.getTime();
  const expiresAt = row.expires_at.getTime();
  if (nowMs >= expiresAt || nowMs >= lastSeen + policy.idleMs || row.disabled_at !== null) {
    await db.query('delete from staff_sessions where id_sha256 = $1', [key]);
    return undefined;
  }
  let seen = lastSeen;
  if (nowMs - lastSeen >= TOUCH_EVERY_MS) {
    await db.query('update staff_sessions set last_seen_at = $2 where id_sha256 = $1', [key, new Date(nowMs)]);
    seen = nowMs;
  }
  const { last_seen_at: _seen, expires_at: _expires, ...staff } = row;
  return {
    id: sessionId,
    csrfToken: csrfTokenOf(sessionId),
    expiresAt,
    idleExpiresAt: Math.min(expiresAt, seen + policy.idleMs),
    staff,
  };
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('delete from staff_sessions where id_sha256 = $1', [sha256(sessionId)]);
}
