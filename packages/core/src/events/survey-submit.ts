import type { QuestionnaireResponse } from '../schemas/questionnaire.js';

/**
 * Detail of `fd-survey-submit`: the completed QuestionnaireResponse, fired once when the patient submits a valid form,
 * before it is sent. The event is cancelable: `preventDefault()` means the host delivers the response itself (the
 * element then shows its thank-you state without calling the adapter).
 */
export type FdSurveySubmitDetail = QuestionnaireResponse;
