import {
  type FdBookingCancelDetail,
  type FdBookingRescheduleDetail,
  type FdErrorDetail,
  type FrontdeskAdapter,
  newIdempotencyKey,
} from '@frontdesk/core';
import { createRestAdapter } from '@frontdesk/core/rest';
import { expect, html } from '@open-wc/testing';
import { memory, PATIENT, START } from '../../../test/support/adapters.js';
import { $, $$, cleanup, collect, heard, settle, text, until } from '../../../test/support/dom.js';
import { frontdeskServer } from '../../../test/support/servers.js';
import { mount as mountWidget } from '../../../test/support/widgets.js';
import './define.js';
import type { FdBooking } from './booking.js';

const mount = (template: ReturnType<typeof html>) => mountWidget<FdBooking>(template, 'fd-booking');

/** A booking made through `adapter` (as the slot picker makes it): its manage token and slot. */
async function book(adapter: FrontdeskAdapter, from = new Date(`${START}T00:00:00Z`)) {
  const providerId = 'maria-hernandez';
  const visitTypeId = 'new-patient';
  const to = new Date(from.getTime() + 30 * 86_400_000);
  const slots = await adapter.listSlots({ start: from.toISOString(), end: to.toISOString(), providerId, visitTypeId });
  const slot = slots.items.find(
    (candidate) => candidate.status === 'free' && candidate.visitTypeIds.includes(visitTypeId),
  )!;
  const booking = await adapter.book({
    slotId: slot.id,
    visitTypeId,
    patient: PATIENT,
    consent: { terms: true, contact: true },
    idempotencyKey: newIdempotencyKey(),
  });
  return { token: booking.manageToken!, booking };
}

/** A visit booked at the memory clinic, and fd-booking showing it. */
async function showBooked() {
  const adapter = memory();
  const { token, booking } = await book(adapter);
  const el = await mount(html`<fd-booking .adapter=${adapter} token=${token} start=${START}></fd-booking>`);
  return { adapter, booking, el };
}

/** Waits for the picker inside fd-booking to show times, and chooses the first one. */
async function chooseNewTime(el: FdBooking): Promise<string> {
  const picker = await until(
    () => $(el, 'fd-slot-picker') as (HTMLElement & { loadComplete: Promise<unknown> }) | null,
    'the picker',
  );
  await picker.loadComplete;
  await settle(el);
  const day = await until(() => $<HTMLElement>(picker, 'td.open'), 'a day with times');
  day.click();
  await settle(picker as never);
  const time = await until(() => $<HTMLButtonElement>(picker, 'button[data-slot]'), 'a time');
  time.click();
  await settle(picker as never);
  await settle(el);
  return time.dataset.slot!;
}

