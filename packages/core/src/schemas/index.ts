export * from './clinic.js';
export * from './pricing.js';
export * from './primitives.js';
export * from './questionnaire.js';
export * from './scheduling.js';
export * from './validate.js';
