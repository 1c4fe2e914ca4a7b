import { Strings } from '@frontdesk/core';
import type { DatePart } from './birth-date.js';
import type { FieldProblem, PatientDraft, PatientField, Relationship } from './patient-form.js';

type ForWhom = PatientDraft['forWhom'];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The names of fields in sentences: "Enter your first name." */
const fieldInSentence = (field: PatientField, forWhom: ForWhom): string => {
  const whose = forWhom === 'dependant' ? 'the patient’s' : 'your';
  return {
    bookerGivenName: 'your first name',
    bookerFamilyName: 'your last name',
    relationship: 'how you are related to the patient',
    givenName: `${whose} first name`,
    familyName: `${whose} last name`,
    birthDate: `${whose} date of birth`,
    phone: 'a phone number',
    email: 'an email address',
    reason: 'the reason',
    patientType: 'whether the patient has been seen here before',
    contact: 'whether the clinic may contact you',
    planId: 'the insurance plan',
    memberId: 'the member ID',
  }[field];
};

/** English strings of the booking steps (Spanish in booking-strings.es.ts), loaded with those steps. */
export const bookingStringsEn = {
  visitType: 'Visit type',
  // Steps
  details: 'Your details',
  review: 'Review and confirm',
  confirmed: 'You’re booked',
  bookElsewhere: 'Book this time',
  changeTime: 'Change time',
  continue: 'Continue',
  editDetails: 'Edit details',
  confirm: 'Confirm booking',
  booking: 'Booking…',
  bookingAnnouncement: 'Booking your appointment…',
  confirmAgree: (clinic: string): string =>
    `By confirming, you agree to share these details with ${clinic} to book this visit.`,
  theClinic: 'the clinic',
  // Who the visit is for
  forWhom: 'Who is this visit for?',
  forSelf: 'Me',
  forDependant: 'Someone in my care (a child or dependant)',
  aboutYou: 'About you',
  aboutPatient: 'About the patient',
  relationship: (relationship: Relationship): string =>
    ({ parent: 'Parent', guardian: 'Legal guardian', caregiver: 'Caregiver', other: 'Other' })[relationship],
  chooseOne: 'Choose one',
  // Patient form
  field: (field: PatientField, forWhom: ForWhom): string => {
    const patient = forWhom === 'dependant';
    return {
      bookerGivenName: 'Your first name',
      bookerFamilyName: 'Your last name',
      relationship: 'Your relationship to the patient',
      givenName: patient ? 'Patient’s first name' : 'First name',
      familyName: patient ? 'Patient’s last name' : 'Last name',
      birthDate: patient ? 'Patient’s date of birth' : 'Date of birth',
      phone: patient ? 'Your phone' : 'Phone',
      email: patient ? 'Your email (optional)' : 'Email (optional)',
      reason: 'Reason for visit (optional)',
      patientType: patient ? 'Has the patient been seen here before?' : 'Have you been seen here before?',
      contact: 'The clinic may text or email me about this visit',
      planId: 'Insurance plan (optional)',
      memberId: 'Member ID (on the insurance card)',
    }[field];
  },
  /** The format shown under the date of birth: "MM/DD/YYYY", in the language's order. */
  dateFormat: (order: readonly DatePart[], example: string): string =>
    `Type it as ${order.map((part) => ({ month: 'MM', day: 'DD', year: 'YYYY' })[part]).join('/')}, like ${example}`,
  phoneHint: 'A number we can call or text, like (615) 555-0100',
  contactForVideo: 'A video visit needs this: it is how the clinic tells you how to join.',
  noPlan: 'No insurance, or I will pay myself',
  insuranceHint: 'Helps the clinic check your coverage before the visit.',
  /** Short field names for the review list. */
  fieldName: (field: PatientField): string =>
    ({
      bookerGivenName: 'Booked by',
      bookerFamilyName: 'Booked by',
      relationship: 'Relationship',
      givenName: 'First name',
      familyName: 'Last name',
      birthDate: 'Date of birth',
      phone: 'Phone',
      email: 'Email',
      reason: 'Reason for visit',
      patientType: 'Patient status',
      contact: 'Contact by text or email',
      planId: 'Insurance',
      memberId: 'Member ID',
    })[field],
  newPatient: 'No, new patient',
  existingPatient: 'Yes, existing patient',
  problem: (field: PatientField, problem: FieldProblem, forWhom: ForWhom = 'self'): string => {
    const name = fieldInSentence(field, forWhom);
    switch (problem.code) {
      case 'required':
        return field === 'relationship' || field === 'patientType' ? `Choose ${name}.` : `Enter ${name}.`;
      case 'tooLong':
        return `Shorten ${name} to ${problem.limit} characters or fewer.`;
      case 'invalid':
        return field === 'email'
          ? 'Enter an email address like name@example.com.'
          : 'Check this phone number: it is not one that can be called, like (615) 555-0100.';
      case 'notANumber':
        return 'Enter the phone number with digits, like (615) 555-0100.';
      case 'letters':
        return 'Enter only the phone number: digits, spaces, brackets and dashes.';
      case 'shortNumber':
        return 'This phone number is too short. Enter all 10 digits with the area code, like (615) 555-0100.';
      case 'longNumber':
        return 'This phone number has too many digits. Enter 10 digits with the area code, like (615) 555-0100.';
      case 'otherCountry':
        return 'Enter a phone number in the United States or Canada, or call the clinic to book.';
      case 'dateFormat':
        return 'Enter the date of birth in numbers, in the order shown under its label.';
      case 'year':
        return 'Enter the year of birth with 4 digits, like 1990.';
      case 'month':
        return `There is no month ${problem.month}. Enter the month as 1 to 12.`;
      case 'day':
        return `There is no day ${problem.day} in any month.`;
      case 'noSuchDay':
        return problem.month === 2 && problem.day === 29
          ? `February ${problem.year} has no day 29.`
          : `${MONTHS[problem.month - 1]} has no day ${problem.day}.`;
      case 'future':
        return 'The date of birth cannot be in the future.';
      case 'tooOld':
        return 'Check the year of the date of birth.';
      case 'onlyNew':
        return 'This visit type is for new patients. Choose another visit type to book as an existing patient.';
      case 'onlyExisting':
        return 'This visit type is for existing patients. Choose a new-patient visit type.';
      case 'contactForVideo':
        return 'A video visit needs a way to reach you: tick the box so the clinic may text or email you.';
      case 'contactForWaitlist':
        return 'The waitlist tells you about a time by text or email: tick the box so the clinic may write to you.';
    }
  },
  errorSummary: (count: number): string =>
    count === 1 ? 'There is 1 problem to fix' : `There are ${count} problems to fix`,
  /** How long the chosen time is kept for the patient while they type. */
  heldUntil: (time: string, minutes: number | undefined): string =>
    `We are keeping this time for you until ${time}${minutes === undefined ? '' : minutes === 1 ? ' (1 minute)' : ` (${minutes} minutes)`}. Other patients cannot book it meanwhile.`,
  holdExpired:
    'We are no longer keeping this time for you. You can still book it if no one else has taken it meanwhile.',
  // Review
  when: 'When',
  provider: 'Provider',
  where: 'Where',
  videoVisit: 'Video visit',
  patient: 'Patient',
  patientNew: 'New patient',
  patientExisting: 'Existing patient',
  bookedBy: (name: string, relationship: string): string => `${name} (${relationship.toLowerCase()})`,
  yes: 'Yes',
  bookingFailed: 'We could not book this time.',
  // Confirmation
  confirmationNumber: 'Confirmation number',
  instructions: 'Before your visit',
  addToCalendar: 'Add to calendar (.ics)',
  addToGoogle: 'Add to Google Calendar (opens in a new tab)',
  addToOutlook: 'Add to Outlook (opens in a new tab)',
  manage: 'Manage or cancel (opens in a new tab)',
  joinVideo: 'Join the video visit (opens in a new tab)',
  calendarSummary: (provider: string): string => `Appointment with ${provider}`,
  calendarJoin: (url: string): string => `Join the video visit: ${url}`,
  /** What the server said it will send; nothing is promised when it did not say. */
  notifications: (email: boolean, sms: boolean): string =>
    email && sms
      ? 'We will send the confirmation by email and by text message.'
      : email
        ? 'We will send the confirmation by email.'
        : sms
          ? 'We will send the confirmation by text message.'
          : 'We will not send messages about this visit: keep this page or add it to your calendar.',
  // Read-only sources
  bookElsewhereText: 'This clinic takes bookings on its own site or by phone.',
  bookOnline: 'Continue booking on the clinic’s site (opens in a new tab)',
  callToBook: (phone: string): string => `Call ${phone} to book`,
  noBookingRoute: 'Call the clinic to book this time.',
  // Waitlist
  waitlistHeading: 'Tell me if an earlier time opens',
  waitlistIntro:
    'When a time between these days is freed, the clinic texts or emails you a link. The first patient to claim it gets it.',
  waitlistFrom: 'Earliest day',
  waitlistTo: 'Latest day',
  waitlistDayRequired: 'Enter a day.',
  waitlistBeforeToday: 'Choose today or a later day.',
  waitlistRangeOrder: 'The latest day must be on or after the earliest day.',
  contactForWaitlist: 'Needed: this is how the clinic tells you a time has opened.',
  waitlistAgree: (clinic: string): string =>
    `By joining, you agree to share these details with ${clinic} so it can offer you a time.`,
  waitlistSubmit: 'Add me to the waitlist',
  waitlistClose: 'Close',
  waitlistJoining: 'Adding you to the waitlist…',
  waitlistFailed: 'We could not add you to the waitlist.',
  waitlistJoined: (from: string, to: string, email: boolean, sms: boolean): string =>
    `You are on the waitlist from ${from} to ${to}. ${
      email && sms
        ? 'We will email and text you'
        : email
          ? 'We will email you'
          : sms
            ? 'We will text you'
            : 'The clinic will contact you'
    } when an earlier time opens.`,
  waitlistLeave: 'Leave the waitlist',
  waitlistLeft: 'You have left the waitlist. You will not be offered times.',
};

export type BookingStrings = typeof bookingStringsEn;

/** The booking steps' words (namespace `fd-slot-picker/booking`), registered when the steps load. */
export const bookingStrings = new Strings('fd-slot-picker/booking', bookingStringsEn, {
  es: () => import('./booking-strings.es.js'),
});
