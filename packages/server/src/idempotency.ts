import { createHash, randomBytes } from 'node:crypto';
import { FrontdeskError } from '@frontdesk/core';
import { type Database, type Queryable, sqlState } from './db/database.js';

export { canonicalJson } from '@frontdesk/core';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A random id with a readable prefix (`bk-`, `qr-`): 128 random bits, never a sequence. */
export function randomId(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('base64url')}`;
}

export type IdempotencyScope = 'booking' | 'survey-response' | 'cancel' | 'reschedule' | 'hold' | 'waitlist' | 'claim';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/**
 * The errors the database's one-statement POSTs raise (migrations/R__functions.sql: book_slot,
 * store_survey_response), as the API's errors; anything else is rethrown as it is.
 */
export function idempotencyFailure(
  error: unknown,
  conflict = { message: 'the slot is no longer available', field: 'request.slotId' },
): never {
  if (sqlState(error) === 'FD409') throw new FrontdeskError('conflict', conflict.message, { field: conflict.field });
  if (sqlState(error) === 'FD422') throw keyReused();
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

function keyReused(): FrontdeskError {
  return new FrontdeskError('invalid-input', 'Idempotency-Key: already used for a different request', {
    field: 'Idempotency-Key',
    status: 422,
  });
}

/**
 * Runs `work` once per idempotency key, in one transaction with the key's record: the same key and request get the
 * first answer again (a concurrent twin waits on the key's primary key, then reads it); the same key with another
 * request is a 422. When `work` throws, nothing is kept and the key may be used again. `reply` adds what may not be
 * stored (a fresh secret) to the first answer and to every replay, in the same transaction.
 */
export async function idempotent(
  db: Database,
  scope: IdempotencyScope,
  key: string,
  requestSha256: string,
  nowMs: number,
  work: (tx: Queryable) => Promise<StoredAnswer>,
  reply: (tx: Queryable, answer: StoredAnswer) => Promise<StoredAnswer> = async (_tx, answer) => answer,
): Promise<StoredAnswer> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into idempotency_keys (scope, key, request_sha256, status, response, created_at)
       values ($1, $2, $3, 0, 'null'::jsonb, $4) on conflict (scope, key) do nothing returning key`,
      [scope, key, requestSha256, new Date(nowMs)],
    );
    if (claimed.rows.length === 0) {
      const previous = await findAnyAnswer(tx, scope, key);
      if (!previous || previous.requestSha256 !== requestSha256) throw keyReused();
      return reply(tx, previous.answer);
    }
    const answer = await work(tx);
    await tx.query('update idempotency_keys set status = $3, response = $4::jsonb where scope = $1 and key = $2', [
      scope,
      key,
      answer.status,
      JSON.stringify(answer.body),
    ]);
    return reply(tx, answer);
  });
}

async function findAnyAnswer(
  db: Queryable,
  scope: IdempotencyScope,
  key: string,
): Promise<{ requestSha256: string; answer: StoredAnswer } | undefined> {
  const rows = await db.query<{ request_sha256: string; status: number; response: unknown }>(
    'select request_sha256, status, response from idempotency_keys where scope = $1 and key = $2',
    [scope, key],
  );
  const row = rows.rows[0];
  return row && { requestSha256: row.request_sha256, answer: { status: row.status, body: row.response } };
}
