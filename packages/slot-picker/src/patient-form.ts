import { CalendarDate, type DayKey, Email, type PatientDetails, Phone } from '@frontdesk/core';

/** What the patient has typed so far, kept as typed: going back or a conflict never loses a character. */
export interface PatientDraft {
  givenName: string;
  familyName: string;
  birthDate: string;
  phone: string;
  email: string;
  reason: string;
  patientType: '' | 'new' | 'existing';
  /** Agreed to be contacted about the visit by text or email. */
  contact: boolean;
}

export type PatientField = Exclude<keyof PatientDraft, 'contact'>;

/** Why a field is not accepted; the element turns each into a sentence in the page's language. */
export type FieldProblem = 'required' | 'invalid' | 'future' | 'tooOld' | 'tooLong' | 'onlyNew' | 'onlyExisting';

export type PatientErrors = Partial<Record<PatientField, FieldProblem>>;

/** Fields in the order they appear, so the error summary lists them as the patient meets them. */
export const PATIENT_FIELDS: readonly PatientField[] = [
  'givenName',
  'familyName',
  'birthDate',
  'phone',
  'email',
  'reason',
  'patientType',
];

export const emptyDraft = (): PatientDraft => ({
  givenName: '',
  familyName: '',
  birthDate: '',
  phone: '',
  email: '',
  reason: '',
  patientType: '',
  contact: false,
});

const MAX_NAME = 200;
const MAX_REASON = 1000;
const OLDEST_YEARS = 130;

function checkName(value: string): FieldProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'required';
  return trimmed.length > MAX_NAME ? 'tooLong' : undefined;
}

function checkBirthDate(value: string, today: DayKey): FieldProblem | undefined {
  if (!value) return 'required';
  if (!CalendarDate.safeParse(value).success) return 'invalid';
  if (value > today) return 'future';
  const oldest = `${String(Number(today.slice(0, 4)) - OLDEST_YEARS).padStart(4, '0')}${today.slice(4)}`;
  return value < oldest ? 'tooOld' : undefined;
}

/**
 * Check a draft against what a booking needs (the same rules as core's `PatientDetails` schema, plus the visit type's
 * patient type). `today` is the clinic's date, so a birth date of "today" is accepted on every side of the date line.
 */
export function validatePatient(
  draft: PatientDraft,
  options: { today: DayKey; visitPatientType?: 'new' | 'existing' | 'any' | undefined },
): PatientErrors {
  const errors: PatientErrors = {};
  const set = (field: PatientField, problem: FieldProblem | undefined) => {
    if (problem) errors[field] = problem;
  };
  set('givenName', checkName(draft.givenName));
  set('familyName', checkName(draft.familyName));
  set('birthDate', checkBirthDate(draft.birthDate, options.today));
  const phone = draft.phone.trim();
  set('phone', !phone ? 'required' : Phone.safeParse(phone).success ? undefined : 'invalid');
  const email = draft.email.trim();
  set('email', email && !Email.safeParse(email).success ? 'invalid' : undefined);
  set('reason', draft.reason.length > MAX_REASON ? 'tooLong' : undefined);
  if (!draft.patientType) set('patientType', 'required');
  else if (options.visitPatientType === 'new' && draft.patientType !== 'new') set('patientType', 'onlyNew');
  else if (options.visitPatientType === 'existing' && draft.patientType !== 'existing') {
    set('patientType', 'onlyExisting');
  }
  return errors;
}

/** The booking's patient details from a draft that passed `validatePatient`. */
export function toPatientDetails(draft: PatientDraft): PatientDetails {
  const email = draft.email.trim();
  const reason = draft.reason.trim();
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    birthDate: draft.birthDate,
    phone: draft.phone.trim(),
    ...(email ? { email } : {}),
    ...(reason ? { reason } : {}),
    patientType: draft.patientType === 'existing' ? 'existing' : 'new',
  };
}
