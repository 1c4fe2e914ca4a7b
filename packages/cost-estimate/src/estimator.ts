// Everything that turns loaded data and the patient's terms into an estimate on screen: reading typed amounts, the
// estimate itself, which checks its price and coverage with zod (the price may come from a clinic's own adapter, the
// coverage from the host page), and the view of the result. None of it is needed before a price has loaded, so it is
// fetched with the data instead of with the page; the built-in adapters load the same zod chunk, so a live page
// downloads it once.
export { compareNetworks, estimateCost } from '@frontdesk/core';
export { coverageFromAttributes, parseCostField, planCoverageFrom } from './coverage-input.js';
export { renderResult, totalLabel, totalText } from './result-view.js';
