import { FrontdeskError, isFrontdeskError, toFrontdeskError } from '../../errors.js';
import { type Location, VisitType } from '../../schemas/clinic.js';
import { Booking, type Booking as BookingRecord, BookingRequest, Slot } from '../../schemas/scheduling.js';
import { parseOrThrow } from '../../schemas/validate.js';
import { type FhirClient, UnreadableWrite, type WriteResult } from './client.js';
import { FHIR_SYSTEMS } from './conventions.js';
import { isFhirId, isObject, type Json, objects, referencesTo, referenceTo, text } from './elements.js';
import { visitTypeFromFhir } from './map-clinic.js';
import { type SlotDirectory, slotFromFhir } from './map-slot.js';
import type { ResolvedFhirOptions } from './options.js';
import { findByIdentifier } from './surveys.js';

/** What booking needs from the adapter. */
export interface BookingHost {
  readonly client: FhirClient;
  readonly settings: ResolvedFhirOptions;
  /** The Schedule (and role) facts of one FHIR Slot. */
  slotDirectory(slot: Json, signal: AbortSignal | undefined): Promise<SlotDirectory>;
  location(id: string, signal: AbortSignal | undefined): Promise<Location | undefined>;
  /** Cleared when the server refuses Slot updates, so later bookings stop trying. */
  claimSupported: boolean;
}

type Valid = BookingRequest;

const conflict = (message: string, field = 'request.slotId') => new FrontdeskError('conflict', message, { field });

/** A read whose 404 names the request field that pointed at nothing. */
export async function readFor(
  host: BookingHost,
  type: string,
  id: string,
  field: string,
  signal: AbortSignal | undefined,
) {
  try {
    return await host.client.read(type, id, signal, field);
  } catch (error) {
    if (isFrontdeskError(error) && error.kind === 'not-found') {
      throw new FrontdeskError('not-found', `no ${type} with this id`, { field, status: error.status, cause: error });
    }
    throw error;
  }
}

function containedPatient(patient: Valid['patient']): Json {
  return {
    resourceType: 'Patient',
    id: 'patient',
    name: [{ use: 'official', given: [patient.givenName], family: patient.familyName }],
    birthDate: patient.birthDate,
    telecom: [
      { system: 'phone', value: patient.phone, use: 'mobile' },
      ...(patient.email === undefined ? [] : [{ system: 'email', value: patient.email }]),
    ],
  };
}

async function patientReference(host: BookingHost, valid: Valid): Promise<string | undefined> {
  const reference = await host.settings.getPatientReference?.(valid);
  if (reference === undefined) return undefined;
  if (typeof reference !== 'string' || !/^Patient\/[A-Za-z0-9\-.]{1,64}$/.test(reference)) {
    throw new FrontdeskError('invalid-input', 'getPatientReference() must return Patient/<id>', {
      field: 'getPatientReference',
    });
  }
  return reference;
}

function appointmentFor(
  host: BookingHost,
  valid: Valid,
  slotResource: Json,
  slot: Slot,
  service: Json,
  patient: string | undefined,
): Json {
  const status = host.settings.appointmentStatus;
  const participantStatus = status === 'booked' ? 'accepted' : 'needs-action';
  const actor = (reference: string, required = 'required') => ({
    actor: { reference },
    required,
    status: participantStatus,
  });
  return {
    resourceType: 'Appointment',
    ...(patient === undefined ? { contained: [containedPatient(valid.patient)] } : {}),
    identifier: [keyIdentifier(valid.idempotencyKey)],
    status,
    ...(Array.isArray(service.type) ? { serviceType: service.type } : {}),
    ...(valid.patient.reason ? { reasonCode: [{ text: valid.patient.reason }] } : {}),
    ...(text(service.name) === undefined ? {} : { description: text(service.name) }),
    start: slotResource.start,
    end: slotResource.end,
    created: new Date(host.settings.now()).toISOString(),
    slot: [{ reference: `Slot/${slot.id}` }],
    participant: [
      actor(patient ?? '#patient'),
      ...(slot.providerId === undefined ? [] : [actor(`Practitioner/${slot.providerId}`)]),
      ...(slot.locationId === undefined ? [] : [actor(`Location/${slot.locationId}`)]),
      actor(`HealthcareService/${service.id}`, 'information-only'),
    ],
  };
}

