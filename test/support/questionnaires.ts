// Questionnaire items for tests, Node and browser alike: the SDC extensions a form sets on an item, by what they do.
import { SURVEY_EXTENSION_URLS as URLS } from '@frontdesk/core';

/** The itemControl extension: `slider`, `radio-button`, `lower`, `upper`, ... */
export const control = (code: string) => ({
  url: URLS.itemControl,
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] },
});

/** An integer item's extensions that make it a slider from `min` to `max`. */
export const slider = (min: number, max: number) => [
  control('slider'),
  { url: URLS.minValue, valueInteger: min },
  { url: URLS.maxValue, valueInteger: max },
];
