export { balanceBilled, compareNetworks, estimateCost, type NetworkComparison } from './estimate.js';
