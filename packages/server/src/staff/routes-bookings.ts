import { formatInstant } from '../scheduling/local-time.js';
import {
  ATTENDANCE,
  type Attendance,
  bookingDetail,
  findBooking,
  findBookings,
  markAttendance,
  staffBookingOf,
} from './bookings.js';
import { notFound, type StaffAnswer, type StaffRequest } from './http.js';
import { invalid, pathId, queryDays, queryEnum, queryId, queryTimeZone, readFields } from './params.js';
import { viewZone } from './zone.js';

/** A day view holds one clinic's bookings for up to a month; more than this many is cut (and says so). */
const MAX_LISTED = 2_000;

/**
 * `GET /api/staff/bookings`: the bookings whose visit starts on a day (`date`, default today) or in a range of days
 * (`from`, `to`, at most 31), in a time zone said in the answer, by provider, location and status.
 */
export async function listBookings(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const locationId = queryId(c, 'locationId');
  const timeZone = viewZone(snapshot, queryTimeZone(c), locationId);
  const days = queryDays(c, timeZone, now, { defaultDays: 1, maxDays: 31 });
  const rows = await findBookings(api.db, {
    startMs: days.startMs,
    endMs: days.endMs,
    providerId: queryId(c, 'providerId'),
    locationId,
    status: queryEnum(c, 'status', ['booked', 'cancelled']),
    limit: MAX_LISTED + 1,
  });
  const listed = rows.slice(0, MAX_LISTED);
  await request.audit({ action: 'booking.search', resourceType: 'Appointment', resourceIds: listed.map((r) => r.id) });
  return {
    status: 200,
    body: {
      timeZone,
      from: days.from,
      to: days.to,
      start: formatInstant(timeZone, days.startMs),
      end: formatInstant(timeZone, days.endMs),
      truncated: rows.length > MAX_LISTED,
      data: listed.map((row) => staffBookingOf(row, snapshot, timeZone)),
    },
  };
}

/** `GET /api/staff/bookings/{bookingId}`: one booking in full, in its location's time zone unless asked otherwise. */
export async function getBooking(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const id = pathId(c, 'bookingId', 'booking');
  const asked = queryTimeZone(c);
  const row = await findBooking(api.db, id);
  if (!row) throw notFound('booking', 'bookingId');
  const snapshot = await api.store.snapshot();
  const detail = await bookingDetail(api.db, row, snapshot, viewZone(snapshot, asked, row.location_id ?? undefined));
  await request.audit({ action: 'booking.read', resourceType: 'Appointment', resourceIds: [id] });
  return { status: 200, body: detail };
}

/** `POST /api/staff/bookings/{bookingId}/attendance`: arrived, no-show, or back to expected; audited with the change. */
export async function setAttendance(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const id = pathId(c, 'bookingId', 'booking');
  const body = await readFields(c, ['attendance']);
  if (!ATTENDANCE.includes(body.attendance as Attendance)) {
    throw invalid('request.attendance', `one of ${ATTENDANCE.join(', ')}`);
  }
  const attendance = body.attendance as Attendance;
  const snapshot = await api.store.snapshot();
  const updated = await request.audited(
    async (tx) => {
      const row = await findBooking(tx, id);
      if (!row) throw notFound('booking', 'bookingId');
      await markAttendance(tx, row, attendance, request.actor.id ?? '', now);
      return (await findBooking(tx, id))!;
    },
    () => ({ action: 'booking.attendance', resourceType: 'Appointment', resourceIds: [id], details: { attendance } }),
  );
  return {
    status: 200,
    body: staffBookingOf(updated, snapshot, viewZone(snapshot, undefined, updated.location_id ?? undefined)),
  };
}