describe('fd-booking', () => {
  afterEach(cleanup);

  it('shows the visit: when in the clinic’s zone (named), with whom, what kind, where; axe clean', async () => {
    const { el } = await showBooked();
    const visit = text($(el, '[part="visit"]'));
    expect(visit).to.match(/When.*2026.*\d{1,2}:\d{2}\s?[AP]M \(Central (Standard|Daylight) Time, Chicago\)/);
    expect(visit).to.contain('Hernández');
    expect(visit).to.contain('New patient');
    expect(visit).to.match(/Where.*Clinic/);
    expect(text($(el, '[part="status"]'))).to.equal('This visit is booked.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('cancels after a confirmation step with an optional reason: announced, fd-booking-cancel, the time free again', async () => {
    const cancels = collect<FdBookingCancelDetail>('fd-booking-cancel');
    const { adapter, booking, el } = await showBooked();
    $<HTMLButtonElement>(el, '[part="cancel-button"]')!.click();
    await settle(el);
    // The question takes focus; keeping the visit changes nothing.
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Cancel this visit?');
    await expect(el).shadowDom.to.be.accessible();
    const reason = $<HTMLTextAreaElement>(el, '[part="reason"]')!;
    reason.value = 'x'.repeat(1001);
    reason.dispatchEvent(new Event('input'));
    await settle(el);
    expect(text($(el, '.field-error'))).to.contain('1000 characters');
    $<HTMLButtonElement>(el, '[part="confirm-cancel-button"]')!.click();
    await settle(el);
    expect(adapter.bookings()[0]!.status).to.equal('booked');
    reason.value = 'Feeling better';
    reason.dispatchEvent(new Event('input'));
    await settle(el);
    $<HTMLButtonElement>(el, '[part="confirm-cancel-button"]')!.click();
    await heard(el, /is cancelled/);
    await settle(el);
    expect(text($(el, '[part="outcome"]'))).to.contain('Your visit is cancelled');
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('outcome');
    expect(text($(el, '[part="status"]'))).to.equal('This visit is cancelled.');
    expect($(el, '[part="cancel-button"]')).to.equal(null);
    expect(cancels.map((c) => c.bookingId)).to.deep.equal([booking.id]);
    expect(JSON.stringify(cancels)).to.not.contain('Feeling better');
    const again = await adapter.listSlots({
      start: booking.slot.start,
      end: booking.slot.end,
      providerId: 'maria-hernandez',
    });
    expect(again.items.find((slot) => slot.id === booking.slot.id)?.status).to.equal('free');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('moves the visit with the slot picker (same provider and visit type): one step, sequence raised, announced', async () => {
    const moves = collect<FdBookingRescheduleDetail>('fd-booking-reschedule');
    const { adapter, booking, el } = await showBooked();
    $<HTMLButtonElement>(el, '[part="reschedule-button"]')!.click();
    const picker = await until(() => $(el, 'fd-slot-picker'), 'the picker');
    expect(picker.getAttribute('mode')).to.equal('select');
    expect(picker.getAttribute('provider')).to.equal('maria-hernandez');
    expect(picker.getAttribute('visit-type')).to.equal('new-patient');
    const slotId = await chooseNewTime(el);
    expect(text($(el, '[part="move-button"]'))).to.match(/^Move my visit to /);
    await expect(el).shadowDom.to.be.accessible();
    $<HTMLButtonElement>(el, '[part="move-button"]')!.click();
    await heard(el, /is moved to/);
    await settle(el);
    expect(moves).to.have.length(1);
    expect(moves[0]).to.include({ bookingId: booking.id });
    expect(moves[0]!.slot.id).to.equal(slotId);
    expect(moves[0]!.previousSlot.id).to.equal(booking.slot.id);
    expect(moves[0]!.sequence).to.be.greaterThan(booking.sequence ?? 0);
    expect(text($(el, '[part="outcome"]'))).to.contain('Your visit is moved');
    expect(adapter.bookings().map((b) => b.slot.id)).to.deep.equal([slotId]);
  });

  it('a time taken meanwhile says so and keeps the visit where it was', async () => {
    const errors = collect<FdErrorDetail>('fd-error');
    const { adapter, booking, el } = await showBooked();
    $<HTMLButtonElement>(el, '[part="reschedule-button"]')!.click();
    const slotId = await chooseNewTime(el);
    adapter.takeSlot(slotId); // another patient books it first
    $<HTMLButtonElement>(el, '[part="move-button"]')!.click();
    await heard(el, /just taken/);
    await settle(el);
    expect(text($(el, '[part="outcome"]'))).to.match(
      /That time was just taken by someone else. Your visit is still on /,
    );
    expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal([['conflict', true]]);
    expect(adapter.bookings().find((b) => b.id === booking.id)?.slot.id).to.equal(booking.slot.id);
    expect($(el, 'fd-slot-picker'), 'still choosing').to.not.equal(null);
  });

  it('reads the token from the address (#token=) and clears it from the address bar', async () => {
    const adapter = memory();
    const { token } = await book(adapter);
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}#token=${token}`);
    try {
      const el = await mount(html`<fd-booking .adapter=${adapter}></fd-booking>`);
      expect(location.hash).to.equal('');
      expect(text($(el, '[part="status"]'))).to.equal('This visit is booked.');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says so, and reports fd-error, for a missing or unknown token and a backend that cannot manage', async () => {
    const errors = collect<FdErrorDetail>('fd-error');
    const none = await mount(html`<fd-booking .adapter=${memory()}></fd-booking>`);
    expect(text($(none, '[part="empty"]'))).to.contain('This link is not complete');
    const unknown = await mount(html`<fd-booking .adapter=${memory()} token=${'a'.repeat(32)}></fd-booking>`);
    expect(text($(unknown, '[part="empty"]'))).to.contain('We could not find this visit');
    const base = memory();
    const readOnly = new Proxy(base, {
      get: (target, key) =>
        key === 'capabilities' ? { ...target.capabilities, manage: false } : Reflect.get(target, key, target),
    });
    const unsupported = await mount(html`<fd-booking .adapter=${readOnly} token=${'a'.repeat(32)}></fd-booking>`);
    expect(text($(unsupported, '[part="empty"]'))).to.contain('cannot be changed online');
    expect(errors.map((e) => e.kind)).to.deep.equal(['invalid-input', 'not-found', 'unsupported']);
    await expect(unknown).shadowDom.to.be.accessible();
  });

  it('speaks Spanish', async () => {
    const adapter = memory();
    const { token } = await book(adapter);
    const el = await mount(
      html`<div lang="es"><fd-booking .adapter=${adapter} token=${token} start=${START}></fd-booking></div>`,
    );
    await until(() => text($(el, '[part="heading"]')) === 'Su cita', 'Spanish');
    expect(text($(el, '[part="status"]'))).to.equal('Esta cita está reservada.');
    expect(text($(el, '[part="cancel-button"]'))).to.equal('Cancelar esta cita');
  });

  it('fits 320 px without sideways scrolling', async () => {
    const adapter = memory();
    const { token } = await book(adapter);
    const el = await mount(
      html`<div style="inline-size: 320px"><fd-booking .adapter=${adapter} token=${token} start=${START}></fd-booking></div>`,
    );
    $<HTMLButtonElement>(el, '[part="cancel-button"]')!.click();
    await settle(el);
    for (const node of [el, ...$$(el, '*')]) {
      expect(node.getBoundingClientRect().width, node.localName).to.be.at.most(321);
    }
  });

  it('against @frontdesk/server: sees, moves and cancels a real booking', async function () {
    this.timeout(40_000);
    const api = await frontdeskServer();
    const adapter = createRestAdapter({ baseUrl: api });
    // The server's demo clinic runs on today's date: book in its own window.
    const { token, booking } = await book(adapter, new Date());
    const el = await mount(html`<fd-booking .adapter=${adapter} token=${token}></fd-booking>`);
    expect(text($(el, '[part="status"]'))).to.equal('This visit is booked.');
    $<HTMLButtonElement>(el, '[part="reschedule-button"]')!.click();
    const slotId = await chooseNewTime(el);
    $<HTMLButtonElement>(el, '[part="move-button"]')!.click();
    await heard(el, /is moved to/);
    const moved = await adapter.getBooking!(token);
    expect(moved.slot.id).to.equal(slotId);
    expect(moved.id).to.equal(booking.id);
    expect(moved.sequence).to.be.greaterThan(booking.sequence ?? 0);
    await settle(el);
    $<HTMLButtonElement>(el, '[part="cancel-button"]')!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[part="confirm-cancel-button"]')!.click();
    await heard(el, /is cancelled/);
    expect((await adapter.getBooking!(token)).status).to.equal('cancelled');
  });
});
