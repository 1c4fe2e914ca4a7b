// The clinic's side in Chromium, against the real server (PGlite), a real SMTP server and the built console
// (`pnpm run build`): an admin signs in, sees the booking a patient just made, cancels it, the patient gets the cancel
// notice, and the audit trail has the read and the cancel; front-desk staff move a booking to a day weeks away, chosen
// by day and time; a PHQ-9 answer with item 9 above 0 stays at the top until a clinician marks it handled; the
// feedback charts and their tables agree with the answers stored. Axe clean, no policy violation, no console error,
// readable at 320 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mailbox, startMailbox } from '../../packages/server/src/test-support/mailbox.js';
import {
  bookingBody,
  NOW,
  post,
  startTestServer,
  type TestServer,
} from '../../packages/server/src/test-support/server.js';
import { addStaff, answerSurvey, csat, nps, PASSWORD, phq9 } from '../../packages/server/src/test-support/staff.js';
import { axeViolations, focused, launchChromium, overflow, watchedPage } from './harness.js';

let server: TestServer;
let mailbox: Mailbox;
let browser: Browser;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer('pglite', {
    email: { smtpUrl: mailbox.url, from: 'Cumberland Valley <visits@cumberland.example>' },
    jobs: { pollMs: 50 },
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await mailbox?.close();
});

