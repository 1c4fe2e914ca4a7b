import { type Booking, FrontdeskError } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { sqlState } from '../db/database.js';
import { dropPlannedReminders, enqueue } from '../jobs/queue.js';
import { bookingRecord, offeredSlot } from '../scheduling/book.js';
import { bookableNow } from '../scheduling/slots.js';
import { slotFreed } from '../waitlist/offers.js';
import { type BookingRow, bookingView, loadBooking, lockSlot } from './bookings.js';
import type { VisitContext } from './context.js';
import { planVisitJobs } from './plan.js';
import { findToken } from './tokens.js';

/** Who acts on a booking: the patient (by their manage link), the clinic's staff, or the waitlist moving it. */
export type Actor = 'patient' | 'staff' | 'waitlist';

export interface CancelOptions {
  by: Actor;
  /** What the patient (or staff) said; patient data, kept for staff and never put in a message. */
  reason?: string | undefined;
}

export interface RescheduleOptions {
  by: Actor;
  slotId: string;
  /** The patient's hold on the new slot, consumed by the move. */
  holdId?: string | undefined;
}

const noBooking = () => new FrontdeskError('not-found', 'no booking with this token', { field: 'manageToken' });

/** The booking a manage token stands for; a token unknown, expired or of another purpose is a 404. */
export async function bookingIdForToken(ctx: VisitContext, token: string): Promise<string> {
  const found = await findToken(ctx.db, 'manage', token, ctx.clock.now());
  if (!found?.bookingId) throw noBooking();
  return found.bookingId;
}

/** A booking as the patient sees it now. */
export async function getBooking(ctx: VisitContext, bookingId: string): Promise<Booking> {
  const row = await loadBooking(ctx.db, bookingId);
  if (!row) throw noBooking();
  return bookingView(row);
}

async function lockedBooking(tx: Queryable, bookingId: string): Promise<BookingRow> {
  const row = await loadBooking(tx, bookingId, true);
  if (!row) throw noBooking();
  return row;
}

function requireAhead(row: BookingRow, by: Actor, nowMs: number): void {
  // Staff may still act on a visit that has begun (a no-show, a visit cut short); a patient's link may not.
  if (by !== 'staff' && row.startMs < nowMs) {
    throw new FrontdeskError('conflict', 'the visit has already started: call the clinic', { field: 'manageToken' });
  }
}

/**
 * Cancels a booking in the caller's transaction: the slot is free at commit, the reminders and invitation not yet
 * sent are dropped, the patient is told (by the channels they agreed to), and waitlisted patients are offered the
 * time. Cancelling a cancelled booking changes nothing. Returns the booking as it now is.
 */
export async function cancelInTransaction(
  tx: Queryable,
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  bookingId: string,
  options: CancelOptions,
): Promise<Booking> {
  const nowMs = ctx.clock.now();
  const row = await lockedBooking(tx, bookingId);
  if (row.status === 'cancelled') return bookingView(row);
  requireAhead(row, options.by, nowMs);
  const sequence = row.sequence + 1;
  const record: Booking = { ...row.record, status: 'cancelled', sequence };
  await tx.query(
    `update bookings set status = 'cancelled', sequence = $2, record = $3::jsonb, cancelled_at = $4, cancelled_by = $5,
       cancel_reason = $6, updated_at = $4
     where id = $1`,
    [row.id, sequence, JSON.stringify(record), new Date(nowMs), options.by, options.reason ?? null],
  );
  await dropPlannedReminders(tx, row.id);
  const plan = { ...row, bookingId: row.id, sequence, nowMs, notice: 'cancelled' as const, surveyPage: false };
  await enqueue(tx, planVisitJobs(snapshot, plan), row.id, nowMs);
  await slotFreed(tx, { providerId: row.providerId, startMs: row.startMs, slotId: row.slotId }, nowMs);
  return { ...record, status: 'cancelled' };
}

