import { type SurveyNode, type SurveyOption, surveyAnswersEqual } from '@frontdesk/core';

/** Slider positions shown as a row of choices instead: a scale as short as NPS (0 to 10) is chosen, not dragged. */
export const SCALE_POSITIONS = 11;

/** The whole numbers of an integer slider short enough to show as a row of choices; undefined for a longer one. */
function scalePoints(node: SurveyNode): SurveyOption[] | undefined {
  const { min, max } = node;
  const step = node.step ?? 1;
  if (node.type !== 'integer' || typeof min !== 'number' || typeof max !== 'number' || !Number.isInteger(step)) return;
  if (!Number.isInteger(min) || max < min || (max - min) / step >= SCALE_POSITIONS) return undefined;
  const points: SurveyOption[] = [];
  for (let n = min; n <= max; n += step) {
    points.push({
      id: String(n),
      label: String(n),
      value: { valueInteger: n },
      score: undefined,
      initialSelected: false,
    });
  }
  return points;
}

/**
 * A question's options: its answer options, or the points of a short integer slider (drawn as a row of choices, so
 * no position is chosen before the patient chooses one).
 */
export function optionsOf(node: SurveyNode): readonly SurveyOption[] {
  return (node.control === 'slider' && scalePoints(node)) || node.options;
}

/** A slider drawn as a row of choices: a short integer range, or at most eleven options. */
export function isScale(node: SurveyNode): boolean {
  if (node.control !== 'slider') return false;
  return node.options.length > 0 ? node.options.length <= SCALE_POSITIONS : scalePoints(node) !== undefined;
}

export const isChosen = (node: SurveyNode, option: SurveyOption): boolean =>
  node.answers.some((answer) => surveyAnswersEqual(answer, option.value));
