// One outage, one message (issue 17): the provider page's widgets, offline, show one message for the page (with a
// retry) and a short line for the others, one developer disclosure; back online they load by themselves. A widget on another origin whose server does not allow it (CORS) is named to the
// developer and never blamed on the patient's connection.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetStates, widgetsReady } from './harness.js';
import { type HostPages, hostPage, serveHostPages } from './host-pages.js';

let site: Site;
let host: HostPages;

beforeAll(async () => {
  site = await openSite();
  // The snippet on another origin, pointed at the demo server's API, which allows no other origin (no CORS).
  host = await serveHostPages({
    '/': hostPage(`<script type="module" src="${site.origin}/cdn/frontdesk.js"></script>
<fd-clinic adapter="rest" api="${site.origin}/api">
  <fd-provider-card provider="rosa-delgado"></fd-provider-card>
  <fd-slot-picker provider="rosa-delgado"></fd-slot-picker>
</fd-clinic>`),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await site?.close();
});

/** What each widget shows of a page-wide failure: the alert (the one message), or its short line. */
function messages(page: Page): Promise<{ tag: string; alert: boolean; text: string; disclosures: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('fd-clinic > *, fd-clinic section > *')]
      .filter((el) => el.localName.startsWith('fd-') && el.shadowRoot)
      .map((el) => {
        const error = el.shadowRoot!.querySelector('[part~="error"]');
        return {
          tag: el.localName,
          alert: error?.getAttribute('role') === 'alert',
          text: (error?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          disclosures: el.shadowRoot!.querySelectorAll('details').length,
        };
      }),
  );
}

describe('offline', () => {
  it('the provider page shows one message with a retry, and loads by itself once back online', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 1000 } });
    try {
      // The page and its scripts load; the API is held until the browser is offline, as when a phone drops its
      // connection after the page arrived.
      let release: () => void = () => {};
      const held = new Promise<void>((done) => {
        release = done;
      });
      const hold = async (route: Route) => {
        await held;
        await route.abort('internetdisconnected');
      };
      await page.route('**/api/**', hold);
      await page.goto(`${site.origin}/provider.html?provider=rosa-delgado`);
      const loading = async () => (await widgetStates(page)).filter((w) => w.state === 'loading').map((w) => w.tag);
      await expect.poll(loading).toEqual(['fd-provider-card', 'fd-slot-picker']);
      await context.setOffline(true);
      release();
      // The estimate waits for a visit type and asks nothing yet; the card and the picker fail.
      await expect
        .poll(async () => (await widgetStates(page)).map((w) => w.state), { timeout: 20_000 })
        .toEqual(['error', 'error', 'ready']);

      const shown = await messages(page);
      const alerts = shown.filter((m) => m.alert);
      expect(alerts, JSON.stringify(shown)).toHaveLength(1);
      expect(alerts[0]!.text).toContain('You seem to be offline');
      expect(alerts[0]!.text).toContain('Try again');
      expect(shown.filter((m) => !m.alert && m.text).map((m) => m.text)).toEqual([
        'Not available while you are offline.',
      ]);
      expect(
        shown.reduce((n, m) => n + m.disclosures, 0),
        'one developer disclosure',
      ).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.unroute('**/api/**', hold);
      await context.setOffline(false);
      await widgetsReady(page, 20_000);
      expect(errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('a widget on another origin that the server does not allow (CORS)', () => {
  it('is named to the developer (fd-error and the console), never blamed on the patient’s connection', async () => {
    const { page, context } = await watchedPage(site);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    try {
      await context.addInitScript(() => {
        const heard: unknown[] = [];
        (globalThis as unknown as { __fdErrors: unknown[] }).__fdErrors = heard;
        document.addEventListener('fd-error', (event) => heard.push((event as CustomEvent).detail));
      });
      await page.goto(host.url('/'));
      const picker = page.locator('fd-slot-picker');
      await expect
        .poll(async () => (await widgetStates(page)).every((w) => w.state === 'error'), { timeout: 30_000 })
        .toBe(true);
      const said = `${await shadowText(page.locator('fd-provider-card'))}\n${await shadowText(picker)}`;
      expect(said).not.toMatch(/connection|offline/i);
      expect(said).toContain('We could not reach the clinic’s system');
      const heard = await page.evaluate(
        () =>
          (globalThis as unknown as { __fdErrors: { kind: string; network?: string; message: string }[] }).__fdErrors,
      );
      expect(heard.length).toBeGreaterThan(0);
      for (const detail of heard) {
        expect(detail).toMatchObject({ kind: 'network', network: 'cors' });
        expect(detail.message).toContain(`allow the origin ${new URL(host.url()).origin}`);
      }
      expect(warnings.filter((w) => w.includes('CORS')).length).toBeGreaterThan(0);
      expect(await shadowText(picker)).not.toContain('Details for the website’s developer\n'.repeat(2));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
