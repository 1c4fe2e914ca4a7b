// A patient's whole path on the demo clinic site, by keyboard where it matters, with axe after every step; then the
// same path on a host page that is hostile on purpose, with no policy violation and the widgets' layout intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openSite, type Site, watchedPage } from './harness.js';
import {
  answerNewPatient,
  answerSurvey,
  book,
  findProvider,
  PATIENT,
  pickTimeByKeyboard,
  seeEstimate,
} from './patient-steps.js';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(() => site?.close());

describe('a patient on the clinic site', () => {
  it('finds a provider, books a time by keyboard with the estimate beside it, and gives feedback', async () => {
    const { page, context, errors, violations } = await watchedPage(site);
    try {
      await page.goto(`${site.origin}/`);
      await expectAccessible(page, 'provider list');
      await findProvider(page);
      await page.waitForURL(/\/provider\.html\?provider=rosa-delgado/);
      await page
        .locator('#card')
        .getByRole('heading', { name: /Rosa Delgado/ })
        .waitFor();
      await answerNewPatient(page);
      await expectAccessible(page, 'provider page');

      const time = await pickTimeByKeyboard(page);
      expect(time).toMatch(/^\d{1,2}:\d\d [AP]M$/);
      await expectAccessible(page, 'details');
      const total = await seeEstimate(page);
      await expectAccessible(page, 'estimate');

      const { confirmation, ics } = await book(page);
      expect(confirmation).toMatch(/booked|confirmed/i);
      expect(confirmation).toContain(time);
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toMatch(/DTSTART/);
      expect(ics).toContain('Rosa Delgado');
      await expectAccessible(page, 'confirmation');
      expect(total).toMatch(/^\$/);

      await page.goto(`${site.origin}/feedback.html`);
      await page.locator('fd-survey').getByRole('radio', { name: '10', exact: true }).waitFor();
      await expectAccessible(page, 'survey');
      const thanks = await answerSurvey(page);
      expect(thanks).toMatch(/answers were sent/i);
      await expectAccessible(page, 'survey acknowledged');

      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      // Nothing the patient typed went into an address.
      expect(page.url()).not.toContain(PATIENT.family);
    } catch (error) {
      if (process.env.E2E_DEBUG) console.log(await page.locator('main').ariaSnapshot());
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
