import { currencyFractionDigits } from './money.js';
import { type NumberInputResult, parseScaledDecimal } from './number-input.js';

// Reading typed amounts is apart from formatting them: a widget shows money on load but reads input only later, so it
// can load this (and the number parser) on first use.

/** The largest amount the `Cents` schema accepts, in the smallest unit of any currency. */
const MAX_CENTS = 100_000_000_000;
const BASIS_POINTS_IN_100_PERCENT = 10_000;
/** One currency symbol (`$`, `€`, `£`...) before or after the number. */
const CURRENCY_SYMBOL = /\p{Sc}/u;
/** `%`, or the Arabic percent sign. */
const PERCENT_SIGN = /[%\u066A]/u;

/**
 * Reads an amount typed by a patient: `1,234.50`, `$200` and `200` in en-US, `1.234,50` and `200 €` in es-ES.
 * Returns cents (the currency's smallest unit when `currency` is given, else hundredths), or why the text was refused:
 * letters, a negative sign, more decimals than the currency has, or more than the `Cents` schema allows.
 */
export function parseMoneyInput(text: string, locale: string, currency?: string): NumberInputResult {
  const digits = currency === undefined ? 2 : currencyFractionDigits(currency);
  return parseScaledDecimal(text, locale, digits, MAX_CENTS, CURRENCY_SYMBOL);
}

/** Reads a percentage typed in `locale` (`30`, `12.5 %`, `12,5` in es) as basis points: 0 to 10000, 2 decimals at most. */
export function parsePercentInput(text: string, locale: string): NumberInputResult {
  return parseScaledDecimal(text, locale, 2, BASIS_POINTS_IN_100_PERCENT, PERCENT_SIGN);
}
