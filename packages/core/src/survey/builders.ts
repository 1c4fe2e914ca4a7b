import { FrontdeskError } from '../errors.js';
import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import { ITEM_CONTROL_SYSTEM, SURVEY_EXTENSION_URLS as URLS } from './extensions.js';

/** Options every built questionnaire shares. Texts default to English; pass your own to localize. */
export interface SurveyBuilderOptions {
  id?: string;
  url?: string;
  title?: string;
  status?: Questionnaire['status'];
  /** Require an answer to the scale question(s). Default true. */
  required?: boolean;
  /** Labels under the two ends of the scale. */
  lowLabel?: string;
  highLabel?: string;
  /** Add an optional free-text comment after the scale: `true` for the default wording, or your own. */
  comment?: boolean | { text?: string; linkId?: string; maxLength?: number; required?: boolean };
}

export interface NpsQuestionnaireOptions extends SurveyBuilderOptions {
  question?: string;
  linkId?: string;
  /** A row of 11 radio buttons (default) or a slider. */
  control?: 'radio-button' | 'slider';
}

export interface CsatQuestionnaireOptions extends SurveyBuilderOptions {
  question?: string;
  linkId?: string;
  /** One label per point, lowest first. Default five points from "Very dissatisfied" to "Very satisfied". */
  labels?: readonly string[];
}

export interface LikertQuestionnaireOptions extends SurveyBuilderOptions {
  /** The statements rated on the scale, in order. */
  statements: ReadonlyArray<string | { text: string; linkId?: string }>;
  /** One label per point, lowest first. Default five points from "Strongly disagree" to "Strongly agree". */
  labels?: readonly string[];
  /** Text shown above the statements. */
  instructions?: string;
  linkId?: string;
}

const DEFAULT_CSAT = [
  'Very dissatisfied',
  'Dissatisfied',
  'Neither satisfied nor dissatisfied',
  'Satisfied',
  'Very satisfied',
];
const DEFAULT_LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

function itemControl(code: string) {
  return {
    url: URLS.itemControl,
    valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code }] },
  };
}

const horizontal = { url: URLS.choiceOrientation, valueCode: 'horizontal' };

function ordinal(value: number) {
  return { url: URLS.ordinalValue, valueDecimal: value };
}

/** `lower` / `upper` display children: the SDC way to label the ends of a scale. */
function endLabels(linkId: string, options: SurveyBuilderOptions): QuestionnaireItem[] {
  const ends = [
    ['lower', options.lowLabel],
    ['upper', options.highLabel],
  ] as const;
  return ends.flatMap(([end, text]): QuestionnaireItem[] =>
    text ? [{ linkId: `${linkId}-${end}`, type: 'display', text, extension: [itemControl(end)] }] : [],
  );
}

function commentItem(options: SurveyBuilderOptions, defaultText: string): QuestionnaireItem[] {
  if (!options.comment) return [];
  const custom = options.comment === true ? {} : options.comment;
  return [
    {
      linkId: custom.linkId ?? 'comment',
      type: 'text',
      text: custom.text ?? defaultText,
      required: custom.required === true,
      maxLength: custom.maxLength ?? 2000,
    },
  ];
}

function scaleOptions(labels: readonly string[]) {
  return labels.map((display, i) => ({
    valueCoding: { code: String(i + 1), display, extension: [ordinal(i + 1)] },
  }));
}

function checkLabels(labels: readonly string[], what: string): void {
  if (labels.length < 2 || labels.some((l) => typeof l !== 'string' || l.trim() === '')) {
    throw new FrontdeskError('invalid-input', `${what}: labels need at least two non-empty texts`, { field: 'labels' });
  }
}

/** One required-by-default question on a horizontal scale, its end labels (if any) shown under it. */
function scaleItem(
  linkId: string,
  text: string,
  answerOption: QuestionnaireItem['answerOption'],
  options: SurveyBuilderOptions,
  control = 'radio-button',
): QuestionnaireItem {
  const item: QuestionnaireItem = {
    linkId,
    type: 'choice',
    text,
    required: options.required ?? true,
    extension: [itemControl(control), horizontal],
    answerOption,
  };
  const ends = endLabels(linkId, options);
  if (ends.length > 0) item.item = ends;
  return item;
}

