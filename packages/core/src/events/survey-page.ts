/** Detail of `fd-survey-page`: the page now shown, counting only pages that are enabled. */
export interface FdSurveyPageDetail {
  /** Zero-based position among the enabled pages. */
  index: number;
  count: number;
}
