/**
 * What `loadQuestionnaire` found wrong with a Questionnaire. Fatal problems leave nothing to render; the others
 * name the item that was skipped or degraded so the rest of the form still works.
 */
export type SurveyProblemCode =
  | 'invalid-json'
  | 'too-large'
  | 'not-a-questionnaire'
  | 'no-items'
  | 'internal-error'
  | 'invalid-field'
  | 'invalid-item'
  | 'duplicate-link-id'
  | 'too-deep'
  | 'too-many-items'
  | 'unsupported-item'
  | 'answer-option-type'
  | 'initial-type'
  | 'value-set-unresolved'
  | 'enable-when-unknown-question'
  | 'enable-when-invalid'
  | 'enable-when-operator'
  | 'enable-when-cycle'
  | 'invalid-extension'
  | 'initial-answer-dropped'
  /** A FHIRPath expression failed on the answers given (its item shows no computed value meanwhile). */
  | 'expression-error';

export interface SurveyProblem {
  code: SurveyProblemCode;
  /** Written for developers; never contains answers or other patient data. */
  message: string;
  /** True when nothing can be rendered. */
  fatal: boolean;
  /** The item concerned, when there is one. */
  linkId?: string;
  /** Where in the input: `item[2].item[0].answerOption[1]`. */
  path?: string;
}

export function surveyProblem(
  code: SurveyProblemCode,
  message: string,
  where: { linkId?: string | undefined; path?: string | undefined; fatal?: boolean } = {},
): SurveyProblem {
  const problem: SurveyProblem = { code, message, fatal: where.fatal ?? false };
  if (where.linkId !== undefined) problem.linkId = where.linkId;
  if (where.path !== undefined) problem.path = where.path;
  return problem;
}
