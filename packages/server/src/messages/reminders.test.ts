import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.js';
import { type Mailbox, startMailbox } from '../test-support/mailbox.js';
import {
  BACKENDS,
  type Backend,
  bookingBody,
  freshPostgres,
  NOW,
  post,
  startTestServer,
  type TestServer,
  WINDOW,
} from '../test-support/server.js';

const DAY = 86_400_000;

/**
 * Reminders survive a restart and run once across server processes: planned in the database with the booking,
 * claimed by whichever runner gets there first, never lost and never sent twice.
 */
let mailbox: Mailbox;
const folders: string[] = [];
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(async () => {
  await mailbox?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const subjects = (prefix: string) => mailbox.mails.filter((mail) => mail.subject?.startsWith(prefix)).length;

/** Books `count` visits of one provider days ahead; returns their ids and the latest start. */
async function bookSome(
  servers: TestServer[],
  providerId: string,
  count: number,
  tag: string,
): Promise<{ ids: string[]; lastStart: number }> {
  const answer = await fetch(
    `${servers[0]!.api}/slots?${new URLSearchParams({ ...WINDOW, providerId, visitTypeId: 'new-patient' })}`,
  );
  const slots = ((await answer.json()) as { data: { id: string; start: string; status: string }[] }).data.filter(
    (slot) => slot.status === 'free' && Date.parse(slot.start) > Date.parse(NOW) + 3 * DAY,
  );
  const chosen = slots.slice(0, count);
  const starts = chosen.map((slot) => Date.parse(slot.start));
  const ids: string[] = [];
  for (const [index, slot] of chosen.entries()) {
    const body = bookingBody(slot.id, 'new-patient');
    // Each booking goes to one of the servers in turn.
    const booked = await post(
      `${servers[index % servers.length]!.api}/bookings`,
      {
        ...body,
        patient: { ...body.patient, email: `patient-${tag}-${index}@example.org` },
        consent: { terms: true, contact: true },
      },
      { 'Idempotency-Key': `reminder-${tag}-key-${String(index).padStart(4, '0')}` },
    );
    expect(booked.status).toBe(201);
    ids.push(((await booked.json()) as { id: string }).id);
  }
  return { ids, lastStart: Math.max(...starts) };
}

async function settle(done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > 15_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Anything sent twice would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe.each(BACKENDS)('reminders across a restart on %s', (backend: Backend) => {
  it('are sent once after the server comes back, however long it was down', async () => {
    const database =
      backend === 'postgres'
        ? { databaseUrl: await freshPostgres() }
        : { dataDir: mkdtempSync(join(tmpdir(), 'fd-jobs-')) };
    if (database.dataDir) folders.push(database.dataDir);
    const clock = createManualClock(NOW);
    const options = {
      ...database,
      clock,
      email: { smtpUrl: mailbox.url, from: 'visits@clinic.example' },
      jobs: { pollMs: 10 },
    };
    const before = { confirmations: subjects('Your visit'), reminders: subjects('Reminder') };
    const first = await startTestServer(backend, options);
    const { ids, lastStart } = await bookSome([first], 'rosa-delgado', 4, `restart-${backend}`);
    await settle(() => subjects('Your visit') >= before.confirmations + 4);
    await first.close();
    // Down for days: every two-day reminder fell due meanwhile.
    clock.set(lastStart - 2 * DAY + 60_000);
    const second = await startTestServer(backend, options);
    try {
      await settle(() => subjects('Reminder') >= before.reminders + 4);
      expect(subjects('Reminder')).toBe(before.reminders + 4);
      expect(subjects('Your visit')).toBe(before.confirmations + 4);
      const jobs = await second.db.query<{ status: string; attempts: number }>(
        `select status, attempts from jobs where booking_id = any($1::text[]) and payload->>'message' = 'reminder'
         order by run_at`,
        [ids],
      );
      // Each booking's two-day reminder sent once; its two-hour reminder waits for its time.
      expect(jobs.rows.filter((job) => job.status === 'done' && job.attempts === 1)).toHaveLength(4);
      expect(jobs.rows.filter((job) => job.status === 'pending' && job.attempts === 0)).toHaveLength(4);
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('reminders with two server processes on one PostgreSQL', () => {
  it('are each sent exactly once', async () => {
    const databaseUrl = await freshPostgres();
    const clock = createManualClock(NOW);
    const options = {
      databaseUrl,
      clock,
      email: { smtpUrl: mailbox.url, from: 'visits@clinic.example' },
      jobs: { pollMs: 5 },
    };
    const before = { confirmations: subjects('Your visit'), reminders: subjects('Reminder') };
    const [a, b] = [await startTestServer('postgres', options), await startTestServer('postgres', options)];
    try {
      const { ids, lastStart } = await bookSome([a, b], 'maria-hernandez', 10, 'two');
      await settle(() => subjects('Your visit') >= before.confirmations + 10);
      clock.set(lastStart - 2 * DAY + 60_000);
      await settle(() => subjects('Reminder') >= before.reminders + 10);
      expect(subjects('Your visit')).toBe(before.confirmations + 10);
      expect(subjects('Reminder')).toBe(before.reminders + 10);
      const jobs = await a.db.query<{ n: number }>(
        "select count(*)::int as n from jobs where booking_id = any($1::text[]) and status = 'done' and attempts = 1",
        [ids],
      );
      expect(jobs.rows[0]!.n).toBe(20);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
