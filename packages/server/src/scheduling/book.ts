import {
  type Booking,
  BookingRequest,
  FrontdeskError,
  type Location,
  type Notifications,
  parseOrThrow,
  type VisitType,
} from '@frontdesk/core';
import type { ClinicSnapshot, VisitTypeEntry } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { canonicalJson, findAnswer, idempotencyFailure, randomId, type StoredAnswer, sha256 } from '../idempotency.js';
import { type JobSpec, jobRows } from '../jobs/queue.js';
import type { VisitContext } from '../visits/context.js';
import { joinUrl, manageUrl } from '../visits/links.js';
import { notificationsFor, requireReachable } from '../visits/notifications.js';
import { planVisitJobs } from '../visits/plan.js';
import { mintToken, randomToken } from '../visits/tokens.js';
import { parseSlotId } from './slot-id.js';
import { type Bookable, bookableNow, type OpenSlot, openSlots } from './slots.js';

function formatAddress(location: Location): string {
  const address = location.address;
  if (!address) return location.name;
  return [location.name, ...address.lines, address.city].join(', ');
}

export interface InstructionFacts {
  visitType: VisitType;
  preparation: string | undefined;
  location: Location | undefined;
  clinicPhone: string | undefined;
  /** The patient has a manage link (the clinic set its manage page). */
  manageable: boolean;
  /** A video visit's room is known. */
  joinable: boolean;
}

/** What the confirmation tells the patient to do. It promises nothing the server does not do. */
export function bookingInstructions(facts: InstructionFacts): string {
  const phone = facts.location?.phone ?? facts.clinicPhone;
  const call = phone ? `call ${phone}` : 'contact the clinic';
  const change = facts.manageable
    ? `To cancel or reschedule, use the link to manage your visit, or ${call}.`
    : `To cancel or reschedule, ${call} at least 24 hours ahead.`;
  const parts =
    facts.visitType.modality === 'telehealth' || !facts.location
      ? [
          'This is a video visit: join from a quiet, private place with your camera and microphone on.',
          facts.joinable ? 'Use the join link a few minutes before it starts.' : `For the link to join, ${call}.`,
          facts.preparation,
          change,
        ]
      : [
          `Arrive 15 minutes early at ${formatAddress(facts.location)} to check in, and bring a photo ID, your insurance card and a list of the medicines you take.`,
          facts.preparation,
          change,
        ];
  return parts.filter(Boolean).join(' ');
}

function notFound(message: string, field: string): FrontdeskError {
  return new FrontdeskError('not-found', message, { field });
}

/**
 * The slot a booking (or a move) asks for, as the clinic's rules offer it: a slot id the rules never offered is
 * unknown; a time in the past or inside the minimum notice is taken for good; the visit type (when given) must be
 * offered in it.
 */
export function offeredSlot(
  snapshot: ClinicSnapshot,
  slotId: string,
  visitType: VisitType | undefined,
  bookable: Bookable,
  field: string,
): OpenSlot {
  const key = parseSlotId(slotId);
  if (!key) throw notFound('no slot with this id', field);
  const offered = openSlots(
    snapshot,
    { startMs: key.startMs, endMs: key.startMs + 1, providerId: key.providerId, locationId: key.locationId },
    { ...bookable, earliestMs: Number.NEGATIVE_INFINITY },
  ).find((open) => open.locationId === key.locationId);
  if (!offered) throw notFound('no slot with this id', field);
  if (offered.startMs < bookable.earliestMs) {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field });
  }
  if (visitType && !offered.slot.visitTypeIds.includes(visitType.id)) {
    throw new FrontdeskError('conflict', 'this visit type is not offered in the slot', { field });
  }
  return offered;
}

export interface BookingFacts {
  id: string;
  offered: OpenSlot;
  visitType: VisitTypeEntry;
  patientName: string;
  notifications: Notifications;
  sequence: number;
  status: Booking['status'];
}

/** The booking as the patient is told it (and as stored in `bookings.record`), without any secret. */
export function bookingRecord(ctx: VisitContext, snapshot: ClinicSnapshot, facts: BookingFacts): Booking {
  const { offered, visitType } = facts;
  const location =
    visitType.record.modality === 'in-person' && offered.locationId !== undefined
      ? snapshot.locationsById.get(offered.locationId)
      : undefined;
  const join =
    visitType.record.modality === 'telehealth' ? joinUrl(snapshot.settings, offered.providerId, facts.id) : undefined;
  return {
    id: facts.id,
    status: facts.status,
    slot: { ...offered.slot, status: 'busy' },
    visitTypeId: visitType.record.id,
    providerId: offered.providerId,
    ...(location ? { location } : {}),
    instructions: bookingInstructions({
      visitType: visitType.record,
      preparation: visitType.preparation,
      location,
      clinicPhone: snapshot.organization?.phone,
      manageable: ctx.pages.manage !== undefined,
      joinable: join !== undefined,
    }),
    patientName: facts.patientName,
    ...(join ? { joinUrl: join } : {}),
    sequence: facts.sequence,
    notifications: facts.notifications,
  };
}

/** The answer with a new manage token (and its link): only its hash is kept, so each answer carries a fresh one. */
export async function withManageToken(
  ctx: VisitContext,
  answer: StoredAnswer,
  tx: Queryable = ctx.db,
): Promise<StoredAnswer> {
  const booking = answer.body as Booking;
  const token = await mintToken(tx, 'manage', { bookingId: booking.id }, ctx.clock.now());
  const url = manageUrl(ctx.pages, token);
  return { status: answer.status, body: { ...booking, manageToken: token, ...(url ? { manageUrl: url } : {}) } };
}

