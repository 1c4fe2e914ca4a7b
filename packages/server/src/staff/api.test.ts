import { randomBytes } from 'node:crypto';
import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../../test/fhir-server/definitions.mjs';
import { BACKENDS, bookingBody, NOW, post, startTestServer, type TestServer, WINDOW } from '../test-support/server.js';
import {
  answerSurvey,
  bookSome,
  csat,
  nps,
  PATIENT_MARKER,
  parseCsv,
  phq9,
  type StaffClient,
  signInAs,
} from '../test-support/staff.js';
import type { FeedbackGroup, FeedbackSummary } from './feedback.js';
import { PHQ9_BANDS } from './scoring.js';

/**
 * The staff API end to end on both databases: the day's bookings in an explicit time zone, one booking in full,
 * attendance marks, survey responses with filters and pages, the feedback aggregates checked against the answers
 * the test itself stored, PHQ-9 flags until handled, CSV and FHIR exports (validated with Medplum's R4 validator),
 * and an audit entry for every read and change.
 */
const FHIR_ID = /^[A-Za-z0-9.-]{1,64}$/;

interface Stored {
  at: string;
  surveyId: 'post-visit-nps' | 'csat' | 'phq-9';
  score: number | number[];
  provider: string | undefined;
  id?: string;
}

/** What the charts must show, counted here from the answers as sent, independently of the server's SQL. */
function expectedGroup(answers: readonly Stored[], weeks: readonly string[]): FeedbackGroup {
  const bySurvey = new Map<string, number>();
  for (const answer of answers) bySurvey.set(answer.surveyId, (bySurvey.get(answer.surveyId) ?? 0) + 1);
  const npsOf = (list: readonly Stored[]) => {
    const scores = list.map((answer) => answer.score as number);
    const promoters = scores.filter((s) => s >= 9).length;
    const detractors = scores.filter((s) => s <= 6).length;
    return {
      responses: scores.length,
      promoters,
      passives: scores.length - promoters - detractors,
      detractors,
      score: scores.length === 0 ? null : Math.round((100 * (promoters - detractors)) / scores.length),
    };
  };
  const npsAnswers = answers.filter((a) => a.surveyId === 'post-visit-nps');
  const ratings = answers.filter((a) => a.surveyId === 'csat').map((a) => a.score as number);
  const totals = answers.filter((a) => a.surveyId === 'phq-9').map((a) => a.score as number[]);
  const labels = [
    'Very dissatisfied',
    'Dissatisfied',
    'Neither satisfied nor dissatisfied',
    'Satisfied',
    'Very satisfied',
  ];
  return {
    responses: {
      total: answers.length,
      bySurvey: [...bySurvey.entries()].map(([surveyId, count]) => ({ surveyId, title: expect.any(String), count })),
    },
    nps: {
      ...npsOf(npsAnswers),
      trend: weeks.map((weekStart) => ({
        week: expect.stringMatching(/^2026-W\d\d$/),
        weekStart,
        ...npsOf(npsAnswers.filter((a) => mondayOf(a.at) === weekStart)),
      })),
    },
    csat: {
      responses: ratings.length,
      mean: ratings.length ? Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100 : null,
      satisfiedPercent: ratings.length
        ? Math.round((100 * ratings.filter((r) => r >= 4).length) / ratings.length)
        : null,
      distribution: labels.map((label, i) => ({
        value: i + 1,
        label,
        count: ratings.filter((r) => r === i + 1).length,
      })),
    },
    phq9: {
      responses: totals.length,
      bands: PHQ9_BANDS.map((band) => ({
        ...band,
        count: totals.filter((scores) => {
          const total = scores.reduce((a, b) => a + b, 0);
          return total >= band.min && total <= band.max;
        }).length,
      })),
      item9Positive: totals.filter((scores) => scores[8]! > 0).length,
    },
  } as FeedbackGroup;
}

