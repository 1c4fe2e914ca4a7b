import { FrontdeskError } from '../errors.js';
// Checked in compact form (the same rules as the zod schemas): the estimate's page does not download zod.
import { Coverage, PriceInfo } from '../schemas/compact-shapes.js';
import type { CostEstimate, NoticeKind, PlanCoverage, Range } from '../schemas/pricing.js';
import { parseOrThrow } from '../schemas/validate.js';
import { shareCost } from './sharing.js';

export { balanceBilled } from './balance.js';

/** In- and out-of-network estimates for the same service and cost-sharing terms, for showing side by side. */
export interface NetworkComparison {
  inNetwork: CostEstimate;
  outOfNetwork: CostEstimate;
}

/**
 * The patient's likely cost for one service (docs/design.md section 5), in integer cents.
 *
 * Self-pay: the cash price (or the gross charge) with the Good Faith Estimate notice. Insured: cost sharing on the
 * allowed amount, capped at the out-of-pocket maximum, plus anything not covered and, out of network, the balance the
 * provider may bill above what the plan allows. Where only a negotiated range is known, `range` holds the totals at
 * both ends and every other amount is taken at the high end, so the patient is never told too little.
 *
 * @throws FrontdeskError `invalid-input` naming the first offending field.
 */
export function estimateCost(price: PriceInfo, coverage: Coverage): CostEstimate {
  const validPrice = validatePrice(price);
  const validCoverage = parseOrThrow(Coverage, coverage, 'coverage', 'invalid-input');
  return validCoverage.kind === 'self-pay' ? selfPayEstimate(validPrice) : planEstimate(validPrice, validCoverage);
}

/**
 * Both network estimates for a plan, or `undefined` when they cannot both be computed from real prices: self-pay
 * coverage, no negotiated rate (exact or range), or no out-of-network allowed amount. The plan's cost-sharing terms
 * are applied to both, since Coverage carries one set.
 *
 * @throws FrontdeskError `invalid-input` naming the first offending field.
 */
export function compareNetworks(price: PriceInfo, coverage: Coverage): NetworkComparison | undefined {
  const validPrice = validatePrice(price);
  const validCoverage = parseOrThrow(Coverage, coverage, 'coverage', 'invalid-input');
  if (validCoverage.kind === 'self-pay') return undefined;
  const hasInNetworkPrice = validPrice.negotiatedRate !== undefined || negotiatedRange(validPrice) !== undefined;
  if (!hasInNetworkPrice || validPrice.outOfNetworkAllowed === undefined) return undefined;
  return {
    inNetwork: planEstimate(validPrice, { ...validCoverage, network: 'in' }),
    outOfNetwork: planEstimate(validPrice, { ...validCoverage, network: 'out' }),
  };
}

function validatePrice(price: PriceInfo): PriceInfo {
  const valid = parseOrThrow(PriceInfo, price, 'price', 'invalid-input');
  const { minNegotiated, maxNegotiated } = valid;
  if (minNegotiated !== undefined && maxNegotiated !== undefined && minNegotiated > maxNegotiated) {
    throw new FrontdeskError('invalid-input', 'price.minNegotiated: above maxNegotiated', {
      field: 'price.minNegotiated',
    });
  }
  return valid;
}

/** A usable min..max negotiated range. A lone bound is not a range; equal bounds are an exact rate. */
function negotiatedRange(price: PriceInfo): Range | undefined {
  const { minNegotiated: low, maxNegotiated: high } = price;
  return low === undefined || high === undefined ? undefined : { low, high };
}

function selfPayEstimate(price: PriceInfo): CostEstimate {
  const allowed = price.cashPrice ?? price.grossCharge;
  return {
    currency: price.currency,
    selfPay: true,
    billed: price.grossCharge,
    allowed,
    deductibleApplied: 0,
    copay: 0,
    coinsurance: 0,
    notCovered: 0,
    patientTotal: allowed,
    planPays: 0,
    notices: ['good-faith-estimate'],
  };
}

function planEstimate(price: PriceInfo, coverage: PlanCoverage): CostEstimate {
  if (coverage.network === 'out') {
    const allowed = price.outOfNetworkAllowed ?? price.grossCharge;
    const balance = Math.max(0, price.grossCharge - allowed);
    // Without a known allowed amount the plan may allow less than the charge, so balance billing stays possible.
    const balanceNotice = balance > 0 || price.outOfNetworkAllowed === undefined;
    return insuredEstimate(price, coverage, allowed, balance, balanceNotice ? ['balance-billing-possible'] : []);
  }
  const range = price.negotiatedRate === undefined ? negotiatedRange(price) : undefined;
  if (range === undefined || range.low === range.high) {
    const allowed = price.negotiatedRate ?? range?.high ?? price.grossCharge;
    return insuredEstimate(price, coverage, allowed, 0, []);
  }
  const low = insuredEstimate(price, coverage, range.low, 0, []);
  const high = insuredEstimate(price, coverage, range.high, 0, ['price-range']);
  return { ...high, range: { low: low.patientTotal, high: high.patientTotal } };
}

function insuredEstimate(
  price: PriceInfo,
  coverage: PlanCoverage,
  allowed: number,
  balance: number,
  extraNotices: NoticeKind[],
): CostEstimate {
  const sharing = shareCost(allowed, coverage);
  const notCovered = price.notCovered ?? 0;
  const notices: NoticeKind[] = ['estimate-not-guarantee', ...extraNotices];
  if (sharing.capped) notices.push('out-of-pocket-maximum-reached');
  return {
    currency: price.currency,
    selfPay: false,
    network: coverage.network,
    billed: price.grossCharge,
    allowed,
    deductibleApplied: sharing.deductibleApplied,
    copay: sharing.copay,
    coinsurance: sharing.coinsurance,
    notCovered,
    patientTotal: sharing.total + notCovered + balance,
    planPays: Math.max(0, allowed - sharing.total),
    notices,
  };
}
