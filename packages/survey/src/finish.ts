// What a form needs once the patient submits: sending the response (the outbox, which keeps it until the clinic
// acknowledges it), the summary of errors and the end states. Fetched just after the form first shows (survey.ts).
export { renderEndState, renderErrorSummary } from './form-parts.js';
export { Outbox } from './outbox.js';
