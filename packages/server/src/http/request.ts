import { FrontdeskError, Id, parseOrThrow } from '@frontdesk/core';
import type { Context } from 'hono';
import { looksLikeToken } from '../visits/tokens.js';
import { readJson } from './body.js';

/** What a request handler reads from the request: each piece checked, each problem named by field, no value echoed. */

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Names the field and the problem only: request values can be patient data and never go into a message. */
export function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

export function requiredQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (!value) throw invalid(`query.${name}`, 'required');
  return value;
}

/** An optional id in the query: absent, or a valid id (a bad one can match nothing, so it is an error). */
export function optionalId(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  return parseOrThrow(Id, value, `query.${name}`, 'invalid-input');
}

/** A path id: one the contract allows, or else nothing by that id exists (NUL bytes never reach the database). */
export function pathId(c: Context, name: string, what: string): string {
  const value = c.req.param(name) ?? '';
  if (!Id.safeParse(value).success) throw new FrontdeskError('not-found', `no ${what} with this id`, { field: name });
  return value;
}

export function idempotencyKey(c: Context): string {
  const value = c.req.header('Idempotency-Key');
  if (value === undefined) throw invalid('Idempotency-Key', 'required header');
  if (!IDEMPOTENCY_KEY.test(value)) throw invalid('Idempotency-Key', 'must be 1-255 visible ASCII characters');
  return value;
}

export function requireObject(body: unknown, root: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid(root, 'expected a JSON object');
  return body as Record<string, unknown>;
}

/** A secret in the path (a manage token, a hold): one that cannot be a token matches nothing, so it is a 404. */
export function pathToken(c: Context, name: string, what: string): string {
  const value = c.req.param(name);
  if (!looksLikeToken(value)) throw new FrontdeskError('not-found', `no ${what} with this token`, { field: name });
  return value;
}

/** The request's JSON object body. */
export async function readObject(c: Context, root = 'request'): Promise<Record<string, unknown>> {
  return requireObject(await readJson(c), root);
}
