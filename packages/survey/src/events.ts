import type { QuestionnaireResponse } from '@frontdesk/core';

/**
 * Detail of `fd-survey-submit`: the completed QuestionnaireResponse, fired once when the patient submits a valid form,
 * before it is sent. The event is cancelable: `preventDefault()` means the host delivers the response itself (the
 * element then shows its thank-you state without calling the adapter).
 */
export type FdSurveySubmitDetail = QuestionnaireResponse;

/** Detail of `fd-survey-page`: the page now shown, counting only pages that are enabled. */
export interface FdSurveyPageDetail {
  /** Zero-based position among the enabled pages. */
  index: number;
  count: number;
}

declare global {
  interface HTMLElementEventMap {
    'fd-survey-submit': CustomEvent<FdSurveySubmitDetail>;
    'fd-survey-page': CustomEvent<FdSurveyPageDetail>;
  }
}
