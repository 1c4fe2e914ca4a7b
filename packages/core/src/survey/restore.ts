import type { ItemDef, QuestionnaireAnalysis } from './analyze.js';
import { isRecord, readFhirValue, type SurveyAnswer, surveyAnswerKind } from './answers.js';
import type { NodeState } from './node-state.js';
import { answerFitsItem } from './validation.js';

export type SurveyResponseIssueCode =
  | 'invalid-questionnaire'
  | 'not-a-response'
  | 'invalid-status'
  | 'invalid-authored'
  | 'questionnaire-mismatch'
  | 'invalid-item'
  | 'unknown-link-id'
  | 'wrong-nesting'
  | 'out-of-order'
  | 'repeated-item'
  | 'answer-on-group'
  | 'answer-on-display'
  | 'item-on-question'
  | 'invalid-answer'
  | 'answer-type'
  | 'answer-not-in-options'
  | 'too-many-answers'
  | 'disabled-item'
  | 'required-missing';

export interface SurveyResponseIssue {
  code: SurveyResponseIssueCode;
  /** Developer-readable; never contains answer values. */
  message: string;
  /** `item[0].answer[0].item[1]`, or a node key for required items that are missing. */
  path: string;
  linkId?: string;
}

/** What the walker needs from the model: find (or create) the instance an incoming item belongs to. */
export interface ResponseTarget {
  readonly analysis: QuestionnaireAnalysis;
  instanceOf(def: ItemDef, parent: NodeState | undefined, occurrence: number): NodeState | undefined;
  setRestoredAnswers(state: NodeState, answers: SurveyAnswer[]): void;
}

export type IssueSink = (issue: SurveyResponseIssue) => void;

function issue(code: SurveyResponseIssueCode, message: string, path: string, linkId?: string): SurveyResponseIssue {
  return linkId === undefined ? { code, message, path } : { code, message, path, linkId };
}

const READ_FAILURES = {
  missing: 'answer has no value[x]',
  several: 'answer has more than one value[x]',
  'unsupported-kind': 'answer value type is not supported',
  malformed: 'answer value is malformed',
} as const;

/**
 * Walks `QuestionnaireResponse.item` against the questionnaire, reporting every R4 rule it breaks, and places the
 * answers that fit onto the model's instances (repeating group instances are created as they appear).
 */
export function applyResponseItems(
  target: ResponseTarget,
  rawItems: unknown,
  parent: NodeState | undefined,
  path: string,
  report: IssueSink,
  placed: Array<{ state: NodeState; path: string }>,
): void {
  if (!Array.isArray(rawItems) || rawItems.length === 0) {
    report(issue('invalid-item', 'item must be a non-empty array', path));
    return;
  }
  const occurrences = new Map<ItemDef, number>();
  let last: ItemDef | undefined;
  rawItems.forEach((raw, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(raw) || typeof raw.linkId !== 'string') {
      report(issue('invalid-item', 'item has no linkId', at));
      return;
    }
    const { linkId } = raw;
    const def = target.analysis.byLinkId.get(linkId);
    if (!def) {
      report(issue('unknown-link-id', `linkId "${linkId}" is not in the Questionnaire`, at, linkId));
      return;
    }
    if (def.parent !== parent?.def) {
      const where = parent ? `under "${parent.def.linkId}"` : 'at the top level';
      report(issue('wrong-nesting', `"${linkId}" does not belong ${where}`, at, linkId));
      return;
    }
    if (def.isLabel || def.type === 'display') {
      if (raw.answer !== undefined)
        report(issue('answer-on-display', 'a display item cannot have answers', at, linkId));
      return;
    }
    if (last && def.order < last.order) {
      report(issue('out-of-order', `"${linkId}" comes before "${last.linkId}" in the Questionnaire`, at, linkId));
    } else if (def === last && !def.isRepeatingGroup) {
      report(
        issue('repeated-item', `"${linkId}" does not repeat; use several answers or a repeating group`, at, linkId),
      );
    }
    last = def;
    const occurrence = occurrences.get(def) ?? 0;
    occurrences.set(def, occurrence + 1);
    const state = target.instanceOf(def, parent, occurrence);
    if (!state) return;
    placed.push({ state, path: at });
    if (def.isGroup) {
      if (raw.answer !== undefined) report(issue('answer-on-group', 'a group cannot have answers', at, linkId));
      if (raw.item !== undefined) applyResponseItems(target, raw.item, state, `${at}.item`, report, placed);
      return;
    }
    if (raw.item !== undefined) {
      report(issue('item-on-question', "a question's nested items belong under answer.item", at, linkId));
      applyResponseItems(target, raw.item, state, `${at}.item`, report, placed);
    }
    if (raw.answer === undefined) return;
    if (!Array.isArray(raw.answer) || raw.answer.length === 0) {
      report(issue('invalid-answer', 'answer must be a non-empty array', at, linkId));
      return;
    }
    if (!def.view.repeats && raw.answer.length > 1) {
      report(issue('too-many-answers', `"${linkId}" does not repeat but has ${raw.answer.length} answers`, at, linkId));
    }
    const answers: SurveyAnswer[] = [];
    raw.answer.forEach((rawAnswer: unknown, j: number) => {
      const answerPath = `${at}.answer[${j}]`;
      if (def.answerable) {
        const read = readFhirValue(rawAnswer);
        if (!read.ok) report(issue('invalid-answer', READ_FAILURES[read.reason], answerPath, linkId));
        else if (!def.allowedKinds.includes(surveyAnswerKind(read.answer))) {
          const kind = surveyAnswerKind(read.answer);
          report(issue('answer-type', `${kind} does not fit a ${def.type} item`, answerPath, linkId));
        } else if (!answerFitsItem(def, read.answer)) {
          report(issue('answer-not-in-options', 'answer is not one of the listed options', answerPath, linkId));
        } else answers.push(read.answer);
      }
      if (isRecord(rawAnswer) && rawAnswer.item !== undefined) {
        applyResponseItems(target, rawAnswer.item, state, `${answerPath}.item`, report, placed);
      }
    });
    if (def.answerable) target.setRestoredAnswers(state, def.view.repeats ? answers : answers.slice(0, 1));
  });
}
