import { isFrontdeskError } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import {
  type CoverageAttributes,
  coverageFromAttribute,
  coverageFromAttributes,
  planCoverageFrom,
} from './coverage-input.js';

const attributes = (fields: Partial<CoverageAttributes>): CoverageAttributes => ({
  coverage: undefined,
  planId: undefined,
  network: undefined,
  copayOnly: false,
  texts: {},
  ...fields,
});

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isFrontdeskError(error)) return error.field;
    throw error;
  }
  throw new Error('expected a FrontdeskError');
}

describe('coverageFromAttributes', () => {
  it('is self-pay without any terms', () => {
    expect(coverageFromAttributes(attributes({}), 'USD')).toEqual({ kind: 'self-pay' });
    expect(coverageFromAttributes(attributes({ coverage: coverageFromAttribute('self-pay') }), 'USD')).toEqual({
      kind: 'self-pay',
    });
  });

  it('reads plan terms in cents and basis points, blank terms as 0 and no maximum', () => {
    const coverage = coverageFromAttributes(
      attributes({ planId: 'p1', texts: { deductibleRemaining: '200.00', coinsurance: '12.5' } }),
      'USD',
    );
    expect(coverage).toEqual({
      kind: 'plan',
      planId: 'p1',
      network: 'in',
      deductibleRemaining: 20_000,
      coinsuranceBps: 1250,
      copay: 0,
      copayOnly: false,
    });
    expect(coverageFromAttributes(attributes({ coverage: 'plan' }), 'USD')).toMatchObject({ kind: 'plan', copay: 0 });
    expect(
      coverageFromAttributes(
        attributes({ network: 'out', copayOnly: true, texts: { copay: '30', outOfPocketRemaining: '1,000' } }),
        'USD',
      ),
    ).toMatchObject({ network: 'out', copay: 3000, copayOnly: true, outOfPocketRemaining: 100_000 });
  });

  it('uses the currency’s minor unit', () => {
    expect(coverageFromAttributes(attributes({ texts: { copay: '3000' } }), 'JPY')).toMatchObject({ copay: 3000 });
  });

  it('names the attribute that is wrong', () => {
    expect(fieldOf(() => coverageFromAttributes(attributes({ texts: { coinsurance: '101' } }), 'USD'))).toBe(
      'coinsurance',
    );
    expect(fieldOf(() => coverageFromAttributes(attributes({ texts: { copay: '' } }), 'USD'))).toBe('copay');
    expect(fieldOf(() => coverageFromAttributes(attributes({ texts: { outOfPocketRemaining: 'x' } }), 'USD'))).toBe(
      'oop-remaining',
    );
    expect(fieldOf(() => coverageFromAttributes(attributes({ network: 'inside' }), 'USD'))).toBe('network');
    expect(
      fieldOf(() => coverageFromAttributes(attributes({ coverage: coverageFromAttribute('{broken') }), 'USD')),
    ).toBe('coverage');
  });

  it('passes a JSON coverage object through for estimateCost to check', () => {
    const json =
      '{"kind":"plan","network":"in","deductibleRemaining":0,"coinsuranceBps":2000,"copay":0,"copayOnly":false}';
    expect(coverageFromAttributes(attributes({ coverage: coverageFromAttribute(json) }), 'USD')).toMatchObject({
      coinsuranceBps: 2000,
    });
  });
});

describe('planCoverageFrom', () => {
  it('collects every refused field, in the patient’s locale', () => {
    const result = planCoverageFrom(
      { network: 'in', copayOnly: false, texts: { deductibleRemaining: 'abc', coinsurance: '150', copay: '-1' } },
      'en-US',
      'USD',
    );
    expect(result).toEqual({
      ok: false,
      errors: { deductibleRemaining: 'invalid', coinsurance: 'too-large', copay: 'negative' },
    });
    const spanish = planCoverageFrom(
      { network: 'in', copayOnly: false, texts: { deductibleRemaining: '1.234,50' } },
      'es',
      'USD',
    );
    expect(spanish).toMatchObject({ ok: true, coverage: { deductibleRemaining: 123_450 } });
  });
});
