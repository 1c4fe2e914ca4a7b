import { describe, expect, it } from 'vitest';
import { emptyDraft, type PatientDraft, toPatientDetails, validatePatient } from './patient-form.js';

const today = '2026-03-02';
const filled: PatientDraft = {
  givenName: ' Ana ',
  familyName: 'López',
  birthDate: '1990-05-17',
  phone: '(615) 555-0199',
  email: 'ana@example.com',
  reason: ' Cough ',
  patientType: 'new',
  contact: true,
};

describe('patient form', () => {
  it('asks for every required field of an empty draft', () => {
    expect(validatePatient(emptyDraft(), { today })).toEqual({
      givenName: 'required',
      familyName: 'required',
      birthDate: 'required',
      phone: 'required',
      patientType: 'required',
    });
  });

  it('accepts a complete draft and trims what it sends', () => {
    expect(validatePatient(filled, { today })).toEqual({});
    expect(toPatientDetails(filled)).toEqual({
      givenName: 'Ana',
      familyName: 'López',
      birthDate: '1990-05-17',
      phone: '(615) 555-0199',
      email: 'ana@example.com',
      reason: 'Cough',
      patientType: 'new',
    });
    expect(toPatientDetails({ ...filled, email: ' ', reason: '' })).not.toHaveProperty('email');
  });

  it('explains malformed values', () => {
    expect(
      validatePatient(
        { ...filled, birthDate: '2026-02-30', phone: 'call me', email: 'ana@', reason: 'x'.repeat(1001) },
        { today },
      ),
    ).toEqual({ birthDate: 'invalid', phone: 'invalid', email: 'invalid', reason: 'tooLong' });
    expect(validatePatient({ ...filled, birthDate: '2026-03-03' }, { today })).toEqual({ birthDate: 'future' });
    expect(validatePatient({ ...filled, birthDate: today }, { today })).toEqual({});
    expect(validatePatient({ ...filled, birthDate: '1890-01-01' }, { today })).toEqual({ birthDate: 'tooOld' });
    expect(validatePatient({ ...filled, givenName: 'a'.repeat(201) }, { today })).toEqual({ givenName: 'tooLong' });
  });

  it('holds the patient type to what the visit type allows', () => {
    expect(validatePatient({ ...filled, patientType: 'existing' }, { today, visitPatientType: 'new' })).toEqual({
      patientType: 'onlyNew',
    });
    expect(validatePatient(filled, { today, visitPatientType: 'existing' })).toEqual({ patientType: 'onlyExisting' });
    expect(validatePatient(filled, { today, visitPatientType: 'any' })).toEqual({});
  });
});
