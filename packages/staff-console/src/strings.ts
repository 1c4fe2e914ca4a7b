import { Strings } from '@frontdesk/core';

/** English words of the staff console; `strings.es.ts` has the same keys. */
export const stringsEn = {
  consoleTitle: 'Frontdesk for staff',
  language: 'Language',
  signInTitle: 'Sign in',
  email: 'E-mail address',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (who: string) => `Signed in as ${who}`,
  wrongPassword: 'That e-mail address and password do not match an account.',
  tooManyAttempts: (seconds: number) => `Too many attempts. Try again in ${seconds} seconds.`,
  networkError: 'The server could not be reached. Check the connection and try again.',
  failed: 'Something went wrong. Try again.',
  forbidden: 'Your role does not allow this.',
  loading: 'Loading…',
  retry: 'Try again',

  sections: 'Sections',
  schedule: 'Schedule',
  feedback: 'Feedback',
  failedMessages: 'Messages not sent',

  day: 'Day',
  provider: 'Provider',
  allProviders: 'All providers',
  timesIn: (zone: string) => `Times are in the clinic’s time zone, ${zone}.`,
  noBookings: 'No bookings on this day.',
  truncated: 'Only the first bookings are shown.',
  time: 'Time',
  patient: 'Patient',
  visit: 'Visit',
  status: 'Status',
  open: 'Open',
  statusOf: (status: string) =>
    ({ booked: 'Booked', cancelled: 'Cancelled', arrived: 'Arrived', 'no-show': 'No-show', expected: 'Expected' })[
      status
    ] ?? status,

  bookingTitle: 'Booking',
  backToSchedule: 'Back to the schedule',
  birthDate: 'Date of birth',
  phone: 'Phone',
  reason: 'Reason for the visit',
  location: 'Location',
  patientType: 'New or existing patient',
  markArrived: 'Mark arrived',
  markNoShow: 'Mark no-show',
  markExpected: 'Mark expected again',
  cancel: 'Cancel the booking',
  cancelConfirm: 'Yes, cancel it and tell the patient',
  keep: 'Keep the booking',
  cancelQuestion: 'Cancel this booking? The patient is told by the ways they agreed to.',
  reschedule: 'Move to another time',
  newTime: 'New time',
  noFreeTimes: 'No free times on this day.',
  loadingTimes: 'Loading the free times…',
  freeTimesOn: (count: number, day: string) =>
    count === 0
      ? `No free times on ${day}.`
      : count === 1
        ? `1 free time on ${day}.`
        : `${count} free times on ${day}.`,
  chooseDayBetween: (from: string, to: string) => `Choose a day from ${from} to ${to}.`,
  move: 'Move and tell the patient',
  done: (what: string) => `Done: ${what}.`,
  cancelledNotice: 'The booking is cancelled and the patient will be told.',
  movedNotice: 'The booking is moved and the patient will be told.',
  markedNotice: (status: string) => `Marked: ${status}.`,
  conflict: 'That could not be done: the booking or the time changed meanwhile. Reload and try again.',

  flagsTitle: 'Needs a clinician: PHQ-9 question 9 answered above 0',
  flagsHelp: 'Thoughts of self-harm were reported. Follow up, then mark each one handled.',
  received: 'Received',
  answer: 'Answer',
  total: 'PHQ-9 total',
  unknownPatient: 'Not tied to a visit',
  note: 'Note (optional)',
  markHandled: 'Mark handled',
  handledNotice: 'Marked handled.',

  period: (from: string, to: string) => `Responses received from ${from} to ${to}.`,
  showFor: 'Show for',
  wholeClinic: 'The whole clinic',
  npsTitle: 'Net Promoter Score by week',
  npsNow: (score: string, responses: number) => `NPS ${score} from ${responses} responses`,
  noScore: 'no score yet',
  week: 'Week of',
  responses: 'Responses',
  score: 'Score',
  promoters: 'Promoters',
  passives: 'Passives',
  detractors: 'Detractors',
  csatTitle: 'Satisfaction ratings',
  csatNow: (mean: string, percent: string) => `Mean rating ${mean}; ${percent} satisfied`,
  rating: 'Rating',
  count: 'Count',
  phqTitle: 'PHQ-9 severity',
  band: 'Severity',
  bandName: (band: string) =>
    ({
      minimal: 'Minimal',
      mild: 'Mild',
      moderate: 'Moderate',
      'moderately-severe': 'Moderately severe',
      severe: 'Severe',
    })[band] ?? band,
  item9Positive: (n: number) => `Question 9 above 0: ${n}`,
  countsTitle: 'Responses by survey',
  survey: 'Survey',
  perProviderTitle: 'Responses by provider',
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  noResponses: 'No responses in this period.',

  waitlist: 'Waitlist',
  noWaitlist: 'Nobody is on the waitlist.',
  between: 'Days that suit them',
  fromTo: (from: string, to: string) => `${from} to ${to}`,
  noFailedMessages: 'Every message was sent.',
  failedHelp: 'These messages were given up on after every attempt. Call the patient if the visit needs it.',
  message: 'Message',
  channel: 'Channel',
  attempts: 'Attempts',
  error: 'Error',
  failedAt: 'Given up',
  messageName: (message: string | null) =>
    ({
      confirmation: 'Confirmation',
      changed: 'Change notice',
      cancelled: 'Cancel notice',
      reminder: 'Reminder',
      survey: 'Survey invitation',
    })[message ?? ''] ??
    message ??
    '—',
};

export type ConsoleStrings = typeof stringsEn;

export const consoleStrings = new Strings('staff-console', stringsEn, { es: () => import('./strings.es.js') });