function bookingStatus(status: unknown): BookingRecord['status'] | undefined {
  if (status === 'booked' || status === 'arrived' || status === 'fulfilled' || status === 'checked-in') return 'booked';
  if (status === 'proposed' || status === 'pending' || status === 'waitlist') return 'pending';
  if (status === 'cancelled' || status === 'noshow' || status === 'entered-in-error') return 'cancelled';
  return undefined;
}

export function participantIds(appointment: Json, type: string): string[] {
  return referencesTo(
    objects(appointment.participant).map((participant) => participant.actor),
    type,
  );
}

export interface Known {
  slot: Slot;
  visitType: VisitType;
}

/** A retry must name the slot and visit type the first attempt booked. */
function requireSameRequest(appointment: Json, valid: Valid): void {
  const slotIds = objects(appointment.slot).map((reference) => referenceTo(reference, 'Slot'));
  const visitTypeId = participantIds(appointment, 'HealthcareService')[0] ?? valid.visitTypeId;
  if (!slotIds.includes(valid.slotId) || visitTypeId !== valid.visitTypeId) {
    throw new FrontdeskError('invalid-input', 'request.idempotencyKey: already used for a different request', {
      field: 'request.idempotencyKey',
    });
  }
}

async function bookingFrom(
  host: BookingHost,
  appointment: Json,
  valid: Valid,
  signal: AbortSignal | undefined,
  known?: Known,
): Promise<BookingRecord> {
  requireSameRequest(appointment, valid);
  return bookingOf(host, appointment, signal, known, valid.patient.givenName);
}

/**
 * The booking an Appointment records: its Slot and HealthcareService read (unless known), its location when the
 * visit is in person. The Appointment id is the booking's id and its manage token: the FHIR server decides who may
 * read or change it.
 */
export async function bookingOf(
  host: BookingHost,
  appointment: Json,
  signal: AbortSignal | undefined,
  known?: Known,
  givenName?: string,
): Promise<BookingRecord> {
  const slotId = objects(appointment.slot)
    .map((reference) => referenceTo(reference, 'Slot'))
    .find((id) => id !== undefined);
  const visitTypeId = participantIds(appointment, 'HealthcareService')[0];
  let { slot, visitType } = known ?? {};
  if (!slot || !visitType) {
    if (slotId === undefined || visitTypeId === undefined) {
      throw new FrontdeskError('invalid-response', 'Appointment: names no Slot or no HealthcareService', {
        field: 'Appointment',
      });
    }
    const [slotRead, serviceRead] = await Promise.all([
      readFor(host, 'Slot', slotId, 'request.slotId', signal),
      readFor(host, 'HealthcareService', visitTypeId, 'request.visitTypeId', signal),
    ]);
    const directory = await host.slotDirectory(slotRead.resource, signal);
    slot = parseOrThrow(Slot, slotFromFhir(slotRead.resource, directory), 'booking.slot');
    visitType = parseOrThrow(
      VisitType,
      visitTypeFromFhir(serviceRead.resource, [], host.settings.defaultVisitMinutes),
      'booking.visitType',
    );
  }
  const location =
    visitType.modality === 'in-person' && slot.locationId !== undefined
      ? await host.location(slot.locationId, signal)
      : undefined;
  const contained = objects(appointment.contained).find((resource) => resource.resourceType === 'Patient');
  const given = isObject(contained)
    ? objects(contained.name).flatMap((name) => (Array.isArray(name.given) ? name.given : []))[0]
    : undefined;
  const instructions = text(appointment.patientInstruction);
  const status = bookingStatus(appointment.status);
  const name = text(given) ?? givenName;
  return parseOrThrow(
    Booking,
    {
      id: appointment.id,
      status,
      slot: status === 'cancelled' ? slot : { ...slot, status: 'busy' },
      visitTypeId: visitType.id,
      ...(slot.providerId === undefined ? {} : { providerId: slot.providerId }),
      ...(location === undefined ? {} : { location }),
      ...(instructions === undefined ? {} : { instructions }),
      ...(name === undefined ? {} : { patientName: name }),
      manageToken: appointment.id,
    },
    'booking',
  );
}