function questionnaire(
  options: SurveyBuilderOptions,
  defaults: { id: string; title: string },
  item: QuestionnaireItem[],
) {
  const linkIds = new Set<string>();
  const check = (items: QuestionnaireItem[]) => {
    for (const i of items) {
      if (linkIds.has(i.linkId)) {
        throw new FrontdeskError('invalid-input', `duplicate linkId "${i.linkId}"`, { field: 'linkId' });
      }
      linkIds.add(i.linkId);
      check(i.item ?? []);
    }
  };
  check(item);
  const result: Questionnaire = {
    resourceType: 'Questionnaire',
    id: options.id ?? defaults.id,
    status: options.status ?? 'active',
    title: options.title ?? defaults.title,
    item,
  };
  if (options.url) result.url = options.url;
  return result;
}

/**
 * Net Promoter Score: "How likely are you to recommend...?" from 0 to 10, as integer options whose ordinalValue is
 * the score, so `model.score()` gives the rating.
 */
export function buildNpsQuestionnaire(options: NpsQuestionnaireOptions = {}): Questionnaire {
  const linkId = options.linkId ?? 'nps';
  const scale = scaleItem(
    linkId,
    options.question ?? 'How likely are you to recommend us to a friend or family member?',
    Array.from({ length: 11 }, (_, n) => ({ valueInteger: n, extension: [ordinal(n)] })),
    { lowLabel: 'Not at all likely', highLabel: 'Extremely likely', ...options },
    options.control,
  );
  return questionnaire(options, { id: 'nps', title: 'Net Promoter Score' }, [
    scale,
    ...commentItem(options, 'What is the main reason for your score?'),
  ]);
}

/** Customer satisfaction: one question on a labelled scale (five points by default) scored 1..n. */
export function buildCsatQuestionnaire(options: CsatQuestionnaireOptions = {}): Questionnaire {
  const labels = options.labels ?? DEFAULT_CSAT;
  checkLabels(labels, 'buildCsatQuestionnaire');
  const linkId = options.linkId ?? 'csat';
  const scale = scaleItem(
    linkId,
    options.question ?? 'How satisfied were you with your visit?',
    scaleOptions(labels),
    options,
  );
  return questionnaire(options, { id: 'csat', title: 'Customer satisfaction' }, [
    scale,
    ...commentItem(options, 'Is there anything we could do better?'),
  ]);
}

/** Likert: statements rated on one shared agreement scale, in a group, each scored 1..n. */
export function buildLikertQuestionnaire(options: LikertQuestionnaireOptions): Questionnaire {
  const statements = options?.statements;
  if (!Array.isArray(statements) || statements.length === 0) {
    throw new FrontdeskError('invalid-input', 'buildLikertQuestionnaire: statements must be a non-empty array', {
      field: 'statements',
    });
  }
  const labels = options.labels ?? DEFAULT_LIKERT;
  checkLabels(labels, 'buildLikertQuestionnaire');
  const groupId = options.linkId ?? 'likert';
  const items: QuestionnaireItem[] = statements.map((statement, i) => {
    const { text, linkId } = typeof statement === 'string' ? { text: statement, linkId: undefined } : statement;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new FrontdeskError('invalid-input', `buildLikertQuestionnaire: statement ${i} has no text`, {
        field: `statements[${i}]`,
      });
    }
    return scaleItem(linkId ?? `${groupId}-${i + 1}`, text, scaleOptions(labels), options);
  });
  const group: QuestionnaireItem = { linkId: groupId, type: 'group', item: items };
  if (options.instructions) group.text = options.instructions;
  return questionnaire(options, { id: 'likert', title: 'Your experience' }, [
    group,
    ...commentItem(options, 'Anything else you would like to tell us?'),
  ]);
}
