import type { FhirCoding } from '../schemas/questionnaire.js';
import type { SurveyAnswer, SurveyAttachment, SurveyQuantity } from './answers.js';

// What an answer is and when two answers are the same: apart from the rest of answers.ts because the survey widget's
// small path for simple forms needs only this, and a page should not download the engine's parsers to compare answers.

export const SURVEY_ANSWER_KINDS = [
  'valueBoolean',
  'valueDecimal',
  'valueInteger',
  'valueDate',
  'valueDateTime',
  'valueTime',
  'valueString',
  'valueUri',
  'valueCoding',
  'valueQuantity',
  'valueAttachment',
] as const;
export type SurveyAnswerKind = (typeof SURVEY_ANSWER_KINDS)[number];

export function surveyAnswerKind(answer: SurveyAnswer): SurveyAnswerKind {
  for (const kind of SURVEY_ANSWER_KINDS) if (kind in answer) return kind;
  /* c8 ignore next */
  return 'valueString';
}

export function surveyAnswerValue(answer: SurveyAnswer): unknown {
  return (answer as Record<string, unknown>)[surveyAnswerKind(answer)];
}

function codingsEqual(a: FhirCoding, b: FhirCoding): boolean {
  if (a.code !== undefined || b.code !== undefined) {
    if (a.code !== b.code) return false;
    // A coding without a system matches on code alone: hand-written enableWhen answers often omit it.
    return a.system === undefined || b.system === undefined || a.system === b.system;
  }
  return a.display === b.display;
}

export function unitsCompatible(a: SurveyQuantity, b: SurveyQuantity): boolean {
  if (a.code !== undefined && b.code !== undefined) return a.code === b.code && (a.system ?? '') === (b.system ?? '');
  const ua = a.code ?? a.unit;
  const ub = b.code ?? b.unit;
  return ua === undefined || ub === undefined || ua === ub;
}

/** Same kind and same value (codings by system and code, quantities by value and unit). */
export function surveyAnswersEqual(a: SurveyAnswer, b: SurveyAnswer): boolean {
  const kind = surveyAnswerKind(a);
  if (kind !== surveyAnswerKind(b)) return false;
  const va = surveyAnswerValue(a);
  const vb = surveyAnswerValue(b);
  if (kind === 'valueCoding') return codingsEqual(va as FhirCoding, vb as FhirCoding);
  if (kind === 'valueAttachment') return (va as SurveyAttachment).data === (vb as SurveyAttachment).data;
  if (kind === 'valueQuantity') {
    const qa = va as SurveyQuantity;
    const qb = vb as SurveyQuantity;
    return qa.value === qb.value && unitsCompatible(qa, qb);
  }
  return va === vb;
}
