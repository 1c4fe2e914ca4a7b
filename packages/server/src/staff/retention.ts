import { FrontdeskError } from '@frontdesk/core';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import type { Logger } from '../http/log.js';
import { expireWaitlist } from '../waitlist/join.js';
import { appendAudit, SYSTEM } from './audit.js';

/**
 * Retention: the clinic keeps bookings, waitlist places and survey answers for a number of months (a setting; none
 * means for ever), then the server deletes them, with their idempotency records, attendance marks, handled flags,
 * waitlist offers and tokens, and writes a system entry in the audit trail naming what went (ids only). The audit
 * trail itself is kept.
 */
export const MAX_RETENTION_MONTHS = 1_200;
const RETENTION_KEY = 'retentionMonths';
/** An arbitrary constant: two instances running retention together take turns. */
const RETENTION_LOCK = 0x4644_5333;

export async function getRetentionMonths(db: Queryable): Promise<number | null> {
  const rows = await db.query<{ value: unknown }>('select value from clinic_settings where key = $1', [RETENTION_KEY]);
  const value = rows.rows[0]?.value;
  return typeof value === 'number' ? value : null;
}

export function checkRetentionMonths(value: unknown, field = 'retentionMonths'): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RETENTION_MONTHS) {
    throw new FrontdeskError(
      'invalid-input',
      `${field}: null (keep for ever) or whole months from 1 to ${MAX_RETENTION_MONTHS}`,
      {
        field,
      },
    );
  }
  return value;
}

export async function setRetentionMonths(
  db: Queryable,
  months: number | null,
  by: string,
  nowMs: number,
): Promise<void> {
  if (months === null) {
    await db.query('delete from clinic_settings where key = $1', [RETENTION_KEY]);
    return;
  }
  await db.query(
    `insert into clinic_settings (key, value, updated_at, updated_by) values ($1, $2::jsonb, $3, $4)
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
    [RETENTION_KEY, JSON.stringify(months), new Date(nowMs), by],
  );
}

export interface RetentionResult {
  months: number | null;
  /** Records older than this were deleted. */
  cutoff: string | null;
  bookings: number;
  waitlistEntries: number;
  surveyResponses: number;
  idempotencyRecords: number;
}

/**
 * Deletes what is older than the retention setting, in one transaction: bookings whose visit ended and that were
 * made before the cutoff, waitlist places whose days ended before it and that were made before it (with their offers
 * and tokens), survey responses received before it, idempotency records created before it.
 */
export async function runRetention(db: Database, nowMs: number): Promise<RetentionResult> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
    const months = await getRetentionMonths(tx);
    if (months === null) {
      return { months, cutoff: null, bookings: 0, waitlistEntries: 0, surveyResponses: 0, idempotencyRecords: 0 };
    }
    const cutoffRow = await tx.query<{ cutoff: Date }>(
      `select ($1::timestamptz at time zone 'UTC' - make_interval(months => $2)) at time zone 'UTC' as cutoff`,
      [new Date(nowMs), months],
    );
    const cutoff = cutoffRow.rows[0]!.cutoff;
    const bookings = await tx.query<{ id: string }>(
      'delete from bookings where end_at < $1 and created_at < $1 returning id',
      [cutoff],
    );
    // One statement: the tokens' subqueries see the offers as they were before the cascade deletes them.
    const waitlist = await tx.query<{ id: string }>(
      `with gone as (delete from waitlist where last_day < $1::date and created_at < $1 returning id),
         tokens as (delete from access_tokens where waitlist_id in (select id from gone)
           or offer_id in (select id from waitlist_offers where waitlist_id in (select id from gone)))
       select id from gone`,
      [cutoff],
    );
    const responses = await tx.query<{ id: string }>(
      'delete from survey_responses where received_at < $1 returning id',
      [cutoff],
    );
    const keys = await tx.query('delete from idempotency_keys where created_at < $1', [cutoff]);
    const details = { months, cutoff: cutoff.toISOString(), idempotencyRecords: keys.rowCount };
    const deleted = [
      ['Appointment', bookings.rows],
      ['WaitlistEntry', waitlist.rows],
      ['QuestionnaireResponse', responses.rows],
    ] as const;
    // Idempotency records hold patient data too: their deletion is written down even when nothing else went.
    const nothingElse = bookings.rows.length + waitlist.rows.length + responses.rows.length === 0;
    if (nothingElse && keys.rowCount > 0) {
      await appendAudit(
        tx,
        { actor: SYSTEM, action: 'retention.delete', resourceType: 'IdempotencyRecord', details },
        nowMs,
      );
    }
    for (const [resourceType, rows] of deleted) {
      if (rows.length === 0) continue;
      const resourceIds = rows.map((row) => row.id);
      await appendAudit(tx, { actor: SYSTEM, action: 'retention.delete', resourceType, resourceIds, details }, nowMs);
    }
    return {
      months,
      cutoff: cutoff.toISOString(),
      bookings: bookings.rows.length,
      waitlistEntries: waitlist.rows.length,
      surveyResponses: responses.rows.length,
      idempotencyRecords: keys.rowCount,
    };
  });
}

export interface Schedule {
  stop(): Promise<void>;
}

/**
 * Runs retention (and sweeps ended sessions, stale sign-in failures and waitlist places whose days are over) a minute
 * after start (or sooner, when `everyMs` is shorter) and then every `everyMs` (an hour by default). Failures are
 * logged by class only and tried again at the next turn.
 */
export function startRetentionSchedule(options: {
  db: Database;
  clock: Clock;
  log: Logger;
  everyMs?: number | undefined;
}): Schedule {
  const { db, clock, log } = options;
  let running: Promise<void> | undefined;
  const turn = () => {
    running ??= (async () => {
      try {
        const result = await runRetention(db, clock.now());
        if (result.bookings + result.waitlistEntries + result.surveyResponses + result.idempotencyRecords > 0) {
          log({
            level: 'info',
            msg: 'retention',
            bookings: result.bookings,
            waitlistEntries: result.waitlistEntries,
            surveyResponses: result.surveyResponses,
            idempotencyRecords: result.idempotencyRecords,
          });
        }
        await expireWaitlist(db, clock.now());
        await db.query('delete from staff_sessions where expires_at <= $1', [new Date(clock.now())]);
        await db.query('delete from staff_sign_in_failures where last_failure_at <= $1', [
          new Date(clock.now() - 24 * 3_600_000),
        ]);
      } catch (error) {
        log({ level: 'error', msg: 'retention failed', error: error instanceof Error ? error.name : typeof error });
      } finally {
        running = undefined;
      }
    })();
  };
  const everyMs = options.everyMs ?? 3_600_000;
  const first = setTimeout(turn, Math.min(60_000, everyMs));
  const every = setInterval(turn, everyMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
