export { FdCostEstimate } from './cost-estimate.js';
export type { FdEstimateBreakdown, FdEstimateDetail } from './events.js';
export type { CostEstimateStrings } from './strings.js';
