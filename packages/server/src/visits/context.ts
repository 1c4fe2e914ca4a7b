import type { ClinicStore } from '../clinic/store.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';

/**
 * The clinic's own pages that patients' links open. The secret rides in the fragment (`#token=...`), which a browser
 * never sends to a server, so it reaches no server log and no Referer.
 */
export interface PatientPages {
  /** Where the patient sees, cancels or moves a booking (an `fd-booking` element): `...#token=MANAGE_TOKEN`. */
  manage?: string | undefined;
  /** Where a survey is filled in (an `fd-survey` element): `...?survey=SURVEY_ID#invitation=TOKEN`. */
  survey?: string | undefined;
  /** Where a waitlist offer is claimed: `...#offer=TOKEN`. Default: the manage page. */
  waitlist?: string | undefined;
}

/** The channels this server is set up to send by (SMTP, the SMS webhook), whatever one patient agreed to. */
export interface Channels {
  email: boolean;
  sms: boolean;
}

/**
 * What the visit's operations (book, cancel, reschedule, hold, waitlist) share. The HTTP API builds one; the staff
 * console calls the same functions with it (`RunningServer.visits`).
 */
export interface VisitContext {
  db: Database;
  store: ClinicStore;
  clock: Clock;
  pages: PatientPages;
  channels: Channels;
}
