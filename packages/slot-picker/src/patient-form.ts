import { type BookedBy, type DayKey, Email, type PatientDetails } from '@frontdesk/core';
import type { CountryCode } from 'libphonenumber-js/core';
import { type DateProblem, readBirthDate } from './birth-date.js';
import { checkPhone, type PhoneProblem } from './phone.js';

export type Relationship = BookedBy['relationship'];

/** What the patient (or the person booking for them) has typed so far, kept as typed: nothing is ever lost. */
export interface PatientDraft {
  /** `self`: the patients book for themselves; `dependant`: someone books for a child or a person in their care. */
  forWhom: 'self' | 'dependant';
  /** The person booking, when it is not the patient. */
  bookerGivenName: string;
  bookerFamilyName: string;
  relationship: '' | Relationship;
  /** The patient. */
  givenName: string;
  familyName: string;
  /** As typed, in the page language's order (`05/17/1990` in English). */
  birthDate: string;
  /** The number to reach the patient (or the person booking) on. */
  phone: string;
  email: string;
  reason: string;
  patientType: '' | 'new' | 'existing';
  /** Agreed to be contacted about the visit by text or email. */
  contact: boolean;
  /** The insurance plan (an id from `listPlans`), or '' for none given. */
  planId: string;
  memberId: string;
}

export type PatientField = Exclude<keyof PatientDraft, 'forWhom'>;

/** Why a field is not accepted, with what the sentence needs; the booking strings say each in words. */
export type FieldProblem =
  | { code: 'required' | 'invalid' | 'onlyNew' | 'onlyExisting' | 'contactForVideo' | 'contactForWaitlist' }
  | { code: 'tooLong'; limit: number }
  | { code: PhoneProblem; country: CountryCode }
  | DateProblem;

export type PatientErrors = Partial<Record<PatientField, FieldProblem>>;

/** Fields in the order they appear, so the error summary lists them as the patient meets them. */
export const PATIENT_FIELDS: readonly PatientField[] = [
  'bookerGivenName',
  'bookerFamilyName',
  'relationship',
  'givenName',
  'familyName',
  'birthDate',
  'phone',
  'email',
  'reason',
  'patientType',
  'contact',
  'planId',
  'memberId',
];

export const emptyDraft = (): PatientDraft => ({
  forWhom: 'self',
  bookerGivenName: '',
  bookerFamilyName: '',
  relationship: '',
  givenName: '',
  familyName: '',
  birthDate: '',
  phone: '',
  email: '',
  reason: '',
  patientType: '',
  contact: false,
  planId: '',
  memberId: '',
});

export const MAX_NAME = 100;
export const MAX_REASON = 1000;
export const MAX_MEMBER_ID = 40;

/** What the checks need besides the draft. */
export interface PatientRules {
  /** The clinic's today, so a birth date of "today" is accepted on every side of the date line. */
  today: DayKey;
  /** The page's language: the order the date of birth is typed in. */
  lang: string;
  /** The country whose phone numbers are checked (the clinic's). */
  country: CountryCode;
  visitPatientType?: 'new' | 'existing' | 'any' | undefined;
  /** A video visit needs a way to reach the patient: their agreement to be contacted. */
  video?: boolean | undefined;
  /** Joining the waitlist: being contacted is the point, so the agreement is required. */
  waitlist?: boolean | undefined;
}

function checkText(value: string, limit: number, required: boolean): FieldProblem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return required ? { code: 'required' } : undefined;
  return trimmed.length > limit ? { code: 'tooLong', limit } : undefined;
}

/**
 * Check a draft against what a booking needs (core's `PatientDetails` schema, a phone number that can really be
 * called, a date of birth that exists, the visit type's patient type, and contact for a video visit).
 */
export function validatePatient(draft: PatientDraft, rules: PatientRules): PatientErrors {
  const errors: PatientErrors = {};
  const set = (field: PatientField, problem: FieldProblem | undefined) => {
    if (problem) errors[field] = problem;
  };
  if (draft.forWhom === 'dependant') {
    set('bookerGivenName', checkText(draft.bookerGivenName, MAX_NAME, true));
    set('bookerFamilyName', checkText(draft.bookerFamilyName, MAX_NAME, true));
    if (!draft.relationship) set('relationship', { code: 'required' });
  }
  set('givenName', checkText(draft.givenName, MAX_NAME, true));
  set('familyName', checkText(draft.familyName, MAX_NAME, true));
  if (!draft.birthDate.trim()) set('birthDate', { code: 'required' });
  else {
    const date = readBirthDate(draft.birthDate, rules.lang, rules.today);
    if (!date.ok) set('birthDate', date.problem);
  }
  if (!draft.phone.trim()) set('phone', { code: 'required' });
  else {
    const phone = checkPhone(draft.phone, rules.country);
    if (!phone.ok) set('phone', { code: phone.problem, country: phone.country });
  }
  const email = draft.email.trim();
  if (email && !Email.safeParse(email).success) set('email', { code: 'invalid' });
  set('reason', draft.reason.length > MAX_REASON ? { code: 'tooLong', limit: MAX_REASON } : undefined);
  if (!draft.patientType) set('patientType', { code: 'required' });
  else if (rules.visitPatientType === 'new' && draft.patientType !== 'new') set('patientType', { code: 'onlyNew' });
  else if (rules.visitPatientType === 'existing' && draft.patientType !== 'existing') {
    set('patientType', { code: 'onlyExisting' });
  }
  if (rules.waitlist && !draft.contact) set('contact', { code: 'contactForWaitlist' });
  else if (rules.video && !draft.contact) set('contact', { code: 'contactForVideo' });
  if (draft.planId) set('memberId', checkText(draft.memberId, MAX_MEMBER_ID, true));
  return errors;
}

/** The booking's patient details from a draft that passed `validatePatient` with the same rules. */
export function toPatientDetails(draft: PatientDraft, rules: PatientRules): PatientDetails {
  const email = draft.email.trim();
  const reason = draft.reason.trim();
  const date = readBirthDate(draft.birthDate, rules.lang, rules.today);
  const phone = checkPhone(draft.phone, rules.country);
  return {
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    birthDate: date.ok ? date.date : draft.birthDate,
    phone: phone.ok ? phone.international : draft.phone.trim(),
    ...(email ? { email } : {}),
    ...(reason ? { reason } : {}),
    patientType: draft.patientType === 'existing' ? 'existing' : 'new',
    ...(draft.forWhom === 'dependant' && draft.relationship
      ? {
          bookedBy: {
            givenName: draft.bookerGivenName.trim(),
            familyName: draft.bookerFamilyName.trim(),
            relationship: draft.relationship,
          },
        }
      : {}),
    ...(draft.planId ? { insurance: { planId: draft.planId, memberId: draft.memberId.trim() } } : {}),
  };
}
