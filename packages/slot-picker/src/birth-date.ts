import type { DayKey } from '@frontdesk/core';
import { asciiDigits } from './digits.js';

export type DatePart = 'month' | 'day' | 'year';

/** Why a typed date of birth is refused; the booking strings say each in words ("February has no day 30."). */
export type DateProblem =
  | { code: 'dateFormat' }
  | { code: 'year' }
  | { code: 'month'; month: number }
  | { code: 'day'; day: number }
  | { code: 'noSuchDay'; month: number; day: number; year: number }
  | { code: 'future' }
  | { code: 'tooOld' };

const OLDEST_YEARS = 130;

/** The order of month, day and year in `lang`'s short dates: month first in `en-US`, day first in `es`. */
export function datePartOrder(lang: string): DatePart[] {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(0);
  } catch {
    return ['month', 'day', 'year'];
  }
  const order = parts.map((part) => part.type).filter((type): type is DatePart => /^(month|day|year)$/.test(type));
  return order.length === 3 ? order : ['month', 'day', 'year'];
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `1990-05-17` as the patient would type it in `lang`: `05/17/1990`. */
export function typedDate(day: DayKey, lang: string): string {
  const values = { year: day.slice(0, 4), month: day.slice(5, 7), day: day.slice(8, 10) };
  return datePartOrder(lang)
    .map((part) => values[part])
    .join('/');
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The three numbers typed, in `order`: `5/17/1990`, `05-17-1990`, `05171990`, or `1990-05-17` (year first). */
function readParts(text: string, order: DatePart[]): Record<DatePart, string> | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { year: iso[1]!, month: iso[2]!, day: iso[3]! };
  let pieces = text.split(/[^0-9]+/).filter(Boolean);
  if (pieces.length === 1 && pieces[0]!.length === 8) {
    const digits = pieces[0]!;
    let at = 0;
    pieces = order.map((part) => {
      const width = part === 'year' ? 4 : 2;
      at += width;
      return digits.slice(at - width, at);
    });
  }
  if (pieces.length !== 3 || /[^0-9\s./-]/.test(text)) return undefined;
  return { [order[0]!]: pieces[0]!, [order[1]!]: pieces[1]!, [order[2]!]: pieces[2]! } as Record<DatePart, string>;
}

/**
 * A date of birth typed in one field, in `lang`'s order of month, day and year, checked part by part so the message
 * says what is wrong. `today` is the clinic's date: a birth date of today is accepted on every side of the date line.
 */
export function readBirthDate(
  typed: string,
  lang: string,
  today: DayKey,
): { ok: true; date: DayKey } | { ok: false; problem: DateProblem } {
  const parts = readParts(asciiDigits(typed).trim(), datePartOrder(lang));
  if (!parts) return { ok: false, problem: { code: 'dateFormat' } };
  if (parts.year.length !== 4) return { ok: false, problem: { code: 'year' } };
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  if (month < 1 || month > 12) return { ok: false, problem: { code: 'month', month } };
  if (day < 1 || day > 31) return { ok: false, problem: { code: 'day', day } };
  if (day > daysIn(year, month)) return { ok: false, problem: { code: 'noSuchDay', month, day, year } };
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (date > today) return { ok: false, problem: { code: 'future' } };
  const oldest = `${pad(Number(today.slice(0, 4)) - OLDEST_YEARS, 4)}${today.slice(4)}`;
  if (date < oldest) return { ok: false, problem: { code: 'tooOld' } };
  return { ok: true, date };
}
