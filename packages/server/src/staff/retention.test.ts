import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, NOW, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';
import { answerSurvey, bookSome, csat, phq9, type StaffClient, signInAs } from '../test-support/staff.js';
import { runRetention, startRetentionSchedule } from './retention.js';

/**
 * Retention on both databases, with the clock moved: a clinic setting in months; bookings whose visit ended and
 * survey answers received before the cutoff go, with their idempotency records, attendance marks and handled
 * flags; what is younger stays; each deletion is a system entry in the audit trail naming the ids.
 */
const count = async (server: TestServer, table: string) =>
  Number((await server.db.query<{ n: string }>(`select count(*)::text as n from ${table}`)).rows[0]!.n);

describe.each(BACKENDS)('retention on %s', (backend) => {
  let server: TestServer;
  let admin: StaffClient;

  beforeAll(async () => {
    server = await startTestServer(backend, { staff: { retentionEveryMs: 0 } });
    admin = await signInAs(server, 'admin');
  }, 60_000);
  afterAll(() => server?.close());

  it('keeps everything until a retention is set', async () => {
    expect(await admin.json('GET', '/settings')).toEqual({ retentionMonths: null });
    await bookSome(server, 'rosa-delgado', 1, WINDOW.start, WINDOW.end);
    server.clock.set('2036-01-01T00:00:00Z');
    try {
      expect(await runRetention(server.db, server.clock.now())).toMatchObject({ months: null, bookings: 0 });
      expect(await count(server, 'bookings')).toBe(1);
    } finally {
      server.clock.set(NOW);
    }
    for (const bad of [0, -1, 1.5, '12', 1201]) {
      expect((await admin.request('PUT', '/settings', { retentionMonths: bad })).status, String(bad)).toBe(400);
    }
  });

  it('deletes bookings and answers older than the setting, audited as the server, and keeps the rest', async () => {
    const old = await bookSome(server, 'wei-chen', 3, WINDOW.start, WINDOW.end);
    const first = (await server.db.query<{ id: string }>("select id from bookings where provider_id = 'rosa-delgado'"))
      .rows[0]!.id;
    const oldAnswers = [
      await answerSurvey(server, 'csat', csat(4), old[0]),
      await answerSurvey(server, 'phq-9', phq9([1, 1, 1, 1, 1, 1, 1, 1, 1]), old[1]),
    ];
    await admin.json('POST', `/bookings/${old[2]}/attendance`, { attendance: 'arrived' });
    await admin.json('POST', `/flags/${oldAnswers[1]}/handled`, {});
    expect(await admin.json('PUT', '/settings', { retentionMonths: 12 })).toEqual({ retentionMonths: 12 });
    const keysBefore = await count(server, 'idempotency_keys');
    expect(keysBefore).toBe(old.length + 1 + oldAnswers.length);

    // Not quite a year on, nothing is old enough; a response of that day is kept later too.
    server.clock.set('2027-03-02T00:00:00Z');
    const young = await answerSurvey(server, 'csat', csat(5));
    expect(await runRetention(server.db, server.clock.now())).toEqual({
      months: 12,
      cutoff: '2026-03-02T00:00:00.000Z',
      bookings: 0,
      waitlistEntries: 0,
      surveyResponses: 0,
      idempotencyRecords: 0,
    });

    server.clock.set('2027-03-20T12:00:00Z');
    const admin2 = await signInAs(server, 'admin');
    const before = await server.db.query<{ seq: string }>('select max(seq)::text as seq from audit_events');
    const { bookings, surveyResponses, idempotencyRecords, cutoff } = await admin2.json<Record<string, unknown>>(
      'POST',
      '/retention/run',
    );
    expect(cutoff).toBe('2026-03-20T12:00:00.000Z');
    expect(bookings).toBe(4);
    expect(surveyResponses).toBe(2);
    expect(idempotencyRecords).toBe(keysBefore);
    for (const table of ['bookings', 'booking_attendance', 'idempotency_keys', 'survey_flags_handled']) {
      expect(await count(server, table), table).toBe(table === 'idempotency_keys' ? 1 : 0);
    }
    const left = await server.db.query<{ id: string }>('select id from survey_responses');
    expect(left.rows.map((row) => row.id)).toEqual([young]);

    const entries = await server.db.query<{
      actor_kind: string;
      actor_id: string;
      resource_type: string;
      resource_ids: string[];
      details: { months: number };
    }>(`select * from audit_events where action = 'retention.delete' order by seq`);
    expect(entries.rows.every((row) => row.actor_kind === 'system' && row.actor_id === 'frontdesk-server')).toBe(true);
    expect(entries.rows.every((row) => row.details.months === 12)).toBe(true);
    const deletedBookings = entries.rows
      .filter((row) => row.resource_type === 'Appointment')
      .flatMap((row) => row.resource_ids);
    expect(deletedBookings.sort()).toEqual([...old, first].sort());
    const deletedAnswers = entries.rows
      .filter((row) => row.resource_type === 'QuestionnaireResponse')
      .flatMap((row) => row.resource_ids);
    expect(deletedAnswers.sort()).toEqual(oldAnswers.sort());
    const run = await server.db.query('select 1 from audit_events where seq > $1 and action = $2', [
      before.rows[0]!.seq,
      'retention.run',
    ]);
    expect(run.rows).toHaveLength(1);
    // The staff API shows nothing of them any more.
    expect((await admin2.json<{ data: unknown[] }>('GET', '/bookings?from=2026-03-02&to=2026-03-09')).data).toEqual([]);
    server.clock.set(NOW);
  });

  it('runs on its own beside the server', async () => {
    await server.db.query(`update clinic_settings set value = '1'::jsonb where key = 'retentionMonths'`);
    server.clock.set('2030-01-01T00:00:00Z');
    const lines: string[] = [];
    const schedule = startRetentionSchedule({
      db: server.db,
      clock: server.clock,
      log: (line) => lines.push(`${line.msg}:${line.surveyResponses ?? ''}`),
      everyMs: 20,
    });
    try {
      await expect.poll(() => count(server, 'survey_responses'), { timeout: 5_000 }).toBe(0);
      await expect.poll(() => lines).toContain('retention:1');
    } finally {
      await schedule.stop();
      server.clock.set(NOW);
    }
  });
});
