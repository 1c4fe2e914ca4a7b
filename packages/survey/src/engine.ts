// The survey engine (model, analysis, answers, FHIRPath on demand) and its form: loaded only for a Questionnaire the
// small model of simple forms (simple-model.ts) leaves to it, such as PHQ-9 with its pages and score.
export { createSurveyModel } from '@frontdesk/core';
export { engineStyles } from './engine.styles.js';
export { EngineForm } from './engine-form.js';
