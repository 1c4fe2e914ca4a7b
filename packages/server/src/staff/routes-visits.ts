import { list } from '../http/api.js';
import { formatInstant } from '../scheduling/local-time.js';
import { cancelInTransaction, rescheduleInTransaction } from '../visits/manage.js';
import { findBooking, staffBookingOf } from './bookings.js';
import { auditedList, notFound, type StaffAnswer, type StaffRequest } from './http.js';
import { invalid, pathId, queryEnum, queryId, queryLimit, queryTimeZone, readFields } from './params.js';
import { viewZone } from './zone.js';

/** The booking as staff see it after a change, in its location's time zone. */
async function changed(request: StaffRequest, id: string): Promise<StaffAnswer> {
  const snapshot = await request.api.store.snapshot();
  const row = (await findBooking(request.api.db, id))!;
  return {
    status: 200,
    body: staffBookingOf(row, snapshot, viewZone(snapshot, undefined, row.location_id ?? undefined)),
  };
}

/**
 * `POST /api/staff/bookings/{bookingId}/cancel`: cancels for the patient, with the visit code's own cancellation (the
 * slot freed, reminders dropped, the patient's cancel notice planned) and the audit line in one transaction.
 */
export async function cancelBooking(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const id = pathId(c, 'bookingId', 'booking');
  const body = await readFields(c, ['reason']);
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 500)) {
    throw invalid('request.reason', 'a text of at most 500 characters');
  }
  const snapshot = await api.store.snapshot();
  await request.audited(
    async (tx) => {
      if (!(await findBooking(tx, id))) throw notFound('booking', 'bookingId');
      await cancelInTransaction(tx, api.visits, snapshot, id, {
        by: 'staff',
        reason: body.reason as string | undefined,
      });
    },
    () => ({ action: 'booking.cancel', resourceType: 'Appointment', resourceIds: [id] }),
  );
  return changed(request, id);
}

/**
 * `POST /api/staff/bookings/{bookingId}/reschedule`: moves the booking to another offered slot for the patient (the
 * old time freed, reminders planned again, the patient's change notice planned), audited in the same transaction.
 */
export async function rescheduleBooking(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const id = pathId(c, 'bookingId', 'booking');
  const body = await readFields(c, ['slotId']);
  if (typeof body.slotId !== 'string' || body.slotId.length === 0 || body.slotId.length > 200) {
    throw invalid('request.slotId', 'a slot id as the slots list gives it');
  }
  const slotId = body.slotId;
  const snapshot = await api.store.snapshot();
  await request.audited(
    async (tx) => {
      if (!(await findBooking(tx, id))) throw notFound('booking', 'bookingId');
      await rescheduleInTransaction(tx, api.visits, snapshot, id, { by: 'staff', slotId });
    },
    () => ({ action: 'booking.reschedule', resourceType: 'Appointment', resourceIds: [id], details: { slotId } }),
  );
  return changed(request, id);
}

/** The zone a listing's times are shown in, like every staff listing: `timeZone` when asked, else the clinic's. */
async function listingZone(request: StaffRequest): Promise<string> {
  return viewZone(await request.api.store.snapshot(), queryTimeZone(request.c));
}

interface FailedJobRow {
  id: string;
  kind: string;
  booking_id: string | null;
  message: string | null;
  channel: string | null;
  attempts: number;
  last_error: string | null;
  updated_at: Date;
}

/**
 * `GET /api/staff/messages/failed`: messages given up on after their last attempt, newest first: what kind, about
 * which booking, by which channel, how many tries and the class of the last error. Never a message's words or address.
 */
export async function listFailedMessages(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const limit = queryLimit(c, 100, 500);
  const bookingId = queryId(c, 'bookingId');
  const rows = await api.db.query<FailedJobRow>(
    `select id, kind, booking_id, payload->>'message' as message, payload->>'channel' as channel, attempts,
       last_error, updated_at
     from jobs where status = 'failed' and kind = 'message' and ($1::text is null or booking_id = $1)
     order by updated_at desc, id limit $2`,
    [bookingId ?? null, limit],
  );
  const zone = await listingZone(request);
  const bookingIds = [...new Set(rows.rows.flatMap((row) => (row.booking_id ? [row.booking_id] : [])))];
  await request.audit({ action: 'message.failed.search', resourceType: 'Appointment', resourceIds: bookingIds });
  return list(
    rows.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      message: row.message,
      channel: row.channel,
      bookingId: row.booking_id,
      attempts: Number(row.attempts),
      errorClass: row.last_error,
      failedAt: formatInstant(zone, new Date(row.updated_at).getTime()),
    })),
  );
}

interface WaitlistRow {
  id: string;
  provider_id: string;
  visit_type_id: string;
  first_day: string | Date;
  last_day: string | Date;
  patient: { givenName?: string; familyName?: string; phone?: string; email?: string };
  language: string;
  booking_id: string | null;
  status: string;
  created_at: Date;
}

const WAITLIST_STATUS = ['waiting', 'booked', 'left', 'expired'] as const;
const day = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10));

/** `GET /api/staff/waitlist`: who is waiting for an earlier time (by provider and status, default waiting), oldest first. */
export async function listWaitlist(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const status = queryEnum(c, 'status', WAITLIST_STATUS) ?? 'waiting';
  const providerId = queryId(c, 'providerId');
  const limit = queryLimit(c, 200, 1000);
  const rows = await api.db.query<WaitlistRow>(
    `select id, provider_id, visit_type_id, first_day::text as first_day, last_day::text as last_day, patient, language,
       booking_id, status, created_at
     from waitlist where status = $1 and ($2::text is null or provider_id = $2) order by created_at, id limit $3`,
    [status, providerId ?? null, limit],
  );
  const zone = await listingZone(request);
  return auditedList(
    request,
    'waitlist.search',
    'Patient',
    rows.rows.map((row) => ({
      id: row.id,
      status: row.status,
      providerId: row.provider_id,
      visitTypeId: row.visit_type_id,
      firstDay: day(row.first_day),
      lastDay: day(row.last_day),
      patient: {
        givenName: row.patient.givenName ?? null,
        familyName: row.patient.familyName ?? null,
        phone: row.patient.phone ?? null,
        email: row.patient.email ?? null,
      },
      language: row.language,
      bookingId: row.booking_id,
      createdAt: formatInstant(zone, new Date(row.created_at).getTime()),
    })),
  );
}
