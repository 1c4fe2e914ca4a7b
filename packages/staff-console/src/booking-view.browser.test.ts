import { defineElement } from '@frontdesk/core/element';
import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, cleanup, collect, shownText } from '../../../test/support/dom.js';
import { FdStaffBooking } from './booking-view.js';
import type { ConsoleEventDetails } from './events.js';
import type { FreeSlot, FreeTimesState, StaffBooking } from './types.js';

// This part alone: the console's define module brings in the charts' library, which is not for this test page.
defineElement('fd-staff-booking', FdStaffBooking);

const BOOKING: StaffBooking = {
  id: 'bk-1',
  status: 'booked',
  attendance: 'expected',
  start: '2026-03-02T09:30:00-06:00',
  end: '2026-03-02T10:00:00-06:00',
  timeZone: 'America/Chicago',
  providerId: 'rosa-delgado',
  providerName: 'Rosa Delgado, MD',
  locationName: 'Franklin',
  visitTypeName: 'New patient visit',
  patient: { givenName: 'Tomás', familyName: 'Herrera' },
};

// 10:30 on the visit's day, and two times the next day (in Chicago).
const SLOTS: FreeSlot[] = [
  { id: 'rosa-delgado|franklin|20260302T1630Z', start: '2026-03-02T16:30:00Z' },
  { id: 'rosa-delgado|franklin|20260303T1500Z', start: '2026-03-03T15:00:00Z' },
  { id: 'rosa-delgado|franklin|20260303T1530Z', start: '2026-03-03T15:30:00Z' },
];

async function bookingView(
  options: { slots?: FreeSlot[]; day?: string; state?: FreeTimesState; problem?: string } = {},
): Promise<FdStaffBooking> {
  const el = await fixture<FdStaffBooking>(html`<fd-staff-booking
    .booking=${BOOKING}
    .freeTimes=${{
      day: options.day ?? '',
      state: options.state ?? 'ready',
      slots: options.slots ?? SLOTS,
      problem: options.problem ?? '',
    }}
    can-write
  ></fd-staff-booking>`);
  await el.updateComplete;
  return el;
}

const dayField = (el: FdStaffBooking) => $<HTMLInputElement>(el, 'fieldset input[type="date"]')!;
const listed = (el: FdStaffBooking) => $$<HTMLOptionElement>(el, 'select[name="slot"] option');

async function pick(el: FdStaffBooking, day: string): Promise<void> {
  dayField(el).value = day;
  dayField(el).dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

afterEach(cleanup);

describe('fd-staff-booking: the move', () => {
  it('starts on the visit’s day in its own zone and lists that day’s free times only, by time', async () => {
    const el = await bookingView();
    expect($(el, 'fieldset legend')!.textContent).to.equal('Move to another time');
    expect(shownText(dayField(el).closest('label'))).to.equal('Day');
    expect(dayField(el).value).to.equal('2026-03-02');
    expect(listed(el).map((option) => [option.value, option.textContent])).to.deep.equal([[SLOTS[0]!.id, '10:30 AM']]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('asks for the day chosen, and lists what it is given for it', async () => {
    const el = await bookingView();
    const asked = collect<ConsoleEventDetails['fd-staff-free-times']>('fd-staff-free-times');
    await pick(el, '2026-03-03');
    expect(asked).to.deep.equal([{ bookingId: 'bk-1', day: '2026-03-03' }]);
    el.freeTimes = { ...el.freeTimes!, day: '2026-03-03' };
    await el.updateComplete;
    expect(listed(el).map((option) => option.textContent)).to.deep.equal(['9:00 AM', '9:30 AM']);
  });

  it('asks for nothing while the field holds a day outside the ones offered, and says which those are', async () => {
    const el = await bookingView();
    const asked = collect<ConsoleEventDetails['fd-staff-free-times']>('fd-staff-free-times');
    // What a keyboard passes through when the year is typed digit by digit.
    await pick(el, '0002-03-02');
    await pick(el, '');
    expect(asked).to.deep.equal([]);
    expect(dayField(el).getAttribute('aria-invalid')).to.equal('true');
    const hint = $(el, `#${dayField(el).getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).to.equal('Choose a day from Saturday, March 1, 2025 to Thursday, March 2, 2028.');
    expect($(el, 'select')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
    await pick(el, '2027-01-04');
    expect(asked).to.deep.equal([{ bookingId: 'bk-1', day: '2027-01-04' }]);
    expect(dayField(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('says when the times are loading, when the day has none, and when they could not be had, with a retry', async () => {
    const loading = await bookingView({ state: 'loading' });
    expect(shownText($(loading, 'fieldset [role="status"]'))).to.equal('Loading the free times…');
    expect($(loading, 'button[type="submit"]')).to.equal(null);

    const none = await bookingView({ day: '2026-03-04' });
    expect(shownText($(none, 'fieldset'))).to.contain('No free times on this day.');
    expect($(none, 'button[type="submit"]')).to.equal(null);

    const failed = await bookingView({
      day: '2026-03-04',
      state: 'error',
      problem: 'The server could not be reached.',
    });
    expect(shownText($(failed, 'fieldset [role="alert"]'))).to.equal('The server could not be reached.');
    expect(dayField(failed).value).to.equal('2026-03-04');
    await expect(failed).shadowDom.to.be.accessible();
    const asked = collect<ConsoleEventDetails['fd-staff-free-times']>('fd-staff-free-times');
    const retry = $$(failed, 'fieldset button').find((button) => button.textContent?.trim() === 'Try again')!;
    retry.click();
    expect(asked).to.deep.equal([{ bookingId: 'bk-1', day: '2026-03-04' }]);
    expect(failed.shadowRoot!.activeElement).to.equal(dayField(failed));
  });

  it('moves to the time chosen with `fd-staff-reschedule`', async () => {
    const el = await bookingView({ day: '2026-03-03' });
    const moves = collect<ConsoleEventDetails['fd-staff-reschedule']>('fd-staff-reschedule');
    $<HTMLSelectElement>(el, 'select[name="slot"]')!.value = SLOTS[2]!.id;
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect(moves).to.deep.equal([{ bookingId: 'bk-1', slotId: SLOTS[2]!.id }]);
  });
});
