import type { Queryable } from '../db/database.js';
import { randomId } from '../idempotency.js';

/** Work to do at `runAtMs`: a kind the runner has a handler for, and a payload of ids (never patient data). */
export interface JobSpec {
  kind: string;
  /** Planning the same work twice is a no-op: a reminder exists once per booking, change and channel. */
  dedupeKey: string;
  runAtMs: number;
  payload: Record<string, string | number | boolean>;
  maxAttempts?: number | undefined;
}

/** A send that fails is tried again (with backoff) this many times in all before it is kept as failed. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** The rows `book_slot` and `enqueue` insert (the shape `jsonb_to_recordset` reads in migrations/R__functions.sql). */
export function jobRows(specs: readonly JobSpec[]) {
  return specs.map((spec) => ({
    id: randomId('job'),
    kind: spec.kind,
    dedupe_key: spec.dedupeKey,
    payload: spec.payload,
    run_at: new Date(spec.runAtMs).toISOString(),
    max_attempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  }));
}

/** Plans jobs in the caller's transaction, so they exist exactly when the change that needs them is committed. */
export async function enqueue(
  tx: Queryable,
  specs: readonly JobSpec[],
  bookingId: string | undefined,
  nowMs: number,
): Promise<void> {
  if (specs.length === 0) return;
  await tx.query(
    `insert into jobs (id, kind, dedupe_key, booking_id, payload, run_at, status, max_attempts, created_at, updated_at)
     select j.id, j.kind, j.dedupe_key, $2, j.payload, j.run_at, 'pending', j.max_attempts, $3, $3
     from jsonb_to_recordset($1::jsonb) as j(id text, kind text, dedupe_key text, payload jsonb, run_at timestamptz,
                                              max_attempts integer)
     on conflict (dedupe_key) do nothing`,
    [JSON.stringify(jobRows(specs)), bookingId ?? null, new Date(nowMs)],
  );
}

/**
 * Removes a booking's reminders and survey invitation not yet sent, when it is cancelled or moved (a move plans them
 * again). Notices not yet sent stay: each is written from the booking as it is when sent, and a confirmation of a
 * booking cancelled meanwhile is skipped.
 */
export async function dropPlannedReminders(tx: Queryable, bookingId: string): Promise<void> {
  await tx.query(
    `delete from jobs where booking_id = $1 and status = 'pending' and kind = 'message'
       and payload->>'message' in ('reminder', 'survey')`,
    [bookingId],
  );
}
