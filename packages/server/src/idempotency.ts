import { createHash, randomBytes } from 'node:crypto';
import { FrontdeskError } from '@frontdesk/core';
import type { Queryable } from './db/database.js';

/** JSON with sorted keys, so two equal requests hash alike whatever order their fields were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random id with a readable prefix (`bk-`, `qr-`): 128 random bits, never a sequence. */
export function randomId(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('base64url')}`;
}

export type IdempotencyScope = 'booking' | 'survey-response';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface Claim {
  scope: IdempotencyScope;
  key: string;
  requestSha256: string;
  /** The answer this request gets when it is carried out now. */
  answer: StoredAnswer;
  at: Date;
}

/**
 * Inside the caller's transaction: record the key with the answer about to be given, or, when the key is already
 * recorded, return the answer given then. A concurrent request with the same key waits on the primary key until
 * the first commits (and then sees its record) or rolls back (and then goes ahead). The same key with another
 * request is an `invalid-input` error (HTTP 422).
 */
export async function claimKey(tx: Queryable, claim: Claim): Promise<StoredAnswer | undefined> {
  const inserted = await tx.query(
    `insert into idempotency_keys (scope, key, request_sha256, status, response, created_at)
     values ($1, $2, $3, $4, $5::jsonb, $6)
     on conflict (scope, key) do nothing`,
    [claim.scope, claim.key, claim.requestSha256, claim.answer.status, JSON.stringify(claim.answer.body), claim.at],
  );
  if (inserted.rowCount === 1) return undefined;
  const previous = await tx.query<{ request_sha256: string; status: number; response: unknown }>(
    'select request_sha256, status, response from idempotency_keys where scope = $1 and key = $2',
    [claim.scope, claim.key],
  );
  const row = previous.rows[0];
  if (!row) throw new FrontdeskError('conflict', 'Idempotency-Key: the first request with this key is still running');
  if (row.request_sha256 !== claim.requestSha256) {
    throw new FrontdeskError('invalid-input', 'Idempotency-Key: already used for a different request', {
      field: 'Idempotency-Key',
      status: 422,
    });
  }
  return { status: row.status, body: row.response };
}

/** The answer recorded for a key and the same request, outside any transaction; undefined when there is none. */
export async function findAnswer(
  db: Queryable,
  scope: IdempotencyScope,
  key: string,
  requestSha256: string,
): Promise<StoredAnswer | undefined> {
  const rows = await db.query<{ request_sha256: string; status: number; response: unknown }>(
    'select request_sha256, status, response from idempotency_keys where scope = $1 and key = $2',
    [scope, key],
  );
  const row = rows.rows[0];
  return row && row.request_sha256 === requestSha256 ? { status: row.status, body: row.response } : undefined;
}
