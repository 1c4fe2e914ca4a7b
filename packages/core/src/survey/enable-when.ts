import type { EnableOperator } from './analyze.js';
import { compareSurveyAnswers, type SurveyAnswer, surveyAnswersEqual } from './answers.js';

function equalForCondition(answer: SurveyAnswer, expected: SurveyAnswer): boolean {
  return compareSurveyAnswers(answer, expected) === 0 || surveyAnswersEqual(answer, expected);
}

/**
 * One enableWhen condition against the answers of its question (only enabled instances' answers count; a disabled
 * question counts as unanswered). R4 semantics: `=` and the orderings hold when at least one answer satisfies them,
 * `!=` when no answer equals the expected value (so it also holds while the question is unanswered), `exists` compares
 * "has an answer" with answerBoolean. A malformed condition is never met.
 */
export function enableWhenMet(
  operator: EnableOperator,
  expected: SurveyAnswer | undefined,
  answers: readonly SurveyAnswer[],
): boolean {
  if (!expected) return false;
  switch (operator) {
    case 'exists':
      return 'valueBoolean' in expected && answers.length > 0 === expected.valueBoolean;
    case '=':
      return answers.some((a) => equalForCondition(a, expected));
    case '!=':
      return !answers.some((a) => equalForCondition(a, expected));
    default:
      return answers.some((a) => {
        const order = compareSurveyAnswers(a, expected);
        if (order === undefined) return false;
        if (operator === '>') return order > 0;
        if (operator === '<') return order < 0;
        if (operator === '>=') return order >= 0;
        return order <= 0;
      });
  }
}
