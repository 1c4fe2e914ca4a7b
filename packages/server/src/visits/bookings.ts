import type { Booking, Notifications } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';

/** A booking as stored (migrations 0001 and 0002), with its instants as epoch milliseconds. */
export interface BookingRow {
  id: string;
  slotId: string;
  providerId: string;
  locationId: string | undefined;
  visitTypeId: string;
  startMs: number;
  endMs: number;
  status: 'booked' | 'cancelled';
  /** The booking as the patient was last told it: no secret, kept current by every change. */
  record: Booking;
  notifications: Notifications;
  sequence: number;
  language: string;
  cancelledBy: string | undefined;
}

const COLUMNS = `id, slot_id, provider_id, location_id, visit_type_id, status, record, notifications, sequence, language,
  cancelled_by, (extract(epoch from start_at) * 1000)::float8 as start_ms, (extract(epoch from end_at) * 1000)::float8 as end_ms`;

interface Raw {
  id: string;
  slot_id: string;
  provider_id: string;
  location_id: string | null;
  visit_type_id: string;
  status: 'booked' | 'cancelled';
  record: Booking;
  notifications: Notifications;
  sequence: number;
  language: string;
  cancelled_by: string | null;
  start_ms: number;
  end_ms: number;
}

/** One booking by id; `forUpdate` locks its row until the caller's transaction ends. */
export async function loadBooking(db: Queryable, id: string, forUpdate = false): Promise<BookingRow | undefined> {
  const rows = await db.query<Raw>(`select ${COLUMNS} from bookings where id = $1${forUpdate ? ' for update' : ''}`, [
    id,
  ]);
  const row = rows.rows[0];
  return (
    row && {
      id: row.id,
      slotId: row.slot_id,
      providerId: row.provider_id,
      locationId: row.location_id ?? undefined,
      visitTypeId: row.visit_type_id,
      startMs: Number(row.start_ms),
      endMs: Number(row.end_ms),
      status: row.status,
      record: row.record,
      notifications: row.notifications,
      sequence: Number(row.sequence),
      language: row.language,
      cancelledBy: row.cancelled_by ?? undefined,
    }
  );
}

/** What a patient sees of their booking: the record, its status and sequence as they are now. */
export function bookingView(row: BookingRow): Booking {
  return { ...row.record, status: row.status, sequence: row.sequence };
}

/**
 * Takes the slot's advisory lock for the rest of the transaction, then tells whether anyone claims it: a booking, or
 * a live hold other than `ownHoldId`. Every claim (a booking, a move, a hold, a waitlist claim) looks only after
 * taking the lock, so of two claims exactly one sees the slot free.
 */
export async function lockSlot(
  tx: Queryable,
  providerId: string,
  startMs: number,
  nowMs: number,
  ownHoldId?: string,
): Promise<'free' | 'booked' | 'held'> {
  const start = new Date(startMs);
  await tx.query('select pg_advisory_xact_lock(slot_lock($1, $2))', [providerId, start]);
  const rows = await tx.query<{ booked: boolean; held: boolean }>(
    `select exists (select 1 from bookings where provider_id = $1 and start_at = $2 and status = 'booked') as booked,
            exists (select 1 from holds where provider_id = $1 and start_at = $2 and expires_at > $3
                    and id is distinct from $4) as held`,
    [providerId, start, new Date(nowMs), ownHoldId ?? null],
  );
  const row = rows.rows[0];
  return row?.booked ? 'booked' : row?.held ? 'held' : 'free';
}