/** The identifier an idempotency key becomes, on the Appointment and on the Slot a booking holds. */
function keyIdentifier(key: string): Json {
  return { system: FHIR_SYSTEMS.idempotencyKey, value: key };
}

/** An earlier attempt of this very booking (same key) marked the slot busy and then lost its answer. */
function heldBy(slotResource: Json, key: string): boolean {
  return objects(slotResource.identifier).some(
    (identifier) => identifier.system === FHIR_SYSTEMS.idempotencyKey && identifier.value === key,
  );
}

function withoutHold(slotResource: Json, key: string): Json[] {
  return objects(slotResource.identifier).filter(
    (identifier) => !(identifier.system === FHIR_SYSTEMS.idempotencyKey && identifier.value === key),
  );
}

/**
 * Mark the slot busy with `If-Match` on the version we read, naming the booking's key in its identifiers: of two
 * patients racing for one slot, exactly one succeeds and the other gets a 412, i.e. `conflict`; and a retry of the
 * same booking recognises its own hold. Servers that refuse Slot updates (403, 405, 501) own slot state themselves;
 * the adapter then stops claiming and relies on them.
 */
export async function claimSlot(
  host: BookingHost,
  slotResource: Json,
  etag: string | undefined,
  key: string,
  signal: AbortSignal | undefined,
): Promise<WriteResult | undefined> {
  if (!host.settings.claimSlot || !host.claimSupported || etag === undefined) return undefined;
  const identifier = [...withoutHold(slotResource, key), keyIdentifier(key)];
  try {
    return await host.client.update(
      'Slot',
      String(slotResource.id),
      { ...slotResource, identifier, status: 'busy' },
      { ifMatch: etag, signal },
    );
  } catch (error) {
    if (!isFrontdeskError(error)) throw error;
    if (error.kind === 'conflict') throw conflict('the slot is no longer available');
    if (error.status === 403 || error.status === 405 || error.status === 501) {
      host.claimSupported = false;
      return undefined;
    }
    throw error;
  }
}

/** Give a held slot back after the server said the Appointment was not created; best effort. */
export async function releaseSlot(host: BookingHost, claim: WriteResult, key: string): Promise<void> {
  const { identifier: _identifier, ...rest } = claim.resource;
  const identifier = withoutHold(claim.resource, key);
  await host.client
    .update(
      'Slot',
      String(claim.resource.id),
      { ...rest, ...(identifier.length > 0 ? { identifier } : {}), status: 'free' },
      { ifMatch: claim.etag },
    )
    .catch(() => {});
}

/**
 * The server answered the create and said no (a 4xx: invalid, refused, conflict): the Appointment does not exist.
 * Anything else (no answer, a timeout, a 5xx, an answer we could not read) may hide an Appointment that was made.
 */
function refusedByServer(error: unknown): boolean {
  return (
    isFrontdeskError(error) &&
    !(error instanceof UnreadableWrite) &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500
  );
}

/**
 * Book by creating an Appointment that references the Slot. The idempotency key becomes the Appointment's identifier:
 * looked up first (a retry of a booking that was made returns it) and sent as `If-None-Exist` (a server with
 * conditional create stores one Appointment however often it is sent). The slot is given back only when the server
 * said the Appointment was not created; when the outcome is unknown the hold stays, so nobody else can book the time,
 * and a retry with the same key finishes the booking.
 */
