// The clinic site on a bad network: slow 3G shows skeletons, then content; an API that fails once is retried
// unseen; an API that keeps failing shows the error state, whose retry recovers; and a booking whose answer is lost
// is never booked twice.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site, shadowText, watchedPage, widgetStates, widgetsReady } from './harness.js';
import { confirmation, fillDetails, pickTimeByKeyboard, pressConfirm } from './patient-steps.js';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(() => site?.close());

/** Every distinct state each widget went through, sampled every 25 ms until all are ready. */
async function statesUntilReady(page: Page, timeout: number): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  const until = Date.now() + timeout;
  for (;;) {
    const states = await widgetStates(page).catch(() => []);
    for (const { tag, state } of states) {
      const list = seen.get(tag) ?? [];
      if (list.at(-1) !== state) list.push(state);
      seen.set(tag, list);
    }
    if (states.length > 0 && states.every((s) => s.state === 'ready')) return seen;
    if (Date.now() > until) throw new Error(`not ready in time: ${JSON.stringify([...seen])}`);
    await page.waitForTimeout(25);
  }
}

describe('the clinic site on a bad network', () => {
  it('on slow 3G shows each widget as a skeleton, then its content', async () => {
    const { page, context, errors } = await watchedPage(site);
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // DevTools' "Slow 3G" preset: 400 ms round trip, about 400 kbit/s each way.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 50_000,
        uploadThroughput: 50_000,
      });
      await page.goto(`${site.origin}/provider.html?provider=wei-chen`, { waitUntil: 'commit' });
      const seen = await statesUntilReady(page, 60_000);
      for (const tag of ['fd-provider-card', 'fd-slot-picker']) {
        expect(seen.get(tag), tag).toContain('loading');
        expect(seen.get(tag)?.at(-1), tag).toBe('ready');
        expect(seen.get(tag), tag).not.toContain('error');
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('retries a request that fails once, unseen by the patient', async () => {
    const { page, context } = await watchedPage(site);
    try {
      let failed = 0;
      await page.route('**/api/**', (route: Route) => {
        if (failed === 0 && route.request().method() === 'GET') {
          failed++;
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await page.goto(`${site.origin}/`);
      const seen = await statesUntilReady(page, 20_000);
      expect(failed).toBe(1);
      expect(seen.get('fd-provider-list')).not.toContain('error');
      await expect.poll(() => page.getByRole('list', { name: 'Providers' }).getByRole('article').count()).toBe(15);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows an error with a retry while the API is down, and content once the retry succeeds', async () => {
    const { page, context } = await watchedPage(site);
    try {
      let down = true;
      await page.route('**/api/providers**', (route: Route) =>
        down ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
      );
      await page.goto(`${site.origin}/`);
      const list = page.locator('fd-provider-list');
      const alert = list.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      const retry = alert.getByRole('button', { name: 'Try again' });
      down = false;
      await retry.focus();
      await page.keyboard.press('Enter');
      await widgetsReady(page);
      await expect.poll(() => list.getByRole('article').count()).toBe(15);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('never books twice when the answer to a booking is lost and the patient confirms again', async () => {
    const { page, context } = await watchedPage(site);
    try {
      const posts: { key: string | undefined; booking: string }[] = [];
      await page.route('**/api/bookings', async (route: Route) => {
        const response = await route.fetch();
        const body = await response.text();
        posts.push({ key: route.request().headers()['idempotency-key'], booking: body });
        // The server booked the first one, but its answer never reaches the browser.
        if (posts.length === 1) return route.abort('connectionreset');
        return route.fulfill({ response, body });
      });
      await page.goto(`${site.origin}/provider.html?provider=rosa-delgado&location=nashville-midtown`);
      await pickTimeByKeyboard(page);
      await fillDetails(page);
      await pressConfirm(page);
      const picker = page.locator('fd-slot-picker');
      await picker.getByRole('alert').waitFor();
      // A clear message, and the patient's details kept for the second try.
      const shown = await shadowText(picker);
      expect(shown).toContain('We could not book this time.');
      expect(shown).toContain('Ana Prueba');
      await pressConfirm(page);
      const { ics } = await confirmation(page);
      expect(ics).toContain('BEGIN:VEVENT');
      expect(posts.length).toBeGreaterThanOrEqual(2);
      const keys = new Set(posts.map((p) => p.key));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/\S{8,}/);
      const ids = new Set(posts.map((p) => (JSON.parse(p.booking) as { id?: string }).id));
      expect(ids.size).toBe(1);
    } finally {
      await context.close();
    }
  }, 90_000);
});
