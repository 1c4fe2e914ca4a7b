import { type FdErrorDetail, type FdOfferClaimDetail, type FrontdeskAdapter, newIdempotencyKey } from '@frontdesk/core';
import type { MemoryAdapter } from '@frontdesk/core/memory';
import { expect, html } from '@open-wc/testing';
import { memory, PATIENT, START } from '../../../test/support/adapters.js';
import { $, cleanup, collect, heard, settle, text, until } from '../../../test/support/dom.js';
import { mount as mountWidget } from '../../../test/support/widgets.js';
import './define.js';
import type { FdBooking } from './booking.js';

const mount = (template: ReturnType<typeof html>) => mountWidget<FdBooking>(template, 'fd-booking');

/** Two patients on the waitlist, a booking on their days cancelled: each has an offer of its time. */
async function twoOffers(adapter: MemoryAdapter & FrontdeskAdapter) {
  const from = new Date(`${START}T00:00:00Z`);
  const to = new Date(from.getTime() + 20 * 86_400_000);
  const slots = await adapter.listSlots({
    start: from.toISOString(),
    end: to.toISOString(),
    providerId: 'maria-hernandez',
  });
  const slot = slots.items.find(
    (candidate) => candidate.status === 'free' && candidate.visitTypeIds.includes('new-patient'),
  )!;
  const taken = await adapter.book({
    slotId: slot.id,
    visitTypeId: 'new-patient',
    patient: PATIENT,
    consent: { terms: true, contact: true },
    idempotencyKey: newIdempotencyKey(),
  });
  for (const givenName of ['First', 'Second']) {
    await adapter.joinWaitlist!({
      providerId: 'maria-hernandez',
      visitTypeId: 'new-patient',
      from: START,
      to: to.toISOString().slice(0, 10),
      patient: { ...PATIENT, givenName },
      consent: { terms: true, contact: true },
      idempotencyKey: newIdempotencyKey(),
    });
  }
  await adapter.cancelBooking!({ manageToken: taken.manageToken!, idempotencyKey: newIdempotencyKey() });
  return { slot, offers: adapter.waitlistOffers().map((offer) => offer.offerToken) };
}

describe('fd-booking with a waitlist offer', () => {
  afterEach(cleanup);

  it('reads #offer= (clearing it), shows the time; the first claim books it, the second is told it is gone', async () => {
    const adapter = memory();
    const { slot, offers } = await twoOffers(adapter);
    expect(offers).to.have.length(2);
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}#offer=${offers[0]}`);
    let first: FdBooking;
    try {
      first = await mount(html`<fd-booking .adapter=${adapter}></fd-booking>`);
      expect(location.hash).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
    const second = await mount(html`<fd-booking .adapter=${adapter} offer=${offers[1]!}></fd-booking>`);
    expect(text($(first, '[part="heading"]'))).to.equal('An earlier time has opened');
    expect(text($(first, '[part~="offer"]'))).to.match(/When.*(AM|PM)/);
    expect(text($(first, '[part~="offer"]'))).to.contain('María Hernández');
    await expect(first).shadowDom.to.be.accessible();

    const errors = collect<FdErrorDetail>('fd-error');
    const claims = collect<FdOfferClaimDetail>('fd-offer-claim');
    $<HTMLButtonElement>(first, '[part="claim-button"]')!.click();
    await heard(first, /The time is yours: your visit is on /);
    await settle(first);
    expect(text($(first, '[part="status"]'))).to.equal('This visit is booked.');
    expect(text($(first, '[part="outcome"]'))).to.contain('The time is yours');
    const claimed = adapter.bookings().filter((b) => b.slot.id === slot.id && b.status === 'booked');
    expect(claimed).to.have.length(1);
    // One event for the page: the new booking, nothing about the patient.
    expect(claims).to.have.length(1);
    expect(claims[0]).to.include({ bookingId: claimed[0]!.id, visitTypeId: 'new-patient', moved: false });
    expect(claims[0]!.slot.id).to.equal(slot.id);
    expect(Object.keys(claims[0]!).sort()).to.deep.equal(
      ['bookingId', 'locationId', 'moved', 'providerId', 'slot', 'visitTypeId'].sort(),
    );
    // The claimed visit is managed from here: it can be cancelled.
    expect($(first, '[part="cancel-button"]')).to.not.equal(null);
    await expect(first).shadowDom.to.be.accessible();

    $<HTMLButtonElement>(second, '[part="claim-button"]')!.click();
    await heard(second, /This time is gone/);
    await settle(second);
    const status = await until(() => $(second, '[part="offer-status"]'), 'the offer status');
    expect(text(status)).to.contain('another patient claimed it first');
    expect(text(status)).to.contain('You are still on the waitlist');
    expect($(second, '[part="claim-button"]')).to.equal(null);
    expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal([['conflict', true]]);
    await expect(second).shadowDom.to.be.accessible();
  });

  it('says plainly when the offer link is unknown, and speaks Spanish', async () => {
    const adapter = memory();
    const unknown = await mount(html`<fd-booking .adapter=${adapter} offer=${'a'.repeat(43)}></fd-booking>`);
    expect(text($(unknown, '[part="empty"]'))).to.contain('We could not find this offer');
    const { offers } = await twoOffers(adapter);
    const el = await mount(
      html`<div lang="es"><fd-booking .adapter=${adapter} offer=${offers[0]!}></fd-booking></div>`,
    );
    await until(() => text($(el, '[part="heading"]')) === 'Se ha liberado un horario antes', 'Spanish');
    expect(text($(el, '[part="claim-button"]'))).to.equal('Reclamar este horario');
  });
});
