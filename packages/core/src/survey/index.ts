/**
 * The headless survey engine: FHIR R4 Questionnaire in, QuestionnaireResponse out (docs/design.md section 6).
 * `loadQuestionnaire` checks input, `createSurveyModel` drives a renderer, `checkQuestionnaireResponse` verifies output.
 */
export {
  SURVEY_ANSWER_KINDS,
  type SurveyAnswerKind,
  surveyAnswerKind,
  surveyAnswersEqual,
} from './answer-equality.js';
export { answersFromTexts } from './answer-texts.js';
export {
  compareSurveyAnswers,
  normalizeSurveyAnswer,
  parseSurveyAnswerText,
  SURVEY_ATTACHMENT_MAX_BYTES,
  type SurveyAnswer,
  type SurveyAttachment,
  type SurveyQuantity,
  surveyAttachmentAnswer,
} from './answers.js';
export {
  buildCsatQuestionnaire,
  buildLikertQuestionnaire,
  buildNpsQuestionnaire,
  type CsatQuestionnaireOptions,
  type LikertQuestionnaireOptions,
  type NpsQuestionnaireOptions,
  type SurveyBuilderOptions,
} from './builders.js';
export { questionnaireCanonical } from './canonical.js';
export { checkQuestionnaireResponse, type SurveyResponseCheck } from './check-response.js';
export { emptySurveyDraft } from './draft.js';
export { SURVEY_EXTENSION_URLS } from './extension-urls.js';
export { SurveyListeners } from './listeners.js';
export { loadQuestionnaire, type SurveyLoadResult } from './load.js';
export { createSurveyModel } from './model.js';
export { optionNamed, type SurveyOption } from './options.js';
export type { SurveyProblem, SurveyProblemCode } from './problems.js';
export type { SurveyResponseIssue, SurveyResponseIssueCode } from './restore.js';
export { scoreSurveyItems } from './score.js';
// Every type of the model's contract, and its code lists.
export type * from './types.js';
export { SURVEY_ERROR_CODES, SURVEY_FEATURES, SURVEY_UNSUPPORTED_CODES } from './types.js';
export { collectSurveyValidation } from './validation-summary.js';
export { expandForSurvey, type SurveyValueSetExpansion, VALUE_SET_LIST_LIMIT } from './value-sets.js';
export { xhtmlToText } from './xhtml.js';
