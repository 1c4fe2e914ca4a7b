// Issue 7: the widgets end to end in Chromium on a FHIR server we did not write (Medplum's FHIR router, seeded with
// the demo clinic as FHIR resources): the same pages, with only `<fd-clinic adapter="fhir" api="/fhir">` changed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, openSite, type Site, shadowText, watchedPage, widgetsReady } from './harness.js';
import { answerNewPatient, answerSurvey, book, findProvider, pickTimeByKeyboard } from './patient-steps.js';

let site: Site;
beforeAll(async () => {
  site = await openSite('fhir');
}, 120_000);
afterAll(() => site?.close());

it('lists providers, books a time and takes feedback through the FHIR adapter', async () => {
  const { page, context, errors, violations } = await watchedPage(site);
  try {
    const fhirRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/fhir/')) fhirRequests.push(`${request.method()} ${url.pathname}`);
    });
    await page.goto(`${site.origin}/`);
    await expect.poll(() => shadowText(page.locator('fd-provider-list')), { timeout: 30_000 }).toMatch(/15 providers/);
    await findProvider(page);
    await page.waitForURL(/\/provider\.html\?provider=rosa-delgado/);
    await answerNewPatient(page);
    const time = await pickTimeByKeyboard(page);
    const { confirmation, ics } = await book(page);
    expect(confirmation).toContain(time);
    expect(ics).toContain('BEGIN:VEVENT');
    // The booking became a FHIR Appointment, and the Slot it took is now busy.
    expect(fhirRequests).toContain('POST /fhir/Appointment');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${site.origin}/feedback.html`);
    await widgetsReady(page, 30_000);
    expect(await answerSurvey(page)).toMatch(/answers were sent/i);
    expect(fhirRequests).toContain('POST /fhir/QuestionnaireResponse');

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);
