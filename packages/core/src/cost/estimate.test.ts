import { describe, expect, it } from 'vitest';
import { isFrontdeskError } from '../errors.js';
import { CostEstimate, type Coverage, type PriceInfo } from '../schemas/pricing.js';
import { balanceBilled, compareNetworks, estimateCost } from './estimate.js';
import { applyBasisPoints } from './sharing.js';

const price = (fields: Partial<PriceInfo>): PriceInfo => ({
  service: '99213',
  currency: 'USD',
  grossCharge: 0,
  ...fields,
});

const plan = (fields: Partial<Extract<Coverage, { kind: 'plan' }>> = {}): Coverage => ({
  kind: 'plan',
  network: 'in',
  deductibleRemaining: 0,
  coinsuranceBps: 0,
  copay: 0,
  copayOnly: false,
  ...fields,
});

function errorOf(run: () => unknown): { kind: string; field: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    if (isFrontdeskError(error)) return { kind: error.kind, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a FrontdeskError');
}

describe('estimateCost: design test vectors', () => {
  it('allowed 900.00, deductible remaining 200.00, coinsurance 30 % gives 410.00', () => {
    const estimate = estimateCost(
      price({ grossCharge: 120_000, negotiatedRate: 90_000 }),
      plan({ deductibleRemaining: 20_000, coinsuranceBps: 3000 }),
    );
    expect(estimate.patientTotal).toBe(41_000);
    expect(estimate).toMatchObject({
      billed: 120_000,
      allowed: 90_000,
      deductibleApplied: 20_000,
      coinsurance: 21_000,
      copay: 0,
      planPays: 49_000,
      notices: ['estimate-not-guarantee'],
    });
    expect(CostEstimate.safeParse(estimate).success).toBe(true);
  });

  it('allowed 150.00 with a copay-only visit of 30.00 gives 30.00', () => {
    const estimate = estimateCost(
      price({ grossCharge: 20_000, negotiatedRate: 15_000 }),
      plan({ copay: 3000, copayOnly: true, deductibleRemaining: 50_000, coinsuranceBps: 2000 }),
    );
    expect(estimate).toMatchObject({ patientTotal: 3000, copay: 3000, deductibleApplied: 0, coinsurance: 0 });
    expect(estimate.planPays).toBe(12_000);
  });
});

describe('estimateCost: plan cost sharing', () => {
  it('takes the copay off first, then the deductible, then coinsurance on the rest', () => {
    const estimate = estimateCost(
      price({ grossCharge: 60_000, negotiatedRate: 50_000 }),
      plan({ copay: 2500, deductibleRemaining: 10_000, coinsuranceBps: 2000 }),
    );
    // 500.00 - 25.00 copay = 475.00; 100.00 deductible; 20 % of 375.00 = 75.00
    expect(estimate).toMatchObject({ copay: 2500, deductibleApplied: 10_000, coinsurance: 7500, patientTotal: 20_000 });
    expect(estimate.planPays).toBe(30_000);
  });

  it('applies only what is left of the deductible when the allowed amount is smaller', () => {
    const estimate = estimateCost(
      price({ negotiatedRate: 8000 }),
      plan({ deductibleRemaining: 20_000, coinsuranceBps: 3000 }),
    );
    expect(estimate).toMatchObject({ deductibleApplied: 8000, coinsurance: 0, patientTotal: 8000, planPays: 0 });
  });

  it('never charges a copay above the allowed amount', () => {
    const estimate = estimateCost(price({ negotiatedRate: 1500 }), plan({ copay: 3000, copayOnly: true }));
    expect(estimate).toMatchObject({ copay: 1500, patientTotal: 1500, planPays: 0 });
  });

  it('rounds coinsurance half up to the cent', () => {
    expect(applyBasisPoints(105, 5000)).toBe(53); // 52.5 cents
    expect(applyBasisPoints(1, 5000)).toBe(1); // 0.5 cent
    expect(applyBasisPoints(3, 1650)).toBe(0); // 0.495 cent
    expect(applyBasisPoints(100_000_000_000, 10_000)).toBe(100_000_000_000);
    expect(applyBasisPoints(99_999_999_999, 3333)).toBe(33_330_000_000); // 33 329 999 999.6667 rounds up
    const estimate = estimateCost(price({ negotiatedRate: 12_345 }), plan({ coinsuranceBps: 1250 }));
    expect(estimate.coinsurance).toBe(1543); // 1543.125
  });

  it('caps the cost sharing at the out-of-pocket maximum remaining, in the order charges arise', () => {
    const estimate = estimateCost(
      price({ negotiatedRate: 90_000, notCovered: 5000 }),
      plan({ deductibleRemaining: 20_000, coinsuranceBps: 3000, outOfPocketRemaining: 30_000 }),
    );
    expect(estimate).toMatchObject({
      deductibleApplied: 20_000,
      coinsurance: 10_000,
      notCovered: 5000,
      patientTotal: 35_000,
      planPays: 60_000,
    });
    expect(estimate.notices).toEqual(['estimate-not-guarantee', 'out-of-pocket-maximum-reached']);
  });

  it('does not claim the maximum was reached when the cost sharing fits under it exactly', () => {
    const estimate = estimateCost(price({ negotiatedRate: 10_000 }), plan({ copay: 2000, outOfPocketRemaining: 2000 }));
    expect(estimate.patientTotal).toBe(2000);
    expect(estimate.notices).toEqual(['estimate-not-guarantee']);
  });

  it('adds what the plan does not cover on top of the cost sharing', () => {
    const estimate = estimateCost(price({ negotiatedRate: 10_000, notCovered: 4000 }), plan({ coinsuranceBps: 2000 }));
    expect(estimate).toMatchObject({ coinsurance: 2000, notCovered: 4000, patientTotal: 6000, planPays: 8000 });
  });

  it('uses the gross charge when no in-network rate is known', () => {
    const estimate = estimateCost(price({ grossCharge: 40_000 }), plan({ coinsuranceBps: 2500 }));
    expect(estimate).toMatchObject({ allowed: 40_000, patientTotal: 10_000 });
    expect(estimate.range).toBeUndefined();
  });
});

describe('estimateCost: negotiated ranges', () => {
  const terms = plan({ deductibleRemaining: 10_000, coinsuranceBps: 2000 });

  it('gives the totals at both ends and takes every other amount at the high end', () => {
    const estimate = estimateCost(price({ grossCharge: 100_000, minNegotiated: 40_000, maxNegotiated: 80_000 }), terms);
    // low: 100.00 + 20 % of 300.00 = 160.00; high: 100.00 + 20 % of 700.00 = 240.00
    expect(estimate.range).toEqual({ low: 16_000, high: 24_000 });
    expect(estimate).toMatchObject({ allowed: 80_000, patientTotal: 24_000, coinsurance: 14_000, planPays: 56_000 });
    expect(estimate.notices).toEqual(['estimate-not-guarantee', 'price-range']);
  });

  it('prefers an exact negotiated rate over the range', () => {
    const estimate = estimateCost(
      price({ negotiatedRate: 50_000, minNegotiated: 40_000, maxNegotiated: 80_000 }),
      terms,
    );
    expect(estimate.range).toBeUndefined();
    expect(estimate.patientTotal).toBe(18_000);
    expect(estimate.notices).not.toContain('price-range');
  });

  it('treats equal bounds as an exact rate and a lone bound as no rate', () => {
    const equal = estimateCost(price({ grossCharge: 90_000, minNegotiated: 50_000, maxNegotiated: 50_000 }), terms);
    expect(equal).toMatchObject({ allowed: 50_000, patientTotal: 18_000 });
    expect(equal.range).toBeUndefined();
    const lone = estimateCost(price({ grossCharge: 90_000, maxNegotiated: 50_000 }), terms);
    expect(lone.allowed).toBe(90_000);
  });
});

describe('estimateCost: out of network', () => {
  it('adds the balance the provider may bill above the allowed amount', () => {
    const estimate = estimateCost(
      price({ grossCharge: 100_000, negotiatedRate: 50_000, outOfNetworkAllowed: 60_000 }),
      plan({ network: 'out', coinsuranceBps: 4000 }),
    );
    expect(estimate).toMatchObject({ network: 'out', allowed: 60_000, coinsurance: 24_000, planPays: 36_000 });
    expect(balanceBilled(estimate)).toBe(40_000);
    expect(estimate.patientTotal).toBe(64_000);
    expect(estimate.notices).toEqual(['estimate-not-guarantee', 'balance-billing-possible']);
  });

  it('keeps the balance-billing notice when the allowed amount is unknown', () => {
    const estimate = estimateCost(price({ grossCharge: 100_000 }), plan({ network: 'out', coinsuranceBps: 4000 }));
    expect(estimate).toMatchObject({ allowed: 100_000, patientTotal: 40_000 });
    expect(balanceBilled(estimate)).toBe(0);
    expect(estimate.notices).toContain('balance-billing-possible');
  });

  it('adds no balance when the plan allows the whole charge', () => {
    const estimate = estimateCost(
      price({ grossCharge: 100_000, outOfNetworkAllowed: 100_000 }),
      plan({ network: 'out', coinsuranceBps: 4000 }),
    );
    expect(estimate.notices).toEqual(['estimate-not-guarantee']);
  });
});

describe('estimateCost: self-pay', () => {
  it('charges the discounted cash price with the Good Faith Estimate notice', () => {
    const estimate = estimateCost(price({ grossCharge: 40_000, cashPrice: 25_000, notCovered: 1000 }), {
      kind: 'self-pay',
    });
    expect(estimate).toEqual({
      currency: 'USD',
      selfPay: true,
      billed: 40_000,
      allowed: 25_000,
      deductibleApplied: 0,
      copay: 0,
      coinsurance: 0,
      notCovered: 0,
      patientTotal: 25_000,
      planPays: 0,
      notices: ['good-faith-estimate'],
    });
  });

  it('falls back to the gross charge without a cash price', () => {
    expect(estimateCost(price({ grossCharge: 40_000 }), { kind: 'self-pay' }).patientTotal).toBe(40_000);
  });
});

describe('estimateCost: input validation', () => {
  it('names the offending field and never echoes its value', () => {
    const negative = errorOf(() => estimateCost(price({ grossCharge: -98_765 }), { kind: 'self-pay' }));
    expect(negative).toMatchObject({ kind: 'invalid-input', field: 'price.grossCharge' });
    expect(negative.message).not.toContain('98765');
    const fractional = errorOf(() => estimateCost(price({ grossCharge: 100, negotiatedRate: 10.5 }), plan()));
    expect(fractional.field).toBe('price.negotiatedRate');
    const bps = errorOf(() => estimateCost(price({ grossCharge: 100 }), plan({ coinsuranceBps: 10_001 })));
    expect(bps.field).toBe('coverage.coinsuranceBps');
    const kind = errorOf(() => estimateCost(price({ grossCharge: 100 }), { kind: 'cash' } as unknown as Coverage));
    expect(kind).toMatchObject({ kind: 'invalid-input', field: 'coverage.kind' });
  });

  it('refuses a negotiated range whose low end is above its high end', () => {
    const error = errorOf(() => estimateCost(price({ minNegotiated: 900, maxNegotiated: 100 }), plan()));
    expect(error).toMatchObject({ kind: 'invalid-input', field: 'price.minNegotiated' });
  });
});

describe('compareNetworks', () => {
  const terms = plan({ deductibleRemaining: 10_000, coinsuranceBps: 2000 });

  it('returns both network estimates side by side', () => {
    const both = compareNetworks(
      price({ grossCharge: 100_000, negotiatedRate: 50_000, outOfNetworkAllowed: 45_000 }),
      terms,
    );
    expect(both?.inNetwork).toMatchObject({ network: 'in', allowed: 50_000, patientTotal: 18_000 });
    // 100.00 + 20 % of 350.00 + 550.00 balance
    expect(both?.outOfNetwork).toMatchObject({ network: 'out', allowed: 45_000, patientTotal: 72_000 });
  });

  it('is undefined when either side would rest on the gross charge alone, or for self-pay', () => {
    expect(compareNetworks(price({ grossCharge: 100_000, negotiatedRate: 50_000 }), terms)).toBeUndefined();
    expect(compareNetworks(price({ grossCharge: 100_000, outOfNetworkAllowed: 45_000 }), terms)).toBeUndefined();
    const full = price({ grossCharge: 100_000, negotiatedRate: 50_000, outOfNetworkAllowed: 45_000 });
    expect(compareNetworks(full, { kind: 'self-pay' })).toBeUndefined();
  });

  it('validates its inputs too', () => {
    expect(errorOf(() => compareNetworks(price({ grossCharge: 1.5 }), terms)).field).toBe('price.grossCharge');
  });
});
