import { createHash, randomBytes } from 'node:crypto';
import { FrontdeskError } from '@frontdesk/core';
import { type Queryable, sqlState } from './db/database.js';

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

/**
 * The errors the database's one-statement POSTs raise (migrations/0001_initial.sql: book_slot,
 * store_survey_response), as the API's errors; anything else is rethrown as it is.
 */
export function idempotencyFailure(error: unknown): never {
  if (sqlState(error) === 'FD409') {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
  }
  if (sqlState(error) === 'FD422') {
    throw new FrontdeskError('invalid-input', 'Idempotency-Key: already used for a different request', {
      field: 'Idempotency-Key',
      status: 422,
    });
  }
  throw error;
}

/** The answer recorded for a key and the same request; undefined when there is none. */
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
