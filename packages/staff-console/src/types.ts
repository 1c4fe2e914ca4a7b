/** What the staff API answers (docs/openapi.yaml, tag `staff`): only the fields the console reads. */

export type Permission =
  | 'bookings:read'
  | 'bookings:write'
  | 'responses:read'
  | 'feedback:read'
  | 'flags:read'
  | 'flags:handle'
  | 'exports:read'
  | 'audit:read'
  | 'settings:manage'
  | 'staff:manage'
  | 'tokens:manage';

export interface StaffSession {
  staff: { id: string; email: string; name: string | null; role: string };
  permissions: Permission[];
  csrfToken: string;
}

export type Attendance = 'expected' | 'arrived' | 'no-show';

export interface StaffBooking {
  id: string;
  status: string;
  attendance: Attendance;
  /** With its offset, in `timeZone`. */
  start: string;
  end: string;
  timeZone: string;
  providerId: string;
  providerName: string | null;
  locationName: string | null;
  visitTypeName: string | null;
  patient: {
    givenName: string;
    familyName: string;
    birthDate?: string;
    phone?: string;
    email?: string;
    reason?: string;
    patientType?: string;
  };
}

/** One booking as `/staff/bookings/{id}` answers it: with the visit type, which a move keeps. */
export interface StaffBookingDetail extends StaffBooking {
  visitTypeId: string;
}

export interface BookingDay {
  timeZone: string;
  from: string;
  to: string;
  truncated: boolean;
  data: StaffBooking[];
}

export interface FreeSlot {
  id: string;
  start: string;
}

/** Where the free times of one day (`YYYY-MM-DD` in the booking's zone) are: on their way, here, or refused. */
export type FreeTimesState = 'loading' | 'ready' | 'error';

export interface FreeTimes {
  day: string;
  state: FreeTimesState;
  slots: FreeSlot[];
  /** What went wrong, in the console's words, when `state` is `error`. */
  problem: string;
}

// The feedback summary is the server's own type: the console draws what `/staff/feedback` answers.
export type { FeedbackGroup, FeedbackSummary, NpsCounts } from '@frontdesk/server';

export interface StaffFlag {
  responseId: string;
  receivedAt: string;
  providerId: string | null;
  item9: { score: number; label: string | null };
  phq9: { total: number; band: string } | null;
  patient: { givenName: string; familyName: string; birthDate?: string; phone?: string } | null;
  status: 'open' | 'handled';
}

export interface FailedMessage {
  id: string;
  message: string | null;
  channel: string | null;
  bookingId: string | null;
  attempts: number;
  errorClass: string | null;
  failedAt: string;
}

export interface WaitlistEntry {
  id: string;
  providerId: string;
  visitTypeId: string;
  firstDay: string;
  lastDay: string;
  patient: { givenName: string | null; familyName: string | null; phone: string | null };
}
