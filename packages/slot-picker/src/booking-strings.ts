import { Strings } from '@frontdesk/core';
import type { FieldProblem, PatientField } from './patient-form.js';

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
  // Patient form
  field: (field: PatientField): string =>
    ({
      givenName: 'First name',
      familyName: 'Last name',
      birthDate: 'Date of birth',
      phone: 'Phone',
      email: 'Email (optional)',
      reason: 'Reason for visit (optional)',
      patientType: 'Have you been seen here before?',
    })[field],
  /** Short field names for the review list. */
  fieldName: (field: PatientField): string =>
    ({
      givenName: 'First name',
      familyName: 'Last name',
      birthDate: 'Date of birth',
      phone: 'Phone',
      email: 'Email',
      reason: 'Reason for visit',
      patientType: 'Patient',
    })[field],
  contactShort: 'Contact by text or email',
  newPatient: 'No, I’m a new patient',
  existingPatient: 'Yes, I’m an existing patient',
  contact: 'The clinic may text or email me about this visit',
  problem: (field: PatientField, problem: FieldProblem): string => {
    const name = (
      {
        givenName: 'your first name',
        familyName: 'your last name',
        birthDate: 'your date of birth',
        phone: 'a phone number',
        email: 'an email address',
        reason: 'a reason',
        patientType: 'whether you have been seen here before',
      } as const
    )[field];
    return {
      required: `Enter ${name}.`,
      invalid:
        field === 'birthDate'
          ? 'Enter a real date of birth.'
          : field === 'phone'
            ? 'Enter a phone number using digits, like 615 555 0100.'
            : 'Enter an email address like name@example.com.',
      future: 'The date of birth cannot be in the future.',
      tooOld: 'Check the year of the date of birth.',
      tooLong: `Shorten ${name}.`,
      onlyNew: 'This visit type is for new patients. Choose another visit type to book as an existing patient.',
      onlyExisting: 'This visit type is for existing patients. Choose a new-patient visit type.',
    }[problem];
  },
  errorSummary: (count: number): string =>
    count === 1 ? 'There is 1 problem to fix' : `There are ${count} problems to fix`,
  // Review
  when: 'When',
  provider: 'Provider',
  where: 'Where',
  videoVisit: 'Video visit',
  patient: 'Name',
  patientNew: 'New patient',
  patientExisting: 'Existing patient',
  yes: 'Yes',
  bookingFailed: 'We could not book this time.',
  // Confirmation
  confirmationNumber: 'Confirmation number',
  instructions: 'Before your visit',
  addToCalendar: 'Add to calendar (.ics)',
  manage: 'Manage or cancel (opens in a new tab)',
  calendarSummary: (provider: string): string => `Appointment with ${provider}`,
  // Read-only sources
  bookElsewhereText: 'This clinic takes bookings on its own site or by phone.',
  bookOnline: 'Continue booking on the clinic’s site (opens in a new tab)',
  callToBook: (phone: string): string => `Call ${phone} to book`,
  noBookingRoute: 'Call the clinic to book this time.',
};

export type BookingStrings = typeof bookingStringsEn;

/** The booking steps' words (namespace `fd-slot-picker/booking`), registered when the steps load. */
export const bookingStrings = new Strings('fd-slot-picker/booking', bookingStringsEn, {
  es: () => import('./booking-strings.es.js'),
});
