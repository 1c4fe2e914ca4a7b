import { expect } from '@open-wc/testing';
import { memory } from '../../../test/support/adapters.js';
import { $, settle, sleep, text, until } from '../../../test/support/dom.js';
import { ANA, chooseDay, dayWithTimes, fill, mountClinic, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

// The date of birth as an ISO date, which the field also takes.
const DETAILS = { ...ANA, birthDate: '1990-05-17', email: 'ana@example.com', reason: 'Private reason: chest pain' };

async function pick(el: FdSlotPicker, day: string, index = 0): Promise<string> {
  await chooseDay(el, day);
  const button = timeButtons(el)[index]!;
  button.click();
  await settle(el);
  return button.dataset.slot!;
}

describe('fd-slot-picker holds the chosen time', () => {
  it('holds it while the patient types (others cannot take it), says until when, and gives it back on Back', async () => {
    const adapter = memory();
    const el = await mountClinic(adapter);
    const day = dayWithTimes(el, 2);
    const slotId = await pick(el, day);
    const notice = await until(() => $(el, '[part="hold-notice"]'), 'the hold notice');
    expect(text(notice)).to.match(/We are keeping this time for you until \d{1,2}:\d{2}\s?[AP]M/);
    await expect(el).shadowDom.to.be.accessible();

    // A second patient on the same clinic no longer sees the time, and cannot hold it either.
    const other = await mountClinic(adapter);
    await chooseDay(other, day);
    expect(timeButtons(other).map((b) => b.dataset.slot)).to.not.include(slotId);
    const refused = await adapter.holdSlot!({ slotId, idempotencyKey: 'k'.repeat(20) }).then(
      () => 'held',
      (error: { kind?: string }) => error.kind,
    );
    expect(refused).to.equal('conflict');

    // Back: the time is free again.
    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await settle(el);
    await until(() => !$(el, '[part="hold-notice"]'), 'the hold released');
    await sleep(50);
    const held = await adapter.holdSlot!({ slotId, idempotencyKey: 'after-release-hold-1' });
    expect(held.slotId).to.equal(slotId);
  });

  it('books with the hold, then offers Google and Outlook links with the title and place only', async () => {
    const adapter = memory();
    const el = await mountClinic(adapter);
    const slotId = await pick(el, dayWithTimes(el, 1));
    await until(() => $(el, '[part="hold-notice"]'), 'the hold notice');
    fill(el, DETAILS);
    await settle(el);
    $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
    await settle(el);
    expect(text($(el, '[part="hold-notice"]'))).to.contain('keeping this time');
    $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
    await until(() => $(el, '[part="confirmation"]'), 'the confirmation');
    await settle(el);
    expect(adapter.bookings().map((b) => b.slot.id)).to.deep.equal([slotId]);

    const google = new URL($<HTMLAnchorElement>(el, '[part="google-calendar-link"]')!.href);
    const outlook = new URL($<HTMLAnchorElement>(el, '[part="outlook-calendar-link"]')!.href);
    expect(google.hostname).to.equal('calendar.google.com');
    expect(google.searchParams.get('text')).to.match(/^Appointment with /);
    expect(google.searchParams.get('location')).to.contain('Clinic');
    expect(outlook.searchParams.get('subject')).to.equal(google.searchParams.get('text'));
    for (const url of [google, outlook]) {
      expect(decodeURIComponent(url.href)).to.not.contain('chest pain');
      expect(decodeURIComponent(url.href)).to.not.contain('López');
    }
    expect($(el, '[part="calendar-link"]')?.getAttribute('download')).to.equal('appointment.ics');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a time another patient holds is taken: back to the fresh times of that day', async () => {
    const adapter = memory();
    const el = await mountClinic(adapter);
    const day = dayWithTimes(el, 2);
    await chooseDay(el, day);
    const slotId = timeButtons(el)[0]!.dataset.slot!;
    // Someone else holds it between the listing and the patient's choice.
    await adapter.holdSlot!({ slotId, idempotencyKey: 'other-patient-hold-1' });
    timeButtons(el)[0]!.click();
    await until(() => $(el, '[part="conflict"]'), 'the conflict notice');
    await settle(el);
    expect(text($(el, '[part="conflict"]'))).to.contain('That time was just taken');
    expect(timeButtons(el).map((b) => b.dataset.slot)).to.not.include(slotId);
  });
});