export async function bookAppointment(
  host: BookingHost,
  request: BookingRequest,
  signal: AbortSignal | undefined,
): Promise<BookingRecord> {
  const valid = parseOrThrow(BookingRequest, request, 'request', 'invalid-input');
  if (!valid.consent.terms) {
    throw new FrontdeskError('invalid-input', 'request.consent.terms: the terms must be accepted', {
      field: 'request.consent.terms',
    });
  }
  const { client } = host;
  const key = valid.idempotencyKey;
  const token = `${FHIR_SYSTEMS.idempotencyKey}|${key}`;
  const findMade = () => findByIdentifier(client, 'Appointment', token, undefined);
  const existing = await findByIdentifier(client, 'Appointment', token, signal);
  if (existing) return bookingFrom(host, existing, valid, signal);

  if (!isFhirId(valid.slotId))
    throw new FrontdeskError('not-found', 'no Slot with this id', { field: 'request.slotId' });
  const [slotRead, serviceRead] = await Promise.all([
    readFor(host, 'Slot', valid.slotId, 'request.slotId', signal),
    readFor(host, 'HealthcareService', valid.visitTypeId, 'request.visitTypeId', signal),
  ]);
  const slotResource = slotRead.resource;
  const service = serviceRead.resource;
  const visitType = parseOrThrow(
    VisitType,
    visitTypeFromFhir(service, [], host.settings.defaultVisitMinutes),
    'visitType',
  );
  const directory = await host.slotDirectory(slotResource, signal);
  const candidate = slotFromFhir(slotResource, directory);
  if (candidate === undefined)
    throw new FrontdeskError('not-found', 'no Slot with this id', { field: 'request.slotId' });
  const slot = parseOrThrow(Slot, candidate, 'slot');
  const scheduleId = referenceTo(slotResource.schedule, 'Schedule');
  if (scheduleId !== undefined && directory.schedules.get(scheduleId)?.active === false) {
    throw conflict('the slot belongs to a schedule that is no longer active');
  }
  const ours = heldBy(slotResource, key);
  if (slot.status !== 'free' && !ours) throw conflict('the slot is no longer available');
  if (slot.visitTypeIds.length > 0 && !slot.visitTypeIds.includes(visitType.id)) {
    throw conflict('this visit type is not offered in the slot', 'request.visitTypeId');
  }
  if (visitType.patientType === 'existing' && valid.patient.patientType === 'new') {
    throw new FrontdeskError('invalid-input', 'request.patient.patientType: this visit type is for existing patients', {
      field: 'request.patient.patientType',
    });
  }
  const patient = await patientReference(host, valid);

  let claim: WriteResult | undefined;
  if (ours) claim = slotRead;
  else {
    try {
      claim = await claimSlot(host, slotResource, slotRead.etag, key, signal);
    } catch (error) {
      // The same key racing itself (a double submit) lost to its twin: that twin's booking is this one.
      const twin = await findMade().catch(() => undefined);
      if (twin) return bookingFrom(host, twin, valid, signal);
      throw error;
    }
  }

  let created: WriteResult;
  try {
    created = await client.create('Appointment', appointmentFor(host, valid, slotResource, slot, service, patient), {
      ifNoneExist: `identifier=${token}`,
      signal,
      find: findMade,
    });
  } catch (error) {
    if (refusedByServer(error)) {
      if (claim) await releaseSlot(host, claim, key);
      if (isFrontdeskError(error) && error.kind === 'conflict')
        throw conflict(`the slot is no longer available (${error.message})`);
      throw error;
    }
    if (isFrontdeskError(error) && error.kind === 'aborted') throw error;
    // No answer, or one we could not read: look before saying anything, and never give the slot back.
    const made = await findMade().catch(() => undefined);
    if (made) return bookingFrom(host, made, valid, signal, { slot, visitType });
    const failure = toFrontdeskError(error);
    throw new FrontdeskError(
      failure.kind,
      `${failure.message}; the booking may have been made: the time is held, and retrying with the same request finishes it`,
      { status: failure.status, field: failure.field, cause: error },
    );
  }
  return bookingFrom(host, created.resource, valid, signal, { slot, visitType });
}
