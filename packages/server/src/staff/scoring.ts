import { createSurveyModel, type Questionnaire, type QuestionnaireItem, type SurveyNode } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';

/**
 * Which answers of which survey make a score, read from the clinic's Questionnaires: the NPS rating (0 to 10) of an
 * `nps` survey, the CSAT rating of a `csat` survey, the nine items of a PHQ-9 (known by their LOINC codes). The SQL
 * that aggregates feedback takes this as a parameter and reads the stored responses with `fd_answer_score`
 * (migrations/R__functions.sql).
 */
export type ScoreKind = 'nps' | 'csat' | 'phq9';

export interface ScoredItem {
  linkId: string;
  /** A coded answer's score by its code; integer and decimal answers score as themselves. */
  ordinals: Record<string, number>;
}

export interface SurveyScoring {
  surveyId: string;
  title: string;
  kind: ScoreKind;
  /** One item for NPS and CSAT; the nine questions, in order, for a PHQ-9. */
  items: ScoredItem[];
  /** The points of the scale with their labels (CSAT; PHQ-9 item 9's answers). */
  scale: { value: number; label: string }[];
}

const LOINC = 'http://loinc.org';
const PHQ9_PANEL = '44249-1';
/** PHQ-9 questions 1 to 9 (LOINC); the ninth asks about thoughts of being better off dead or of self-harm. */
export const PHQ9_ITEM_CODES = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
] as const;
/** The standard answers (LOINC LL358-3), for a PHQ-9 whose options carry no scores. */
const PHQ9_ANSWER_SCORES: Record<string, number> = { 'LA6568-5': 0, 'LA6569-3': 1, 'LA6570-1': 2, 'LA6571-9': 3 };

/** PHQ-9 severity bands of the total score (Kroenke, Spitzer and Williams, 2001). */
export const PHQ9_BANDS = [
  { band: 'minimal', min: 0, max: 4 },
  { band: 'mild', min: 5, max: 9 },
  { band: 'moderate', min: 10, max: 14 },
  { band: 'moderately-severe', min: 15, max: 19 },
  { band: 'severe', min: 20, max: 27 },
] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number]['band'];

function* walk(items: readonly QuestionnaireItem[] | undefined): Generator<QuestionnaireItem> {
  for (const item of items ?? []) {
    yield item;
    yield* walk(item.item);
  }
}

const hasLoinc = (codes: unknown, code: string) =>
  Array.isArray(codes) &&
  codes.some(
    (coding: { code?: unknown; system?: unknown }) =>
      coding.code === code && (coding.system === undefined || coding.system === LOINC),
  );

function scoredItem(node: SurveyNode, fallback: Record<string, number> = {}): ScoredItem {
  const ordinals: Record<string, number> = {};
  for (const option of node.options) {
    const code = 'valueCoding' in option.value ? option.value.valueCoding.code : undefined;
    const score = option.score ?? (code === undefined ? undefined : fallback[code]);
    if (code !== undefined && score !== undefined) ordinals[code] = score;
  }
  return { linkId: node.linkId, ordinals };
}

function scaleOf(node: SurveyNode, item: ScoredItem): { value: number; label: string }[] {
  return node.options.flatMap((option) => {
    const value =
      'valueInteger' in option.value
        ? option.value.valueInteger
        : 'valueCoding' in option.value && option.value.valueCoding.code !== undefined
          ? item.ordinals[option.value.valueCoding.code]
          : undefined;
    return value === undefined ? [] : [{ value, label: option.label }];
  });
}

const RATING_TYPES = new Set(['integer', 'decimal', 'choice', 'open-choice']);

/** How a survey is scored, or undefined when it is not an NPS, a CSAT or a PHQ-9 this server can score. */
export function scoringOf(
  surveyId: string,
  kind: string,
  title: string,
  questionnaire: Questionnaire,
): SurveyScoring | undefined {
  const model = createSurveyModel(questionnaire);
  const nodes = new Map(model.items.map((node) => [node.linkId, node]));
  const items = [...walk(questionnaire.item)];
  const phq9 = PHQ9_ITEM_CODES.map((code) => items.find((item) => hasLoinc(item.code, code)));
  if (hasLoinc(questionnaire.code, PHQ9_PANEL) || phq9.every(Boolean)) {
    const found = phq9.map((item) => item && nodes.get(item.linkId));
    if (!found.every(Boolean)) return undefined;
    const scored = found.map((node) => scoredItem(node!, PHQ9_ANSWER_SCORES));
    return { surveyId, title, kind: 'phq9', items: scored, scale: scaleOf(found[8]!, scored[8]!) };
  }
  if (kind !== 'nps' && kind !== 'csat') return undefined;
  const rating = model.items.find((node) => RATING_TYPES.has(node.type));
  if (!rating) return undefined;
  const item = scoredItem(rating);
  return { surveyId, title, kind, items: [item], scale: scaleOf(rating, item) };
}

/** Each coded option's label, by linkId and code: what a coded answer said, for exports. */
export function optionLabels(questionnaire: Questionnaire): Map<string, Map<string, string>> {
  const labels = new Map<string, Map<string, string>>();
  for (const node of createSurveyModel(questionnaire).items) {
    for (const option of node.options) {
      if (!('valueCoding' in option.value) || option.value.valueCoding.code === undefined) continue;
      const byCode = labels.get(node.linkId) ?? new Map<string, string>();
      byCode.set(option.value.valueCoding.code, option.label);
      labels.set(node.linkId, byCode);
    }
  }
  return labels;
}

/** The scoring of every survey of the clinic that has one. */
export async function clinicScoring(db: Queryable): Promise<SurveyScoring[]> {
  const rows = await db.query<{ id: string; kind: string; title: string; questionnaire: Questionnaire }>(
    'select id, kind, title, questionnaire from surveys order by position',
  );
  return rows.rows.flatMap((row) => scoringOf(row.id, row.kind, row.title, row.questionnaire) ?? []);
}

/** The one SQL parameter the feedback queries read: survey id → { kind, items }. */
export function scoringParameter(scorings: readonly SurveyScoring[]): string {
  return JSON.stringify(Object.fromEntries(scorings.map((s) => [s.surveyId, { kind: s.kind, items: s.items }])));
}

export function bandOf(total: number): Phq9Band {
  return PHQ9_BANDS.find((band) => total >= band.min && total <= band.max)?.band ?? 'severe';
}
