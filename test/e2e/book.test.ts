// Book always books that provider (issue 17): on the README snippet, the CMS page, the provider page, the list page and
// a page with a picker of its own for someone else, pressing "Book with <name>" leads to that provider's times, with
// focus on them; never to a picker for another provider. Axe clean in every state reached.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openSite, type Site, watchedPage, widgetsReady } from './harness.js';
import { type HostPages, hostPage, readmeSnippet, serveHostPages } from './host-pages.js';
import { expectFocusOnTimes, focusPath } from './patient-steps.js';

let site: Site;
let host: HostPages;

beforeAll(async () => {
  site = await openSite();
  const script = `<script type="module" src="${site.origin}/cdn/frontdesk.js"></script>`;
  host = await serveHostPages({
    '/': hostPage(readmeSnippet(site.origin)),
    // A page with a fixed picker for one doctor and a list of all: Book on another doctor must not lead to it.
    '/fixed-picker': hostPage(`${script}<fd-clinic adapter="memory">
      <fd-provider-list></fd-provider-list>
      <h2>Book with Dr. Hernández</h2><fd-slot-picker provider="maria-hernandez"></fd-slot-picker>
    </fd-clinic>`),
    '/dialog': hostPage(`${script}<fd-clinic adapter="memory">
      <fd-provider-card provider="wei-chen" booking="dialog"></fd-provider-card>
    </fd-clinic>`),
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await site?.close();
});

/** Presses "Book with <name>" from the keyboard; returns the provider id the card said it books. */
async function pressBook(page: Page, name: string | RegExp): Promise<string> {
  const book = page.getByRole('button', { name: typeof name === 'string' ? `Book with ${name}` : name }).first();
  await book.focus();
  await page.evaluate(() => {
    const scope = globalThis as unknown as { __fdBooked?: string };
    delete scope.__fdBooked;
    document.addEventListener('fd-provider-select', (event) => (scope.__fdBooked = event.detail.providerId), {
      once: true,
    });
  });
  await page.keyboard.press('Enter');
  const id = await page.evaluate(() => (globalThis as unknown as { __fdBooked?: string }).__fdBooked);
  expect(id, 'fd-provider-select was fired').toBeTruthy();
  return id!;
}

describe('Book leads to that provider’s times, with focus on them', () => {
  it('on the README snippet page: the provider’s own picker opens below the card, a full row', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(host.url('/'));
      await widgetsReady(page);
      const provider = await pressBook(page, /^Book with /);
      await expectFocusOnTimes(page, { provider });
      const widths = await page.evaluate(() => {
        const list = document.querySelector('fd-provider-list')!;
        const card = list.shadowRoot!.querySelector('fd-provider-card[booking-open]')!;
        const picker = card.shadowRoot!.querySelector('fd-slot-picker')!;
        return { list: list.getBoundingClientRect().width, picker: picker.getBoundingClientRect().width };
      });
      expect(widths.picker).toBeGreaterThan(widths.list * 0.9);
      await widgetsReady(page);
      await expectAccessible(page, 'picker open in the list');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('on the CMS page (REST backend): the same, through the server', async () => {
    const { page, context, errors, violations } = await watchedPage(site);
    try {
      await page.goto(`${site.origin}/cms.html`);
      await widgetsReady(page);
      const provider = await pressBook(page, /^Book with /);
      await expectFocusOnTimes(page, { provider });
      await widgetsReady(page);
      await expectAccessible(page, 'picker open on the CMS page');
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('on the provider page: to the page’s own picker for that provider, no second one', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${site.origin}/provider.html?provider=wei-chen`);
      await widgetsReady(page);
      await pressBook(page, 'Wei Chen');
      await expectFocusOnTimes(page, { provider: 'wei-chen' });
      const path = await focusPath(page);
      expect(path.hosts[0]?.tag, 'the page’s picker, not one inside the card').toBe('fd-slot-picker');
      expect(await page.locator('fd-slot-picker').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('on the list page: to the provider’s own page, with focus on the times', async () => {
    const { page, context, errors } = await watchedPage(site);
    try {
      await page.goto(`${site.origin}/`);
      await widgetsReady(page);
      await page.getByRole('button', { name: 'Book with Rosa Delgado' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/provider\.html\?provider=rosa-delgado.*#times$/);
      await expectFocusOnTimes(page, { provider: 'rosa-delgado' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('on a page with a picker fixed to another doctor: never to that picker', async () => {
    const { page, context, errors } = await watchedPage(site);
    try {
      await page.goto(host.url('/fixed-picker'));
      await widgetsReady(page);
      const provider = await pressBook(page, /^Book with Emily Carter/);
      expect(provider).toBe('emily-carter');
      const path = await expectFocusOnTimes(page, { provider: 'emily-carter' });
      expect(path.hosts.map((h) => h.tag)).toEqual(['fd-provider-list', 'fd-provider-card', 'fd-slot-picker']);
      expect(await page.locator('fd-slot-picker[provider="maria-hernandez"]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('with booking="dialog": in a modal dialog that holds focus, and back to Book on Escape', async () => {
    const { page, context, errors } = await watchedPage(site);
    try {
      await page.goto(host.url('/dialog'));
      await widgetsReady(page);
      await pressBook(page, 'Wei Chen');
      await expectFocusOnTimes(page, { provider: 'wei-chen' });
      await widgetsReady(page);
      await expectAccessible(page, 'dialog open');
      for (let i = 0; i < 15; i++) {
        await page.keyboard.press('Tab');
        const path = await focusPath(page);
        // The page behind the dialog is inert: focus stays in the card (the dialog is in its shadow root), or passes
        // through the browser's own controls (the document's body, seen from inside the page) as a modal dialog does.
        expect(['fd-provider-card', 'body'], `Tab ${i + 1}`).toContain(path.hosts[0]?.tag ?? path.tag);
      }
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focusPath(page)).text).toBe('Book with Wei Chen');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
