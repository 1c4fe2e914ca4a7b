import { FrontdeskError } from '../../errors.js';
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '../../schemas/questionnaire.js';

const STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);
/** More items than any real survey; a bigger payload is broken or hostile. */
const MAX_ITEMS = 5_000;
const MAX_DEPTH = 20;

function invalid(field: string, problem: string): FrontdeskError {
  // Names the field and the problem only: answers are patient data and never go into a message.
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The questionnaire a response points at: its canonical URL (optionally `|version`), `Questionnaire/id` or id. */
export function findQuestionnaire(reference: string, surveys: readonly Questionnaire[]): Questionnaire | undefined {
  return surveys.find(
    (q) =>
      reference === q.url ||
      (q.url !== undefined && reference === `${q.url}|${String(q.version)}`) ||
      reference === `Questionnaire/${q.id}` ||
      reference === q.id,
  );
}

function collectLinkIds(items: readonly QuestionnaireItem[] | undefined, into = new Set<string>()): Set<string> {
  for (const item of items ?? []) {
    into.add(item.linkId);
    collectLinkIds(item.item, into);
  }
  return into;
}

/**
 * Check that `value` is a QuestionnaireResponse for one of `surveys`, the way a FHIR server would before storing it:
 * the right resource type and status, a known questionnaire, and items that name that questionnaire's linkIds with
 * answers carrying exactly one `value[x]` each. Throws `invalid-input` naming the first offending field.
 */
export function checkSurveyResponse(
  value: unknown,
  surveys: readonly Questionnaire[],
): { response: QuestionnaireResponse; questionnaire: Questionnaire } {
  if (!isRecord(value)) throw invalid('response', 'expected a QuestionnaireResponse object');
  if (value.resourceType !== 'QuestionnaireResponse')
    throw invalid('response.resourceType', 'expected QuestionnaireResponse');
  if (typeof value.status !== 'string' || !STATUSES.has(value.status))
    throw invalid('response.status', 'not a valid status');
  if (typeof value.questionnaire !== 'string') throw invalid('response.questionnaire', 'missing');
  const questionnaire = findQuestionnaire(value.questionnaire, surveys);
  if (!questionnaire) throw invalid('response.questionnaire', 'not a known questionnaire');
  if (
    value.authored !== undefined &&
    (typeof value.authored !== 'string' || Number.isNaN(Date.parse(value.authored)))
  ) {
    throw invalid('response.authored', 'not a date and time');
  }

  const linkIds = collectLinkIds(questionnaire.item);
  let count = 0;
  const checkItems = (items: unknown, path: string, depth: number): void => {
    if (items === undefined) return;
    if (!Array.isArray(items)) throw invalid(path, 'expected an array');
    if (depth > MAX_DEPTH) throw invalid(path, 'nested too deeply');
    items.forEach((item: unknown, index) => {
      const at = `${path}[${index}]`;
      if (++count > MAX_ITEMS) throw invalid(at, 'too many items');
      if (!isRecord(item)) throw invalid(at, 'expected an object');
      if (typeof item.linkId !== 'string' || !linkIds.has(item.linkId)) {
        throw invalid(`${at}.linkId`, 'not an item of this questionnaire');
      }
      if (item.answer !== undefined) {
        if (!Array.isArray(item.answer)) throw invalid(`${at}.answer`, 'expected an array');
        item.answer.forEach((answer: unknown, answerIndex) => {
          const answerAt = `${at}.answer[${answerIndex}]`;
          if (!isRecord(answer)) throw invalid(answerAt, 'expected an object');
          const values = Object.keys(answer).filter((key) => key.startsWith('value'));
          if (values.length !== 1) throw invalid(answerAt, 'expected exactly one value[x]');
          checkItems(answer.item, `${answerAt}.item`, depth + 1);
        });
      }
      checkItems(item.item, `${at}.item`, depth + 1);
    });
  };
  checkItems(value.item, 'response.item', 0);
  return { response: value as unknown as QuestionnaireResponse, questionnaire };
}
