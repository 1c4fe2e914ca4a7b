// On a phone (375 x 812, an iPhone X's screen), the provider list's first card is on the first screen: the filters
// fold behind a Filter button that counts those on. Axe clean with the filters folded and open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, watchedPage, widgetsReady } from './harness.js';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(() => site?.close());

const phone = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

describe('the provider list on a phone', () => {
  it.each([
    ['the list page', '/', 'Filter'],
    ['the CMS page (a preset specialty)', '/cms.html', 'Filter (1 on)'],
  ])(
    '%s: the first card on the first screen, the filters behind a button',
    async (_name, path, button) => {
      const { page, context, errors } = await watchedPage(site, phone);
      try {
        await page.goto(`${site.origin}${path}`);
        await widgetsReady(page);
        const filter = page.getByRole('button', { name: /^Filter/ });
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text shown, hidden parts left out
        expect((await filter.innerText()).replace(/\s+/g, ' ').trim()).toBe(button);
        expect(await filter.getAttribute('aria-expanded')).toBe('false');
        expect(await page.getByRole('search', { name: 'Filter providers' }).isVisible()).toBe(false);
        const first = page.getByRole('list', { name: 'Providers' }).getByRole('article').first();
        const box = await first.boundingBox();
        expect(box, 'the first card').not.toBeNull();
        // Its name and its Book button, not only its top edge, are on the first screen.
        const book = await first.getByRole('button', { name: /^Book with/ }).boundingBox();
        expect(box!.y).toBeLessThan(812);
        expect(book!.y + book!.height).toBeLessThan(812);
        expect(await axeViolations(page)).toEqual([]);

        await filter.click();
        expect(await filter.getAttribute('aria-expanded')).toBe('true');
        await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Spanish' });
        await expect
          // biome-ignore lint/performance/useDomNodeTextContent: the text shown, as above
          .poll(async () => (await filter.innerText()).replace(/\s+/g, ' ').trim())
          .toBe(path === '/' ? 'Filter (1 on)' : 'Filter (2 on)');
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
