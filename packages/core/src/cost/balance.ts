import type { CostEstimate } from '../schemas/pricing.js';

// Reading a computed estimate needs no validation, so this lives apart from estimate.ts: a widget can show the
// balance of an estimate without loading zod.

/** What the provider may bill above the plan's allowed amount (out of network only); 0 otherwise. */
export function balanceBilled(estimate: CostEstimate): number {
  return estimate.network === 'out' ? Math.max(0, estimate.billed - estimate.allowed) : 0;
}
