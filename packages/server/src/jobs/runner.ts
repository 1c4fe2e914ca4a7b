import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../http/log.js';

/** A job as a runner claimed it: what to do (kind and ids), and how many times it has been tried, this one included. */
export interface ClaimedJob {
  id: string;
  kind: string;
  bookingId: string | undefined;
  payload: Record<string, unknown>;
  attempts: number;
  /** When it was due. */
  runAtMs: number;
}

/**
 * Does one job. Resolves `done` when the work is done, `skipped` when it no longer applies (the booking was cancelled
 * meanwhile); throws when it failed and is worth trying again later.
 */
export type JobHandler = (job: ClaimedJob) => Promise<'done' | 'skipped'>;

export interface JobRunnerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  handlers: Readonly<Record<string, JobHandler>>;
  /** How often (real time) to look for due jobs. Default 5 s. */
  pollMs?: number | undefined;
  /** Jobs claimed at once. Default 20. */
  batch?: number | undefined;
  /** How long a claim lasts: a job claimed by a process that died is claimed again after it. Default 5 minutes. */
  leaseMs?: number | undefined;
  /** First wait after a failure, doubled each time up to `maxBackoffMs`. Default 30 s and 1 hour. */
  backoffMs?: number | undefined;
  maxBackoffMs?: number | undefined;
}

/** What a failure is kept as: its class and codes, never its message (an SMTP refusal quotes the address). */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const { code, responseCode, status } = error as { code?: unknown; responseCode?: unknown; status?: unknown };
  const parts = [error.name];
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) parts.push(code);
  if (typeof responseCode === 'number') parts.push(`SMTP ${responseCode}`);
  if (typeof status === 'number') parts.push(`HTTP ${status}`);
  return parts.join(' ').slice(0, 200);
}

/**
 * Runs the jobs table (migrations/0002_visits.sql) beside the HTTP server: every `pollMs` it claims due jobs with
 * `FOR UPDATE SKIP LOCKED` and a lease, so any number of processes on one database share the work and each job runs
 * once; due means `run_at` at or before the injected clock's now, so tests move time instead of waiting. A job that
 * throws is tried again with exponential backoff up to its `max_attempts`, then kept as `failed` with its attempts
 * and error summary for staff to see. A process killed mid-job leaves a lease that expires: the job runs again (at
 * least once; a message may then be sent twice, never lost).
 */
export class JobRunner {
  readonly #options: JobRunnerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pass: Promise<number> | undefined;
  #polling = false;
  #stopping = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#polling) return;
    this.#polling = true;
    this.#stopping = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the pass in flight (which ends after the job it is running). */
  async stop(): Promise<void> {
    this.#polling = false;
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#pass?.catch(() => 0);
  }

  /** One pass now (tests call it after moving the clock): claims and runs due jobs until none is due. Returns how many ran. */
  async runDue(): Promise<number> {
    // One pass at a time per process; a caller arriving meanwhile waits for it, then runs its own.
    while (this.#pass) await this.#pass.catch(() => 0);
    const pass = this.#runAll();
    this.#pass = pass;
    try {
      return await pass;
    } finally {
      if (this.#pass === pass) this.#pass = undefined;
    }
  }

  #schedule(delayMs: number): void {
    if (!this.#polling) return;
    this.#timer = setTimeout(() => {
      this.runDue().then(
        () => this.#schedule(this.#options.pollMs ?? 5_000),
        (error: unknown) => {
          this.#options.log({ level: 'error', msg: 'job pass failed', error: errorSummary(error) });
          this.#schedule(this.#options.pollMs ?? 5_000);
        },
      );
    }, delayMs);
    this.#timer.unref();
  }

  async #runAll(): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await this.#claim();
      for (const [index, job] of jobs.entries()) {
        if (this.#stopping) {
          await this.#unclaim(jobs.slice(index));
          break;
        }
        await this.#run(job);
        ran++;
      }
      if (jobs.length < (this.#options.batch ?? 20) || this.#stopping) break;
    }
    await this.#sweep();
    return ran;
  }

  async #claim(): Promise<ClaimedJob[]> {
    const now = this.#options.clock.now();
    const rows = await this.#options.db.query<{
      id: string;
      kind: string;
      booking_id: string | null;
      payload: Record<string, unknown>;
      attempts: number;
      run_ms: number;
    }>(
      `update jobs set status = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
       where id in (
         select id from jobs
         where (status = 'pending' and run_at <= $1) or (status = 'running' and locked_until <= $1)
         order by run_at
         limit $3
         for update skip locked)
       returning id, kind, booking_id, payload, attempts, (extract(epoch from run_at) * 1000)::float8 as run_ms`,
      [new Date(now), new Date(now + (this.#options.leaseMs ?? 5 * 60_000)), this.#options.batch ?? 20],
    );
    return rows.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      bookingId: row.booking_id ?? undefined,
      payload: row.payload,
      attempts: Number(row.attempts),
      runAtMs: Number(row.run_ms),
    }));
  }

  async #run(job: ClaimedJob): Promise<void> {
    const { db, clock, log, handlers } = this.#options;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const outcome = await handler(job);
      await db.query(
        "update jobs set status = $2, locked_until = null, updated_at = $3 where id = $1 and status = 'running'",
        [job.id, outcome, new Date(clock.now())],
      );
    } catch (error) {
      const summary = handler ? errorSummary(error) : 'NoHandler';
      const now = clock.now();
      const base = this.#options.backoffMs ?? 30_000;
      const wait = Math.min(this.#options.maxBackoffMs ?? 3_600_000, base * 2 ** (job.attempts - 1));
      const failed = await db.query<{ status: string }>(
        `update jobs set status = case when attempts >= max_attempts then 'failed' else 'pending' end,
           run_at = case when attempts >= max_attempts then run_at else $3 end,
           locked_until = null, last_error = $2, updated_at = $4
         where id = $1 and status = 'running'
         returning status`,
        [job.id, summary, new Date(now + wait), new Date(now)],
      );
      log({
        level: failed.rows[0]?.status === 'failed' ? 'error' : 'warn',
        msg: 'job failed',
        job: job.id,
        kind: job.kind,
        attempts: job.attempts,
        error: summary,
      });
    }
  }

  /** Stopping: jobs claimed but not started go back, for the next process (or this one restarted) to run. */
  async #unclaim(jobs: readonly ClaimedJob[]): Promise<void> {
    await this.#options.db.query(
      `update jobs set status = 'pending', attempts = attempts - 1, locked_until = null
       where id = any($1::text[]) and status = 'running'`,
      [jobs.map((job) => job.id)],
    );
  }

  /** Holds long expired are of no use to anyone. */
  async #sweep(): Promise<void> {
    await this.#options.db.query('delete from holds where expires_at < $1', [
      new Date(this.#options.clock.now() - 60 * 60_000),
    ]);
  }
}
