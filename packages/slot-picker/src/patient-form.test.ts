import { PatientDetails } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type PatientDraft, type PatientRules, toPatientDetails, validatePatient } from './patient-form.js';

const rules: PatientRules = { today: '2026-03-02', lang: 'en-US', country: 'US' };
const filled: PatientDraft = {
  ...emptyDraft(),
  givenName: ' Ana ',
  familyName: 'López',
  birthDate: '05/17/1990',
  phone: '(615) 555-0199',
  email: 'ana@example.com',
  reason: ' Cough ',
  patientType: 'new',
  contact: true,
};

describe('patient form', () => {
  it('asks for every required field of an empty draft', () => {
    expect(validatePatient(emptyDraft(), rules)).toEqual({
      givenName: { code: 'required' },
      familyName: { code: 'required' },
      birthDate: { code: 'required' },
      phone: { code: 'required' },
      patientType: { code: 'required' },
    });
  });

  it('accepts a complete draft and sends it trimmed, the phone in international form', () => {
    expect(validatePatient(filled, rules)).toEqual({});
    const details = toPatientDetails(filled, rules);
    expect(details).toEqual({
      givenName: 'Ana',
      familyName: 'López',
      birthDate: '1990-05-17',
      phone: '+1 615 555 0199',
      email: 'ana@example.com',
      reason: 'Cough',
      patientType: 'new',
    });
    expect(PatientDetails.safeParse(details).success).toBe(true);
    expect(toPatientDetails({ ...filled, email: ' ', reason: '' }, rules)).not.toHaveProperty('email');
  });

  it('explains malformed values, with the limit of a field too long', () => {
    expect(
      validatePatient(
        { ...filled, birthDate: '02/30/1990', phone: '---', email: 'ana@', reason: 'x'.repeat(1001) },
        rules,
      ),
    ).toEqual({
      birthDate: { code: 'noSuchDay', month: 2, day: 30, year: 1990 },
      phone: { code: 'notANumber', country: 'US' },
      email: { code: 'invalid' },
      reason: { code: 'tooLong', limit: 1000 },
    });
    expect(validatePatient({ ...filled, phone: '1234' }, rules)).toEqual({
      phone: { code: 'shortNumber', country: 'US' },
    });
    expect(validatePatient({ ...filled, givenName: 'a'.repeat(101) }, rules)).toEqual({
      givenName: { code: 'tooLong', limit: 100 },
    });
  });

  it('holds the patient type to what the visit type allows', () => {
    expect(validatePatient({ ...filled, patientType: 'existing' }, { ...rules, visitPatientType: 'new' })).toEqual({
      patientType: { code: 'onlyNew' },
    });
    expect(validatePatient(filled, { ...rules, visitPatientType: 'existing' })).toEqual({
      patientType: { code: 'onlyExisting' },
    });
  });

  it('asks for a way to reach the patient of a video visit', () => {
    expect(validatePatient({ ...filled, contact: false }, { ...rules, video: true })).toEqual({
      contact: { code: 'contactForVideo' },
    });
    expect(validatePatient(filled, { ...rules, video: true })).toEqual({});
  });

  it('books for a dependant in the patient’s own name, with who booked, and with insurance', () => {
    const draft: PatientDraft = { ...filled, forWhom: 'dependant', givenName: 'Leo', birthDate: '06/01/2019' };
    expect(validatePatient(draft, rules)).toEqual({
      bookerGivenName: { code: 'required' },
      bookerFamilyName: { code: 'required' },
      relationship: { code: 'required' },
    });
    const complete: PatientDraft = {
      ...draft,
      bookerGivenName: 'Ana',
      bookerFamilyName: 'López',
      relationship: 'parent',
      planId: 'bluecross-ppo',
    };
    expect(validatePatient(complete, rules)).toEqual({ memberId: { code: 'required' } });
    const details = toPatientDetails({ ...complete, memberId: ' XQZ123456 ' }, rules);
    expect(details).toMatchObject({
      givenName: 'Leo',
      birthDate: '2019-06-01',
      bookedBy: { givenName: 'Ana', familyName: 'López', relationship: 'parent' },
      insurance: { planId: 'bluecross-ppo', memberId: 'XQZ123456' },
    });
    expect(PatientDetails.safeParse(details).success).toBe(true);
  });
});
