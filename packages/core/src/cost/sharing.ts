import type { PlanCoverage } from '../schemas/pricing.js';

const BASIS_POINTS = 10_000;

/**
 * `cents * bps / 10000`, rounded half up, in integer arithmetic. Operands are validated cents (at most 1e11) and
 * basis points (at most 1e4), so the product stays far below 2^53 and every step is exact.
 */
export function applyBasisPoints(cents: number, bps: number): number {
  const scaled = cents * bps + BASIS_POINTS / 2;
  return (scaled - (scaled % BASIS_POINTS)) / BASIS_POINTS;
}

/** The patient's share of a covered allowed amount, before anything not covered or balance-billed is added. */
export interface CostSharingResult {
  copay: number;
  deductibleApplied: number;
  coinsurance: number;
  /** copay + deductibleApplied + coinsurance. */
  total: number;
  /** True when the out-of-pocket maximum lowered the total. */
  capped: boolean;
}

type CostSharingTerms = Pick<
  PlanCoverage,
  'deductibleRemaining' | 'coinsuranceBps' | 'copay' | 'copayOnly' | 'outOfPocketRemaining'
>;

/**
 * Applies the plan's cost sharing to an allowed amount (docs/design.md section 5): the copay comes off first (and is all
 * the patient pays when `copayOnly`), then the deductible, then coinsurance on what is left; the sum is capped at the
 * out-of-pocket maximum remaining. No component can exceed the allowed amount, so the plan never pays a negative sum.
 */
export function shareCost(allowed: number, terms: CostSharingTerms): CostSharingResult {
  const copay = Math.min(terms.copay, allowed);
  let left = allowed - copay;
  let deductibleApplied = 0;
  let coinsurance = 0;
  if (!terms.copayOnly) {
    deductibleApplied = Math.min(terms.deductibleRemaining, left);
    left -= deductibleApplied;
    coinsurance = applyBasisPoints(left, terms.coinsuranceBps);
  }
  const uncapped = copay + deductibleApplied + coinsurance;
  const cap = terms.outOfPocketRemaining;
  if (cap === undefined || uncapped <= cap) {
    return { copay, deductibleApplied, coinsurance, total: uncapped, capped: false };
  }
  // The patient pays in the order the charges arise until the maximum is reached, so the breakdown still adds up.
  const cappedCopay = Math.min(copay, cap);
  const cappedDeductible = Math.min(deductibleApplied, cap - cappedCopay);
  const cappedCoinsurance = Math.min(coinsurance, cap - cappedCopay - cappedDeductible);
  return {
    copay: cappedCopay,
    deductibleApplied: cappedDeductible,
    coinsurance: cappedCoinsurance,
    total: cappedCopay + cappedDeductible + cappedCoinsurance,
    capped: true,
  };
}
