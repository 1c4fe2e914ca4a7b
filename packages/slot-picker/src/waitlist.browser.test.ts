import type { FdWaitlistJoinDetail } from '@frontdesk/core';
import { expect, html } from '@open-wc/testing';
import { memory, START } from '../../../test/support/adapters.js';
import { $, cleanup, collect, focused, heard, part, settle, text, until } from '../../../test/support/dom.js';
import { ANA, chooseDay, dayWithTimes, fill, mount, mountClinic, timeButtons } from './picker-kit.browser.test.js';

describe('fd-slot-picker waitlist', () => {
  // The form starts from the booking form's draft in the tab's session storage: start each test without one.
  beforeEach(() => sessionStorage.clear());
  afterEach(cleanup);

  it('offers the waitlist under the times, checks the form in place, joins, and the freed time is offered', async () => {
    const adapter = memory();
    const el = await mountClinic(adapter);
    const day = dayWithTimes(el, 2);
    await chooseDay(el, day);
    // The form's code is not part of the picker's first download: nothing of it until asked.
    expect(part(el, 'waitlist')).to.equal(null);
    part(el, 'waitlist-button')!.click();
    const form = await until(() => part(el, 'waitlist'), 'the waitlist form');
    await settle(el);
    expect(text(form.querySelector('h3'))).to.equal('Tell me if an earlier time opens');
    expect(focused(el)?.id).to.equal('waitlist-heading');
    // Today (the page's first day) to the day the patient was looking at.
    expect($<HTMLInputElement>(el, '#f-wl-from')!.value).to.equal(START);
    expect($<HTMLInputElement>(el, '#f-wl-to')!.value).to.equal(day);

    // Nothing typed: the problems are listed and tied to their fields, consent to be contacted among them.
    part(el, 'waitlist-submit')!.click();
    await settle(el);
    const summary = text(part(el, 'error-summary'));
    expect(summary).to.contain('Enter your first name.');
    expect(summary).to.contain('tick the box so the clinic may write to you');
    expect($(el, '#f-contact')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();

    fill(el, { ...ANA, email: 'ana@example.com' });
    $<HTMLInputElement>(el, '#f-contact')!.click();
    await settle(el);
    const joins = collect<FdWaitlistJoinDetail>('fd-waitlist-join');
    part(el, 'waitlist-submit')!.click();
    await heard(el, /You are on the waitlist from Monday, March 2 to .* when an earlier time opens\./);
    // The page hears what and when, never who.
    expect(joins).to.deep.equal([{ providerId: 'maria-hernandez', visitTypeId: 'new-patient', from: START, to: day }]);
    const outcome = await until(() => part(el, 'waitlist-outcome'), 'the outcome');
    expect(focused(el)).to.equal(outcome);
    await expect(el).shadowDom.to.be.accessible();

    // A booking on that day is cancelled: the waitlisted patient is offered its time.
    const slotId = timeButtons(el)[0]!.dataset.slot!;
    const booking = await adapter.book({
      slotId,
      visitTypeId: 'new-patient',
      patient: { ...ANA, birthDate: '1990-05-17', patientType: 'new' },
      consent: { terms: true, contact: true },
      idempotencyKey: 'waitlist-picker-test-1',
    });
    await adapter.cancelBooking!({ manageToken: booking.manageToken!, idempotencyKey: 'waitlist-picker-test-2' });
    const offers = adapter.waitlistOffers();
    expect(offers.map((offer) => offer.slotId)).to.include(slotId);

    // Leaving: no more offers for this patient.
    $<HTMLButtonElement>(el, '[part="leave-button"]')!.click();
    await heard(el, /You have left the waitlist/);
    expect(text(part(el, 'waitlist-outcome'))).to.contain('You have left the waitlist');
  });

  it('shows what the server refused in place and keeps what was typed (Spanish)', async () => {
    const adapter = memory();
    const el = await mount(
      html`<fd-slot-picker lang="es" provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${adapter}></fd-slot-picker>`,
    );
    await chooseDay(el, dayWithTimes(el));
    const button = await until(
      () =>
        text(part(el, 'waitlist-button')) === 'Avíseme si se libera un horario antes'
          ? part(el, 'waitlist-button')
          : null,
      'the waitlist button in Spanish',
    );
    button.click();
    await until(() => part(el, 'waitlist'), 'the waitlist form');
    fill(el, { ...ANA, to: '2026-02-01' });
    $<HTMLInputElement>(el, '#f-contact')!.click();
    await settle(el);
    part(el, 'waitlist-submit')!.click();
    await settle(el);
    expect(text(part(el, 'waitlist'))).to.contain('Elija hoy o un día posterior.');
    expect($<HTMLInputElement>(el, '[name="givenName"]')!.value).to.equal('Ana');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('offers no waitlist when the source keeps none', async () => {
    const adapter = memory();
    Object.defineProperty(adapter, 'capabilities', { value: { ...adapter.capabilities, waitlist: false } });
    const el = await mountClinic(adapter);
    await chooseDay(el, dayWithTimes(el));
    expect(part(el, 'waitlist-button')).to.equal(null);
  });
});
