import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from '../schemas/questionnaire.js';
import { type SurveyAnswer, surveyAnswerKind, surveyAnswerValue } from './answers.js';
import { questionnaireCanonical } from './canonical.js';
import type { NodeState } from './node-state.js';
import type { SurveyResponseOptions } from './types.js';
import { answerFitsItem } from './validation.js';

export { questionnaireCanonical };

export function copyAnswer(answer: SurveyAnswer): Record<string, unknown> {
  const kind = surveyAnswerKind(answer);
  const value = surveyAnswerValue(answer);
  return { [kind]: typeof value === 'object' && value !== null ? { ...value } : value };
}

/**
 * R4 shape: disabled, unsupported, display and unanswered items are left out; a group carries `item`, a question
 * carries `answer`, and a question's own children go under its (first) answer's `item`.
 */
function responseItems(states: readonly NodeState[]): QuestionnaireResponseItem[] {
  const out: QuestionnaireResponseItem[] = [];
  for (const state of states) {
    const { def, view } = state;
    if (!view.enabled || view.unsupported || def.type === 'display') continue;
    const base: QuestionnaireResponseItem = view.text
      ? { linkId: def.linkId, text: view.text }
      : { linkId: def.linkId };
    if (def.isGroup) {
      const item = responseItems(state.children);
      if (item.length > 0) out.push({ ...base, item });
      continue;
    }
    if (!def.answerable) continue;
    const answers = view.answers.filter((a) => answerFitsItem(def, a));
    if (answers.length === 0) continue;
    const answer: NonNullable<QuestionnaireResponseItem['answer']> = answers.map(copyAnswer);
    const children = responseItems(state.children);
    if (children.length > 0) answer[0]!.item = children;
    out.push({ ...base, answer });
  }
  return out;
}

export function buildResponse(
  questionnaire: Questionnaire | undefined,
  roots: readonly NodeState[],
  options: SurveyResponseOptions,
): QuestionnaireResponse {
  const authored =
    options.authored instanceof Date
      ? options.authored.toISOString()
      : typeof options.authored === 'string'
        ? options.authored
        : new Date().toISOString();
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    status: options.status === 'in-progress' ? 'in-progress' : 'completed',
    authored,
  };
  if (options.id !== undefined) response.id = options.id;
  const canonical = options.questionnaire ?? questionnaireCanonical(questionnaire);
  if (canonical !== undefined) response.questionnaire = canonical;
  const item = responseItems(roots);
  if (item.length > 0) response.item = item;
  return response;
}
