import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/support/errors.js';
import { plain } from '../../../../test/support/intl.js';
import { currencyFractionDigits, formatMoney } from './money.js';
import { parseMoneyInput, parsePercentInput } from './money-input.js';

describe('formatMoney', () => {
  it('formats integer cents in en-US', () => {
    expect(formatMoney(123_450, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
    expect(formatMoney(-2500, 'USD', 'en-US')).toBe('-$25.00');
  });

  it('formats in Spanish for Spain and for the United States', () => {
    expect(plain(formatMoney(123_450, 'EUR', 'es-ES'))).toBe('1234,50 €');
    expect(plain(formatMoney(123_456_789, 'EUR', 'es-ES'))).toBe('1.234.567,89 €');
    expect(formatMoney(123_450, 'USD', 'es-US')).toBe('$1,234.50');
  });

  it('is exact for amounts a double cannot divide by 100 cleanly', () => {
    // 9007199254740991 / 100 as a double prints as ...409.90; the integer says .91.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
    expect(formatMoney(1_000_000_000_03, 'USD', 'en-US')).toBe('$1,000,000,000.03');
  });

  it('uses the currency’s own minor unit', () => {
    expect(currencyFractionDigits('JPY')).toBe(0);
    expect(currencyFractionDigits('BHD')).toBe(3);
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(plain(formatMoney(1234, 'BHD', 'en-US'))).toBe('BHD 1.234');
  });

  it('refuses fractional cents and unknown currencies with a typed error', () => {
    expect(errorOf(() => formatMoney(10.5, 'USD', 'en-US'))).toEqual({ kind: 'invalid-input', field: 'cents' });
    expect(errorOf(() => formatMoney(100, 'usd', 'en-US'))).toEqual({ kind: 'invalid-input', field: 'currency' });
    expect(errorOf(() => formatMoney(100, 'USD', 'not a locale!'))).toEqual({ kind: 'invalid-input', field: 'locale' });
  });
});

type Parse = (text: string, locale: string, currency?: string) => { ok: boolean; value?: number; error?: string };

/** What each text gives when typed in `locale`. */
function expectValues(parse: Parse, locale: string, values: Record<string, number>, currency?: string) {
  for (const [text, value] of Object.entries(values)) {
    expect(parse(text, locale, currency), `${text} in ${locale}`).toEqual({ ok: true, value });
  }
}

/** Texts `parse` refuses in `locale`, by the error each gets. */
function expectRefusals(parse: Parse, locale: string, refusals: Record<string, readonly string[]>, currency?: string) {
  for (const [error, texts] of Object.entries(refusals)) {
    for (const text of texts) {
      expect(parse(text, locale, currency), `${text} in ${locale}`).toEqual({ ok: false, error });
    }
  }
}

describe('parseMoneyInput', () => {
  it('accepts the ways people type amounts in en-US', () => {
    expectValues(parseMoneyInput, 'en-US', {
      '1,234.50': 123_450,
      $200: 20_000,
      '200': 20_000,
      ' $ 1,234 ': 123_400,
      '0.5': 50,
      '.75': 75,
      '1,000,000,000': 100_000_000_000,
    });
  });

  it('accepts Spanish grouping and decimal marks', () => {
    expectValues(parseMoneyInput, 'es-ES', {
      '1.234,50': 123_450,
      '200 €': 20_000,
      '1.234': 123_400,
      '1.234.567,8': 123_456_780,
    });
    expectValues(parseMoneyInput, 'es-US', { '1,234.50': 123_450 });
  });

  it('reads a lone grouping mark before one or two digits as the decimal mark', () => {
    expectValues(parseMoneyInput, 'en-US', { '12,5': 1250 });
    expectValues(parseMoneyInput, 'es-ES', { '12.50': 1250 });
  });

  it('refuses letters, negatives, extra decimals, bad grouping and huge amounts', () => {
    expectRefusals(parseMoneyInput, 'en-US', {
      empty: ['', '   '],
      invalid: ['12a', 'USD 200', '1e5', '$', '1.2.3', '1,23,4'],
      negative: ['-5', '$-5', '(5.00)'],
      'too-many-decimals': ['1.005'],
      'too-large': ['1,000,000,000.01', '99999999999999999999'],
    });
    expectRefusals(parseMoneyInput, 'es-ES', { invalid: ['1,234.50'], 'too-many-decimals': ['1,005'] });
  });

  it('follows the currency’s minor unit when one is given', () => {
    expectValues(parseMoneyInput, 'en-US', { '1,234': 1234 }, 'JPY');
    expectRefusals(parseMoneyInput, 'en-US', { 'too-many-decimals': ['12.5'] }, 'JPY');
    expectValues(parseMoneyInput, 'en-US', { '1.234': 1234 }, 'BHD');
  });

  it('round-trips whatever formatMoney prints, in every supported locale', () => {
    const pairs = [
      ['en-US', 'USD'],
      ['es-US', 'USD'],
      ['es-ES', 'EUR'],
      ['fr-FR', 'EUR'],
      ['de-DE', 'EUR'],
      ['en-IN', 'INR'],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.constantFrom(...pairs),
        (amount, [locale, currency]) => {
          expect(parseMoneyInput(formatMoney(amount, currency, locale), locale, currency)).toEqual({
            ok: true,
            value: amount,
          });
        },
      ),
    );
  });
});

describe('parsePercentInput', () => {
  it('reads percentages as basis points', () => {
    expectValues(parsePercentInput, 'en-US', { '30': 3000, '30%': 3000, '12.5 %': 1250, '0': 0, '100': 10_000 });
    expectValues(parsePercentInput, 'es-ES', { '12,55 %': 1255 });
  });

  it('refuses values outside 0..100 %, extra decimals and letters', () => {
    expectRefusals(parsePercentInput, 'en-US', {
      'too-large': ['100.01'],
      negative: ['-1'],
      'too-many-decimals': ['12.345'],
      invalid: ['thirty', '$30'],
    });
  });

  it('round-trips Intl percent formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('en-US', 'es-ES', 'es-US'), (bps, locale) => {
        const text = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
        expect(parsePercentInput(text, locale)).toEqual({ ok: true, value: bps });
      }),
    );
  });
});
