// The patient's whole visit on the demo site, in Chromium against @frontdesk/server with a real SMTP server and a
// clock the test moves: book through the picker (the time held while typing), the confirmation mail with its manage
// link, the manage page (move: a change notice whose .ics has the same UID and a higher SEQUENCE; cancel:
// METHOD:CANCEL and the time offered again), a hold that blocks a second patient until it expires, and the
// invitation after the visit, sent once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ManualClock, RunningServer } from '../../packages/server/dist/index.js';
import type { Mailbox } from '../../packages/server/src/test-support/mailbox.js';
import { expectAccessible, type Site, shadowText, watchedPage } from './harness.js';
import { answerNewPatient, pickTimeByKeyboard, timeButtons, typeField, typePatient } from './patient-steps.js';
import { visitSiteForSuite } from './visit-site.js';

let mailbox: Mailbox;
let clock: ManualClock;
let server: RunningServer;
let site: Site;
const PROVIDER_PAGE = '/provider.html?provider=rosa-delgado';

visitSiteForSuite((visit) => {
  ({ mailbox, clock, server, site } = visit);
});

/** The .ics attached to a mail, unfolded into lines. */
function icsOf(mail: Mailbox['mails'][number]): string[] {
  const file = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
  expect(file, 'an .ics attached').toBeTruthy();
  return file!.content.toString('utf8').replace(/\r\n /g, '').split('\r\n');
}
const prop = (lines: string[], name: string) =>
  lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);

/** Mails that have arrived whose text has `needle`. */
const mailsWith = (needle: string) => mailbox.mails.filter((mail) => (mail.text ?? '').includes(needle));

