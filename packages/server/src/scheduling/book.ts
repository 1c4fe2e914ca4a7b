import {
  type Booking,
  BookingRequest,
  FrontdeskError,
  type Location,
  parseOrThrow,
  type VisitType,
} from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Database } from '../db/database.js';
import { canonicalJson, findAnswer, idempotencyFailure, randomId, type StoredAnswer, sha256 } from '../idempotency.js';
import { parseSlotId } from './slot-id.js';
import { type Bookable, openSlots } from './slots.js';

function formatAddress(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  return [location.name, ...address.lines, address.city].join(', ');
}

/** What the confirmation tells the patient to do. It promises nothing the server does not do. */
export function bookingInstructions(
  visitType: VisitType,
  preparation: string | undefined,
  location: Location | undefined,
  clinicPhone: string | undefined,
): string {
  const phone = location?.phone ?? clinicPhone;
  const call = phone ? ` call ${phone} at least 24 hours ahead.` : ' contact the clinic at least 24 hours ahead.';
  const parts =
    visitType.modality === 'telehealth' || !location
      ? [
          'This is a video visit: join from a quiet, private place with your camera and microphone on.',
          preparation,
          `For the link to join, or to cancel or reschedule,${call}`,
        ]
      : [
          `Arrive 15 minutes early at ${formatAddress(location)} to check in, and bring a photo ID, your insurance card and a list of the medicines you take.`,
          preparation,
          `To cancel or reschedule,${call}`,
        ];
  return parts.filter(Boolean).join(' ');
}

function notFound(message: string, field: string): FrontdeskError {
  return new FrontdeskError('not-found', message, { field });
}

/**
 * Book a slot: validate the request against the clinic's rules, then record the idempotency key and insert the
 * booking in one statement, so one transaction (`book_slot` in migrations/0001_initial.sql). The partial unique index
 * on bookings (one per provider and start) makes the database itself refuse a second booking of a slot, whichever
 * server process sends it. Returns the answer to send: 201 and the booking, or the answer first given for this key.
 */
export async function book(
  db: Database,
  snapshot: ClinicSnapshot,
  body: unknown,
  bookable: Bookable,
): Promise<StoredAnswer> {
  const request = parseOrThrow(BookingRequest, body, 'request', 'invalid-input');
  if (!request.consent.terms) {
    throw new FrontdeskError('invalid-input', 'request.consent.terms: the terms must be accepted', {
      field: 'request.consent.terms',
    });
  }
  const requestSha256 = sha256(canonicalJson(request));
  try {
    return await bookValid(db, snapshot, request, requestSha256, bookable);
  } catch (error) {
    // A retry of a booking made earlier gets its booking even if the slot has since passed or left the rules.
    if (error instanceof FrontdeskError && (error.kind === 'not-found' || error.kind === 'conflict')) {
      const previous = await findAnswer(db, 'booking', request.idempotencyKey, requestSha256);
      if (previous) return previous;
    }
    throw error;
  }
}

async function bookValid(
  db: Database,
  snapshot: ClinicSnapshot,
  request: BookingRequest,
  requestSha256: string,
  bookable: Bookable,
): Promise<StoredAnswer> {
  const key = parseSlotId(request.slotId);
  if (!key) throw notFound('no slot with this id', 'request.slotId');
  const visitTypeEntry = snapshot.visitTypes.get(request.visitTypeId);
  if (!visitTypeEntry) throw notFound('no visit type with this id', 'request.visitTypeId');
  const visitType = visitTypeEntry.record;

  // The slot must be one the rules offer; a time in the past or inside the minimum notice is taken for good.
  const offered = openSlots(
    snapshot,
    { startMs: key.startMs, endMs: key.startMs + 1, providerId: key.providerId, locationId: key.locationId },
    { ...bookable, earliestMs: Number.NEGATIVE_INFINITY },
  ).find((open) => open.locationId === key.locationId);
  if (!offered) throw notFound('no slot with this id', 'request.slotId');
  if (offered.startMs < bookable.earliestMs) {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
  }
  if (!offered.slot.visitTypeIds.includes(visitType.id)) {
    throw new FrontdeskError('conflict', 'this visit type is not offered in the slot', {
      field: 'request.visitTypeId',
    });
  }
  if (visitType.patientType === 'existing' && request.patient.patientType === 'new') {
    throw new FrontdeskError('invalid-input', 'request.patient.patientType: this visit type is for existing patients', {
      field: 'request.patient.patientType',
    });
  }

  const location =
    visitType.modality === 'in-person' && offered.locationId !== undefined
      ? snapshot.locationsById.get(offered.locationId)
      : undefined;
  const booking: Booking = {
    id: randomId('bk'),
    status: 'booked',
    slot: { ...offered.slot, status: 'busy' },
    visitTypeId: visitType.id,
    providerId: offered.providerId,
    ...(location ? { location } : {}),
    instructions: bookingInstructions(visitType, visitTypeEntry.preparation, location, snapshot.organization?.phone),
    patientName: request.patient.givenName,
  };
  const answer: StoredAnswer = { status: 201, body: booking };
  const at = new Date(bookable.nowMs);

  try {
    const rows = await db.query<{ status: number; response: unknown }>(
      'select status, response from book_slot($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb)',
      [
        request.idempotencyKey,
        requestSha256,
        JSON.stringify(booking),
        at,
        booking.id,
        offered.slot.id,
        offered.providerId,
        offered.locationId ?? null,
        visitType.id,
        new Date(offered.startMs),
        new Date(offered.endMs),
        JSON.stringify(request.patient),
        JSON.stringify(request.consent),
      ],
    );
    const row = rows.rows[0];
    // The booking just made is answered as built here; a replay gets the answer stored the first time.
    return row && row.response !== null && (row.response as Booking).id !== booking.id
      ? { status: row.status, body: row.response }
      : answer;
  } catch (error) {
    idempotencyFailure(error);
  }
}
