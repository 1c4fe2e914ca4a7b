// The steps of a patient's path, shared by the clinic-site and hostile-page tests. Each step checks what the patient
// sees; `afterStep` runs the checks every step must pass (axe, no policy violation).
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { focused, shadowText, tabTo } from './harness.js';

export const PATIENT = { given: 'Ana', family: 'Prueba', birth: { month: '04', day: '17', year: '1986' } };

/** Filters the provider list down to one provider and presses their Book button. */
export async function findProvider(page: Page): Promise<void> {
  const list = page.getByRole('list', { name: 'Providers' });
  await list.getByRole('article').first().waitFor();
  const before = await list.getByRole('article').count();
  // On a narrow screen the filters are folded behind a button.
  const filter = page.getByRole('button', { name: /^Filter/ });
  if (await filter.isVisible()) await filter.click();
  await page.getByRole('combobox', { name: 'Specialty' }).selectOption({ label: 'Midwifery' });
  await page.getByRole('checkbox', { name: 'Accepting new patients' }).check();
  await expect.poll(() => list.getByRole('article').count()).toBeLessThan(before);
  await expect.poll(() => list.getByRole('article').allInnerTexts()).toEqual([expect.stringContaining('Rosa Delgado')]);
  await page.getByRole('button', { name: 'Book with Rosa Delgado' }).click();
}

/** The picker's time buttons for the chosen day (inside its shadow root). */
export function timeButtons(page: Page): Locator {
  return page.locator('fd-slot-picker').getByRole('toolbar').getByRole('button');
}

/**
 * The picker asks "have you been seen here before" first when the provider's visit types differ by it: answer "new"
 * with the keyboard (Space on the radio) and wait for the calendar. A picker that does not ask shows its grid at once.
 */
export async function answerNewPatient(page: Page): Promise<void> {
  const picker = page.locator('fd-slot-picker');
  const grid = picker.getByRole('grid');
  const question = picker.getByRole('radio', { name: /new patient/ });
  await grid.or(question).first().waitFor({ timeout: 30_000 });
  if (!(await grid.isVisible())) {
    await question.focus();
    await page.keyboard.press('Space');
  }
  await grid.waitFor();
}

/**
 * Keyboard only: answer "new patient" when asked, Tab to the calendar grid, move to the first day with times with the arrow keys, choose it with
 * Enter, Tab to the times, move right to the second time and choose it. Returns the chosen time's label.
 */
export async function pickTimeByKeyboard(page: Page): Promise<string> {
  const picker = page.locator('fd-slot-picker');
  await answerNewPatient(page);
  // Start from the picker's own first control (the page above it differs between the clinic and hostile pages).
  const question = picker.getByRole('radio', { name: /new patient/ });
  if (await question.isVisible()) await question.focus();
  await tabTo(page, (f) => f.role === 'gridcell', 10);
  // The grid's tab stop is the next day with times; a step right and back proves the arrows move the focus.
  const start = (await focused(page)).text;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  expect((await focused(page)).text).toBe(start);
  expect(start).toMatch(/\d+ times?/);
  await page.keyboard.press('Enter');
  await timeButtons(page).first().waitFor();
  // Choosing a day puts focus on its first time.
  await tabTo(page, (f) => f.slot !== null, 6);
  await page.keyboard.press('ArrowRight');
  const chosen = await focused(page);
  expect(chosen.slot).not.toBeNull();
  await page.keyboard.press('Enter');
  await picker.getByRole('heading', { name: 'Your details' }).waitFor();
  return chosen.text;
}

/** The cost estimate beside the picker: self-pay shows the discounted cash price and the Good Faith notice. */
export async function seeEstimate(page: Page): Promise<string> {
  const estimate = page.locator('fd-cost-estimate');
  await estimate.getByRole('radio', { name: /paying myself/ }).check();
  const table = estimate.getByRole('table', { name: 'How we worked it out' });
  await table.waitFor();
  const total = await table
    .getByRole('row', { name: /You pay/ })
    .getByRole('cell')
    .textContent();
  expect(total?.trim()).toMatch(/^\$\d[\d,]*\.\d\d$/);
  await expect.poll(() => shadowText(estimate)).toContain('Good Faith Estimate');
  return total?.trim() ?? '';
}

/** Fills the patient's details with the keyboard, reviews, confirms; returns the confirmation's text. */
export async function book(page: Page): Promise<{ confirmation: string; ics: string }> {
  await fillDetails(page);
  await pressConfirm(page);
  return confirmation(page);
}

/** Types `text` into the picker's field labelled `label`, as a patient at a keyboard does. */
export async function typeField(page: Page, label: string, text: string): Promise<void> {
  await page.locator('fd-slot-picker').getByRole('textbox', { name: label, exact: true }).focus();
  await page.keyboard.type(text);
}

