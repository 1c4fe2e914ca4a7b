import { surveyAnswersEqual } from './answer-equality.js';
import type { SurveyNode, SurveyScore } from './types.js';

/** Sums in floating point drift (0.1 + 0.2); scores are shown, so round away the noise. */
function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

type Scored = Pick<SurveyNode, 'key' | 'enabled' | 'unsupported' | 'repeats' | 'options' | 'answers'>;

/**
 * Scores of enabled, answered items from the ordinalValue / itemWeight of their chosen options: one sum for the
 * survey engine and the small model of simple forms alike. `items` are those a patient can answer.
 */
export function scoreSurveyItems(items: Iterable<Scored>): SurveyScore {
  const result: SurveyScore = { total: 0, byItem: {}, max: 0, scoredItems: 0, answeredItems: 0 };
  for (const view of items) {
    if (!view.enabled || view.unsupported) continue;
    const scores = view.options.map((o) => o.score).filter((s): s is number => s !== undefined);
    if (scores.length === 0) continue;
    result.scoredItems++;
    result.max += view.repeats ? scores.filter((s) => s > 0).reduce((a, b) => a + b, 0) : Math.max(...scores);
    let sum = 0;
    let matched = false;
    for (const answer of view.answers) {
      const score = view.options.find((o) => surveyAnswersEqual(o.value, answer))?.score;
      if (score === undefined) continue;
      sum += score;
      matched = true;
    }
    if (!matched) continue;
    result.answeredItems++;
    result.byItem[view.key] = tidy(sum);
    result.total += sum;
  }
  result.total = tidy(result.total);
  result.max = tidy(result.max);
  return result;
}
