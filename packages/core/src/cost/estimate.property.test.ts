import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coverage, PriceInfo } from '../schemas/pricing.js';
import { balanceBilled, estimateCost } from './estimate.js';
import { applyBasisPoints } from './sharing.js';

const MAX_CENTS = 100_000_000_000;
/** Mostly everyday amounts, sometimes the largest the schema allows. */
const cents = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_CENTS }) },
);

const priceInfo: fc.Arbitrary<PriceInfo> = fc
  .record(
    {
      grossCharge: cents,
      cashPrice: cents,
      negotiatedRate: cents,
      bounds: fc.tuple(cents, cents),
      outOfNetworkAllowed: cents,
      notCovered: cents,
    },
    { requiredKeys: ['grossCharge'] },
  )
  .map(({ bounds, ...fields }) => ({
    service: '70553',
    currency: 'USD',
    ...fields,
    ...(bounds ? { minNegotiated: Math.min(...bounds), maxNegotiated: Math.max(...bounds) } : {}),
  }));

const planCoverage: fc.Arbitrary<Coverage> = fc.record(
  {
    kind: fc.constant('plan' as const),
    network: fc.constantFrom('in' as const, 'out' as const),
    deductibleRemaining: cents,
    coinsuranceBps: fc.integer({ min: 0, max: 10_000 }),
    copay: cents,
    copayOnly: fc.boolean(),
    outOfPocketRemaining: cents,
  },
  { requiredKeys: ['kind', 'network', 'deductibleRemaining', 'coinsuranceBps', 'copay', 'copayOnly'] },
);

const coverage = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Coverage>({ kind: 'self-pay' }) },
  { weight: 5, arbitrary: planCoverage },
);

const costSharing = (e: { copay: number; deductibleApplied: number; coinsurance: number }) =>
  e.copay + e.deductibleApplied + e.coinsurance;

describe('estimateCost properties', () => {
  it('keeps every amount a non-negative integer and the breakdown consistent', () => {
    fc.assert(
      fc.property(priceInfo, coverage, (p, c) => {
        const e = estimateCost(p, c);
        const amounts = [
          e.billed,
          e.allowed,
          e.deductibleApplied,
          e.copay,
          e.coinsurance,
          e.notCovered,
          e.patientTotal,
          e.planPays,
        ];
        for (const amount of [...amounts, e.range?.low ?? 0, e.range?.high ?? 0]) {
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
        }
        if (e.selfPay) {
          // Nothing is covered: the patient pays the whole allowed (cash) amount.
          expect(e.planPays + e.patientTotal).toBe(e.allowed);
        } else {
          expect(e.planPays + costSharing(e)).toBe(e.allowed);
          expect(e.patientTotal).toBe(costSharing(e) + e.notCovered + balanceBilled(e));
        }
      }),
    );
  });

  it('never tells the patient more than allowed + not covered + balance', () => {
    fc.assert(
      fc.property(priceInfo, planCoverage, (p, c) => {
        const e = estimateCost(p, c);
        expect(e.patientTotal).toBeLessThanOrEqual(e.allowed + e.notCovered + balanceBilled(e));
      }),
    );
  });

  it('keeps covered cost sharing within the out-of-pocket maximum remaining', () => {
    fc.assert(
      fc.property(priceInfo, planCoverage, (p, c) => {
        const e = estimateCost(p, c);
        if (c.kind === 'plan' && c.outOfPocketRemaining !== undefined) {
          expect(costSharing(e)).toBeLessThanOrEqual(c.outOfPocketRemaining);
        }
        // Metamorphic check: the notice appears exactly when lifting the maximum would raise the cost sharing.
        if (c.kind !== 'plan') return;
        const { outOfPocketRemaining: cap, ...uncappedTerms } = c;
        const uncapped = estimateCost(p, uncappedTerms);
        const reached = e.notices.includes('out-of-pocket-maximum-reached');
        expect(reached).toBe(cap !== undefined && costSharing(uncapped) > cap);
        expect(costSharing(e)).toBe(reached ? cap : costSharing(uncapped));
      }),
    );
  });

  it('gives ranges with low <= high and the point total at the high end', () => {
    fc.assert(
      fc.property(priceInfo, planCoverage, (p, c) => {
        const e = estimateCost(p, c);
        if (e.range) {
          expect(e.range.low).toBeLessThanOrEqual(e.range.high);
          expect(e.patientTotal).toBe(e.range.high);
          expect(e.notices).toContain('price-range');
        }
      }),
    );
  });

  it('rounds basis points half up exactly, as big-integer arithmetic does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const reference = (BigInt(amount) * BigInt(bps) + 5000n) / 10_000n;
        expect(applyBasisPoints(amount, bps)).toBe(Number(reference));
      }),
    );
  });

  it('charges self-pay patients exactly the cash price (or the gross charge)', () => {
    fc.assert(
      fc.property(priceInfo, (p) => {
        const e = estimateCost(p, { kind: 'self-pay' });
        expect(e.patientTotal).toBe(p.cashPrice ?? p.grossCharge);
        expect(e.planPays).toBe(0);
      }),
    );
  });
});