/** Types the patient's name (`given` for another first name), date of birth and phone. */
export async function typePatient(page: Page, given: string = PATIENT.given): Promise<void> {
  await typeField(page, 'First name', given);
  await typeField(page, 'Last name', PATIENT.family);
  const { month, day, year } = PATIENT.birth;
  await typeField(page, 'Date of birth', `${month}${day}${year}`);
  await typeField(page, 'Phone', '6155550100');
}

/** Types the patient's details and continues to the review step. */
export async function fillDetails(page: Page): Promise<void> {
  const picker = page.locator('fd-slot-picker');
  await typePatient(page);
  await picker.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  const confirm = picker.getByRole('button', { name: /Confirm/ });
  await confirm.waitFor();
  await expect.poll(() => shadowText(picker)).toContain(`${PATIENT.given} ${PATIENT.family}`);
}

/** Presses the review step's Confirm button with the keyboard. */
export async function pressConfirm(page: Page): Promise<void> {
  await page
    .locator('fd-slot-picker')
    .getByRole('button', { name: /Confirm/ })
    .focus();
  await page.keyboard.press('Enter');
}

/** Waits for the confirmation and downloads its .ics. */
export async function confirmation(page: Page): Promise<{ confirmation: string; ics: string }> {
  const picker = page.locator('fd-slot-picker');
  const calendar = picker.getByRole('link', { name: /\(\.ics\)/ });
  await calendar.waitFor({ timeout: 15_000 });
  const confirmation = await shadowText(picker);
  const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
  const path = await download.path();
  const ics = await readFile(path, 'utf8');
  expect(download.suggestedFilename()).toBe('appointment.ics');
  return { confirmation, ics };
}

/** Answers the post-visit survey with the keyboard and submits it; returns the acknowledgement. */
export async function answerSurvey(page: Page): Promise<string> {
  const survey = page.locator('fd-survey');
  // The 0 to 10 scale is a radio group: arrow keys move along it and choose.
  await survey.getByRole('radio', { name: '0', exact: true }).focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => survey.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
  await survey.getByRole('textbox').focus();
  await page.keyboard.type('Short wait, kind staff.');
  await survey.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await survey
    .getByText(/thank you/i)
    .first()
    .waitFor({ timeout: 15_000 });
  return shadowText(survey);
}

/** Where focus is: the shadow hosts on the way down (tag and provider or location attribute) and the element itself. */
export interface FocusPath {
  hosts: { tag: string; provider: string | null; location: string | null }[];
  tag: string;
  role: string | null;
  type: string | null;
  text: string;
}

export function focusPath(page: Page): Promise<FocusPath> {
  return page.evaluate(() => {
    const hosts: FocusPath['hosts'] = [];
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) {
      hosts.push({
        tag: active.localName,
        provider: active.getAttribute('provider'),
        location: active.getAttribute('location'),
      });
      active = active.shadowRoot.activeElement;
    }
    const label = active instanceof HTMLInputElement && active.labels?.[0] ? active.labels[0].textContent : null;
    return {
      hosts,
      tag: active?.localName ?? '',
      role: active?.getAttribute('role') ?? null,
      type: active?.getAttribute('type') ?? null,
      text: (active?.getAttribute('aria-label') ?? label ?? active?.textContent ?? '').trim().replace(/\s+/g, ' '),
    };
  });
}

/**
 * Waits until focus is on a control inside the slot picker showing `provider`'s times (or `location`'s), never another
 * one's, and that picker is on screen. Returns where focus landed.
 */
export async function expectFocusOnTimes(
  page: Page,
  of: { provider?: string; location?: string },
  timeout = 15_000,
): Promise<FocusPath> {
  const until = Date.now() + timeout;
  let last: FocusPath | undefined;
  for (;;) {
    last = await focusPath(page);
    const picker = last.hosts.find((host) => host.tag === 'fd-slot-picker');
    const inside = picker && last.tag !== 'fd-slot-picker';
    if (inside) {
      if (of.provider) expect(picker.provider, 'the picker is for the provider booked').toBe(of.provider);
      if (of.location) expect(picker.location, 'the picker is for the location booked').toBe(of.location);
      const shown = await page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        const box = active?.getBoundingClientRect();
        return !!box && box.bottom > 0 && box.top < innerHeight;
      });
      // A page may scroll smoothly to it: on screen once the scroll has ended.
      if (shown) return last;
      if (Date.now() > until) expect(shown, 'the focused control is on screen').toBe(true);
    } else if (Date.now() > until) {
      throw new Error(`focus never reached the picker's times: ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(50);
  }
}
