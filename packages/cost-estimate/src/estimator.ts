// Everything that turns loaded data and the patient's terms into an estimate: reading typed amounts, and the estimate
// itself, which checks its price and coverage with zod (the price may come from a clinic's own adapter, the coverage
// from the host page). None of it is needed before the price has loaded, so it is fetched with the data instead of
// with the page; the built-in adapters load the same zod chunk, so a live page downloads it once.
export { compareNetworks, estimateCost } from '@frontdesk/core';
export { coverageFromAttributes, parseCostField, planCoverageFrom } from './coverage-input.js';
