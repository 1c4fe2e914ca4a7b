import { isRecord, normalizeSurveyAnswer, type SurveyAnswer } from './answers.js';
import type { SurveyDraft } from './types.js';

/** Drafts come back from localStorage, where anything may have happened to them: bound what we accept. */
const MAX_KEYS = 20_000;
const MAX_INSTANCES = 1_000;

/** A draft with nothing entered yet, for the Questionnaire whose canonical is `questionnaire`. */
export function emptySurveyDraft(questionnaire: string | undefined): SurveyDraft {
  return { format: 'frontdesk-survey-draft', version: 1, questionnaire, instances: {}, answers: {}, invalidText: {} };
}

export function isSurveyDraft(value: unknown): boolean {
  return isRecord(value) && value.format === 'frontdesk-survey-draft';
}

/** A cleaned copy of a stored draft, or undefined when it is not one. Bad entries are dropped and counted. */
export function readSurveyDraft(value: unknown): { draft: SurveyDraft; dropped: number } | undefined {
  if (!isRecord(value) || value.format !== 'frontdesk-survey-draft' || value.version !== 1) return undefined;
  const { instances, answers, invalidText, questionnaire } = value;
  if (!isRecord(answers) || (instances !== undefined && !isRecord(instances))) return undefined;
  if (invalidText !== undefined && !isRecord(invalidText)) return undefined;
  let dropped = 0;
  const draft: SurveyDraft = {
    format: 'frontdesk-survey-draft',
    version: 1,
    questionnaire: typeof questionnaire === 'string' ? questionnaire : undefined,
    instances: {},
    answers: {},
    invalidText: {},
  };
  for (const [key, ids] of Object.entries(instances ?? {}).slice(0, MAX_KEYS)) {
    if (!Array.isArray(ids)) continue;
    const clean = [...new Set(ids.filter((id): id is number => Number.isInteger(id) && id > 0))].slice(
      0,
      MAX_INSTANCES,
    );
    if (clean.length > 0) draft.instances[key] = clean;
  }
  const answerEntries = Object.entries(answers);
  dropped += Math.max(0, answerEntries.length - MAX_KEYS);
  for (const [key, list] of answerEntries.slice(0, MAX_KEYS)) {
    if (!Array.isArray(list)) {
      dropped++;
      continue;
    }
    const clean = list.map(normalizeSurveyAnswer).filter((a): a is SurveyAnswer => a !== undefined);
    dropped += list.length - clean.length;
    draft.answers[key] = clean;
  }
  for (const [key, list] of Object.entries(invalidText ?? {}).slice(0, MAX_KEYS)) {
    if (Array.isArray(list)) draft.invalidText[key] = list.filter((t): t is string => typeof t === 'string');
  }
  return { draft, dropped };
}
