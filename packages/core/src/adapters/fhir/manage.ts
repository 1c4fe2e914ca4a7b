import { FrontdeskError, isFrontdeskError } from '../../errors.js';
import { VisitType } from '../../schemas/clinic.js';
import { type Booking, CancelRequest, ManageToken, RescheduleRequest, Slot } from '../../schemas/index.js';
import { parseOrThrow } from '../../schemas/validate.js';
import { type BookingHost, bookingOf, claimSlot, participantIds, readFor, releaseSlot } from './booking.js';
import type { WriteResult } from './client.js';
import { FHIR_SYSTEMS } from './conventions.js';
import { isFhirId, type Json, objects, referenceTo } from './elements.js';
import { visitTypeFromFhir } from './map-clinic.js';
import { slotFromFhir } from './map-slot.js';

/**
 * Managing a booking on FHIR: the manage token is the Appointment id (the FHIR server decides who may read or change
 * it). Cancelling sets the Appointment `cancelled` and frees its Slot; moving updates the Appointment in place (the
 * same id, so a calendar entry keeps its UID) after claiming the new Slot with `If-Match`, and frees the old one.
 */

const noBooking = () => new FrontdeskError('not-found', 'no booking with this token', { field: 'manageToken' });

async function readAppointment(
  host: BookingHost,
  token: string,
  signal: AbortSignal | undefined,
): Promise<WriteResult> {
  const id = parseOrThrow(ManageToken, token, 'manageToken', 'invalid-input');
  if (!isFhirId(id)) throw noBooking();
  try {
    return await host.client.read('Appointment', id, signal, 'manageToken');
  } catch (error) {
    if (isFrontdeskError(error) && error.kind === 'not-found') throw noBooking();
    throw error;
  }
}

function slotIdsOf(appointment: Json): string[] {
  return objects(appointment.slot).flatMap((reference) => referenceTo(reference, 'Slot') ?? []);
}

function requireAhead(host: BookingHost, appointment: Json): void {
  const start = typeof appointment.start === 'string' ? Date.parse(appointment.start) : Number.NaN;
  if (start < host.settings.now()) {
    throw new FrontdeskError('conflict', 'the visit has already started: call the clinic', { field: 'manageToken' });
  }
}

/**
 * Gives a Slot back: `free`, without the idempotency identifiers bookings left on it. Only where the adapter keeps
 * slot state (`claimSlot`); a server that owns it frees the slot itself. Best effort: the Appointment is what counts.
 */
async function freeSlot(host: BookingHost, slotId: string, signal: AbortSignal | undefined): Promise<void> {
  if (!host.settings.claimSlot || !host.claimSupported) return;
  const read = await host.client.read('Slot', slotId, signal).catch(() => undefined);
  if (!read || read.resource.status === 'free') return;
  const { identifier: _identifier, ...rest } = read.resource;
  const identifier = objects(read.resource.identifier).filter((id) => id.system !== FHIR_SYSTEMS.idempotencyKey);
  await host.client
    .update(
      'Slot',
      slotId,
      { ...rest, ...(identifier.length > 0 ? { identifier } : {}), status: 'free' },
      { ifMatch: read.etag, signal },
    )
    .catch(() => {});
}

export async function getAppointmentBooking(
  host: BookingHost,
  token: string,
  signal: AbortSignal | undefined,
): Promise<Booking> {
  return bookingOf(host, (await readAppointment(host, token, signal)).resource, signal);
}

export async function cancelAppointment(
  host: BookingHost,
  request: CancelRequest,
  signal: AbortSignal | undefined,
): Promise<Booking> {
  const valid = parseOrThrow(CancelRequest, request, 'request', 'invalid-input');
  const read = await readAppointment(host, valid.manageToken, signal);
  let appointment = read.resource;
  if (appointment.status !== 'cancelled') {
    requireAhead(host, appointment);
    const cancelled: Json = {
      ...appointment,
      status: 'cancelled',
      ...(valid.reason ? { cancelationReason: { text: valid.reason } } : {}),
    };
    // A 412 (changed meanwhile) reaches the caller as a `conflict`; the retry reads the Appointment afresh.
    appointment = (
      await host.client.update('Appointment', String(appointment.id), cancelled, { ifMatch: read.etag, signal })
    ).resource;
    for (const slotId of slotIdsOf(appointment)) await freeSlot(host, slotId, signal);
  }
  return bookingOf(host, appointment, signal);
}

