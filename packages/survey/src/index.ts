export type { FdSurveyPageDetail, FdSurveySubmitDetail } from '@frontdesk/core';
export type { SurveyStrings } from './strings.js';
export { FdSurvey } from './survey.js';
