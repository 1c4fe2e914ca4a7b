import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Slot } from '../../schemas/scheduling.js';
import { createMemoryAdapter } from './index.js';

const NOW = '2026-03-02T14:00:00Z';
const WINDOW = { start: NOW, end: '2026-03-09T00:00:00Z', providerId: 'maria-hernandez', visitTypeId: 'new-patient' };
const patient = {
  givenName: 'Ana',
  familyName: 'Reyes',
  birthDate: '1950-04-12',
  phone: '+1 615 555 0199',
  patientType: 'new' as const,
};
let keys = 0;
const key = () => `memory-visit-key-${String(keys++).padStart(6, '0')}`;

async function setup() {
  const adapter = createMemoryAdapter({ now: NOW, days: 14 });
  const free = (await adapter.listSlots(WINDOW)).items.filter((slot) => slot.status === 'free');
  const book = (slot: Slot) =>
    adapter.book({
      slotId: slot.id,
      visitTypeId: 'new-patient',
      patient,
      consent: { terms: true, contact: true },
      idempotencyKey: key(),
    });
  const statusOf = async (slot: Slot) =>
    (await adapter.listSlots(WINDOW)).items.find((candidate) => candidate.id === slot.id)?.status;
  return { adapter, free, book, statusOf };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('memory adapter: the whole visit', () => {
  it('manages a booking by its token: read, move (same id, sequence raised), cancel (slot free again)', async () => {
    const { adapter, free, book, statusOf } = await setup();
    const booking = await book(free[0]!);
    expect(booking.notifications).toBeUndefined();
    const token = booking.manageToken!;
    expect(await adapter.getBooking!(token)).toMatchObject({ id: booking.id, status: 'booked' });
    const moved = await adapter.rescheduleBooking!({ manageToken: token, slotId: free[1]!.id, idempotencyKey: key() });
    expect(moved).toMatchObject({ id: booking.id, sequence: 1, slot: { id: free[1]!.id } });
    expect(await statusOf(free[0]!)).toBe('free');
    expect(await statusOf(free[1]!)).toBe('busy');
    await book(free[2]!);
    await expect(
      adapter.rescheduleBooking!({ manageToken: token, slotId: free[2]!.id, idempotencyKey: key() }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await adapter.getBooking!(token)).slot.id).toBe(free[1]!.id);
    const cancelled = await adapter.cancelBooking!({ manageToken: token, idempotencyKey: key() });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(await statusOf(free[1]!)).toBe('free');
    await expect(adapter.getBooking!('A'.repeat(43))).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('links a survey response to its visit, one per visit', async () => {
    const { adapter, free, book } = await setup();
    const booking = await book(free[0]!);
    const response = {
      resourceType: 'QuestionnaireResponse' as const,
      questionnaire: 'Questionnaire/post-visit-nps',
      status: 'completed' as const,
      item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: 8 }] }],
    };
    await adapter.submitSurvey(response, { idempotencyKey: key(), bookingId: booking.id });
    await expect(
      adapter.submitSurvey(response, { idempotencyKey: key(), bookingId: booking.id }),
    ).rejects.toMatchObject({
      kind: 'conflict',
    });
    // Without a visit, as many as patients send.
    await adapter.submitSurvey(response, { idempotencyKey: key() });
    await adapter.submitSurvey(response, { idempotencyKey: key() });
  });

  it('holds a time for five minutes: busy to others, bookable with the hold, free again on release or expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(NOW));
    const { adapter, free, book, statusOf } = await setup();
    const hold = await adapter.holdSlot!({ slotId: free[0]!.id, idempotencyKey: key() });
    expect(Date.parse(hold.expiresAt) - Date.parse(NOW)).toBe(5 * 60_000);
    expect(await statusOf(free[0]!)).toBe('busy');
    await expect(book(free[0]!)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(adapter.holdSlot!({ slotId: free[0]!.id, idempotencyKey: key() })).rejects.toMatchObject({
      kind: 'conflict',
    });
    vi.setSystemTime(Date.parse(NOW) + 5 * 60_000 + 1);
    expect(await statusOf(free[0]!)).toBe('free');
    const second = await adapter.holdSlot!({ slotId: free[1]!.id, idempotencyKey: key() });
    await adapter.releaseHold!(second.id);
    expect(await statusOf(free[1]!)).toBe('free');
    const mine = await adapter.holdSlot!({ slotId: free[2]!.id, idempotencyKey: key() });
    const booked = await adapter.book({
      slotId: free[2]!.id,
      visitTypeId: 'new-patient',
      patient,
      consent: { terms: true },
      idempotencyKey: key(),
      holdId: mine.id,
    });
    expect(booked.status).toBe('booked');
  });

  it('offers a freed earlier time to waitlisted patients; the first claim books it, the second is told it is gone', async () => {
    const { adapter, free, book } = await setup();
    const taken = await book(free[0]!);
    const join = (givenName: string) =>
      adapter.joinWaitlist!({
        providerId: 'maria-hernandez',
        visitTypeId: 'new-patient',
        from: '2026-03-02',
        to: '2026-03-20',
        patient: { ...patient, givenName },
        consent: { terms: true, contact: true },
        idempotencyKey: key(),
      });
    const first = await join('First');
    const second = await join('Second');
    expect(first).toMatchObject({ status: 'waiting', token: expect.any(String) });
    await adapter.cancelBooking!({ manageToken: taken.manageToken!, idempotencyKey: key() });
    const offers = adapter.waitlistOffers();
    expect(offers.map((offer) => offer.waitlistToken)).toEqual([first.token, second.token]);
    const offer = await adapter.getWaitlistOffer!(offers[1]!.offerToken);
    expect(offer).toMatchObject({ status: 'open', slot: { id: free[0]!.id }, movesBooking: false });
    const claimed = await adapter.claimWaitlistOffer!({ offerToken: offers[1]!.offerToken, idempotencyKey: key() });
    expect(claimed).toMatchObject({ status: 'booked', slot: { id: free[0]!.id }, patientName: 'Second' });
    expect(claimed.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(
      adapter.claimWaitlistOffer!({ offerToken: offers[0]!.offerToken, idempotencyKey: key() }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await adapter.getWaitlistOffer!(offers[0]!.offerToken)).status).toBe('gone');
    await adapter.leaveWaitlist!(first.token!);
    await expect(
      adapter.joinWaitlist!({
        providerId: 'maria-hernandez',
        visitTypeId: 'new-patient',
        from: '2026-03-02',
        to: '2026-03-20',
        patient,
        consent: { terms: true, contact: false },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ kind: 'invalid-input', field: 'request.consent.contact' });
  });
});
