import { expect, html } from '@open-wc/testing';
import { memory, START } from '../../../test/support/adapters.js';
import { $, $$, focused, heard, settle, text } from '../../../test/support/dom.js';
import { press, sendKeys, typeText } from '../../../test/support/keys.js';
import { chooseDay, dayWithTimes, mount, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

/** Press Tab until `done()` holds, failing after `max` presses. */
async function tabUntil(el: FdSlotPicker, done: () => boolean, max = 25): Promise<void> {
  for (let i = 0; i < max && !done(); i++) {
    await press('Tab');
    await settle(el);
  }
  expect(done(), `focus is on ${focused(el)?.outerHTML.slice(0, 120)}`).to.equal(true);
}

async function key(el: FdSlotPicker, name: string): Promise<void> {
  await press(name);
  await settle(el);
}

async function shifted(el: FdSlotPicker, name: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await press(name);
  await sendKeys({ up: 'Shift' });
  await settle(el);
}

const focusedDay = (el: FdSlotPicker) => focused(el)?.dataset.day;

describe('fd-slot-picker keyboard path', () => {
  it('books from calendar to confirmation with the keyboard alone, axe clean at every step', async function () {
    // About sixty real key presses and five axe runs: more than the default allowance on a busy machine.
    this.timeout(40_000);
    const adapter = memory();
    const events: string[] = [];
    const el = await mount(html`<fd-slot-picker
      provider="maria-hernandez" visit-type="new-patient"
      start=${START}
      .adapter=${adapter}
      @fd-slot-select=${() => events.push('select')}
      @fd-booking-confirmed=${() => events.push('confirmed')}
    ></fd-slot-picker>`);
    await expect(el).shadowDom.to.be.accessible();

    // Into the grid: one tab stop, on the first day with times.
    await tabUntil(el, () => focused(el)?.getAttribute('role') === 'gridcell');
    const first = focusedDay(el)!;
    expect($(el, `td[data-day="${first}"]`)?.classList.contains('open')).to.equal(true);

    // APG grid keys: day, week, week start and end, month and year.
    await key(el, 'ArrowRight');
    expect(focusedDay(el)).to.equal('2026-03-03');
    await key(el, 'ArrowDown');
    expect(focusedDay(el)).to.equal('2026-03-10');
    await key(el, 'Home');
    expect(focusedDay(el)).to.equal('2026-03-08'); // weeks start on Sunday in English (US)
    await key(el, 'End');
    expect(focusedDay(el)).to.equal('2026-03-14');
    await key(el, 'ArrowLeft');
    expect(focusedDay(el)).to.equal('2026-03-13');
    await key(el, 'PageDown');
    expect(focusedDay(el)).to.equal('2026-04-13');
    const heading = $(el, '#month-heading')!;
    expect(text(heading)).to.equal('April 2026');
    expect(heading.getAttribute('aria-live')).to.equal('polite');
    await key(el, 'PageUp');
    expect(focusedDay(el)).to.equal('2026-03-13');
    expect(text(heading)).to.equal('March 2026');
    await shifted(el, 'PageDown'); // a year on is beyond the 90 days offered: focus stops at the last day
    expect(focusedDay(el)).to.equal('2026-05-30');
    await shifted(el, 'PageUp'); // and before the first
    expect(focusedDay(el)).to.equal(START);

    // Enter on a day without times says so and chooses nothing.
    await key(el, 'ArrowLeft'); // stays on the first day
    expect(focusedDay(el)).to.equal(START);
    for (let i = 0; i < 10 && $(el, 'td[tabindex="0"]')?.classList.contains('open'); i++) await key(el, 'ArrowRight');
    const closedDay = focusedDay(el)!;
    expect($(el, `td[data-day="${closedDay}"]`)?.getAttribute('aria-disabled')).to.equal('true');
    expect(text($(el, `td[data-day="${closedDay}"]`))).to.contain('no times');
    await key(el, 'Enter');
    expect(timeButtons(el)).to.have.length(0);

    // Move on to a day with times and choose it.
    for (let i = 0; i < 10 && !$(el, 'td[tabindex="0"]')?.classList.contains('open'); i++) await key(el, 'ArrowRight');
    const day = focusedDay(el)!;
    await key(el, ' ');
    expect($(el, `td[data-day="${day}"]`)?.getAttribute('aria-selected')).to.equal('true');
    expect(timeButtons(el).length).to.be.greaterThan(1);
    await heard(el, /^\d+ times? on \w+day, March \d+$/);
    await expect(el).shadowDom.to.be.accessible();

    // Times: focus is already on the first (the next decision); one tab stop per part of the day, arrows within it.
    expect(focused(el)).to.equal(timeButtons(el)[0]);
    const toolbar = focused(el)!.parentElement!;
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    const inGroup = [...toolbar.querySelectorAll<HTMLButtonElement>('button[data-slot]')];
    expect(inGroup.filter((b) => b.tabIndex === 0)).to.have.length(1);
    await key(el, 'ArrowRight');
    const slotId = focused(el)!.dataset.slot!;
    expect(slotId).to.equal(inGroup[1]?.dataset.slot);
    await key(el, 'Enter');
    expect(events).to.deep.equal(['select']);

    // Details: focus on the first decision (who the visit is for), then the fields in order.
    expect(text($(el, '#step-heading'))).to.equal('Your details');
    expect(focused(el)?.getAttribute('name')).to.equal('forWhom');
    await expect(el).shadowDom.to.be.accessible();
    await key(el, 'Tab');
    // Each field in order, one tab stop each: the date of birth is one field with its format shown, not three.
    for (const [field, typed] of Object.entries({
      givenName: 'Ana',
      familyName: 'López',
      birthDate: '05/17/1990',
      phone: '615 555 0199',
      email: 'ana@example.com',
      reason: 'Cough for two weeks',
    })) {
      expect(focused(el)?.id).to.equal(`f-${field}`);
      await typeText(typed);
      await key(el, 'Tab');
    }
    // The visit type is for new patients, so the question is not asked again: the contact box is next.
    expect(focused(el)?.getAttribute('name')).to.equal('contact');
    await key(el, ' ');
    expect(($(el, 'input[name="contact"]') as HTMLInputElement).checked).to.equal(true);
    await tabUntil(el, () => focused(el)?.getAttribute('part') === 'continue-button');
    await key(el, 'Enter');

    // Review: everything typed, with focus on the one decision left.
    expect(text($(el, '#step-heading'))).to.equal('Review and confirm');
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
    const review = text($(el, '[part="review"]'));
    for (const expected of ['Ana López', 'May 17, 1990', '+1 615 555 0199', 'ana@example.com', 'Cough for two weeks']) {
      expect(review).to.contain(expected);
    }
    await expect(el).shadowDom.to.be.accessible();
    await key(el, 'Enter');
    await settle(el);

    // Confirmation.
    expect(text(focused(el))).to.equal('You’re booked');
    expect(events).to.deep.equal(['select', 'confirmed']);
    const [booking] = adapter.bookings();
    expect(booking?.slot.id).to.equal(slotId);
    expect(text($(el, '[part="confirmation"]'))).to.contain(booking!.id);
    expect(text($(el, '[part="instructions"]'))).to.contain('Arrive 15 minutes early');
    expect($(el, '[part="calendar-link"]')?.getAttribute('download')).to.equal('appointment.ics');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('explains missing details in a summary tied to each field, and back keeps every input', async () => {
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>`,
    );
    await chooseDay(el, dayWithTimes(el, 3));
    timeButtons(el)[0]!.click();
    await settle(el);

    const given = $<HTMLInputElement>(el, '#f-givenName')!;
    given.focus();
    await typeText('Ana');
    $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
    await settle(el);
    // Focus goes to the summary, which lists each problem and links to its field.
    expect(focused(el)?.id).to.equal('summary-heading');
    expect(text(focused(el))).to.equal('There are 3 problems to fix');
    for (const field of ['familyName', 'birthDate', 'phone']) {
      const input = $(el, `#f-${field}`)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain(`e-${field}`);
      expect($(el, `#e-${field}`)).to.exist;
    }
    expect(given.hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).shadowDom.to.be.accessible();
    $$<HTMLButtonElement>(el, '.error-summary button')[1]!.click();
    await settle(el);
    expect(focused(el)?.id).to.equal('f-birthDate');

    // Fixing a field clears its error as the patient types.
    $<HTMLInputElement>(el, '#f-familyName')!.focus();
    await typeText('López');
    await settle(el);
    expect($(el, '#f-familyName')!.hasAttribute('aria-invalid')).to.equal(false);
    $<HTMLInputElement>(el, '#f-birthDate')!.focus();
    await typeText('01/02/2000');
    $<HTMLInputElement>(el, '#f-phone')!.focus();
    await typeText('615-555-0100');
    $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
    await settle(el);
    expect(text($(el, '#step-heading'))).to.equal('Review and confirm');

    // Back to the details, then back to the times and into another time: nothing typed is lost.
    $<HTMLButtonElement>(el, '[part="review"] [part="back-button"]')!.click();
    await settle(el);
    expect(focused(el)?.getAttribute('name')).to.equal('forWhom');
    expect($<HTMLInputElement>(el, '#f-givenName')!.value).to.equal('Ana');
    expect($<HTMLInputElement>(el, '#f-birthDate')!.value).to.equal('01/02/2000');
    $<HTMLButtonElement>(el, '[part="details"] [part="back-button"]')!.click();
    await settle(el);
    expect(focused(el)?.matches('button[data-slot]')).to.equal(true);
    timeButtons(el)[1]!.click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#f-familyName')!.value).to.equal('López');
    expect($<HTMLInputElement>(el, '#f-phone')!.value).to.equal('615-555-0100');
  });
});