async function waitForMail(needle: string, count = 1) {
  await expect.poll(() => mailsWith(needle).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return mailsWith(needle);
}

/** Whether the server offers `slotId` as free now (what any patient's picker would be shown). */
async function offered(slotId: string): Promise<boolean> {
  const [providerId, , stamp] = slotId.split('|');
  const start = new Date(`${stamp!.slice(0, 4)}-${stamp!.slice(4, 6)}-${stamp!.slice(6, 8)}T00:00:00Z`);
  const end = new Date(start.getTime() + 2 * 86_400_000);
  const url = new URL(`${site.origin}/api/slots`);
  url.searchParams.set('providerId', providerId!);
  url.searchParams.set('start', start.toISOString());
  url.searchParams.set('end', end.toISOString());
  const body = (await (await fetch(url)).json()) as { data: { id: string; status: string }[] };
  return body.data.some((slot) => slot.id === slotId && slot.status === 'free');
}

/** Types the patient's details with an e-mail address and the consent to be contacted, then confirms. */
async function fillAndConfirm(page: Page, email: string): Promise<void> {
  const picker = page.locator('fd-slot-picker');
  await typePatient(page);
  await typeField(page, 'Email (optional)', email);
  await typeField(page, 'Reason for visit (optional)', 'Private: back pain');
  await picker.getByRole('checkbox', { name: 'The clinic may text or email me about this visit' }).check();
  await picker.getByRole('button', { name: 'Continue' }).click();
  const confirm = picker.getByRole('button', { name: /Confirm/ });
  await confirm.waitFor();
  await confirm.click();
  await picker.getByRole('heading', { name: 'You’re booked' }).waitFor({ timeout: 15_000 });
}

describe('the patient’s whole visit', () => {
  it('books through the picker, gets the mail, moves and cancels the visit from its manage link', async () => {
    const { page, context, errors, violations } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.origin}${PROVIDER_PAGE}`);
      const picker = page.locator('fd-slot-picker');
      await pickTimeByKeyboard(page);
      await expect.poll(() => shadowText(picker)).toMatch(/We are keeping this time for you until \d{1,2}:\d\d [AP]M/);
      await fillAndConfirm(page, 'ana.prueba@example.com');

      // The confirmation: the manage page, Google and Outlook beside the .ics, none of them with the reason.
      const manageHref = await picker.getByRole('link', { name: /Manage or cancel/ }).getAttribute('href');
      expect(manageHref).toMatch(new RegExp(`^${site.origin}/manage\\.html#token=`));
      const google = await picker.getByRole('link', { name: /Google Calendar/ }).getAttribute('href');
      const outlook = await picker.getByRole('link', { name: /Outlook/ }).getAttribute('href');
      for (const link of [google!, outlook!]) expect(decodeURIComponent(link)).not.toContain('back pain');
      expect(new URL(google!).searchParams.get('text')).toBe('Appointment with Rosa Delgado');
      await expectAccessible(page, 'confirmation');

      // The confirmation mail, with its own manage link and the calendar entry.
      const [confirmationMail] = await waitForMail('/manage.html#token=');
      const first = icsOf(confirmationMail!);
      const uid = prop(first, 'UID');
      expect(prop(first, 'METHOD')).toBe('PUBLISH');
      const link = /(http:\/\/\S+\/manage\.html#token=[A-Za-z0-9_-]+)/.exec(confirmationMail!.text ?? '')![1]!;

      // The manage page: the visit, then the token gone from the address bar.
      await page.goto(link);
      const manage = page.locator('fd-booking');
      await manage.getByText('This visit is booked.').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      const shown = await shadowText(manage);
      expect(shown).toContain('Rosa Delgado');
      expect(shown).toMatch(/\d{1,2}:\d\d [AP]M \(Central (Standard|Daylight) Time, Chicago\)|\(.*Time/);
      await expectAccessible(page, 'manage page');

      // Move it: the picker for the same provider and visit type, one transaction on the server.
      const before = await server.db.query<{ slot_id: string }>('select slot_id from bookings');
      const oldSlot = before.rows[0]!.slot_id;
      await manage.getByRole('button', { name: 'Change the time' }).click();
      const movePicker = manage.locator('fd-slot-picker');
      await movePicker.getByRole('grid').waitFor({ timeout: 15_000 });
      await movePicker.locator('td.open').first().click();
      await movePicker.getByRole('toolbar').getByRole('button').last().click();
      await expectAccessible(page, 'choosing a new time');
      await manage.getByRole('button', { name: /^Move my visit to / }).click();
      await manage.locator('[part="outcome"]').getByText('Your visit is moved').waitFor({ timeout: 15_000 });
      const after = await server.db.query<{ slot_id: string }>('select slot_id from bookings');
      expect(after.rows).toHaveLength(1);
      expect(after.rows[0]!.slot_id).not.toBe(oldSlot);
      expect(await offered(oldSlot)).toBe(true);

      const changed = await waitForMail('/manage.html#token=', 2);
      const moved = icsOf(changed[1]!);
      expect(prop(moved, 'UID')).toBe(uid);
      expect(Number(prop(moved, 'SEQUENCE'))).toBeGreaterThan(Number(prop(first, 'SEQUENCE')));

      // Cancel it, with a reason only the clinic reads.
      await manage.getByRole('button', { name: 'Cancel this visit' }).click();
      await manage.getByRole('textbox', { name: 'Reason (optional)' }).fill('Feeling better');
      await expectAccessible(page, 'cancel step');
      await manage.getByRole('button', { name: 'Yes, cancel the visit' }).click();
      await manage.locator('[part="outcome"]').getByText('Your visit is cancelled').waitFor({ timeout: 15_000 });
      await expect.poll(() => mailbox.mails.some((mail) => icsLines(mail).includes('METHOD:CANCEL'))).toBe(true);
      const cancelMail = mailbox.mails.find((mail) => icsLines(mail).includes('METHOD:CANCEL'))!;
      expect(prop(icsOf(cancelMail), 'UID')).toBe(uid);
      expect(cancelMail.text).not.toContain('Feeling better');
      expect(await offered(after.rows[0]!.slot_id)).toBe(true);
      await expectAccessible(page, 'cancelled');

      expect(errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a hold keeps the time from a second patient until it expires', async () => {
    const first = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    const second = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await first.page.goto(`${site.origin}${PROVIDER_PAGE}`);
      const held = await pickTimeByKeyboard(first.page);
      await expect.poll(() => shadowText(first.page.locator('fd-slot-picker'))).toContain('keeping this time for you');

      const labels = async () => {
        await second.page.goto(`${site.origin}${PROVIDER_PAGE}`);
        await answerNewPatient(second.page);
        await second.page.locator('fd-slot-picker').locator('td.open').first().click();
        await timeButtons(second.page).first().waitFor();
        return (await timeButtons(second.page).allInnerTexts()).map((text) => text.trim().split('\n')[0]!.trim());
      };
      expect(await labels()).not.toContain(held);
      // The clinic's hold is 5 minutes: move the server's clock past it.
      clock.advance(6 * 60_000);
      expect(await labels()).toContain(held);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  }, 90_000);

  it('sends the invitation after the visit once, when the clock passes the visit', async () => {
    const { page, context } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${site.origin}${PROVIDER_PAGE}`);
      await pickTimeByKeyboard(page);
      await fillAndConfirm(page, 'ana.visit@example.com');
    } finally {
      await context.close();
    }
    const booked = await server.db.query<{ end_at: Date | string }>(
      "select end_at from bookings where status = 'booked' order by created_at desc limit 1",
    );
    const end = new Date(booked.rows[0]!.end_at).getTime();
    // The invitation after the visit (reminders and the confirmation may carry the visit type's form link too).
    const invitations = () =>
      mailbox.mails.filter(
        (mail) => /^How was your visit at /.test(mail.subject ?? '') && (mail.text ?? '').length > 0,
      );
    // Only this patient's: the first test's visit was cancelled, so it gets none.
    const mine = () => invitations().filter((mail) => JSON.stringify(mail.to).includes('ana.visit@example.com'));
    expect(invitations()).toHaveLength(0);
    clock.set(end + 121 * 60_000);
    await server.jobs.runDue();
    await expect.poll(() => invitations().length, { timeout: 15_000 }).toBe(1);
    clock.advance(24 * 60 * 60_000);
    await server.jobs.runDue();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.text).toMatch(/feedback\.html\?survey=[^#\s]+#invitation=/);
  }, 90_000);
});

function icsLines(mail: Mailbox['mails'][number]): string[] {
  const file = mail.attachments.find((a) => a.filename?.endsWith('.ics') || a.contentType.startsWith('text/calendar'));
  return file ? file.content.toString('utf8').replace(/\r\n /g, '').split('\r\n') : [];
}
