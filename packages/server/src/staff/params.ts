import { CalendarDate, dayKey, Id, shiftDayKey, TimeZone } from '@frontdesk/core';
import type { Context } from 'hono';
import { invalid, readObject } from '../http/request.js';
import { daysRange } from './zone.js';

export { invalid, pathId } from '../http/request.js';

/**
 * The staff API's query and path parameters, checked: a bad value is a 400 naming the parameter, never echoing it.
 * A path id that cannot exist is a 404.
 */

function single(c: Context, name: string): string | undefined {
  const values = c.req.queries(name);
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw invalid(`query.${name}`, 'given more than once');
  return values[0] === '' ? undefined : values[0];
}

export function queryId(c: Context, name: string): string | undefined {
  const value = single(c, name);
  if (value === undefined) return undefined;
  if (!Id.safeParse(value).success) throw invalid(`query.${name}`, 'not a valid id');
  return value;
}

export function queryDate(c: Context, name: string): string | undefined {
  const value = single(c, name);
  if (value === undefined) return undefined;
  if (!CalendarDate.safeParse(value).success) throw invalid(`query.${name}`, 'expected a date (YYYY-MM-DD)');
  return value;
}

export function queryTimeZone(c: Context, name = 'timeZone'): string | undefined {
  const value = single(c, name);
  if (value === undefined) return undefined;
  if (!TimeZone.safeParse(value).success) throw invalid(`query.${name}`, 'not a known IANA time zone');
  return value;
}

export function queryEnum<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const value = single(c, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw invalid(`query.${name}`, `one of ${allowed.join(', ')}`);
  return value as T;
}

export function queryLimit(c: Context, fallback: number, max: number): number {
  const value = single(c, 'limit');
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d{1,6}$/.test(value) || n < 1 || n > max) throw invalid('query.limit', `a whole number from 1 to ${max}`);
  return n;
}

/** An opaque cursor made by this server: a bad one is a 400, not a silent first page. */
export function queryCursor(c: Context, pattern: RegExp): string | undefined {
  const value = single(c, 'cursor');
  if (value === undefined) return undefined;
  if (value.length > 200 || !pattern.test(value)) throw invalid('query.cursor', 'not a cursor this server gave');
  return value;
}

/** The request's JSON object with only the listed fields: any other is refused, not ignored (and never echoed). */
export async function readFields(c: Context, allowed: readonly string[]): Promise<Record<string, unknown>> {
  const body = await readObject(c);
  if (Object.keys(body).some((key) => !allowed.includes(key))) {
    throw invalid('request', `holds a field other than ${allowed.join(', ')}`);
  }
  return body;
}

/** A range of local days asked for with `date`, or `from` and `to` (inclusive), in `zone`. */
export interface DayRange {
  from: string;
  to: string;
  startMs: number;
  endMs: number;
}

/**
 * `date=D`, or `from=D1&to=D2` (either may be left out: `to` defaults to today in `zone`, `from` to `defaultDays`
 * days before `to`), at most `maxDays` days.
 */
export function queryDays(
  c: Context,
  zone: string,
  nowMs: number,
  { defaultDays, maxDays }: { defaultDays: number; maxDays: number },
): DayRange {
  const date = queryDate(c, 'date');
  let from = queryDate(c, 'from');
  let to = queryDate(c, 'to');
  if (date !== undefined) {
    if (from !== undefined || to !== undefined) throw invalid('query.date', 'give either date, or from and to');
    from = date;
    to = date;
  }
  to ??= dayKey(nowMs, zone);
  from ??= shiftDayKey(to, 1 - defaultDays);
  if (from > to) throw invalid('query.to', 'before from');
  if (shiftDayKey(from, maxDays - 1) < to) throw invalid('query.to', `the range is longer than ${maxDays} days`);
  return { from, to, ...daysRange(zone, from, to) };
}
