// The same patient path on examples/hostile.html: a global reset, `* { box-sizing: content-box; font: 20px serif
// !important }`, `button { all: unset }`, and a strict Content-Security-Policy with Trusted Types enforced. No
// violation may be reported, and the widgets' key parts must keep the layout they have on the plain clinic pages.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, watchedPage } from './harness.js';
import {
  answerNewPatient,
  answerSurvey,
  book,
  findProvider,
  pickTimeByKeyboard,
  seeEstimate,
} from './patient-steps.js';

let site: Site;
beforeAll(async () => {
  site = await openSite();
}, 60_000);
afterAll(() => site?.close());

// The hostile page forces a 20px font on every element, widget hosts included, and the widgets inherit it (host
// fonts apply, by design). So the hostile page gets a viewport 20/16 as wide as the plain one's: the widgets then
// have the same room in ems, and every box, measured in ems of its widget, must match the plain page's.
// The width keeps the picker's filters clear of the point where they wrap onto a second row: right at it, a tenth of
// an em of font metrics (Georgia against the default serif) decides the wrap, and the comparison would measure fonts.
const plainViewport = { width: 600, height: 900 };
const hostileViewport = { width: Math.round(((600 - 32) * 20) / 16) + 16, height: 900 };
const viewport = hostileViewport;

type Box = { x: number; y: number; width: number; height: number };

/** Key parts of the booking widgets, each as [widget host, part] so boxes can be taken relative to the host. */
function keyParts(page: Page): Record<string, [Locator, Locator]> {
  const picker = page.locator('fd-slot-picker');
  const card = page.locator('#card');
  const estimate = page.locator('fd-cost-estimate');
  return {
    'calendar grid': [picker, picker.getByRole('grid')],
    'a day with times': [picker, picker.getByRole('gridcell', { disabled: false }).first()],
    'next month button': [picker, picker.getByRole('button', { name: 'Next month' })],
    'new or existing question': [
      picker,
      picker.getByRole('group', { name: 'Have you been seen at this clinic before?' }),
    ],
    'next available button': [picker, picker.getByRole('button', { name: /Next available/ })],
    'card name': [card, card.getByRole('heading', { level: 2 })],
    'card book button': [card, card.getByRole('button', { name: /Book with/ })],
    'payment choice': [estimate, estimate.getByRole('group', { name: 'How will you pay?' })],
  };
}

/** Each part's box relative to its widget, in ems of that widget's font size. */
async function boxesInEm(page: Page): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  await answerNewPatient(page); // the calendar shows once "new or existing patient" is answered
  const parts = Object.entries(keyParts(page));
  for (const [, [, part]] of parts) await part.waitFor();
  for (const [name, [host, part]] of parts) {
    // Host and part in one synchronous read, so nothing loading elsewhere can shift one between the two.
    const hostHandle = await host.elementHandle();
    out[name] = await part.evaluate((element, widget) => {
      const outer = (widget as Element).getBoundingClientRect();
      const inner = element.getBoundingClientRect();
      const em = Number.parseFloat(getComputedStyle(widget as Element).fontSize);
      return {
        x: (inner.x - outer.x) / em,
        y: (inner.y - outer.y) / em,
        width: inner.width / em,
        height: inner.height / em,
      };
    }, hostHandle);
  }
  return out;
}

describe('the hostile host page', () => {
  it('runs the whole path with no policy violation, no console error and no axe violation', async () => {
    const { page, context, errors, violations } = await watchedPage(site, { viewport });
    try {
      const response = await page.goto(`${site.origin}/hostile.html`);
      expect(response?.headers()['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
      );
      await findProvider(page);
      await page
        .locator('#card')
        .getByRole('heading', { name: /Rosa Delgado/ })
        .waitFor();
      await answerNewPatient(page);
      expect(await axeViolations(page)).toEqual([]);
      const time = await pickTimeByKeyboard(page);
      await seeEstimate(page);
      const { confirmation, ics } = await book(page);
      expect(confirmation).toContain(time);
      expect(ics).toContain('BEGIN:VEVENT');
      expect(await axeViolations(page)).toEqual([]);
      await answerSurvey(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    } catch (error) {
      if (process.env.E2E_DEBUG) console.log(await page.locator('main').ariaSnapshot());
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps the layout boxes of the widgets key parts as on the plain pages', async () => {
    const plain = await watchedPage(site, { viewport: plainViewport });
    const hostile = await watchedPage(site, { viewport: hostileViewport });
    try {
      await plain.page.goto(`${site.origin}/provider.html?provider=maria-hernandez`);
      await hostile.page.goto(`${site.origin}/hostile.html`);
      const expected = await boxesInEm(plain.page);
      const actual = await boxesInEm(hostile.page);
      // Within a quarter of an em (or 3%): text metrics of Georgia and the default serif differ a little.
      const mismatches: string[] = [];
      for (const [name, box] of Object.entries(expected)) {
        // The payment group is lines of text: its height follows the host's line-height, which is inherited (the
        // plain site sets 1.5, the hostile reset `normal`), so only its place and width are compared.
        const keys =
          name === 'payment choice' ? (['x', 'y', 'width'] as const) : (['x', 'y', 'width', 'height'] as const);
        for (const key of keys) {
          const [want, got] = [box[key], actual[name]![key]];
          if (Math.abs(want - got) > Math.max(0.25, Math.abs(want) * 0.03)) {
            mismatches.push(`${name} ${key}: ${want.toFixed(2)}em on the plain page, ${got.toFixed(2)}em here`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      // The reset does reach the hosts (proof the page is hostile): their font is the forced one.
      expect(await hostile.page.locator('fd-slot-picker').evaluate((e) => getComputedStyle(e).fontSize)).toBe('20px');
    } finally {
      await plain.context.close();
      await hostile.context.close();
    }
  }, 60_000);
});
