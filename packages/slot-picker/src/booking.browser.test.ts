import {
  type BookingRequest,
  type FdBookingConfirmedDetail,
  type FdErrorDetail,
  FrontdeskError,
  type Slot,
} from '@frontdesk/core';
import { expect } from '@open-wc/testing';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { $, cleanup, collect, focused, settle, text } from '../../../test/support/dom.js';
import { ANA, chooseDay, dayWithTimes, fill, mountClinic, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

// The date of birth as an ISO date, which the field also takes.
const DETAILS = { ...ANA, birthDate: '1990-05-17', email: 'ana@example.com', reason: 'Cough; fever, since Monday' };

/** Fill the details as a patient would (input events on native fields), then continue to the review. */
async function fillDetailsAndContinue(el: FdSlotPicker): Promise<void> {
  fill(el, DETAILS);
  await settle(el);
  $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
  await settle(el);
  expect(text($(el, '#step-heading'))).to.equal('Review and confirm');
  expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
}

async function confirm(el: FdSlotPicker): Promise<void> {
  $<HTMLButtonElement>(el, '[part="confirm-button"]')!.click();
  for (let i = 0; i < 100 && $(el, '[part="confirm-button"]')?.getAttribute('aria-disabled') === 'true'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await settle(el);
}

let pickedDay: string | undefined;

async function pickFirstTime(el: FdSlotPicker, min = 3): Promise<string> {
  pickedDay = dayWithTimes(el, min);
  await chooseDay(el, pickedDay);
  const button = timeButtons(el)[0]!;
  button.click();
  await settle(el);
  return button.dataset.slot!;
}

/** The demo clinic as a read-only source (as SMART Scheduling Links are): no booking API, each slot passed through `patch`. */
function readOnlySource(patch: (slot: Slot) => Slot) {
  const base = memory();
  return withOverrides(base, {
    capabilities: { booking: 'link', prices: false, plans: false, surveys: false },
    listSlots: async (query, options) => {
      const listing = await base.listSlots(query, options);
      return { ...listing, items: listing.items.map(patch) };
    },
  });
}

describe('fd-slot-picker booking', () => {
  afterEach(cleanup);

  it('says plainly when the time was taken, keeps the details and shows fresh times for that day', async () => {
    const adapter = memory();
    const errors = collect<FdErrorDetail>('fd-error');
    const el = await mountClinic(adapter);
    const taken = await pickFirstTime(el);
    const day = pickedDay;
    await fillDetailsAndContinue(el);

    adapter.takeSlot(taken); // another patient books it between choosing and confirming
    await confirm(el);

    expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal([['conflict', true]]);
    const notice = $(el, '[part="conflict"]')!;
    expect(focused(el)).to.equal(notice.querySelector('h3'));
    expect(text(notice)).to.contain('That time was just taken');
    expect(text(notice)).to.contain('Your details are saved');
    // Fresh times for the same day, without the one taken.
    expect($(el, 'td[aria-selected="true"]')?.dataset.day).to.equal(day);
    const fresh = timeButtons(el).map((b) => b.dataset.slot);
    expect(fresh.length).to.be.greaterThan(0);
    expect(fresh).to.not.include(taken);
    await expect(el).shadowDom.to.be.accessible();

    // Another time: every detail is still there, and this booking goes through.
    timeButtons(el)[0]!.click();
    await settle(el);
    for (const [field, value] of Object.entries(DETAILS)) {
      expect($<HTMLInputElement>(el, `#f-${field}`)!.value, field).to.equal(value);
    }
    $<HTMLButtonElement>(el, '[part="continue-button"]')!.click();
    await settle(el);
    await confirm(el);
    expect(text(focused(el))).to.equal('You’re booked');
    expect(adapter.bookings().map((b) => b.slot.id)).to.deep.equal([fresh[0]]);
  });

  it('retries with the same idempotency key, so a lost response never books twice', async () => {
    const base = memory();
    const keys: string[] = [];
    let calls = 0;
    const adapter = withOverrides(base, {
      // The first request reaches the server and books, but the answer is lost on the way back.
      book: async (request: BookingRequest) => {
        keys.push(request.idempotencyKey);
        const booking = await base.book(request);
        if (++calls === 1) throw new FrontdeskError('network', 'connection reset');
        return booking;
      },
    });
    const confirmed = collect<FdBookingConfirmedDetail>('fd-booking-confirmed');
    const el = await mountClinic(adapter);
    const slotId = await pickFirstTime(el);
    await fillDetailsAndContinue(el);
    await confirm(el);
    expect(text($(el, '[part="booking-error"]'))).to.contain('could not reach');
    await expect(el).shadowDom.to.be.accessible();
    await confirm(el);

    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).to.equal(keys[0]);
    expect(base.bookings()).to.have.length(1);
    expect(confirmed).to.have.length(1);
    const detail = confirmed[0]!;
    expect(detail.slot.id).to.equal(slotId);
    expect(detail.bookingId).to.equal(base.bookings()[0]?.id);
    // The event tells the host what was booked, never who.
    expect(JSON.stringify(detail)).to.not.match(/Ana|López|0199|example\.com|Cough/);
  });

  it('offers an RFC 5545 calendar file of the booking', async () => {
    const adapter = memory();
    const el = await mountClinic(adapter);
    await pickFirstTime(el);
    await fillDetailsAndContinue(el);
    await confirm(el);
    const booking = adapter.bookings()[0]!;
    const link = $<HTMLAnchorElement>(el, '[part="calendar-link"]')!;
    expect(link.download).to.equal('appointment.ics');
    expect(link.href).to.match(/^blob:/);
    const response = await fetch(link.href);
    expect(response.headers.get('content-type')).to.contain('text/calendar');
    const ics = await response.text();
    expect(ics.replace(/\r\n/g, '')).to.not.match(/[\r\n]/); // CRLF only
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    const utc = (iso: string) =>
      new Date(iso)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(lines).to.include.members([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      `UID:${booking.id}@frontdesk`,
      `DTSTART:${utc(booking.slot.start)}`,
      `DTEND:${utc(booking.slot.end)}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).to.match(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).to.contain('Hernández');
    // Commas in the address are escaped as TEXT requires.
    expect(lines.find((l) => l.startsWith('LOCATION:'))).to.match(/^LOCATION:.+\\, .+/);
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).to.contain('Arrive 15 minutes early');
    expect(ics).to.not.contain('Ana');
  });

  it('shows the booking link of a read-only source instead of the form', async () => {
    const adapter = readOnlySource((slot) => ({ ...slot, bookingLink: `https://book.example/slots/${slot.id}` }));
    const el = await mountClinic(adapter);
    const slotId = await pickFirstTime(el);
    expect(text(focused(el))).to.equal('Book this time');
    expect($(el, 'form')).to.equal(null);
    const link = $<HTMLAnchorElement>(el, '[part="booking-link"]')!;
    expect(link.href).to.equal(`https://book.example/slots/${slotId}`);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    await expect(el).shadowDom.to.be.accessible();
    $<HTMLButtonElement>(el, '[part="back-button"]')!.click();
    await settle(el);
    expect(focused(el)?.dataset.slot).to.equal(slotId);
  });

  it('offers the phone number when a read-only slot has no link, and never a javascript: link', async () => {
    const adapter = readOnlySource((slot) => ({
      ...slot,
      bookingLink: 'javascript:alert(1)',
      bookingPhone: '(615) 555-0142 x12',
    }));
    const el = await mountClinic(adapter);
    await pickFirstTime(el);
    expect($(el, '[part="booking-link"]')).to.equal(null);
    const phone = $<HTMLAnchorElement>(el, '[part="booking-phone"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:6155550142');
    expect(text(phone)).to.equal('Call (615) 555-0142 x12 to book');
  });
});
