import type { FdErrorDetail, FdSlotSelectDetail } from '@frontdesk/core';
import { createSmartSchedulingLinksAdapter } from '@frontdesk/core/smart-scheduling-links';
import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { $, focused, settle, text, until } from '../../../test/support/dom.js';
import { chooseDay, mount, timeButtons } from './picker-kit.browser.test.js';

interface Publisher {
  origin: string;
  manifestUrl: string;
}

/**
 * A location's times from a SMART Scheduling Links feed: the public example files served by a real HTTP server on
 * 127.0.0.1 (test/fhir-server/scheduling-links-publisher.mjs), read by the real adapter. The feed names no providers.
 */
describe('fd-slot-picker for a location without providers (SMART Scheduling Links)', () => {
  let publisher: Publisher;

  afterEach(async () => {
    await executeServerCommand('stop-scheduling-links-publisher', { origin: publisher.origin });
  });

  const adapterFor = (manifestUrl: string) =>
    createSmartSchedulingLinksAdapter({ manifestUrl, source: 'frontdesk-test', bookingReferral: false, retries: 0 });

  /** The picker for location 0 (Boston) over the example weeks, collecting every fd-error it fires. */
  function mountBoston(errors: FdErrorDetail[], listen: Record<string, (e: Event) => void> = {}) {
    const el = document.createElement('fd-slot-picker');
    Object.assign(el, { location: '0', start: '2021-03-01', days: 14, adapter: adapterFor(publisher.manifestUrl) });
    el.addEventListener('fd-error', (e) => errors.push(e.detail));
    for (const [type, listener] of Object.entries(listen)) el.addEventListener(type, listener);
    return mount(html`${el}`);
  }

  it('shows the location’s times with their openings, and books through the slot’s link', async () => {
    publisher = (await executeServerCommand('start-scheduling-links-publisher')) as Publisher;
    const errors: FdErrorDetail[] = [];
    const selections: FdSlotSelectDetail[] = [];
    const el = await mountBoston(errors, {
      'fd-slot-select': (e) => selections.push((e as CustomEvent<FdSlotSelectDetail>).detail),
    });
    // The one visit type of the feed (its product and dose) is said, not asked; no "new or existing" question.
    expect($(el, 'input[name="patientType"]')).to.equal(null);
    expect(text($(el, '[part~="visit-type"]'))).to.contain(
      'COVID-19 Immunization Appointment: Moderna COVID-19 Vaccine, dose 1',
    );
    expect(text($(el, '#month-heading'))).to.equal('March 2021');
    await chooseDay(el, '2021-03-01');
    const [time] = timeButtons(el);
    expect(text(time)).to.equal('9:00 AM100 openings');
    expect(focused(el)).to.equal(time);
    await expect(el).shadowDom.to.be.accessible();

    time!.click();
    await settle(el);
    await until(() => $(el, '[part="book-elsewhere"]'), 'the booking link step');
    expect(selections[0]).to.include({ slotId: '20', providerId: undefined, locationId: '0' });
    const link = $<HTMLAnchorElement>(el, '[part="booking-link"]')!;
    expect(link.href).to.equal('https://ehr-portal.example.org/bookings?slot=1000000&source=frontdesk-test');
    expect(text($(el, '[part="booking-phone"]'))).to.equal('Call 000-000-0000 to book');
    await expect(el).shadowDom.to.be.accessible();
    // The manifest names three weeks the example files do not include: reported once, recoverable, times still shown.
    expect(errors.map((error) => [error.kind, error.recoverable])).to.deep.include(['invalid-response', true]);
  });

  it('reports each issue the publisher lists as a recoverable fd-error, once, and keeps the times', async () => {
    publisher = (await executeServerCommand('start-scheduling-links-publisher', { errorOutput: true })) as Publisher;
    const errors: FdErrorDetail[] = [];
    const el = await mountBoston(errors);
    const issues = errors.filter((error) => error.field === 'publisher-error');
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ kind: 'invalid-response', recoverable: true });
    expect(issues[0]?.message).to.contain('errors.ndjson');
    expect($(el, 'td.open')).to.exist;
  });

  it('names an unknown location', async () => {
    publisher = (await executeServerCommand('start-scheduling-links-publisher')) as Publisher;
    const el = await mount(html`<fd-slot-picker
      location="atlantis"
      .adapter=${adapterFor(publisher.manifestUrl)}
    ></fd-slot-picker>`);
    expect(text($(el, '[role="alert"]'))).to.contain('We could not find this location.');
  });
});
