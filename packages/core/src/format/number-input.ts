import { numberFormat } from './intl-cache.js';

/** Why typed text is not an acceptable amount; widgets pick their localized message by this code. */
export type NumberInputError = 'empty' | 'invalid' | 'negative' | 'too-many-decimals' | 'too-large';

/** The parsed value (in the smallest unit: cents, basis points) or why the text was refused. */
export type NumberInputResult = { ok: true; value: number } | { ok: false; error: NumberInputError };

interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

/** The locale's grouping and decimal marks, normalized the way typed text is (NFKC turns no-break spaces into spaces). */
function separatorsFor(locale: string): Separators {
  let separators = separatorCache.get(locale);
  if (!separators) {
    // Seven digits, since some locales (es) only group numbers of five digits or more.
    const parts = numberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    const mark = (type: string, fallback: string) =>
      (parts.find((p) => p.type === type)?.value ?? fallback).normalize('NFKC');
    separators = { group: mark('group', ','), decimal: mark('decimal', '.') };
    separatorCache.set(locale, separators);
  }
  return separators;
}

const refused = (error: NumberInputError): NumberInputResult => ({ ok: false, error });
const DIGITS = /^\d+$/;

/**
 * Parses a non-negative decimal typed in `locale` into an integer count of `10^-fractionDigits` units, without ever
 * going through a binary fraction. `affix` matches a symbol allowed before or after the number (`$`, `%`).
 *
 * Grouping marks must sit before groups of three digits. A single grouping mark followed by one or two digits and no
 * decimal mark is read as a decimal mark, since phone keypads often offer only one of the two.
 */
export function parseScaledDecimal(
  text: string,
  locale: string,
  fractionDigits: number,
  maxValue: number,
  affix: RegExp,
): NumberInputResult {
  const { group, decimal } = separatorsFor(locale);
  let body = text.normalize('NFKC').trim();
  if (body === '') return refused('empty');
  if (/^[-\u2212(]/.test(body)) return refused('negative');
  body = body
    .replace(new RegExp(`^(?:${affix.source})\\s*`, 'u'), '')
    .replace(new RegExp(`\\s*(?:${affix.source})$`, 'u'), '');
  if (/^[-\u2212(]|[-\u2212)]$/.test(body)) return refused('negative');

  const pieces = body.split(decimal);
  if (pieces.length > 2) return refused('invalid');
  let whole = pieces[0] ?? '';
  let fraction = pieces[1] ?? '';
  const groups = whole.split(group);
  const [head = '', ...tail] = groups;
  if (pieces.length === 1 && tail.length === 1 && /^\d{1,2}$/.test(tail[0] ?? '')) {
    whole = head;
    fraction = tail[0] ?? '';
  } else if (tail.length > 0) {
    // Groups of three, or two before the last (Indian style: 1,23,456).
    const wellGrouped =
      /^\d{1,3}$/.test(head) && tail.every((g, i) => (i === tail.length - 1 ? /^\d{3}$/ : /^\d{2,3}$/).test(g));
    if (!wellGrouped) return refused('invalid');
    whole = groups.join('');
  }
  if (whole === '' && fraction === '') return refused('invalid');
  if ((whole !== '' && !DIGITS.test(whole)) || (fraction !== '' && !DIGITS.test(fraction))) return refused('invalid');
  if (fraction.length > fractionDigits) return refused('too-many-decimals');

  const digits = `${whole}${fraction.padEnd(fractionDigits, '0')}`.replace(/^0+(?=\d)/, '');
  // Beyond 15 digits a double may no longer hold the integer exactly; every real maximum is far below that.
  if (digits.length > 15) return refused('too-large');
  const value = Number(digits);
  return value > maxValue ? refused('too-large') : { ok: true, value };
}
