import { type SurveyNode, type SurveyOption, surveyAnswersEqual } from '@frontdesk/core';
import type { SurveyStrings } from '../strings.js';

/** A question's options; a yes/no question's are Yes and No. */
export function optionsOf(node: SurveyNode, t: SurveyStrings): readonly SurveyOption[] {
  if (node.type !== 'boolean') return node.options;
  return [
    { id: 'true', label: t.yes, value: { valueBoolean: true }, score: undefined, initialSelected: false },
    { id: 'false', label: t.no, value: { valueBoolean: false }, score: undefined, initialSelected: false },
  ];
}

export const isChosen = (node: SurveyNode, option: SurveyOption): boolean =>
  node.answers.some((answer) => surveyAnswersEqual(answer, option.value));

/** The open-choice answer that is not one of the options. */
export function freeTextOf(node: SurveyNode): string {
  const options = node.options;
  const free = node.answers.find((a) => 'valueString' in a && !options.some((o) => surveyAnswersEqual(o.value, a)));
  return free && 'valueString' in free ? free.valueString : '';
}
