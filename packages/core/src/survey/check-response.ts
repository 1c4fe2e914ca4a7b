import type { Questionnaire } from '../schemas/questionnaire.js';
import { isFhirDateTime, isRecord } from './answers.js';
import { createSurveyModelImpl } from './model.js';
import { hasAnswerInSubtree, type NodeState, walkStates } from './node-state.js';
import type { SurveyResponseIssue, SurveyResponseIssueCode } from './restore.js';

const STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

export interface SurveyResponseCheck {
  valid: boolean;
  issues: SurveyResponseIssue[];
}

function issue(code: SurveyResponseIssueCode, message: string, path: string, linkId?: string): SurveyResponseIssue {
  return linkId === undefined ? { code, message, path } : { code, message, path, linkId };
}

/** R4: a required item must be present when its parent is present (or required too); the top level always is. */
function requiredMissing(state: NodeState): boolean {
  const { view, def } = state;
  // A required item that cannot be answered here still makes a `completed` response incomplete.
  if (!view.required || !view.enabled || def.type === 'display') return false;
  if (hasAnswerInSubtree(state)) return false;
  for (let p = state.parent; p; p = p.parent) {
    if (!p.view.required && !hasAnswerInSubtree(p)) return false;
  }
  return true;
}

function gatedByExpression(state: NodeState): boolean {
  for (let s: NodeState | undefined = state; s; s = s.parent) if (s.def.enableExpression) return true;
  return false;
}

function pointsAt(reference: string, questionnaire: Questionnaire): boolean {
  const { url, id } = questionnaire;
  const version = typeof questionnaire.version === 'string' ? questionnaire.version : undefined;
  if (url && reference === url) return true;
  if (url && reference.startsWith(`${url}|`)) return version === undefined || reference === `${url}|${version}`;
  return id !== undefined && (reference === `Questionnaire/${id}` || reference.endsWith(`/Questionnaire/${id}`));
}

/**
 * Checks a QuestionnaireResponse against its Questionnaire on the R4 rules a renderer must honour: resourceType and
 * status, linkIds that exist at the right place and in order, answers typed per item type (and on the option list),
 * no answers on groups or display items, no items that their enableWhen disables, and required items present when
 * the status is `completed`. Never throws.
 */
export function checkQuestionnaireResponse(
  response: unknown,
  questionnaire: Questionnaire,
  options: { questionnaire?: string | undefined } = {},
): SurveyResponseCheck {
  const issues: SurveyResponseIssue[] = [];
  const done = () => ({ valid: issues.length === 0, issues });
  try {
    const model = createSurveyModelImpl(questionnaire, options);
    if (!model.renderable) {
      const fatal = model.problems.find((p) => p.fatal);
      issues.push(
        issue('invalid-questionnaire', `the Questionnaire cannot be used: ${fatal?.message ?? 'invalid'}`, ''),
      );
      return done();
    }
    if (!isRecord(response) || response.resourceType !== 'QuestionnaireResponse') {
      issues.push(issue('not-a-response', 'resourceType must be "QuestionnaireResponse"', 'resourceType'));
      return done();
    }
    if (typeof response.status !== 'string' || !STATUSES.has(response.status)) {
      issues.push(
        issue(
          'invalid-status',
          'status must be one of in-progress, completed, amended, entered-in-error, stopped',
          'status',
        ),
      );
    }
    if (
      response.authored !== undefined &&
      (typeof response.authored !== 'string' || !isFhirDateTime(response.authored))
    ) {
      issues.push(issue('invalid-authored', 'authored must be a FHIR dateTime', 'authored'));
    }
    if (response.questionnaire !== undefined) {
      const reference = response.questionnaire;
      const known = model.questionnaire?.url !== undefined || model.questionnaire?.id !== undefined;
      const alias = options.questionnaire !== undefined && reference === options.questionnaire;
      if (typeof reference !== 'string' || (known && !alias && !pointsAt(reference, model.questionnaire!))) {
        issues.push(
          issue('questionnaire-mismatch', 'questionnaire does not refer to this Questionnaire', 'questionnaire'),
        );
      }
    }
    const placed = model.applyResponse(response, (found) => issues.push(found));
    for (const { state, path } of placed) {
      // Whether an enableWhenExpression holds needs the evaluator, which this synchronous check does not load.
      if (!state.view.enabled && !gatedByExpression(state)) {
        issues.push(
          issue(
            'disabled-item',
            `"${state.def.linkId}" is disabled by its enableWhen and must be left out`,
            path,
            state.def.linkId,
          ),
        );
      }
    }
    if (response.status === 'completed') {
      for (const state of walkStates(model.roots)) {
        if (requiredMissing(state)) {
          issues.push(
            issue(
              'required-missing',
              `required item "${state.def.linkId}" has no answer`,
              state.view.key,
              state.def.linkId,
            ),
          );
        }
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    issues.push(issue('invalid-item', `the response could not be checked (${detail})`, ''));
  }
  return done();
}
