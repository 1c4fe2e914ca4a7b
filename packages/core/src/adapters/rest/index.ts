export { createRestAdapter, type RestAdapterOptions } from './adapter.js';
export { pathSegment, surveyIdOf } from './paths.js';
