import type { CountryCode } from 'libphonenumber-js/core';
import type { Model } from './model.js';
import type { PatientRules } from './patient-form.js';
import { phoneCountry } from './phone.js';
import { ZoneClock } from './zone-clock.js';

/** What the patient's details are checked against for the visit type the times are for. */
export function patientRules(model: Model, lang: string): PatientRules {
  const { setup } = model;
  const countries = [setup.location, ...setup.locations].map((location) => location?.address?.country);
  return {
    // The clinic's today, so a birth date of "today" is accepted on every side of the date line.
    today: new ZoneClock(setup.clinicZone).wallTime(Date.now()).day,
    lang,
    country: phoneCountry(countries) satisfies CountryCode,
    visitPatientType: model.visitType?.patientType,
    video: model.visitType?.modality === 'telehealth',
  };
}
