import { beforeEach, describe, expect, it } from 'vitest';
import { PATIENT } from '../../../../../test/support/adapters.js';
import { failure } from '../../../../../test/support/errors.js';
import { FrontdeskError } from '../../errors.js';
import { Booking, type BookingRequest, type Slot } from '../../schemas/index.js';
import { createMemoryAdapter, type MemoryAdapter } from './index.js';

const NOW = '2026-03-01T12:00:00Z';
const WINDOW = { start: NOW, end: '2026-03-20T00:00:00Z' };

const patient = PATIENT;

let keys = 0;
function request(slot: Slot, visitTypeId: string, overrides: Partial<BookingRequest> = {}): BookingRequest {
  keys += 1;
  return {
    slotId: slot.id,
    visitTypeId,
    patient,
    consent: { terms: true, contact: false },
    idempotencyKey: `booking-key-${String(keys).padStart(8, '0')}`,
    ...overrides,
  };
}

describe('booking', () => {
  let adapter: MemoryAdapter;
  let freeNewPatient: Slot;

  beforeEach(async () => {
    adapter = createMemoryAdapter({ now: NOW, days: 20 });
    const slots = (await adapter.listSlots({ ...WINDOW, visitTypeId: 'new-patient', providerId: 'maria-hernandez' }))
      .items;
    const free = slots.find((s) => s.status === 'free');
    if (!free) throw new Error('no free new-patient slot in the demo data');
    freeNewPatient = free;
  });

  it('books a free slot, marks it busy and returns what the patient needs to know', async () => {
    const booking = await adapter.book(request(freeNewPatient, 'new-patient'));
    expect(Booking.safeParse(booking).success).toBe(true);
    expect(booking).toMatchObject({
      status: 'booked',
      visitTypeId: 'new-patient',
      providerId: 'maria-hernandez',
      patientName: 'Ana',
      slot: { id: freeNewPatient.id, start: freeNewPatient.start, status: 'busy' },
      location: { id: freeNewPatient.locationId },
    });
    expect(booking.instructions).toMatch(/Arrive 15 minutes early/);
    expect(booking.instructions).toContain(booking.location?.phone);
    // The booking carries no more patient data than a name to greet them by.
    expect(JSON.stringify(booking)).not.toContain('Reyes');
    expect(JSON.stringify(booking)).not.toContain('1988-04-12');

    const [after] = (
      await adapter.listSlots({ start: freeNewPatient.start, end: freeNewPatient.end, providerId: 'maria-hernandez' })
    ).items;
    expect(after?.status).toBe('busy');
    const provider = await adapter.getProvider('maria-hernandez');
    expect(provider.nextAvailable).not.toBe(freeNewPatient.start);
    // The manage token is the patient's alone: the clinic's list of bookings does not show it.
    const { manageToken, ...kept } = booking;
    expect(manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(adapter.bookings()).toEqual([kept]);
  });

  it('books a video visit without sending the patient to an office', async () => {
    const slots = (await adapter.listSlots({ ...WINDOW, providerId: 'omar-haddad', visitTypeId: 'behavioral-intake' }))
      .items;
    const slot = slots.find((s) => s.status === 'free') as Slot;
    const booking = await adapter.book(request(slot, 'behavioral-intake'));
    expect(booking.location).toBeUndefined();
    expect(booking.instructions).toMatch(/video visit/);
  });

  it('gives a conflict when another patient took the slot meanwhile', async () => {
    adapter.takeSlot(freeNewPatient.id);
    const error = await failure(adapter.book(request(freeNewPatient, 'new-patient')));
    expect(error.kind).toBe('conflict');
    expect(adapter.bookings()).toEqual([]);
    expect(() => adapter.takeSlot('nobody.20260301T0900')).toThrow(FrontdeskError);
  });

  it('gives a conflict to a second booking of the same slot', async () => {
    await adapter.book(request(freeNewPatient, 'new-patient'));
    const error = await failure(
      adapter.book(request(freeNewPatient, 'follow-up', { patient: { ...patient, patientType: 'existing' } })),
    );
    expect(error.kind).toBe('conflict');
    expect(adapter.bookings()).toHaveLength(1);
  });

  it('returns the same booking to a retry with the same idempotency key', async () => {
    const first = request(freeNewPatient, 'new-patient');
    const booking = await adapter.book(first);
    const retried = await adapter.book({ ...first, patient: { ...patient }, consent: { contact: false, terms: true } });
    expect(retried).toEqual(booking);
    expect(adapter.bookings()).toHaveLength(1);

    const reused = await failure(adapter.book({ ...first, patient: { ...patient, givenName: 'Luis' } }));
    expect(reused).toMatchObject({ kind: 'invalid-input', field: 'request.idempotencyKey' });
    expect(reused.message).not.toContain('Luis');
  });

  it('rejects an invalid request naming the field, never the value', async () => {
    const badDate = await failure(
      adapter.book(request(freeNewPatient, 'new-patient', { patient: { ...patient, birthDate: '1988-02-30' } })),
    );
    expect(badDate).toMatchObject({ kind: 'invalid-input', field: 'request.patient.birthDate' });
    expect(badDate.message).not.toContain('1988-02-30');

    const badEmail = await failure(
      adapter.book(request(freeNewPatient, 'new-patient', { patient: { ...patient, email: 'ana at example' } })),
    );
    expect(badEmail).toMatchObject({ kind: 'invalid-input', field: 'request.patient.email' });
    expect(badEmail.message).not.toContain('ana at example');

    const noTerms = await failure(adapter.book(request(freeNewPatient, 'new-patient', { consent: { terms: false } })));
    expect(noTerms).toMatchObject({ kind: 'invalid-input', field: 'request.consent.terms' });

    const shortKey = await failure(adapter.book(request(freeNewPatient, 'new-patient', { idempotencyKey: 'abc' })));
    expect(shortKey).toMatchObject({ kind: 'invalid-input', field: 'request.idempotencyKey' });

    const notAnObject = await failure(adapter.book(null as unknown as BookingRequest));
    expect(notAnObject.kind).toBe('invalid-input');
    expect(adapter.bookings()).toEqual([]);
  });

  it('reports unknown slots and visit types as not found', async () => {
    const unknownSlot = await failure(
      adapter.book(request({ ...freeNewPatient, id: 'maria-hernandez.20990101T0900' }, 'new-patient')),
    );
    expect(unknownSlot).toMatchObject({ kind: 'not-found', field: 'request.slotId' });
    const unknownType = await failure(adapter.book(request(freeNewPatient, 'massage')));
    expect(unknownType).toMatchObject({ kind: 'not-found', field: 'request.visitTypeId' });
  });

  it('refuses a visit type the slot does not offer, and an existing-patient visit for a new patient', async () => {
    const wrongType = await failure(adapter.book(request(freeNewPatient, 'pt-evaluation')));
    expect(wrongType).toMatchObject({ kind: 'conflict', field: 'request.visitTypeId' });

    const followUp = await failure(adapter.book(request(freeNewPatient, 'follow-up')));
    expect(followUp).toMatchObject({ kind: 'invalid-input', field: 'request.patient.patientType' });
    expect(adapter.bookings()).toEqual([]);
  });

  it('hands out copies of bookings', async () => {
    const booking = await adapter.book(request(freeNewPatient, 'new-patient'));
    booking.status = 'cancelled';
    const [stored] = adapter.bookings();
    expect(stored?.status).toBe('booked');
    if (stored) stored.slot.status = 'free';
    expect(adapter.bookings()[0]?.slot.status).toBe('busy');
  });
});
