export type { FdSurveyPageDetail, FdSurveySubmitDetail } from './events.js';
export type { SurveyStrings } from './strings.js';
export { FdSurvey } from './survey.js';