export interface NewBooking {
  /** The idempotency key the booking is recorded under. */
  key: string;
  requestSha256: string;
  booking: Booking;
  nowMs: number;
  offered: OpenSlot;
  patient: unknown;
  consent: unknown;
  holdId: string | undefined;
  /** The hash of the manage token given in the answer; none when the caller mints one itself. */
  manageSha256: string | undefined;
  language: string;
  jobs: readonly JobSpec[];
}

/**
 * The booking statement (`book_slot`, migrations 0001 and 0002): the idempotency record, the slot's lock, other
 * patients' holds refused (the patient's own consumed), the booking, its manage token's hash and its jobs, in one
 * round trip. Returns the answer: the booking given, or the one first made under the key.
 */
export async function insertBooking(q: Queryable, b: NewBooking) {
  return q.query<{ status: number; response: Booking }>(
    `select status, response from book_slot($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb,
       $13::jsonb, $14, $15, $16, $17::jsonb, $18::jsonb)`,
    [
      b.key,
      b.requestSha256,
      JSON.stringify(b.booking),
      new Date(b.nowMs),
      b.booking.id,
      b.offered.slot.id,
      b.offered.providerId,
      b.offered.locationId ?? null,
      b.booking.visitTypeId,
      new Date(b.offered.startMs),
      new Date(b.offered.endMs),
      JSON.stringify(b.patient),
      JSON.stringify(b.consent),
      b.holdId ?? null,
      b.manageSha256 ?? null,
      b.language,
      JSON.stringify(b.booking.notifications),
      JSON.stringify(jobRows(b.jobs)),
    ],
  );
}

/**
 * Book a slot: validate the request against the clinic's rules, then in one statement (`book_slot`, migrations
 * 0001 and 0002) record the idempotency key, take the slot's lock, refuse it when another patient holds it, insert
 * the booking with its manage token's hash and plan its messages. The partial unique index on bookings (one per
 * provider and start) makes the database itself refuse a second booking of a slot, whichever process sends it.
 * Returns the answer to send: 201 and the booking with its manage token, or the booking first made with this key.
 */
export async function book(ctx: VisitContext, body: unknown): Promise<StoredAnswer> {
  const request = parseOrThrow(BookingRequest, body, 'request', 'invalid-input');
  if (!request.consent.terms) {
    throw new FrontdeskError('invalid-input', 'request.consent.terms: the terms must be accepted', {
      field: 'request.consent.terms',
    });
  }
  const requestSha256 = sha256(canonicalJson(request));
  const snapshot = await ctx.store.snapshot();
  try {
    return await bookValid(ctx, snapshot, request, requestSha256);
  } catch (error) {
    // A retry of a booking made earlier gets its booking even if the slot has since passed or left the rules.
    if (error instanceof FrontdeskError && (error.kind === 'not-found' || error.kind === 'conflict')) {
      const previous = await findAnswer(ctx.db, 'booking', request.idempotencyKey, requestSha256);
      if (previous) return withManageToken(ctx, previous);
    }
    throw error;
  }
}

async function bookValid(
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  request: BookingRequest,
  requestSha256: string,
): Promise<StoredAnswer> {
  const nowMs = ctx.clock.now();
  const bookable = bookableNow(snapshot, nowMs);
  const visitType = snapshot.visitTypes.get(request.visitTypeId);
  if (!visitType) throw notFound('no visit type with this id', 'request.visitTypeId');
  const offered = offeredSlot(snapshot, request.slotId, visitType.record, bookable, 'request.slotId');
  if (visitType.record.patientType === 'existing' && request.patient.patientType === 'new') {
    throw new FrontdeskError('invalid-input', 'request.patient.patientType: this visit type is for existing patients', {
      field: 'request.patient.patientType',
    });
  }
  const notifications = notificationsFor(
    ctx.channels,
    request.patient,
    request.consent,
    snapshot.settings.phoneCountry,
  );
  // A video visit's join link must reach the patient, when the clinic sends messages at all.
  if (visitType.record.modality === 'telehealth' && (ctx.channels.email || ctx.channels.sms)) {
    requireReachable(ctx.channels, request, notifications, 'a video visit sends its join link');
  }

  const booking = bookingRecord(ctx, snapshot, {
    id: randomId('bk'),
    offered,
    visitType,
    patientName: request.patient.givenName,
    notifications,
    sequence: 0,
    status: 'booked',
  });
  const token = randomToken();
  const jobs = planVisitJobs(snapshot, {
    bookingId: booking.id,
    sequence: 0,
    startMs: offered.startMs,
    endMs: offered.endMs,
    notifications,
    nowMs,
    notice: 'confirmation',
    surveyPage: ctx.pages.survey !== undefined,
  });
  try {
    const rows = await insertBooking(ctx.db, {
      key: request.idempotencyKey,
      requestSha256,
      booking,
      nowMs,
      offered,
      patient: request.patient,
      consent: request.consent,
      holdId: request.holdId,
      manageSha256: sha256(token),
      language: request.language ?? 'en',
      jobs,
    });
    const row = rows.rows[0];
    // A replay gets the booking stored the first time, with a new manage token (the first one was never stored).
    if (row && row.response.id !== booking.id) return withManageToken(ctx, { status: row.status, body: row.response });
    const url = manageUrl(ctx.pages, token);
    return { status: 201, body: { ...booking, manageToken: token, ...(url ? { manageUrl: url } : {}) } };
  } catch (error) {
    idempotencyFailure(error);
  }
}