/** The Monday (a local date in Chicago) of the week of an instant. */
function mondayOf(instant: string): string {
  const local = new Date(new Date(instant).toLocaleString('en-US', { timeZone: 'America/Chicago' }));
  local.setDate(local.getDate() - ((local.getDay() + 6) % 7));
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
}

function sortGroup(group: FeedbackGroup): FeedbackGroup {
  return {
    ...group,
    responses: {
      ...group.responses,
      bySurvey: [...group.responses.bySurvey].sort((a, b) => a.surveyId.localeCompare(b.surveyId)),
    },
  };
}

describe.each(BACKENDS)('the staff API on %s', (backend) => {
  let server: TestServer;
  let admin: StaffClient;
  let rosa: string[];
  let wei: string[];
  let hostile: string;
  const stored: Stored[] = [];

  async function auditAfter<T>(work: () => Promise<T>) {
    const before = await server.db.query<{ seq: string }>(
      'select coalesce(max(seq), 0)::text as seq from audit_events',
    );
    const result = await work();
    const rows = await server.db.query<{
      action: string;
      actor_kind: string;
      actor_id: string | null;
      resource_ids: string[];
      client_address: string | null;
      user_agent: string | null;
      outcome: string;
    }>('select * from audit_events where seq > $1 order by seq', [before.rows[0]!.seq]);
    return { result, entries: rows.rows };
  }

  beforeAll(async () => {
    loadDefinitions();
    server = await startTestServer(backend);
    admin = await signInAs(server, 'admin');
    rosa = await bookSome(server, 'rosa-delgado', 4, WINDOW.start, WINDOW.end);
    wei = await bookSome(server, 'wei-chen', 2, WINDOW.start, WINDOW.end);
    // A patient whose details a spreadsheet would run as formulas, with a reason over two lines.
    const slots = (await (
      await fetch(`${server.api}/slots?${new URLSearchParams({ ...WINDOW, providerId: 'maria-hernandez' })}`)
    ).json()) as { data: { id: string; visitTypeIds: string[] }[] };
    const body = bookingBody(slots.data[0]!.id, 'new-patient');
    body.patient.givenName = '=HYPERLINK("https://evil.example","Open")';
    body.patient.familyName = `@SUM(1+1)${PATIENT_MARKER}`;
    Object.assign(body.patient, { email: '-2+3@evil.example', reason: 'Cough, "bad" at night\nand fever' });
    const key = `hostile-${randomBytes(8).toString('hex')}`;
    const answer = await post(`${server.api}/bookings`, { ...body, idempotencyKey: key }, { 'Idempotency-Key': key });
    expect(answer.status).toBe(201);
    hostile = ((await answer.json()) as { id: string }).id;

    const plan: [string, Stored['surveyId'], number | number[], string | undefined][] = [
      ['2026-03-10T12:00:00-05:00', 'post-visit-nps', 10, rosa[0]],
      ['2026-03-10T13:00:00-05:00', 'post-visit-nps', 6, rosa[1]],
      ['2026-03-17T12:00:00-05:00', 'post-visit-nps', 8, wei[0]],
      ['2026-03-18T12:00:00-05:00', 'post-visit-nps', 9, undefined],
      ['2026-03-22T23:30:00-05:00', 'post-visit-nps', 3, wei[1]],
      ['2026-03-11T09:00:00-05:00', 'csat', 5, rosa[2]],
      ['2026-03-12T09:00:00-05:00', 'csat', 2, wei[1]],
      ['2026-03-24T09:00:00-05:00', 'csat', 4, rosa[3]],
      ['2026-03-13T09:00:00-05:00', 'phq-9', [0, 0, 0, 0, 0, 0, 0, 0, 0], rosa[0]],
      ['2026-03-14T09:00:00-05:00', 'phq-9', [2, 2, 2, 2, 2, 1, 1, 1, 1], wei[0]],
      ['2026-03-25T09:00:00-05:00', 'phq-9', [3, 3, 3, 3, 3, 3, 2, 1, 0], rosa[1]],
      ['2026-03-26T09:00:00-05:00', 'phq-9', [1, 1, 1, 1, 1, 0, 0, 0, 3], hostile],
    ];
    const providerOf = new Map([
      ...rosa.map((id) => [id, 'rosa-delgado'] as const),
      ...wei.map((id) => [id, 'wei-chen'] as const),
      [hostile, 'maria-hernandez'] as const,
    ]);
    for (const [at, surveyId, score, booking] of plan) {
      server.clock.set(at);
      const item =
        surveyId === 'post-visit-nps'
          ? nps(score as number, '=cmd|" /C calc"!A0')
          : surveyId === 'csat'
            ? csat(score as 1 | 2 | 3 | 4 | 5)
            : phq9(score as number[]);
      const id = await answerSurvey(server, surveyId, item, booking);
      stored.push({ at, surveyId, score, provider: booking && providerOf.get(booking), id });
    }
    server.clock.set(NOW);
  }, 120_000);
  afterAll(() => server?.close());

  it('lists the day of bookings in the clinic time zone, or another one, said in the answer', async () => {
    const { result: day, entries } = await auditAfter(() =>
      admin.json<{ timeZone: string; start: string; end: string; data: { id: string; start: string }[] }>(
        'GET',
        '/bookings?from=2026-03-02&to=2026-03-08',
      ),
    );
    expect(day.timeZone).toBe('America/Chicago');
    expect(day.start).toBe('2026-03-02T00:00:00-06:00');
    // The week holds the spring-forward night: it ends at midnight CDT.
    expect(day.end).toBe('2026-03-09T00:00:00-05:00');
    const ids = day.data.map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining([...rosa, ...wei, hostile]));
    expect(day.data.every((b) => /-0[56]:00$/.test(b.start))).toBe(true);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'booking.search',
        actor_kind: 'staff',
        resource_ids: ids,
        client_address: '127.0.0.1',
        user_agent: expect.any(String),
      }),
    ]);

    const one = day.data.find((b) => b.id === rosa[0])!;
    const date = one.start.slice(0, 10);
    const inChicago = await admin.json<{ data: { id: string }[] }>(
      'GET',
      `/bookings?date=${date}&providerId=rosa-delgado`,
    );
    expect(inChicago.data.map((b) => b.id)).toContain(rosa[0]);
    // The same date on Kiritimati (UTC+14) ends before the Chicago morning begins.
    const farEast = await admin.json<{ timeZone: string; data: { id: string; start: string }[] }>(
      'GET',
      `/bookings?date=${date}&providerId=rosa-delgado&timeZone=Pacific/Kiritimati`,
    );
    expect(farEast.timeZone).toBe('Pacific/Kiritimati');
    expect(farEast.data.every((b) => b.start.endsWith('+14:00') && b.start.startsWith(date))).toBe(true);
    expect(farEast.data.map((b) => b.id)).not.toContain(rosa[0]);

    for (const bad of [
      'date=2026-02-30',
      'from=2026-03-09&to=2026-03-02',
      'from=2026-01-01&to=2026-03-01',
      'timeZone=Mars/Olympus',
      'status=maybe',
      `providerId=${encodeURIComponent('<x>')}`,
    ]) {
      const response = await admin.request('GET', `/bookings?${bad}`);
      expect(response.status, bad).toBe(400);
    }
  });

  it('shows one booking in full, and audits the read', async () => {
    const { result: booking, entries } = await auditAfter(() =>
      admin.json<Record<string, unknown>>('GET', `/bookings/${hostile}`),
    );
    expect(booking).toMatchObject({
      id: hostile,
      providerId: 'maria-hernandez',
      providerName: expect.any(String),
      patient: { email: '-2+3@evil.example', reason: 'Cough, "bad" at night\nand fever' },
      consent: { terms: true },
      instructions: expect.stringContaining('Arrive 15 minutes early'),
      surveyResponses: [expect.objectContaining({ surveyId: 'phq-9' })],
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'booking.read', resource_ids: [hostile] })]);
    const missing = await admin.request('GET', '/bookings/bk-AAAAAAAAAAAAAAAAAAAAAA');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { kind: 'not-found', message: 'no booking with this id', field: 'bookingId' },
    });
  });

  it('marks arrived and no-show (once the visit started), audited with the change', async () => {
    const target = wei[0]!;
    const { result: arrived, entries } = await auditAfter(() =>
      admin.json<{ attendance: string; attendanceMarkedBy: string }>('POST', `/bookings/${target}/attendance`, {
        attendance: 'arrived',
      }),
    );
    expect(arrived.attendance).toBe('arrived');
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'booking.attendance',
        resource_ids: [target],
        actor_id: arrived.attendanceMarkedBy,
      }),
    ]);
    const early = await admin.request('POST', `/bookings/${target}/attendance`, { attendance: 'no-show' });
    expect(early.status).toBe(409);
    const { start } = await admin.json<{ start: string }>('GET', `/bookings/${target}`);
    server.clock.set(new Date(Date.parse(start) + 20 * 60_000));
    try {
      // Later that day: the morning's session has long gone idle, so the front desk signs in again.
      const frontDesk = await signInAs(server, 'front-desk');
      const mark = (attendance: string) =>
        frontDesk.json<{ attendance: string }>('POST', `/bookings/${target}/attendance`, { attendance });
      expect((await mark('no-show')).attendance).toBe('no-show');
      expect((await mark('expected')).attendance).toBe('expected');
    } finally {
      server.clock.set(NOW);
    }
    await server.db.query(`update bookings set status = 'cancelled' where id = $1`, [wei[1]]);
    try {
      expect((await admin.request('POST', `/bookings/${wei[1]}/attendance`, { attendance: 'arrived' })).status).toBe(
        409,
      );
    } finally {
      await server.db.query(`update bookings set status = 'booked' where id = $1`, [wei[1]]);
    }
    for (const body of [{}, { attendance: 'late' }, { attendance: 'arrived', note: 'x' }, []]) {
      expect((await admin.request('POST', `/bookings/${target}/attendance`, body)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
  });

  it('lists survey responses by survey, days, provider and booking, in pages', async () => {
    const all = await admin.json<{ data: { id: string; receivedAt: string }[] }>('GET', '/survey-responses?limit=200');
    expect(all.data.map((r) => r.id).sort()).toEqual(stored.map((s) => s.id).sort());
    const times = all.data.map((r) => r.receivedAt);
    expect(times).toEqual([...times].sort().reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/survey-responses?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const { result: page, entries } = await auditAfter(() =>
        admin.json<{ data: { id: string }[]; nextCursor: string | null }>('GET', query),
      );
      expect(entries).toEqual([
        expect.objectContaining({ action: 'survey-response.search', resource_ids: page.data.map((r) => r.id) }),
      ]);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((r) => r.id));

    const rosaNps = await admin.json<{ data: { id: string; scores: { nps: number } }[] }>(
      'GET',
      '/survey-responses?surveyId=post-visit-nps&providerId=rosa-delgado',
    );
    expect(rosaNps.data.map((r) => r.scores.nps).sort()).toEqual([10, 6]);
    const week = await admin.json<{ data: unknown[] }>('GET', '/survey-responses?from=2026-03-16&to=2026-03-22');
    expect(week.data).toHaveLength(stored.filter((s) => s.at >= '2026-03-16' && s.at < '2026-03-23').length);
    const ofBooking = await admin.json<{ data: { bookingId: string }[] }>(
      'GET',
      `/survey-responses?bookingId=${rosa[1]}`,
    );
    expect(ofBooking.data.map((r) => r.bookingId)).toEqual([rosa[1], rosa[1]]);
    const phq = stored.find((s) => s.surveyId === 'phq-9' && (s.score as number[])[8] === 1)!;
    const { result: one, entries } = await auditAfter(() =>
      admin.json<Record<string, unknown>>('GET', `/survey-responses/${phq.id}`),
    );
    expect(one).toMatchObject({
      scores: { phq9: { total: 14, band: 'moderate', item9: 1 } },
      flag: { status: 'open' },
      providerId: 'wei-chen',
      response: { resourceType: 'QuestionnaireResponse' },
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'survey-response.read', resource_ids: [phq.id] })]);
    expect((await admin.request('GET', '/survey-responses?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await admin.request('GET', '/survey-responses/qr-AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('aggregates the feedback per provider and overall exactly as the stored answers say', async () => {
    const weeks = ['2026-03-09', '2026-03-16', '2026-03-23'];
    const { result: summary, entries } = await auditAfter(() =>
      admin.json<FeedbackSummary>('GET', '/feedback?from=2026-03-09&to=2026-03-29'),
    );
    expect(entries).toEqual([expect.objectContaining({ action: 'feedback.read' })]);
    expect(summary.timeZone).toBe('America/Chicago');
    expect(summary.weeks).toEqual([
      { week: '2026-W11', weekStart: '2026-03-09' },
      { week: '2026-W12', weekStart: '2026-03-16' },
      { week: '2026-W13', weekStart: '2026-03-23' },
    ]);
    expect(sortGroup(summary.overall)).toEqual(sortGroup(expectedGroup(stored, weeks)));
    const providers = [...new Set(stored.map((s) => s.provider).filter(Boolean))] as string[];
    expect(summary.providers.map((p) => p.providerId).sort()).toEqual(providers.sort());
    for (const provider of summary.providers) {
      const { providerId, providerName, ...group } = provider;
      expect(providerName).toEqual(expect.any(String));
      expect(sortGroup(group), providerId).toEqual(
        sortGroup(
          expectedGroup(
            stored.filter((s) => s.provider === providerId),
            weeks,
          ),
        ),
      );
    }
    // The late-Sunday answer (23:30 in Chicago, Monday in UTC) falls in its Chicago week.
    expect(summary.overall.nps.trend[1]!.detractors).toBe(1);
    const inUtc = await admin.json<FeedbackSummary>('GET', '/feedback?from=2026-03-09&to=2026-03-29&timeZone=UTC');
    expect(inUtc.overall.nps.trend[1]!.detractors).toBe(0);
    expect(inUtc.overall.nps.trend[2]!.detractors).toBe(1);
  });

  it('flags a PHQ-9 item 9 above 0 until a clinician marks it handled, and audits the act', async () => {
    const clinician = await signInAs(server, 'clinician');
    const open = await clinician.json<{
      data: { responseId: string; item9: { score: number; label: string }; patient: { familyName: string } | null }[];
    }>('GET', '/flags');
    const flagged = stored.filter((s) => s.surveyId === 'phq-9' && (s.score as number[])[8]! > 0);
    expect(open.data.map((f) => f.responseId)).toEqual(flagged.map((s) => s.id));
    expect(open.data[0]!.item9).toEqual({ score: 1, label: 'Several days' });
    expect(open.data[1]!.item9).toEqual({ score: 3, label: 'Nearly every day' });
    expect(open.data[1]!.patient?.familyName).toContain(PATIENT_MARKER);

    const target = flagged[0]!.id!;
    const { result: handled, entries } = await auditAfter(() =>
      clinician.json<{ status: string; handledBy: string; note: string }>('POST', `/flags/${target}/handled`, {
        note: 'Called; safety plan agreed.',
      }),
    );
    expect(handled).toMatchObject({ status: 'handled', note: 'Called; safety plan agreed.' });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'flag.handle', actor_id: handled.handledBy, resource_ids: [target] }),
    ]);
    // The note is kept with the flag, not written into the audit trail.
    expect(JSON.stringify(entries)).not.toContain('safety plan');
    const still = await clinician.json<{ data: { responseId: string }[] }>('GET', '/flags');
    expect(still.data.map((f) => f.responseId)).toEqual([flagged[1]!.id]);
    const everything = await clinician.json<{ data: { responseId: string; status: string }[] }>(
      'GET',
      '/flags?status=all',
    );
    expect(everything.data.map((f) => f.status)).toEqual(['open', 'handled']);
    const again = await clinician.json<{ handledAt: string }>('POST', `/flags/${target}/handled`, {});
    expect(again.handledAt).toBe(new Date(NOW).toISOString());
    const notFlagged = stored.find((s) => s.surveyId === 'csat')!.id;
    expect((await clinician.request('POST', `/flags/${notFlagged}/handled`, {})).status).toBe(404);
  });

  it('exports bookings and answers as RFC 4180 CSV that no spreadsheet runs as formulas', async () => {
    const { result: response, entries } = await auditAfter(() =>
      admin.request('GET', '/exports/bookings.csv?from=2026-03-02&to=2026-03-08'),
    );
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="bookings-2026-03-02-to-2026-03-08.csv"',
    );
    const rows = parseCsv(await response.text());
    const [header, ...lines] = rows;
    expect(header!.slice(0, 3)).toEqual(['booking_id', 'status', 'attendance']);
    expect(lines).toHaveLength(rosa.length + wei.length + 1);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'export.bookings-csv', resource_ids: lines.map((l) => l[0]) }),
    ]);
    const row = Object.fromEntries(header!.map((name, i) => [name, lines.find((l) => l[0] === hostile)![i]]));
    expect(row).toMatchObject({
      given_name: `'=HYPERLINK("https://evil.example","Open")`,
      family_name: `'@SUM(1+1)${PATIENT_MARKER}`,
      email: "'-2+3@evil.example",
      phone: "'+1 555 0100",
      reason: 'Cough, "bad" at night\nand fever',
    });
    for (const line of lines) for (const cell of line) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);

    const answers = parseCsv(
      await (await admin.request('GET', '/exports/survey-responses.csv?from=2026-03-09&to=2026-03-29')).text(),
    );
    expect(answers[0]).toEqual([
      'response_id',
      'survey_id',
      'received_at',
      'booking_id',
      'provider_id',
      'status',
      'score',
      'link_id',
      'answer',
    ]);
    const comments = answers.filter((line) => line[7] === 'comment');
    expect(comments.length).toBe(stored.filter((s) => s.surveyId === 'post-visit-nps').length);
    expect(comments.every((line) => line[8] === `'=cmd|" /C calc"!A0`)).toBe(true);
    expect(answers.some((line) => line[7] === 'phq-9-9' && line[8] === 'Nearly every day')).toBe(true);
    expect(new Set(answers.slice(1).map((line) => line[0])).size).toBe(stored.length);
  });

  it("exports a FHIR R4 Bundle of Appointments and QuestionnaireResponses that Medplum's validator accepts", async () => {
    await admin.json('POST', `/bookings/${rosa[0]}/attendance`, { attendance: 'arrived' });
    const { result: bundle, entries } = await auditAfter(() =>
      admin.json<{ resourceType: string; type: string; entry: { resource: Resource & { id: string } }[] }>(
        'GET',
        '/exports/fhir?from=2026-03-02&to=2026-03-31',
      ),
    );
    expect(() => validateResource(bundle as unknown as Resource)).not.toThrow();
    for (const { resource } of bundle.entry) {
      expect(() => validateResource(resource), `${resource.resourceType}/${resource.id}`).not.toThrow();
      expect(resource.id).toMatch(FHIR_ID);
    }
    const appointments = bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'Appointment') as (Resource & Record<string, unknown>)[];
    const responses = bundle.entry.filter((e) => e.resource.resourceType === 'QuestionnaireResponse');
    expect(appointments).toHaveLength(rosa.length + wei.length + 1);
    expect(responses).toHaveLength(stored.length);
    const arrived = appointments.find((a) => (a.identifier as { value: string }[])[0]!.value === rosa[0])!;
    expect(arrived.status).toBe('arrived');
    expect(arrived.supportingInformation).toHaveLength(2);
    expect(entries.map((e) => e.action)).toEqual(['export.fhir', 'export.fhir']);
    expect(entries.flatMap((e) => e.resource_ids)).toHaveLength(appointments.length + responses.length);
  });

  it('keeps an append-only audit trail, readable by admins with filters and as FHIR AuditEvents', async () => {
    for (const sql of ['update audit_events set action = $1', 'delete from audit_events where action = $1']) {
      await expect(server.db.query(sql, ['booking.read'])).rejects.toMatchObject({ code: 'FD403' });
    }
    await expect(server.db.query('truncate audit_events')).rejects.toMatchObject({ code: 'FD403' });

    const reads = await admin.json<{ data: { action: string; resourceIds: string[]; actor: { id: string } }[] }>(
      'GET',
      `/audit?action=booking.read&resourceId=${hostile}`,
    );
    expect(reads.data.length).toBeGreaterThan(0);
    expect(reads.data.every((e) => e.action === 'booking.read' && e.resourceIds.includes(hostile))).toBe(true);
    const byActor = await admin.json<{ data: { actor: { id: string } }[] }>(
      'GET',
      `/audit?actorId=${reads.data[0]!.actor.id}&limit=1000`,
    );
    expect(byActor.data.every((e) => e.actor.id === reads.data[0]!.actor.id)).toBe(true);
    const firstPage = await admin.json<{ data: { id: string }[]; nextCursor: string }>('GET', '/audit?limit=3');
    const secondPage = await admin.json<{ data: { id: string }[] }>(
      'GET',
      `/audit?limit=3&cursor=${firstPage.nextCursor}`,
    );
    expect(secondPage.data.some((e) => firstPage.data.some((f) => f.id === e.id))).toBe(false);
    expect((await admin.request('GET', '/audit?action=DROP%20TABLE')).status).toBe(400);

    const bundle = await admin.json<{ entry: { resource: Resource & { id: string } }[] }>(
      'GET',
      '/audit/fhir?limit=500',
    );
    expect(bundle.entry.length).toBeGreaterThan(20);
    expect(() => validateResource(bundle as unknown as Resource)).not.toThrow();
    for (const { resource } of bundle.entry) {
      expect(resource.resourceType).toBe('AuditEvent');
      expect(resource.id).toMatch(FHIR_ID);
      expect(() => validateResource(resource)).not.toThrow();
    }
    // No patient data in the trail itself: ids, actions, addresses and counts only.
    const dump = await server.db.query<{ t: string }>('select row_to_json(a)::text as t from audit_events a');
    expect(dump.rows.some((row) => row.t.includes(PATIENT_MARKER))).toBe(false);
  });

  it('never puts patient data in an error', async () => {
    const bad = [
      ['GET', `/bookings?providerId=${PATIENT_MARKER}%3C`],
      ['GET', `/bookings/${PATIENT_MARKER}`],
      ['GET', `/survey-responses?cursor=${PATIENT_MARKER}`],
      ['GET', `/feedback?timeZone=${PATIENT_MARKER}`],
      ['GET', `/audit?action=${PATIENT_MARKER}`],
      ['POST', `/bookings/${hostile}/attendance`, { attendance: PATIENT_MARKER }],
      ['POST', `/bookings/${hostile}/attendance`, { [PATIENT_MARKER]: 1 }],
      ['POST', `/flags/${PATIENT_MARKER}/handled`, {}],
      ['PUT', '/settings', { retentionMonths: PATIENT_MARKER }],
      ['POST', '/accounts', { email: PATIENT_MARKER, role: 'admin', password: PATIENT_MARKER }],
      ['POST', '/tokens', { name: 'x', scopes: [PATIENT_MARKER] }],
    ] as const;
    for (const [method, path, body] of bad) {
      const response = await admin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      expect(await response.text(), `${method} ${path}`).not.toContain(PATIENT_MARKER);
    }
  });
});