/** The patient books the first free time of today through the public API, giving an e-mail and consent to contact. */
async function patientBooks(familyName: string): Promise<string> {
  const day = NOW.slice(0, 10);
  const params = new URLSearchParams({ start: `${day}T00:00:00-06:00`, end: `${day}T23:59:00-06:00` });
  const slots = (await (await fetch(`${server.api}/slots?${params}`)).json()) as {
    data: { id: string; status: string; visitTypeIds: string[] }[];
  };
  const slot = slots.data.find((s) => s.status === 'free')!;
  const body = bookingBody(slot.id, slot.visitTypeIds[0]!, 'existing');
  const response = await post(
    `${server.api}/bookings`,
    {
      ...body,
      consent: { terms: true, contact: true },
      patient: { ...body.patient, givenName: 'Rosa', familyName, email: 'rosa.patient@example.org' },
    },
    { 'Idempotency-Key': `staff-e2e-${familyName}` },
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.origin}/staff/`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function expectClean(page: Page, violations: () => Promise<string[]>, errors: string[]): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await violations()).toEqual([]);
  // The one expected refusal: the page asks who is signed in before anyone is (401), which Chromium logs.
  expect(errors.filter((error) => !/status of 401 \(Unauthorized\)/.test(error))).toEqual([]);
}

const auditRows = async (action: string, id: string) =>
  (
    await server.db.query<{ actor_id: string }>(
      'select actor_id from audit_events where action = $1 and $2 = any(resource_ids)',
      [action, id],
    )
  ).rows;

/** The free times `/slots` lists for a provider and visit type on one day in Nashville (`offset` that day's). */
async function freeTimesOn(day: string, offset: string, providerId: string, visitTypeId: string): Promise<string[]> {
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const params = new URLSearchParams({
    providerId,
    visitTypeId,
    start: `${day}T00:00:00${offset}`,
    end: `${next}T00:00:00${offset}`,
  });
  const slots = (await (await fetch(`${server.api}/slots?${params}`)).json()) as {
    data: { id: string; status: string }[];
  };
  return slots.data.filter((slot) => slot.status === 'free').map((slot) => slot.id);
}

describe('the staff console', () => {
  it('shows an admin the booking a patient just made, cancels it for them, and the patient is told', async () => {
    const admin = await addStaff(server, 'admin');
    const bookingId = await patientBooks('Delgadillo');
    const { page, violations, errors } = await watchedPage({ origin: server.origin, browser, close: async () => {} });
    await signIn(page, admin.email);
    await expect.poll(() => page.getByRole('table').first().textContent()).toContain('Rosa Delgadillo');
    await expect(page.getByText(/Times are in the clinic’s time zone, America\/\w+/).isVisible()).resolves.toBe(true);
    await expectClean(page, violations, errors);

    await page.getByRole('button', { name: /^Open\W+Rosa Delgadillo/ }).click();
    await page.getByRole('heading', { name: 'Rosa Delgadillo' }).waitFor();
    expect(await auditRows('booking.read', bookingId)).toEqual([{ actor_id: admin.id }]);
    const mailsBefore = mailbox.mails.length;
    await page.getByRole('button', { name: 'Cancel the booking' }).click();
    // The second, explicit yes has focus: Enter confirms.
    await page.keyboard.press('Enter');
    await page.getByText('Status: Cancelled').waitFor();
    await expectClean(page, violations, errors);

    const mails = await mailbox.waitFor(mailsBefore + 1);
    const notice = mails
      .slice(mailsBefore)
      .find((mail) => mail.attachments.some((file) => String(file.content).includes('METHOD:CANCEL')));
    expect(notice?.to).toMatchObject({ text: 'rosa.patient@example.org' });
    expect(await auditRows('booking.cancel', bookingId)).toEqual([{ actor_id: admin.id }]);
    const status = await server.db.query<{ status: string; cancelled_by: string }>(
      'select status, cancelled_by from bookings where id = $1',
      [bookingId],
    );
    expect(status.rows[0]).toEqual({ status: 'cancelled', cancelled_by: 'staff' });

    // The waitlist (its rows written as the waitlist writes them), audited too.
    const at = new Date(server.clock.now());
    await server.db.query(
      `insert into waitlist (id, provider_id, visit_type_id, first_day, last_day, patient, consent, language,
         notifications, status, created_at, updated_at)
       values ('wl-e2e', 'rosa-delgado', 'new-patient', '2026-03-03', '2026-03-13', $1, '{"terms":true}', 'en', '{}',
         'waiting', $2, $2)`,
      [JSON.stringify({ givenName: 'Margaret', familyName: 'Ellison', phone: '(615) 555-0117' }), at],
    );
    await page.getByRole('button', { name: 'Waitlist' }).click();
    await page.getByRole('table', { name: 'Waitlist' }).getByText('Margaret Ellison').waitFor();
    expect(await auditRows('waitlist.search', 'wl-e2e')).toEqual([{ actor_id: admin.id }]);
    await expectClean(page, violations, errors);
    await page.context().close();
  });

  it('moves a booking to a time weeks after its visit, chosen by day then time, at 320 px', async () => {
    const frontDesk = await addStaff(server, 'front-desk');
    const bookingId = await patientBooks('Marquez');
    const booked = async () =>
      (
        await server.db.query<{ slot_id: string; start_at: Date; provider_id: string; visit_type_id: string }>(
          'select slot_id, start_at, provider_id, visit_type_id from bookings where id = $1',
          [bookingId],
        )
      ).rows[0]!;
    const { provider_id: providerId, visit_type_id: visitTypeId, slot_id: oldSlot } = await booked();
    // Five weeks on and later, outside the three weeks the console once offered: the first weekday with free times
    // (Nashville is on daylight time, -05:00, by then).
    let day = '';
    let dayTimes: string[] = [];
    for (const candidate of ['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10']) {
      dayTimes = await freeTimesOn(candidate, '-05:00', providerId, visitTypeId);
      if (dayTimes.length > 1) {
        day = candidate;
        break;
      }
    }
    expect(day).not.toBe('');

    const { page, violations, errors } = await watchedPage(
      { origin: server.origin, browser, close: async () => {} },
      { viewport: { width: 320, height: 800 } },
    );
    await signIn(page, frontDesk.email);
    await page.getByRole('button', { name: /^Open\W+Rosa Marquez/ }).click();
    await page.getByRole('heading', { name: 'Rosa Marquez' }).waitFor();
    const move = page.getByRole('group', { name: 'Move to another time' });
    const announced = () => page.locator('fd-staff-console [role="status"][aria-live="polite"]').textContent();
    const dayField = move.getByLabel('Day');
    const times = move.getByLabel('New time');
    const listed = () =>
      times.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    // The visit's own day first, in the booking's zone: its free times, as the server lists them.
    expect(await dayField.inputValue()).toBe('2026-03-02');
    const visitDayTimes = await freeTimesOn('2026-03-02', '-06:00', providerId, visitTypeId);
    expect(visitDayTimes.length).toBeGreaterThan(0);
    await expect.poll(listed).toEqual(visitDayTimes);

    // Another day: its times replace the visit day's, and screen readers hear how many there are. The day picked on
    // the way there answers late (held back here), and is called off rather than allowed to replace the newer list.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const onTheWay = (url: URL) =>
      url.pathname === '/api/slots' && (url.searchParams.get('start') ?? '').startsWith('2026-03-03');
    await page.route(onTheWay, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    const calledOff = page.waitForEvent('requestfailed', (request) => onTheWay(new URL(request.url())));
    await dayField.fill('2026-03-03');
    await dayField.fill(day);
    await expect.poll(listed).toEqual(dayTimes);
    release();
    expect((await calledOff).failure()?.errorText).toMatch(/ABORTED/);
    await page.unroute(onTheWay);
    expect(await listed()).toEqual(dayTimes);
    expect(dayTimes.some((id) => visitDayTimes.includes(id))).toBe(false);
    const dayInWords = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
      Date.parse(`${day}T12:00:00Z`),
    );
    await expect.poll(announced).toBe(`${dayTimes.length} free times on ${dayInWords}.`);
    expect((await overflow(page)).horizontalScroll).toBe(false);
    await expectClean(page, violations, errors);

    // Keyboard only: the second time of that day, then the button.
    const newSlot = dayTimes[1]!;
    await times.focus();
    await page.keyboard.press('ArrowDown');
    expect(await times.inputValue()).toBe(newSlot);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Move and tell the patient' });
    await page.keyboard.press('Enter');
    await expect.poll(announced).toBe('The booking is moved and the patient will be told.');

    // The booking shows its new time, and the move form now starts from that day.
    const row = await booked();
    expect(row.slot_id).toBe(newSlot);
    expect(row.slot_id).not.toBe(oldSlot);
    const newTime = new Intl.DateTimeFormat('en', {
      timeZone: 'America/Chicago',
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(row.start_at);
    await page.getByText(newTime).waitFor();
    expect(await dayField.inputValue()).toBe(day);
    expect(await auditRows('booking.reschedule', bookingId)).toEqual([{ actor_id: frontDesk.id }]);
    await expectClean(page, violations, errors);

    // A time another patient books while staff look at the list: the move is refused (409), the page says so and
    // the day's list shows what is still free.
    const taken = dayTimes[0]!;
    await expect.poll(listed).toContain(taken);
    const other = await post(`${server.api}/bookings`, bookingBody(taken, visitTypeId, 'existing'), {
      'Idempotency-Key': 'staff-e2e-taken-meanwhile',
    });
    expect(other.status, await other.clone().text()).toBe(201);
    await times.selectOption(taken);
    await move.getByRole('button', { name: 'Move and tell the patient' }).click();
    await page.getByText('the booking or the time changed meanwhile', { exact: false }).waitFor();
    await expect.poll(listed).toEqual(await freeTimesOn(day, '-05:00', providerId, visitTypeId));
    expect(await listed()).not.toContain(taken);
    expect((await booked()).slot_id).toBe(newSlot);

    // A day whose times cannot be had says so where the times go, with a retry, and the day field stays.
    const failingDay = '2026-04-13';
    const cutOff = (url: URL) =>
      url.pathname === '/api/slots' && (url.searchParams.get('start') ?? '').startsWith(failingDay);
    await page.route(cutOff, (route) => route.abort('connectionrefused'));
    await dayField.fill(failingDay);
    await move.getByRole('alert').getByText('The server could not be reached.', { exact: false }).waitFor();
    expect(await dayField.inputValue()).toBe(failingDay);
    await page.unroute(cutOff);
    await move.getByRole('button', { name: 'Try again' }).click();
    expect(await focused(page)).toMatchObject({ tag: 'input', role: null });
    await expect.poll(listed).toEqual(await freeTimesOn(failingDay, '-05:00', providerId, visitTypeId));
    await page.context().close();
  });

  it('keeps a PHQ-9 answer of item 9 above 0 at the top until a clinician marks it handled', async () => {
    const clinician = await addStaff(server, 'clinician');
    const responseId = await answerSurvey(server, 'phq-9', phq9([1, 1, 2, 1, 0, 1, 0, 0, 2]));
    const { page, violations, errors } = await watchedPage({ origin: server.origin, browser, close: async () => {} });
    await signIn(page, clinician.email);
    const flags = page.getByRole('region', { name: /PHQ-9 question 9 answered above 0/ });
    await flags.waitFor();
    // Above everything else the clinician sees.
    const [flagsTop, navTop] = await Promise.all([
      flags.boundingBox(),
      page.getByRole('navigation', { name: 'Sections' }).boundingBox(),
    ]);
    expect(flagsTop!.y).toBeLessThan(navTop!.y);
    expect(await flags.textContent()).toMatch(/PHQ-9 total: 8/);
    await expectClean(page, violations, errors);

    await flags.getByLabel('Note (optional)').fill('Called; safety plan in place.');
    await flags.getByRole('button', { name: /Mark handled/ }).click();
    await flags.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await expect(page.getByRole('region', { name: /PHQ-9 question 9/ }).count()).resolves.toBe(0);
    expect(await auditRows('flag.handle', responseId)).toEqual([{ actor_id: clinician.id }]);
    await page.context().close();
  });

  it('draws the feedback so that each chart and its table agree with the answers stored, in en and es, at 320 px', async () => {
    const admin = await addStaff(server, 'admin');
    for (const score of [10, 9, 9, 7, 3, 0]) await answerSurvey(server, 'post-visit-nps', nps(score));
    for (const rating of [5, 5, 4, 2] as const) await answerSurvey(server, 'csat', csat(rating));
    // The NPS the stored answers make: % promoters (9-10) − % detractors (0-6), over every NPS answer stored.
    const stored = await server.db.query<{ score: number }>(
      `select (response->'item'->0->'answer'->0->>'valueInteger')::int as score from survey_responses
       where survey_id = 'post-visit-nps'`,
    );
    expect(stored.rows.length).toBeGreaterThan(0);
    const scores = stored.rows.map((row) => row.score);
    const expected = Math.round(
      (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length,
    );

    const { page, violations, errors } = await watchedPage(
      { origin: server.origin, browser, close: async () => {} },
      { viewport: { width: 320, height: 800 } },
    );
    await signIn(page, admin.email);
    await page.getByRole('button', { name: 'Feedback' }).click();
    const npsChart = page.locator('fd-staff-chart').filter({ hasText: 'Net Promoter Score by week' });
    await npsChart.getByText(`NPS ${expected} from ${scores.length} responses`).waitFor();
    // The week's row holds the same score, and the chart draws one dot for each week with a score.
    const npsRows = await npsChart.locator('tbody tr').allTextContents();
    expect(npsRows.some((row) => row.includes(String(expected)))).toBe(true);
    expect(await npsChart.locator('svg g[aria-label="dot"] circle').count()).toBeGreaterThan(0);

    const csatChart = page.locator('fd-staff-chart').filter({ hasText: 'Satisfaction ratings' });
    const counts = (await csatChart.locator('tbody tr td').allTextContents()).map(Number);
    const storedCsat = await server.db.query<{ code: string }>(
      `select response->'item'->0->'answer'->0->'valueCoding'->>'code' as code from survey_responses
       where survey_id = 'csat'`,
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(storedCsat.rows.length);
    // One bar per point of the scale, each as tall as its count says (the same pixels per answer).
    const heights = await csatChart
      .locator('svg g[aria-label="bar"] rect')
      .evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
    expect(heights.length).toBe(counts.length);
    const perAnswer = heights.map((h, i) => (counts[i] ? h / counts[i]! : undefined)).filter((v) => v !== undefined);
    for (const ratio of perAnswer) expect(ratio).toBeCloseTo(perAnswer[0]!, 5);
    expect(heights.filter((h, i) => counts[i] === 0 && h > 0.5)).toEqual([]);

    // The table is shown on request, and is read by screen readers either way.
    await csatChart.getByRole('button', { name: 'Show as a table' }).click();
    await expect(csatChart.getByRole('table', { name: 'Satisfaction ratings' }).isVisible()).resolves.toBe(true);
    expect((await overflow(page)).horizontalScroll).toBe(false);
    await expectClean(page, violations, errors);

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Calificaciones de satisfacción' }).waitFor();
    await expectClean(page, violations, errors);
    await page.context().close();
  });
});