/**
 * Moves a booking to another slot in the caller's transaction: the new slot claimed (under its lock, refused when
 * booked or held by another patient) and the old one freed at once, or nothing changes. The booking keeps its id
 * (the calendar entry's UID) with its sequence raised; reminders are planned again, the patient is told of the
 * change, and waitlisted patients are offered the old time. Returns the booking as it now is.
 */
export async function rescheduleInTransaction(
  tx: Queryable,
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  bookingId: string,
  options: RescheduleOptions,
): Promise<Booking> {
  const nowMs = ctx.clock.now();
  const row = await lockedBooking(tx, bookingId);
  if (row.status === 'cancelled') {
    throw new FrontdeskError('conflict', 'the booking is cancelled: book a new visit', { field: 'manageToken' });
  }
  requireAhead(row, options.by, nowMs);
  const visitType = snapshot.visitTypes.get(row.visitTypeId);
  if (!visitType) {
    throw new FrontdeskError('conflict', 'this visit type is no longer offered: call the clinic', {
      field: 'request.slotId',
    });
  }
  const offered = offeredSlot(
    snapshot,
    options.slotId,
    visitType.record,
    bookableNow(snapshot, nowMs),
    'request.slotId',
  );
  if (offered.providerId === row.providerId && offered.startMs === row.startMs) return bookingView(row);
  const claim = await lockSlot(tx, offered.providerId, offered.startMs, nowMs, options.holdId);
  if (claim !== 'free') {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
  }
  await tx.query('delete from holds where provider_id = $1 and start_at = $2', [
    offered.providerId,
    new Date(offered.startMs),
  ]);
  const sequence = row.sequence + 1;
  const record = bookingRecord(ctx, snapshot, {
    id: row.id,
    offered,
    visitType,
    patientName: row.record.patientName ?? '',
    notifications: row.notifications,
    sequence,
    status: 'booked',
  });
  try {
    await tx.query(
      `update bookings set slot_id = $2, provider_id = $3, location_id = $4, start_at = $5, end_at = $6, sequence = $7,
         record = $8::jsonb, updated_at = $9
       where id = $1`,
      [
        row.id,
        offered.slot.id,
        offered.providerId,
        offered.locationId ?? null,
        new Date(offered.startMs),
        new Date(offered.endMs),
        sequence,
        JSON.stringify(record),
        new Date(nowMs),
      ],
    );
  } catch (error) {
    // The unique index, should a claim ever get past the lock: the transaction rolls back, the old booking stands.
    if (sqlState(error) === '23505') {
      throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
    }
    throw error;
  }
  await dropPlannedReminders(tx, row.id);
  const plan = {
    bookingId: row.id,
    sequence,
    startMs: offered.startMs,
    endMs: offered.endMs,
    notifications: row.notifications,
    nowMs,
    notice: 'changed' as const,
    surveyPage: ctx.pages.survey !== undefined,
  };
  await enqueue(tx, planVisitJobs(snapshot, plan), row.id, nowMs);
  await slotFreed(tx, { providerId: row.providerId, startMs: row.startMs, slotId: row.slotId }, nowMs);
  return record;
}

/** `cancelInTransaction` in a transaction of its own: for the staff console ("cancel for a patient"). */
export async function cancelBooking(ctx: VisitContext, bookingId: string, options: CancelOptions): Promise<Booking> {
  const snapshot = await ctx.store.snapshot();
  return ctx.db.transaction((tx) => cancelInTransaction(tx, ctx, snapshot, bookingId, options));
}

/** `rescheduleInTransaction` in a transaction of its own: for the staff console ("move for a patient"). */
export async function rescheduleBooking(
  ctx: VisitContext,
  bookingId: string,
  options: RescheduleOptions,
): Promise<Booking> {
  const snapshot = await ctx.store.snapshot();
  return ctx.db.transaction((tx) => rescheduleInTransaction(tx, ctx, snapshot, bookingId, options));
}
