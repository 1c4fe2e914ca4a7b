// Issue 15: a SMART Scheduling Links feed lists places, not practitioners. The README's snippet pointed at the public
// example feed (its files served by a real publisher on 127.0.0.1, through the real adapter) shows the provider
// list's locations, each with a Book that opens that location's times; a time leads to the publisher's booking link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPublisher } from '../fhir-server/scheduling-links-publisher.mjs';
import { axeViolations, focused, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';
import { type HostPages, hostPage, serveHostPages } from './host-pages.js';
import { expectFocusOnTimes } from './patient-steps.js';

let site: Site;
let host: HostPages;
let publisher: Awaited<ReturnType<typeof startPublisher>>;

beforeAll(async () => {
  site = await openSite();
  publisher = await startPublisher();
  publisher.serveExamples();
  host = await serveHostPages({
    '/': hostPage(`<script type="module" src="${site.origin}/cdn/frontdesk.js"></script>
<fd-clinic adapter="smart-scheduling-links" api="${publisher.manifestUrl}">
  <fd-provider-list></fd-provider-list>
</fd-clinic>`),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await publisher?.close();
  await site?.close();
});

describe('a SMART Scheduling Links feed in the provider list', () => {
  it('shows the feed’s locations; Book opens a location’s times, and a time its booking link', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      // The example manifest also lists slots-2021-W11 to W13, which its repository never published: the adapter
      // leaves them out, and the browser logs each 404 (the only console errors allowed, checked below).
      const missing: string[] = [];
      page.on('response', (response) => {
        if (response.status() === 404) missing.push(new URL(response.url()).pathname);
      });
      // The example feed's slots are in the first weeks of March 2021: the page lives then.
      await page.clock.setFixedTime(new Date('2021-03-01T12:00:00Z'));
      await page.goto(host.url('/'));
      await widgetsReady(page);
      const locations = page.getByRole('list', { name: 'Locations' }).getByRole('article');
      await expect.poll(() => locations.count()).toBe(10);
      expect(await locations.first().textContent()).toContain('SMART Vaccine Clinic Boston');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Book at SMART Vaccine Clinic Boston' }).focus();
      await page.keyboard.press('Enter');
      // Focus lands on the first day with times, the location's first decision.
      const day = await expectFocusOnTimes(page, { location: '0' });
      expect(day.role).toBe('gridcell');
      expect(day.text).toMatch(/Monday, March 1, 1 time$/);
      const picker = page.locator('fd-slot-picker');
      await widgetsReady(page);
      expect(await axeViolations(page)).toEqual([]);

      // Enter on the day focuses its first time; Enter on the time: a read-only feed books through its own link.
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page)).slot).toMatch(/.+/);
      await page.keyboard.press('Enter');
      const link = picker.getByRole('link', { name: /book/i }).first();
      await link.waitFor();
      const href = new URL((await link.getAttribute('href')) ?? '');
      expect(href.origin + href.pathname).toBe('https://ehr-portal.example.org/bookings');
      expect(href.searchParams.get('slot')).toMatch(/^\d+$/);
      expect(await shadowText(picker)).toContain('000-000-0000');
      expect(await axeViolations(page)).toEqual([]);
      expect(missing.sort()).toEqual(['W11', 'W12', 'W13'].map((week) => `/examples/slots-2021-${week}.ndjson`));
      expect(errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
      expect(errors).toHaveLength(missing.length);
    } finally {
      await context.close();
    }
  }, 90_000);
});
