// The survey engine (model, analysis, answers) and the zod checks it runs on every Questionnaire it is given: the
// largest part of the widget, loaded on first use instead of with the page. The built-in adapters load the same zod
// chunk, so a page that fetches its survey through one downloads zod once.
export { createSurveyModel, surveyAnswersEqual } from '@frontdesk/core';
export { SurveyForm } from './form-view.js';
