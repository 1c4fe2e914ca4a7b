import type { Coverage, Range } from '../schemas/pricing.js';

/** The amounts behind the total, in integer cents of `currency`. */
export interface FdEstimateBreakdown {
  billed: number;
  allowed: number;
  deductibleApplied: number;
  copay: number;
  coinsurance: number;
  notCovered: number;
}

/**
 * Detail of `fd-estimate`, fired whenever the estimate shown changes. It carries the result only: the coverage terms
 * (which a patient may have typed) are included only when the host sets `include-coverage`.
 */
export interface FdEstimateDetail {
  /** The CPT code or visit type id the estimate is for. */
  service: string;
  currency: string;
  /** The likely total, in cents; the high end when `range` is present. */
  patientTotal: number;
  planPays: number;
  /** The totals at the lowest and highest negotiated rate, when the price is published as a range. */
  range: Range | undefined;
  breakdown: FdEstimateBreakdown;
  /** Only with `include-coverage`. */
  coverage?: Coverage;
}
