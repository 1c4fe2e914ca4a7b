import type { Location, VisitType } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { bookingStringsEn as t } from './booking-strings.js';
import { appointmentRows, locationText, patientRows, safeWebUrl } from './booking-summaries.js';
import type { Setup } from './loaders.js';
import { emptyDraft, toPatientDetails } from './patient-form.js';

const location: Location = {
  id: 'midtown',
  name: 'Midtown Clinic',
  address: { lines: ['2100 West End Avenue', 'Suite 400'], city: 'Nashville', state: 'TN', postalCode: '37203' },
  timeZone: 'America/Chicago',
};
const setup = {
  provider: { id: 'p', displayName: 'Dr. Ana Ruiz', credentials: ['MD'] },
  locations: [location],
  clinicZone: 'America/Chicago',
} as unknown as Setup;
const visit = (modality: VisitType['modality']) => ({ id: 'v', name: 'Check-up', modality }) as VisitType;
const entry = {
  slot: {
    id: 's',
    start: '2026-03-09T14:30:00-05:00',
    end: '2026-03-09T15:00:00-05:00',
    locationId: 'midtown',
    visitTypeIds: [],
    status: 'free' as const,
  },
  startMs: Date.parse('2026-03-09T14:30:00-05:00'),
  endMs: Date.parse('2026-03-09T15:00:00-05:00'),
};

describe('booking summaries', () => {
  it('let only http(s) links through', () => {
    expect(safeWebUrl('https://clinic.example/a?b=1')).toBe('https://clinic.example/a?b=1');
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('data:text/html,hi')).toBeUndefined();
    expect(safeWebUrl('not a url')).toBeUndefined();
  });

  it('write an address on one line', () => {
    expect(locationText(location)).toBe('Midtown Clinic, 2100 West End Avenue, Suite 400, Nashville, TN 37203');
    expect(locationText({ ...location, address: undefined })).toBe('Midtown Clinic');
  });

  it('describe the appointment in the zone shown, and a video visit as such', () => {
    const context = { t, lang: 'en-US', zone: 'America/Los_Angeles', setup, visitType: visit('in-person') };
    expect(appointmentRows(context, entry)).toEqual([
      ['When', 'Monday, March 9, 2026, 12:30 PM PDT'],
      ['Provider', 'Dr. Ana Ruiz, MD'],
      ['Visit type', 'Check-up'],
      ['Where', 'Midtown Clinic, 2100 West End Avenue, Suite 400, Nashville, TN 37203'],
    ]);
    expect(appointmentRows({ ...context, visitType: visit('telehealth') }, entry).at(-1)).toEqual([
      'Where',
      'Video visit',
    ]);
  });

  it('list what will be sent about the patient, leaving out empty optional fields', () => {
    const rules = { today: '2026-03-02', lang: 'en-US', country: 'US' as const };
    const draft = {
      ...emptyDraft(),
      givenName: ' Ana ',
      familyName: 'López',
      birthDate: '05/17/1990',
      phone: '615 555 0199',
      patientType: 'existing' as const,
    };
    expect(patientRows(t, rules, toPatientDetails(draft, rules), draft, undefined)).toEqual([
      ['Patient', 'Ana López'],
      ['Date of birth', 'May 17, 1990'],
      ['Phone', '+1 615 555 0199'],
      ['Patient status', 'Existing patient'],
    ]);
    const forChild = {
      ...draft,
      forWhom: 'dependant' as const,
      givenName: 'Leo',
      bookerGivenName: 'Ana',
      bookerFamilyName: 'López',
      relationship: 'parent' as const,
      planId: 'plan-1',
      memberId: 'M123',
    };
    const plans = [{ id: 'plan-1', name: 'Blue Shield PPO' }];
    expect(patientRows(t, rules, toPatientDetails(forChild, rules), forChild, plans)).toEqual([
      ['Patient', 'Leo López'],
      ['Date of birth', 'May 17, 1990'],
      ['Booked by', 'Ana López (parent)'],
      ['Phone', '+1 615 555 0199'],
      ['Patient status', 'Existing patient'],
      ['Insurance', 'Blue Shield PPO'],
      ['Member ID', 'M123'],
    ]);
  });
});
