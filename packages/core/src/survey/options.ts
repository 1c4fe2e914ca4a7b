import type { Questionnaire, QuestionnaireItem } from '../schemas/questionnaire.js';
import { isRecord, makeSurveyAnswer, readFhirValue, type SurveyAnswer, type SurveyAnswerKind } from './answers.js';
import { extensionString, SURVEY_EXTENSION_URLS, scoreOf } from './extensions.js';

/** One choice a patient can pick. */
export interface SurveyOption {
  /** Stable within its item: the option's position in the list. */
  id: string;
  /** Plain text to show. */
  label: string;
  /** From `questionnaire-optionPrefix` ("a)", "1."): shown before the label. */
  prefix?: string | undefined;
  /** The answer recorded when this option is chosen. */
  value: SurveyAnswer;
  /** From ordinalValue or itemWeight, when the option carries one. */
  score: number | undefined;
  initialSelected: boolean;
}

function labelOf(answer: SurveyAnswer): string {
  if ('valueCoding' in answer) return answer.valueCoding.display ?? answer.valueCoding.code ?? '';
  const value = Object.values(answer)[0];
  return String(value);
}

/** The option a patient named by typing its label or its code, case and surrounding spaces aside. */
export function optionNamed<O extends Pick<SurveyOption, 'label' | 'value'>>(
  options: readonly O[],
  text: string,
): O | undefined {
  const wanted = text.trim().toLowerCase();
  return options.find(
    (o) =>
      o.label.trim().toLowerCase() === wanted ||
      ('valueCoding' in o.value && o.value.valueCoding.code?.toLowerCase() === wanted),
  );
}

export function makeOption(
  index: number,
  value: SurveyAnswer,
  score: number | undefined,
  selected = false,
  prefix?: string,
) {
  const option: SurveyOption = { id: String(index), label: labelOf(value), value, score, initialSelected: selected };
  if (prefix) option.prefix = prefix;
  return option;
}

export interface AnswerOptionsRead {
  options: SurveyOption[];
  /** Indexes of options whose value is missing, malformed or of a kind the item type cannot take. */
  bad: Array<{ index: number; kind: string | undefined }>;
}

export function readAnswerOptions(item: QuestionnaireItem, allowed: readonly SurveyAnswerKind[]): AnswerOptionsRead {
  const options: SurveyOption[] = [];
  const bad: AnswerOptionsRead['bad'] = [];
  (item.answerOption ?? []).forEach((raw, index) => {
    const read = readFhirValue(raw);
    if (!read.ok) {
      bad.push({ index, kind: read.kind });
      return;
    }
    const kind = Object.keys(read.answer)[0] as SurveyAnswerKind;
    if (!allowed.includes(kind)) {
      bad.push({ index, kind });
      return;
    }
    const prefix = extensionString(raw, SURVEY_EXTENSION_URLS.optionPrefix);
    options.push(
      makeOption(options.length, read.answer, scoreOf(raw, raw.valueCoding), raw.initialSelected === true, prefix),
    );
  });
  return { options, bad };
}

export type ValueSetResolution =
  | { ok: true; options: SurveyOption[] }
  | { ok: false; reason: 'external' | 'not-found' | 'not-expanded' | 'empty' };

const MAX_EXPANSION_DEPTH = 10;

/** A ValueSet entry as an option (none when its coding is unreadable), scored by the extensions of `scored`. */
function addCodedOption(out: SurveyOption[], coding: unknown, scored: unknown): void {
  const answer = makeSurveyAnswer('valueCoding', coding);
  if (answer) out.push(makeOption(out.length, answer, scoreOf(scored)));
}

function collectContains(list: unknown, depth: number, out: SurveyOption[]): void {
  if (!Array.isArray(list) || depth > MAX_EXPANSION_DEPTH) return;
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    if (entry.abstract !== true && entry.inactive !== true) addCodedOption(out, entry, entry);
    collectContains(entry.contains, depth + 1, out);
  }
}

/** `compose.include[].concept` lists are an enumeration we can use as is; filters need a terminology server. */
function collectCompose(compose: unknown, out: SurveyOption[]): boolean {
  if (!isRecord(compose) || !Array.isArray(compose.include)) return false;
  for (const include of compose.include) {
    if (!isRecord(include) || include.filter !== undefined || include.valueSet !== undefined) return false;
    if (!Array.isArray(include.concept)) return false;
    for (const concept of include.concept) {
      if (!isRecord(concept)) continue;
      const coding = { system: include.system, version: include.version, code: concept.code, display: concept.display };
      addCodedOption(out, coding, concept);
    }
  }
  return true;
}

/**
 * Options for `answerValueSet`: a contained ValueSet (`#id`, or a contained one whose `url` matches) with an
 * expansion or an enumerated compose. Anything else needs a terminology server, which a clinic page does not have.
 */
export function resolveAnswerValueSet(questionnaire: Questionnaire, reference: string): ValueSetResolution {
  const contained = (questionnaire.contained ?? []).filter(
    (r): r is Record<string, unknown> & { resourceType: string } => r.resourceType === 'ValueSet',
  );
  const valueSet = reference.startsWith('#')
    ? contained.find((r) => r.id === reference.slice(1))
    : contained.find((r) => typeof r.url === 'string' && (r.url === reference || reference.startsWith(`${r.url}|`)));
  if (!valueSet) return { ok: false, reason: reference.startsWith('#') ? 'not-found' : 'external' };
  const options: SurveyOption[] = [];
  const expansion = valueSet.expansion;
  if (isRecord(expansion) && Array.isArray(expansion.contains)) collectContains(expansion.contains, 0, options);
  else if (!collectCompose(valueSet.compose, options)) return { ok: false, reason: 'not-expanded' };
  return options.length > 0 ? { ok: true, options } : { ok: false, reason: 'empty' };
}
