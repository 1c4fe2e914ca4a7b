export { balanceBilled } from './balance.js';
export { compareNetworks, estimateCost, type NetworkComparison } from './estimate.js';
