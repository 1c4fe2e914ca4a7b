import type { FdSlotSelectDetail } from '@frontdesk/core';
import { expect, html } from '@open-wc/testing';
import { memory, START } from '../../../test/support/adapters.js';
import { $, settle, text } from '../../../test/support/dom.js';
import { chooseDay, dayWithTimes, mount, timeButtons } from './picker-kit.browser.test.js';

describe('fd-slot-picker in a form', () => {
  it('submits the chosen slot id, validates required, and resets', async () => {
    const selections: FdSlotSelectDetail[] = [];
    const el = await mount(html`<form>
      <fd-slot-picker
        name="slot"
        mode="select"
        required
        provider="maria-hernandez" visit-type="new-patient"
        start=${START}
        .adapter=${memory()}
        @fd-slot-select=${(e: CustomEvent<FdSlotSelectDetail>) => selections.push(e.detail)}
      ></fd-slot-picker>
    </form>`);
    const form = el.closest('form')!;
    expect(el.form).to.equal(form);
    expect(new FormData(form).get('slot')).to.equal(null);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Choose a time.');
    await expect(el).shadowDom.to.be.accessible();

    await chooseDay(el, dayWithTimes(el, 2));
    const button = timeButtons(el)[1]!;
    button.click();
    await settle(el);
    const slotId = button.dataset.slot!;
    expect(new FormData(form).get('slot')).to.equal(slotId);
    expect(el.value).to.equal(slotId);
    expect(form.checkValidity()).to.equal(true);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(text($(el, '[part="selection"]'))).to.match(/^Selected: \w+day, \w+ \d+, 2026, \d+:\d\d [AP]M C[SD]T$/);
    // Select mode stays on the calendar: no patient form.
    expect($(el, 'form')).to.equal(null);
    const detail = selections[0]!;
    expect(detail.slotId).to.equal(slotId);
    expect(detail.providerId).to.equal('maria-hernandez');
    expect(detail.visitTypeId).to.equal('new-patient');
    expect(detail.timeZone).to.equal('America/Chicago');
    expect(Date.parse(detail.end)).to.be.greaterThan(Date.parse(detail.start));
    await expect(el).shadowDom.to.be.accessible();

    form.reset();
    await settle(el);
    expect(el.value).to.equal('');
    expect(new FormData(form).get('slot')).to.equal(null);
    expect(el.validity.valueMissing).to.equal(true);

    // A restored form (back/forward navigation) chooses the slot again and shows its day.
    el.formStateRestoreCallback(slotId);
    await settle(el);
    expect(new FormData(form).get('slot')).to.equal(slotId);
    expect(
      timeButtons(el)
        .find((b) => b.dataset.slot === slotId)
        ?.getAttribute('aria-pressed'),
    ).to.equal('true');
  });

  it('is not a form value in book mode, and takes a value set from script', async () => {
    const el = await mount(html`<form>
      <fd-slot-picker name="slot" provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>
    </form>`);
    await chooseDay(el, dayWithTimes(el));
    const slotId = timeButtons(el)[0]!.dataset.slot!;
    el.mode = 'select';
    el.value = slotId;
    await settle(el);
    expect(new FormData(el.closest('form')!).get('slot')).to.equal(slotId);
    el.mode = 'book';
    await settle(el);
    expect(new FormData(el.closest('form')!).get('slot')).to.equal(null);
  });
});

describe('fd-slot-picker theming', () => {
  it('reads its public custom properties, falling back to the shared tokens', async () => {
    const el = await mount(
      html`<fd-slot-picker provider="maria-hernandez" visit-type="new-patient" start=${START} .adapter=${memory()}></fd-slot-picker>`,
    );
    const cell = $(el, 'td.open')!;
    const before = getComputedStyle(cell).backgroundColor;
    el.style.setProperty('--fd-slot-picker-available', 'rgb(1, 2, 3)');
    expect(getComputedStyle(cell).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(before).to.not.equal('rgb(1, 2, 3)');
    el.style.setProperty('--fd-color-accent', 'rgb(200, 0, 0)');
    cell.click();
    await settle(el);
    expect(getComputedStyle($(el, 'td[aria-selected="true"]')!).backgroundColor).to.equal('rgb(200, 0, 0)');
    el.setAttribute('theme', 'dark');
    await settle(el);
    expect(getComputedStyle($(el, '.fd-root')!).backgroundColor).to.equal('rgb(21, 26, 33)');
  });
});
