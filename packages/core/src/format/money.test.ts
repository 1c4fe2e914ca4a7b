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

describe('parseMoneyInput', () => {
  const cents = (text: string, locale: string, currency?: string) => parseMoneyInput(text, locale, currency);

  it('accepts the ways people type amounts in en-US', () => {
    expect(cents('1,234.50', 'en-US')).toEqual({ ok: true, value: 123_450 });
    expect(cents('$200', 'en-US')).toEqual({ ok: true, value: 20_000 });
    expect(cents('200', 'en-US')).toEqual({ ok: true, value: 20_000 });
    expect(cents(' $ 1,234 ', 'en-US')).toEqual({ ok: true, value: 123_400 });
    expect(cents('0.5', 'en-US')).toEqual({ ok: true, value: 50 });
    expect(cents('.75', 'en-US')).toEqual({ ok: true, value: 75 });
    expect(cents('1,000,000,000', 'en-US')).toEqual({ ok: true, value: 100_000_000_000 });
  });

  it('accepts Spanish grouping and decimal marks', () => {
    expect(cents('1.234,50', 'es-ES')).toEqual({ ok: true, value: 123_450 });
    expect(cents('200 €', 'es-ES')).toEqual({ ok: true, value: 20_000 });
    expect(cents('1.234', 'es-ES')).toEqual({ ok: true, value: 123_400 });
    expect(cents('1.234.567,8', 'es-ES')).toEqual({ ok: true, value: 123_456_780 });
    expect(cents('1,234.50', 'es-US')).toEqual({ ok: true, value: 123_450 });
  });

  it('reads a lone grouping mark before one or two digits as the decimal mark', () => {
    expect(cents('12,5', 'en-US')).toEqual({ ok: true, value: 1250 });
    expect(cents('12.50', 'es-ES')).toEqual({ ok: true, value: 1250 });
  });

  it('refuses letters, negatives, extra decimals, bad grouping and huge amounts', () => {
    expect(cents('', 'en-US')).toEqual({ ok: false, error: 'empty' });
    expect(cents('   ', 'en-US')).toEqual({ ok: false, error: 'empty' });
    expect(cents('12a', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('USD 200', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('1e5', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('$', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('1.2.3', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('1,23,4', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('1,234.50', 'es-ES')).toEqual({ ok: false, error: 'invalid' });
    expect(cents('-5', 'en-US')).toEqual({ ok: false, error: 'negative' });
    expect(cents('$-5', 'en-US')).toEqual({ ok: false, error: 'negative' });
    expect(cents('(5.00)', 'en-US')).toEqual({ ok: false, error: 'negative' });
    expect(cents('1.005', 'en-US')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(cents('1,005', 'es-ES')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(cents('1,000,000,000.01', 'en-US')).toEqual({ ok: false, error: 'too-large' });
    expect(cents('99999999999999999999', 'en-US')).toEqual({ ok: false, error: 'too-large' });
  });

  it('follows the currency’s minor unit when one is given', () => {
    expect(cents('1,234', 'en-US', 'JPY')).toEqual({ ok: true, value: 1234 });
    expect(cents('12.5', 'en-US', 'JPY')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(cents('1.234', 'en-US', 'BHD')).toEqual({ ok: true, value: 1234 });
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
    expect(parsePercentInput('30', 'en-US')).toEqual({ ok: true, value: 3000 });
    expect(parsePercentInput('30%', 'en-US')).toEqual({ ok: true, value: 3000 });
    expect(parsePercentInput('12.5 %', 'en-US')).toEqual({ ok: true, value: 1250 });
    expect(parsePercentInput('12,55 %', 'es-ES')).toEqual({ ok: true, value: 1255 });
    expect(parsePercentInput('0', 'en-US')).toEqual({ ok: true, value: 0 });
    expect(parsePercentInput('100', 'en-US')).toEqual({ ok: true, value: 10_000 });
  });

  it('refuses values outside 0..100 %, extra decimals and letters', () => {
    expect(parsePercentInput('100.01', 'en-US')).toEqual({ ok: false, error: 'too-large' });
    expect(parsePercentInput('-1', 'en-US')).toEqual({ ok: false, error: 'negative' });
    expect(parsePercentInput('12.345', 'en-US')).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(parsePercentInput('thirty', 'en-US')).toEqual({ ok: false, error: 'invalid' });
    expect(parsePercentInput('$30', 'en-US')).toEqual({ ok: false, error: 'invalid' });
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
