import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { LogLine } from '../http/log.js';
import { BACKENDS, freshPostgres } from '../test-support/server.js';
import { enqueue, type JobSpec } from './queue.js';
import { type ClaimedJob, type JobHandler, JobRunner } from './runner.js';

const T0 = Date.parse('2026-03-02T14:00:00Z');

function spec(n: number, runAtMs = T0, kind = 'count'): JobSpec {
  return { kind, dedupeKey: `test:${kind}:${n}`, runAtMs, payload: { n } };
}

/**
 * The job table and its runner on PGlite and PostgreSQL: due on the injected clock, once per job across runners
 * sharing one database, retried with backoff and then kept as failed (with no message text), a dead runner's
 * lease taken over.
 */
describe.each(BACKENDS)('the job runner on %s', (backend) => {
  let db: Database;
  let url: string | undefined;
  const clock = createManualClock(T0);
  const logs: LogLine[] = [];
  const runner = (handlers: Record<string, JobHandler>, into: Database = db) =>
    new JobRunner({ db: into, clock, log: (line) => logs.push(line), handlers, backoffMs: 60_000, batch: 7 });

  beforeAll(async () => {
    url = backend === 'postgres' ? await freshPostgres() : undefined;
    db = await openDatabase({ url, poolSize: 10 });
    await migrate(db);
  }, 60_000);
  afterAll(() => db?.close());

  it('runs a job when the clock reaches it, once, and plans the same work once', async () => {
    const seen: number[] = [];
    const jobs = runner({
      later: async (job) => {
        seen.push(Number(job.payload.n));
        return 'done';
      },
    });
    await enqueue(db, [spec(1, T0 + 3_600_000, 'later'), spec(1, T0 + 3_600_000, 'later')], undefined, T0);
    expect(await jobs.runDue()).toBe(0);
    clock.advance(3_600_000);
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    expect(seen).toEqual([1]);
    const rows = await db.query<{ status: string; attempts: number }>(
      "select status, attempts from jobs where kind = 'later'",
    );
    expect(rows.rows).toEqual([{ status: 'done', attempts: 1 }]);
  });

  it('shares 120 due jobs among three runners, each job run exactly once', async () => {
    const runs = new Map<number, number>();
    const count: JobHandler = async (job) => {
      const n = Number(job.payload.n);
      runs.set(n, (runs.get(n) ?? 0) + 1);
      // A send takes a moment: the other runners claim meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1));
      return 'done';
    };
    await enqueue(
      db,
      Array.from({ length: 120 }, (_, n) => spec(n, clock.now() - n)),
      undefined,
      clock.now(),
    );
    // On PostgreSQL each runner has its own connection pool, as separate server processes would.
    const others =
      backend === 'postgres'
        ? [await openDatabase({ url, poolSize: 3 }), await openDatabase({ url, poolSize: 3 })]
        : [db, db];
    try {
      const ran = await Promise.all([
        runner({ count }).runDue(),
        runner({ count }, others[0]).runDue(),
        runner({ count }, others[1]).runDue(),
      ]);
      expect(ran.reduce((a, b) => a + b, 0)).toBe(120);
      expect(runs.size).toBe(120);
      expect([...runs.values()].every((times) => times === 1)).toBe(true);
    } finally {
      if (backend === 'postgres') await Promise.all(others.map((other) => other.close()));
    }
  });

  it('retries a failing job with exponential backoff, then keeps it as failed with its attempts and error class', async () => {
    let calls = 0;
    const failing = runner({
      flaky: async () => {
        calls++;
        throw Object.assign(new Error('550 mailbox jane.doe@example.org unavailable'), {
          code: 'EENVELOPE',
          responseCode: 550,
        });
      },
    });
    await enqueue(db, [{ ...spec(1, clock.now(), 'flaky'), maxAttempts: 3 }], undefined, clock.now());
    expect(await failing.runDue()).toBe(1);
    clock.advance(59_000);
    expect(await failing.runDue()).toBe(0);
    clock.advance(1_000);
    expect(await failing.runDue()).toBe(1);
    clock.advance(119_000);
    expect(await failing.runDue()).toBe(0);
    clock.advance(1_000);
    expect(await failing.runDue()).toBe(1);
    clock.advance(3_600_000);
    expect(await failing.runDue()).toBe(0);
    expect(calls).toBe(3);
    const row = await db.query<{ status: string; attempts: number; last_error: string }>(
      "select status, attempts, last_error from jobs where kind = 'flaky'",
    );
    expect(row.rows).toEqual([{ status: 'failed', attempts: 3, last_error: 'Error EENVELOPE SMTP 550' }]);
    expect(JSON.stringify(logs)).not.toContain('jane.doe');
  });

  it('takes over the job of a runner that died holding it, once its lease ran out', async () => {
    await enqueue(db, [spec(1, clock.now(), 'orphan')], undefined, clock.now());
    // A runner claims the job and its process dies before finishing.
    await db.query("update jobs set status = 'running', attempts = 1, locked_until = $1 where kind = 'orphan'", [
      new Date(clock.now() + 5 * 60_000),
    ]);
    const seen: ClaimedJob[] = [];
    const survivor = runner({
      orphan: async (job) => {
        seen.push(job);
        return 'done';
      },
    });
    expect(await survivor.runDue()).toBe(0);
    clock.advance(5 * 60_000);
    expect(await survivor.runDue()).toBe(1);
    expect(seen.map((job) => job.attempts)).toEqual([2]);
  });
});
