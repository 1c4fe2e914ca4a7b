import { type CountryCode, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core';
import { asciiDigits } from './digits.js';
import { PHONE_COUNTRIES, phoneMetadata } from './phone-metadata.js';

/** Why a phone number is refused; the booking strings turn each into a sentence that says what to change. */
export type PhoneProblem = 'notANumber' | 'letters' | 'shortNumber' | 'longNumber' | 'otherCountry' | 'invalid';

export type PhoneCheck =
  | { ok: true /** `+1 615 555 0199`: what the booking sends. */; international: string; national: string }
  | { ok: false; problem: PhoneProblem; country: CountryCode };

/**
 * The country whose numbers the form checks: the first of the clinic's locations' countries that the shipped
 * metadata knows (`US` for "US" or when none is given).
 */
export function phoneCountry(countries: readonly (string | undefined)[]): CountryCode {
  for (const country of countries) {
    const code = country?.trim().toUpperCase();
    const known = PHONE_COUNTRIES.find((candidate) => candidate === code);
    if (known) return known;
  }
  return PHONE_COUNTRIES[0]!;
}

/** Only digits, spaces, `+ ( ) . -` and an extension (`x12`, `ext. 12`) are a phone number as typed. */
const PHONE_CHARACTERS = /^\+?[0-9 ().-]*( ?(x|ext\.?) ?[0-9]+)?$/i;

/**
 * Is `typed` a real phone number of `country` (or, written with `+`, of another country the metadata knows)? Digits of
 * any script are read as ASCII. libphonenumber-js does the checking, with metadata for the clinic's countries only.
 */
export function checkPhone(typed: string, country: CountryCode): PhoneCheck {
  const text = asciiDigits(typed).trim();
  const refuse = (problem: PhoneProblem): PhoneCheck => ({ ok: false, problem, country });
  if (!/[0-9]/.test(text)) return refuse('notANumber');
  if (!PHONE_CHARACTERS.test(text)) return refuse('letters');
  const length = validatePhoneNumberLength(text, country, phoneMetadata);
  if (length === 'TOO_SHORT') return refuse('shortNumber');
  if (length === 'TOO_LONG') return refuse('longNumber');
  if (length === 'INVALID_COUNTRY') return refuse('otherCountry');
  if (length !== undefined) return refuse('invalid');
  const number = parsePhoneNumberFromString(text, country, phoneMetadata);
  if (!number?.isValid()) return refuse('invalid');
  return { ok: true, international: number.formatInternational(), national: number.formatNational() };
}
