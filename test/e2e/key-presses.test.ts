// Keyboard only, from page load to "You're booked" on the README snippet page (issue 17: at most 15 non-typing key
// presses). A patient at a keyboard does at each step what that step asks: Tab past what needs no decision, Enter or
// Space on the decision, typing in the fields, and Enter in the field that completes a form (as in any web form; the
// picker documents it as its way on). Every non-typing press is counted and logged with where focus was.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';
import { type HostPages, hostPage, readmeSnippet, serveHostPages } from './host-pages.js';
import { type FocusPath, focusPath } from './patient-steps.js';

let site: Site;
let host: HostPages;

beforeAll(async () => {
  site = await openSite();
  host = await serveHostPages({ '/': hostPage(readmeSnippet(site.origin)) });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await site?.close();
});

/** What the patient types in each field, by its label. */
const TYPED: [RegExp, string][] = [
  [/first name/i, 'Ana'],
  [/last name/i, 'Prueba'],
  [/birth/i, '04/17/1986'],
  [/phone/i, '(615) 555-0100'],
  [/e-?mail/i, 'ana.prueba@example.com'],
];

interface Press {
  key: string;
  at: string;
}

/** The keyboard, counting every press that is not typing. */
class CountingKeyboard {
  readonly presses: Press[] = [];
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    const at = where(await focusPath(this.page));
    this.presses.push({ key, at });
    await this.page.keyboard.press(key);
    await this.page.waitForTimeout(30); // let focus and the render settle, as a person's next look does
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}

const where = (f: FocusPath) => {
  const hosts = f.hosts.map((h) => h.tag.replace('fd-', '')).join('>');
  return `${hosts ? `${hosts}: ` : ''}${f.tag}${f.role ? `[${f.role}]` : ''}${f.type ? `[${f.type}]` : ''} "${f.text.slice(0, 40)}"`;
};

/**
 * Inside shadow roots: whether a radio in the focused element's group is checked, whether a required select still
 * waits for a choice (an optional one's first choice is an answer), whether every field of the focused field's form
 * is valid (the form is complete).
 */
function focusedState(
  page: Page,
): Promise<{ groupAnswered: boolean; selectUnanswered: boolean; formComplete: boolean; slot: boolean }> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const root = active?.getRootNode() as ParentNode | undefined;
    const radio = active instanceof HTMLInputElement && active.type === 'radio';
    const groupAnswered =
      radio &&
      !!root?.querySelector(`input[type="radio"][name="${CSS.escape((active as HTMLInputElement).name)}"]:checked`);
    const selectUnanswered = active instanceof HTMLSelectElement && active.required && active.value === '';
    const form = active instanceof HTMLInputElement ? active.form : null;
    const formComplete =
      !!form &&
      [...form.elements].every(
        (field) =>
          !(
            field instanceof HTMLInputElement ||
            field instanceof HTMLTextAreaElement ||
            field instanceof HTMLSelectElement
          ) || field.validity.valid,
      );
    return { groupAnswered, selectUnanswered, formComplete, slot: !!active?.hasAttribute('data-slot') };
  });
}

describe('keyboard only, from page load to "You’re booked"', () => {
  it('on the README snippet page: counts the non-typing key presses', async () => {
    const { page, context, errors } = await watchedPage(site, { viewport: { width: 1280, height: 900 } });
    const keys = new CountingKeyboard(page);
    try {
      await page.goto(host.url('/'));
      await widgetsReady(page);

      // The page: the list's skip link, past the filters, to the first card's Book.
      await keys.press('Tab');
      expect((await focusPath(page)).text).toMatch(/^Skip to the \d+ providers$/);
      await keys.press('Enter');
      await keys.press('Tab');
      const book = await focusPath(page);
      expect(book.text).toMatch(/^Book with /);
      await keys.press('Enter');
      const toPicker = keys.presses.length;
      await expect.poll(async () => (await focusPath(page)).hosts.some((h) => h.tag === 'fd-slot-picker')).toBe(true);

      // The picker: each step's decision, until the booking is confirmed.
      const picker = page.locator('fd-slot-picker');
      for (let guard = 0; guard < 60; guard++) {
        const said = await shadowText(picker);
        if (/You[’']re booked/i.test(said)) break;
        // A step the patient's answers did not get past: the assertions below say where.
        if (/problems? to fix/i.test(said)) break;
        const f = await focusPath(page);
        const state = await focusedState(page);
        // A decision made where focus stays (a day chosen, its times shown below it): on to what follows.
        const last = keys.presses.at(-1);
        if (last && last.key !== 'Tab' && last.at === where(f)) {
          await keys.press('Tab');
          continue;
        }
        const typed =
          f.tag === 'input' &&
          /^(text|tel|email|date|search|)$/.test(f.type ?? '') &&
          TYPED.find(([label]) => label.test(f.text));
        if (typed) {
          await keys.type(typed[1]);
          await keys.press((await focusedState(page)).formComplete ? 'Enter' : 'Tab');
        } else if (f.tag === 'input' && f.type === 'radio') {
          await keys.press(state.groupAnswered ? 'Tab' : 'Space');
        } else if (f.tag === 'input' && f.type === 'checkbox') {
          // Consent and the like: ticked when it is what the step asks for, else left.
          await keys.press(/agree|consent|terms|read/i.test(f.text) ? 'Space' : 'Tab');
        } else if (f.tag === 'select') {
          await keys.press(state.selectUnanswered ? 'ArrowDown' : 'Tab');
        } else if (f.role === 'gridcell' || state.slot) {
          await keys.press('Enter');
        } else if (f.tag === 'button' && /^(Continue|Review|Confirm|Book)/i.test(f.text)) {
          await keys.press('Enter');
          await page.waitForTimeout(200);
        } else {
          await keys.press('Tab');
        }
      }
      const total = keys.presses.length;
      console.log(
        `non-typing key presses from page load to "You're booked": ${total} (${toPicker} to open the provider's times)\n` +
          keys.presses.map((p, i) => `  ${i + 1}. ${p.key} at ${p.at}`).join('\n'),
      );
      expect(await shadowText(picker)).toMatch(/You[’']re booked/i);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      // Reaching the chosen provider's times takes 4 presses: skip link, past the filters, Book, open.
      expect(toPicker).toBe(4);
      expect(total).toBeLessThanOrEqual(15);
    } finally {
      await context.close();
    }
  }, 90_000);
});
