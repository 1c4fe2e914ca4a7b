import { randomBytes } from 'node:crypto';
import { AccessToken } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';
import { sha256 } from '../idempotency.js';

/** What a token lets its holder do; `access_tokens.purpose` in migrations/0002_visits.sql. */
export type TokenPurpose = 'manage' | 'survey' | 'waitlist' | 'offer';

export interface TokenRefs {
  bookingId?: string | undefined;
  surveyId?: string | undefined;
  waitlistId?: string | undefined;
  offerId?: string | undefined;
}

export interface FoundToken extends TokenRefs {
  expiresAtMs: number | undefined;
}

/** 256 random bits in base64url (43 characters): the secret a patient's link carries in its fragment. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a string could be a token at all (a path segment that is not one can match nothing). */
export function looksLikeToken(value: string | undefined): value is string {
  return value !== undefined && AccessToken.safeParse(value).success;
}

/**
 * Makes a new token for `purpose` and stores only its SHA-256, in the caller's transaction; returns the token, which
 * exists from here on only in the answer or message it is put in. A booking may have several live manage tokens
 * (one per message sent): each is as good as the others.
 */
export async function mintToken(
  tx: Queryable,
  purpose: TokenPurpose,
  refs: TokenRefs,
  nowMs: number,
  expiresAtMs?: number,
): Promise<string> {
  const token = randomToken();
  await tx.query(
    `insert into access_tokens (sha256, purpose, booking_id, survey_id, waitlist_id, offer_id, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      sha256(token),
      purpose,
      refs.bookingId ?? null,
      refs.surveyId ?? null,
      refs.waitlistId ?? null,
      refs.offerId ?? null,
      new Date(nowMs),
      expiresAtMs === undefined ? null : new Date(expiresAtMs),
    ],
  );
  return token;
}

/** What a token stands for, or undefined for a token that is unknown, of another purpose or expired. */
export async function findToken(
  db: Queryable,
  purpose: TokenPurpose,
  token: string,
  nowMs: number,
): Promise<FoundToken | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const rows = await db.query<{
    booking_id: string | null;
    survey_id: string | null;
    waitlist_id: string | null;
    offer_id: string | null;
    expires_ms: number | null;
  }>(
    `select booking_id, survey_id, waitlist_id, offer_id, (extract(epoch from expires_at) * 1000)::float8 as expires_ms
     from access_tokens where sha256 = $1 and purpose = $2`,
    [sha256(token), purpose],
  );
  const row = rows.rows[0];
  if (!row) return undefined;
  const expiresAtMs = row.expires_ms === null ? undefined : Number(row.expires_ms);
  if (expiresAtMs !== undefined && expiresAtMs <= nowMs) return undefined;
  return {
    bookingId: row.booking_id ?? undefined,
    surveyId: row.survey_id ?? undefined,
    waitlistId: row.waitlist_id ?? undefined,
    offerId: row.offer_id ?? undefined,
    expiresAtMs,
  };
}