/** The Appointment's participants with the practitioner and location of the new slot in place of the old ones. */
function participantsFor(appointment: Json, slot: Slot): Json[] {
  const kept = objects(appointment.participant).filter((participant) => {
    const reference = (participant.actor as Json | undefined)?.reference;
    return !(typeof reference === 'string' && /^(Practitioner|Location)\//.test(reference));
  });
  const status = appointment.status === 'booked' ? 'accepted' : 'needs-action';
  const actor = (reference: string) => ({ actor: { reference }, required: 'required', status });
  return [
    ...kept,
    ...(slot.providerId === undefined ? [] : [actor(`Practitioner/${slot.providerId}`)]),
    ...(slot.locationId === undefined ? [] : [actor(`Location/${slot.locationId}`)]),
  ];
}

export async function moveAppointment(
  host: BookingHost,
  request: RescheduleRequest,
  signal: AbortSignal | undefined,
): Promise<Booking> {
  const valid = parseOrThrow(RescheduleRequest, request, 'request', 'invalid-input');
  const read = await readAppointment(host, valid.manageToken, signal);
  const appointment = read.resource;
  if (appointment.status === 'cancelled') {
    throw new FrontdeskError('conflict', 'the booking is cancelled: book a new visit', { field: 'manageToken' });
  }
  requireAhead(host, appointment);
  const oldSlots = slotIdsOf(appointment);
  if (oldSlots.includes(valid.slotId)) return bookingOf(host, appointment, signal);
  const visitTypeId = participantIds(appointment, 'HealthcareService')[0];
  if (visitTypeId === undefined || !isFhirId(valid.slotId)) {
    throw new FrontdeskError('not-found', 'no Slot with this id', { field: 'request.slotId' });
  }
  const [slotRead, serviceRead] = await Promise.all([
    readFor(host, 'Slot', valid.slotId, 'request.slotId', signal),
    readFor(host, 'HealthcareService', visitTypeId, 'request.visitTypeId', signal),
  ]);
  const slot = parseOrThrow(
    Slot,
    slotFromFhir(slotRead.resource, await host.slotDirectory(slotRead.resource, signal)),
    'slot',
  );
  const visitType = parseOrThrow(
    VisitType,
    visitTypeFromFhir(serviceRead.resource, [], host.settings.defaultVisitMinutes),
    'visitType',
  );
  if (slot.status !== 'free') {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
  }
  if (slot.visitTypeIds.length > 0 && !slot.visitTypeIds.includes(visitType.id)) {
    throw new FrontdeskError('conflict', 'this visit type is not offered in the slot', { field: 'request.slotId' });
  }
  const key = `move-${valid.idempotencyKey}`;
  const claim = await claimSlot(host, slotRead.resource, slotRead.etag, key, signal);
  let moved: WriteResult;
  try {
    moved = await host.client.update(
      'Appointment',
      String(appointment.id),
      {
        ...appointment,
        start: slotRead.resource.start,
        end: slotRead.resource.end,
        slot: [{ reference: `Slot/${slot.id}` }],
        participant: participantsFor(appointment, slot),
      },
      { ifMatch: read.etag, signal },
    );
  } catch (error) {
    // The Appointment stays on its old slot: the new one is given back.
    if (claim) await releaseSlot(host, claim, key);
    throw error;
  }
  for (const slotId of oldSlots) await freeSlot(host, slotId, signal);
  return bookingOf(host, moved.resource, signal, { slot, visitType });
}
