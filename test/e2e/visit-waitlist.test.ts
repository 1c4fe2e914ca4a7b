// The waitlist, the patient's side, in Chromium against @frontdesk/server with a real SMTP server: two patients ask
// the picker to tell them when an earlier time opens (in two browser contexts), a booking is cancelled, both get an
// offer mail, both open its claim link and claim at about the same time: exactly one gets the visit, the other is
// told plainly that the time is gone. Axe clean at each step.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ManualClock, RunningServer } from '../../packages/server/dist/index.js';
import type { Mailbox } from '../../packages/server/src/test-support/mailbox.js';
import { expectAccessible, type Site, shadowText, watchedPage } from './harness.js';
import { answerNewPatient, PATIENT, typeField, typePatient } from './patient-steps.js';
import { visitSiteForSuite } from './visit-site.js';

let mailbox: Mailbox;
let clock: ManualClock;
let server: RunningServer;
let site: Site;
const PROVIDER_PAGE = '/provider.html?provider=rosa-delgado';
const OFFER_LINK = /(http:\/\/\S+\/manage\.html#offer=[A-Za-z0-9_-]+)/;

/** The latest mail to `to` that carries a claim link. */
function offerMail(to: string) {
  return mailbox.mails.findLast(
    (mail) => JSON.stringify(mail.to ?? '').includes(to) && OFFER_LINK.test(mail.text ?? ''),
  );
}

visitSiteForSuite((visit) => {
  ({ mailbox, clock, server, site } = visit);
});

async function post(path: string, body: unknown, key: string): Promise<Response> {
  return fetch(`${site.origin}/api${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
}

/** Another patient books the first free new-patient time with the provider (through the API, as any page would). */
async function bookFirstTime(key: string): Promise<{ slotId: string; manageToken: string }> {
  const query = new URLSearchParams({
    providerId: 'rosa-delgado',
    visitTypeId: 'new-patient',
    start: new Date().toISOString(),
    end: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  const slots = (await (await fetch(`${site.origin}/api/slots?${query}`)).json()) as {
    data: { id: string; status: string; visitTypeIds: string[] }[];
  };
  const slot = slots.data.find((s) => s.status === 'free' && s.visitTypeIds.includes('new-patient'))!;
  const answer = await post(
    '/bookings',
    {
      slotId: slot.id,
      visitTypeId: 'new-patient',
      patient: {
        givenName: 'Early',
        familyName: 'Bird',
        birthDate: '1960-02-03',
        phone: '+1 615 555 0111',
        email: 'early.bird@example.com',
        patientType: 'new',
      },
      consent: { terms: true, contact: true },
    },
    key,
  );
  expect(answer.status).toBe(201);
  const booking = (await answer.json()) as { manageToken: string };
  return { slotId: slot.id, manageToken: booking.manageToken };
}

/** In the picker: "Tell me if an earlier time opens", the form filled by keyboard, joined. */
async function joinWaitlist(page: Page, given: string, email: string): Promise<void> {
  await page.goto(`${site.origin}${PROVIDER_PAGE}`);
  await answerNewPatient(page);
  const picker = page.locator('fd-slot-picker');
  await picker.getByRole('button', { name: 'Tell me if an earlier time opens' }).click();
  await picker.getByRole('heading', { name: 'Tell me if an earlier time opens' }).waitFor();
  await typePatient(page, given);
  await typeField(page, 'Email (optional)', email);
  // Consent to be contacted is required: the form says so in place when it is missing.
  await picker.getByRole('button', { name: 'Add me to the waitlist' }).click();
  await picker.getByText('tick the box so the clinic may write to you').first().waitFor();
  await picker.getByRole('checkbox', { name: 'The clinic may text or email me about this visit' }).check();
  await expectAccessible(page, 'waitlist form');
  await picker.getByRole('button', { name: 'Add me to the waitlist' }).click();
  await expect
    .poll(() => shadowText(picker), { timeout: 15_000 })
    .toMatch(/You are on the waitlist from .* We will email you when an earlier time opens\./);
  await expectAccessible(page, 'on the waitlist');
}

describe('the waitlist, the patient’s side', () => {
  it('two patients join through the picker; a cancellation offers the time to both; the first claim wins', async () => {
    const { slotId, manageToken } = await bookFirstTime('waitlist-e2e-first-booking');
    const first = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    const second = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await joinWaitlist(first.page, 'Ana', 'ana.waits@example.com');
      await joinWaitlist(second.page, 'Bea', 'bea.waits@example.com');
      const waiting = await server.db.query<{ status: string }>("select status from waitlist where status = 'waiting'");
      expect(waiting.rows).toHaveLength(2);

      expect((await post(`/bookings/${manageToken}/cancel`, {}, 'waitlist-e2e-cancel-1')).status).toBe(200);
      await expect
        .poll(() => Boolean(offerMail('ana.waits@example.com') && offerMail('bea.waits@example.com')), {
          timeout: 20_000,
        })
        .toBe(true);
      const linkFor = (to: string) => OFFER_LINK.exec(offerMail(to)!.text ?? '')![1]!;

      // Each opens their own link: the time offered, the token gone from the address bar.
      const pages = [first.page, second.page];
      await first.page.goto(linkFor('ana.waits@example.com'));
      await second.page.goto(linkFor('bea.waits@example.com'));
      for (const page of pages) {
        const manage = page.locator('fd-booking');
        await manage.getByRole('button', { name: 'Claim this time' }).waitFor({ timeout: 15_000 });
        expect(new URL(page.url()).hash).toBe('');
        expect(await shadowText(manage)).toContain('Rosa Delgado');
        await expectAccessible(page, 'offer');
      }

      // Both claim at about the same time.
      await Promise.all(
        pages.map((page) => page.locator('fd-booking').getByRole('button', { name: 'Claim this time' }).click()),
      );
      const outcome = async (page: Page) => {
        const manage = page.locator('fd-booking');
        await manage
          .locator('.notice-title')
          .getByText(/^(The time is yours|This time is gone: another patient claimed it first)$/)
          .waitFor({ timeout: 15_000 });
        return (await shadowText(manage)).includes('The time is yours') ? 'won' : 'gone';
      };
      const outcomes = await Promise.all(pages.map(outcome));
      expect([...outcomes].sort()).toEqual(['gone', 'won']);
      const winner = pages[outcomes.indexOf('won')]!;
      const loser = pages[outcomes.indexOf('gone')]!;
      expect(await shadowText(winner.locator('fd-booking'))).toContain('This visit is booked.');
      expect(await shadowText(loser.locator('fd-booking'))).toContain('You are still on the waitlist');
      await expectAccessible(winner, 'claimed');
      await expectAccessible(loser, 'gone');

      const booked = await server.db.query<{ id: string }>(
        "select id from bookings where slot_id = $1 and status = 'booked'",
        [slotId],
      );
      expect(booked.rows).toHaveLength(1);
      for (const watched of [first, second]) {
        expect(watched.errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
        expect(await watched.violations()).toEqual([]);
      }
    } finally {
      await first.context.close();
      await second.context.close();
    }
  }, 180_000);

  it('an offer left unclaimed past its time says plainly that it ran out, and cannot be claimed', async () => {
    const { manageToken } = await bookFirstTime('waitlist-e2e-second-booking');
    const joined = await post(
      '/waitlist',
      {
        providerId: 'rosa-delgado',
        visitTypeId: 'new-patient',
        from: new Date().toISOString().slice(0, 10),
        to: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        patient: {
          givenName: 'Cara',
          familyName: PATIENT.family,
          birthDate: '1952-07-14',
          phone: '+1 615 555 0122',
          email: 'cara.waits@example.com',
          patientType: 'new',
        },
        consent: { terms: true, contact: true },
        idempotencyKey: 'waitlist-e2e-cara-joins',
      },
      'waitlist-e2e-cara-joins',
    );
    expect(joined.status).toBe(201);
    expect((await post(`/bookings/${manageToken}/cancel`, {}, 'waitlist-e2e-cancel-2')).status).toBe(200);
    await expect.poll(() => Boolean(offerMail('cara.waits@example.com')), { timeout: 20_000 }).toBe(true);
    const link = OFFER_LINK.exec(offerMail('cara.waits@example.com')!.text ?? '')![1]!;

    // The clinic's default 30 minutes to claim pass before Cara opens the mail.
    clock.advance(31 * 60_000);
    const { page, context, errors, violations } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(link);
      const manage = page.locator('fd-booking');
      await manage.getByText('This offer has run out').waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).hash).toBe('');
      expect(await manage.getByRole('button', { name: 'Claim this time' }).count()).toBe(0);
      await expectAccessible(page, 'offer run out');
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
