// The React 19 and Vue 3 example apps (examples/react, examples/vue), built with Vite from the npm packages: a patient
// presses a provider's Book button in the list, the app hands that provider to the slot picker, the patient picks a
// day and a time, and the app shows what the `fd-slot-select` and `fd-estimate` events told it. Axe clean throughout,
// no policy violation, no console error.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrameworkExamples, FRAMEWORKS } from '../../examples/build-frameworks.mjs';
import { expectAccessible, openSite, type Site, watchedPage, widgetsReady } from './harness.js';
import { expectFocusOnTimes, findProvider, pickTimeByKeyboard, seeEstimate } from './patient-steps.js';

interface Heard {
  slot: { providerId?: string; start: string; timeZone: string }[];
  estimate: { patientTotal: number }[];
}

let site: Site;
beforeAll(async () => {
  await buildFrameworkExamples();
  site = await openSite();
}, 90_000);
afterAll(() => site?.close());

/** What the widgets reported, heard independently of the app (on the document, where the events arrive composed). */
function heard(page: Page): Promise<Heard> {
  return page.evaluate(() => (globalThis as unknown as { __fdHeard: Heard }).__fdHeard);
}

describe.each(FRAMEWORKS)('the %s example app', (framework) => {
  it('follows the provider chosen in the list and shows the chosen time and the estimate', async () => {
    const { page, context, errors, violations } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(() => {
        const record: Heard = { slot: [], estimate: [] };
        (globalThis as unknown as { __fdHeard: Heard }).__fdHeard = record;
        document.addEventListener('fd-slot-select', (event) => record.slot.push((event as CustomEvent).detail));
        document.addEventListener('fd-estimate', (event) => record.estimate.push((event as CustomEvent).detail));
      });
      await page.goto(`${site.origin}/${framework}/`);
      const picker = page.locator('fd-slot-picker');
      await widgetsReady(page);
      expect(await picker.getAttribute('provider')).toBe('maria-hernandez');
      await expectAccessible(page, 'loaded');

      await findProvider(page);
      // The app set the picker's property (reflected): no navigation, the picker follows, scrolled to with focus on
      // its times; the card opened no picker of its own.
      await expect.poll(() => picker.getAttribute('provider')).toBe('rosa-delgado');
      expect(page.url()).toBe(`${site.origin}/${framework}/`);
      await expectFocusOnTimes(page, { provider: 'rosa-delgado' });
      expect(await picker.count()).toBe(1);
      await page.getByRole('heading', { name: 'Times with Rosa Delgado', level: 2 }).waitFor();
      await widgetsReady(page);
      await expectAccessible(page, 'times focused');

      const time = await pickTimeByKeyboard(page);
      const chosen = page.locator('#chosen');
      await expect.poll(() => chosen.textContent()).toContain('with Rosa Delgado.');
      const { slot } = await heard(page);
      expect(slot).toHaveLength(1);
      expect(slot[0]?.providerId).toBe('rosa-delgado');
      // Names, not ids: the time with its zone's name ("Central Time"), never "(America/Chicago)".
      const said = (await chosen.textContent()) ?? '';
      expect(said).toContain(time);
      expect(said).toMatch(/ Time with Rosa Delgado\.$/);
      expect(said).not.toContain(slot[0]!.timeZone);
      expect(said).not.toContain('rosa-delgado');
      await expectAccessible(page, 'time chosen');

      const total = await seeEstimate(page);
      await expect.poll(() => page.locator('#estimate').textContent()).toBe(`Likely total: ${total}.`);
      expect((await heard(page)).estimate.at(-1)?.patientTotal).toBe(
        Math.round(Number(total.replace(/[$,]/g, '')) * 100),
      );
      await expectAccessible(page, 'estimate');

      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 40_000);
});
