export type { FdEstimateBreakdown, FdEstimateDetail } from '@frontdesk/core';
export { FdCostEstimate } from './cost-estimate.js';
export type { CostEstimateStrings } from './strings.js';
