import { FrontdeskError, type PatientDetails } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { formatInstant } from '../scheduling/local-time.js';

export const ATTENDANCE = ['expected', 'arrived', 'no-show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** A booking as staff see it: the visit, the patient's details, and what the front desk marked. */
export interface StaffBooking {
  id: string;
  status: string;
  attendance: Attendance;
  attendanceMarkedAt: string | null;
  attendanceMarkedBy: string | null;
  /** In `timeZone`, with its offset. */
  start: string;
  end: string;
  timeZone: string;
  providerId: string;
  providerName: string | null;
  locationId: string | null;
  locationName: string | null;
  visitTypeId: string;
  visitTypeName: string | null;
  patient: PatientDetails;
  createdAt: string;
  updatedAt: string;
}

export interface StaffBookingDetail extends StaffBooking {
  consent: { terms: boolean; contact?: boolean };
  /** What the patient was told when booking (the instructions of the confirmation). */
  instructions: string | null;
  surveyResponses: { id: string; surveyId: string; receivedAt: string }[];
}

export interface BookingRow {
  id: string;
  status: string;
  provider_id: string;
  location_id: string | null;
  visit_type_id: string;
  start_at: Date;
  end_at: Date;
  patient: PatientDetails;
  consent: { terms: boolean; contact?: boolean };
  record: { instructions?: string };
  created_at: Date;
  updated_at: Date;
  attendance: 'arrived' | 'no-show' | null;
  marked_at: Date | null;
  marked_by: string | null;
}

const SELECT = `select b.*, a.status as attendance, a.marked_at, a.marked_by
  from bookings b left join booking_attendance a on a.booking_id = b.id`;

export function staffBookingOf(row: BookingRow, snapshot: ClinicSnapshot, zone: string): StaffBooking {
  const provider = snapshot.providers[snapshot.providerOrder.get(row.provider_id) ?? -1];
  return {
    id: row.id,
    status: row.status,
    attendance: row.attendance ?? 'expected',
    attendanceMarkedAt: row.marked_at?.toISOString() ?? null,
    attendanceMarkedBy: row.marked_by,
    start: formatInstant(zone, row.start_at.getTime()),
    end: formatInstant(zone, row.end_at.getTime()),
    timeZone: zone,
    providerId: row.provider_id,
    providerName: provider?.id === row.provider_id ? provider.displayName : null,
    locationId: row.location_id,
    locationName: (row.location_id && snapshot.locationsById.get(row.location_id)?.name) ?? null,
    visitTypeId: row.visit_type_id,
    visitTypeName: snapshot.visitTypes.get(row.visit_type_id)?.record.name ?? null,
    patient: row.patient,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface BookingFilter {
  startMs: number;
  endMs: number;
  providerId?: string | undefined;
  locationId?: string | undefined;
  status?: string | undefined;
  limit: number;
}

/** Bookings whose visit starts in [startMs, endMs), in time order; one row over the limit tells it was cut. */
export async function findBookings(db: Queryable, filter: BookingFilter): Promise<BookingRow[]> {
  const rows = await db.query<BookingRow>(
    `${SELECT}
     where b.start_at >= $1 and b.start_at < $2 and ($3::text is null or b.provider_id = $3)
       and ($4::text is null or b.location_id = $4) and ($5::text is null or b.status = $5)
     order by b.start_at, b.provider_id, b.id limit $6`,
    [
      new Date(filter.startMs),
      new Date(filter.endMs),
      filter.providerId ?? null,
      filter.locationId ?? null,
      filter.status ?? null,
      filter.limit,
    ],
  );
  return rows.rows;
}

export async function findBooking(db: Queryable, id: string): Promise<BookingRow | undefined> {
  return (await db.query<BookingRow>(`${SELECT} where b.id = $1`, [id])).rows[0];
}

export async function bookingDetail(
  db: Queryable,
  row: BookingRow,
  snapshot: ClinicSnapshot,
  zone: string,
): Promise<StaffBookingDetail> {
  const responses = await db.query<{ id: string; survey_id: string; received_at: Date }>(
    'select id, survey_id, received_at from survey_responses where booking_id = $1 order by received_at, id',
    [row.id],
  );
  return {
    ...staffBookingOf(row, snapshot, zone),
    consent: row.consent,
    instructions: row.record.instructions ?? null,
    surveyResponses: responses.rows.map((r) => ({
      id: r.id,
      surveyId: r.survey_id,
      receivedAt: r.received_at.toISOString(),
    })),
  };
}

/**
 * Marks whether the patient came: `arrived`, `no-show` (only once the visit has started), or back to `expected`.
 * A cancelled booking takes no mark.
 */
export async function markAttendance(
  tx: Queryable,
  row: BookingRow,
  attendance: Attendance,
  markedBy: string,
  nowMs: number,
): Promise<void> {
  if (row.status !== 'booked') {
    throw new FrontdeskError('conflict', 'the booking is not active: it takes no attendance mark', {
      field: 'bookingId',
    });
  }
  if (attendance === 'no-show' && nowMs < row.start_at.getTime()) {
    throw new FrontdeskError('conflict', 'a no-show is marked once the visit has started', {
      field: 'request.attendance',
    });
  }
  if (attendance === 'expected') {
    await tx.query('delete from booking_attendance where booking_id = $1', [row.id]);
    return;
  }
  await tx.query(
    `insert into booking_attendance (booking_id, status, marked_at, marked_by) values ($1, $2, $3, $4)
     on conflict (booking_id) do update set status = excluded.status, marked_at = excluded.marked_at,
       marked_by = excluded.marked_by`,
    [row.id, attendance, new Date(nowMs), markedBy],
  );
}
