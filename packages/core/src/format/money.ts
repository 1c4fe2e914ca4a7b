import { invalidInput } from './errors.js';
import { numberFormat } from './intl-cache.js';

/**
 * The rule of the `Currency` schema, written out so formatting never loads zod into a widget page (schema-parity.test.ts
 * checks that both agree).
 */
const CURRENCY_CODE = /^[A-Z]{3}$/;

function assertCurrency(currency: string): void {
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency))
    throw invalidInput('currency', 'expected an ISO 4217 code such as USD');
}

/** Digits after the decimal mark for a currency: 2 for USD and EUR, 0 for JPY, 3 for BHD (from Intl's ISO data). */
export function currencyFractionDigits(currency: string): number {
  assertCurrency(currency);
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `123456` with 2 digits is `"1234.56"`: the exact decimal, never a binary fraction. */
function minorUnitsToDecimal(amount: number, fractionDigits: number): Intl.StringNumericLiteral {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(fractionDigits + 1, '0');
  if (fractionDigits === 0) return `${sign}${digits}` as Intl.StringNumericLiteral;
  return `${sign}${digits.slice(0, -fractionDigits)}.${digits.slice(-fractionDigits)}` as Intl.StringNumericLiteral;
}

/**
 * Formats an integer amount in the currency's smallest unit (cents) for `locale`: `formatMoney(123450, 'USD',
 * 'en-US')` is `$1,234.50`, and `1.234,50 €` for EUR in es-ES. Intl receives the exact decimal string, so no amount
 * picks up floating-point noise. Negative amounts (differences) are allowed.
 *
 * @throws FrontdeskError `invalid-input` for a non-integer amount, an unknown currency or a malformed locale.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(cents)) throw invalidInput('cents', 'expected an integer amount in the smallest unit');
  const digits = currencyFractionDigits(currency);
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return format.format(minorUnitsToDecimal(cents, digits));
}
