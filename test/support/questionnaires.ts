// Questionnaire items for tests, Node and browser alike: the SDC extensions a form sets on an item, by what they do.
import { type Questionnaire, type QuestionnaireItem, SURVEY_EXTENSION_URLS as URLS } from '@frontdesk/core';

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

/** The calculatedExpression extension: the item's value worked out from a FHIRPath expression. */
export const calculated = (expression: string) => ({
  url: URLS.calculatedExpression,
  valueExpression: { language: 'text/fhirpath', expression },
});

/** An active Questionnaire of `item`, its id `form` unless `extra` says otherwise. */
export const form = (item: QuestionnaireItem[], extra: Partial<Questionnaire> = {}): Questionnaire => ({
  resourceType: 'Questionnaire',
  id: 'form',
  status: 'active',
  item,
  ...extra,
});
