import { FrontdeskError } from '@frontdesk/core';
import type { Context } from 'hono';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;
/** Deeper than any request of the contract; deeper JSON only exists to exhaust a parser's stack. */
export const MAX_JSON_DEPTH = 64;

/** A NUL character or half a surrogate pair: valid in JSON, but PostgreSQL can store neither in text or jsonb. */
const BROKEN_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** `\u` escapes, raw NULs and raw surrogates: the only ways a parsed string can end up unstorable. */
const MAYBE_UNSTORABLE = /\\u|[\0\uD800-\uDFFF]/;
const unstorable = (text: string) => text.includes('\0') || BROKEN_SURROGATE.test(text);

function refuseUnstorable(key: string, value: unknown): unknown {
  if (unstorable(key) || (typeof value === 'string' && unstorable(value))) {
    throw new FrontdeskError('invalid-input', 'the request body holds a NUL character or a broken surrogate pair', {
      field: 'body',
    });
  }
  return value;
}

function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile nesting cannot overflow the stack while being measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The request's JSON body: `application/json` in UTF-8 only (415 otherwise), valid JSON (400), at most
 * `MAX_JSON_DEPTH` levels deep (400). The size limit is the bodyLimit middleware's (413) before this reads anything.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!JSON_MEDIA_TYPE.test(type)) {
    throw new FrontdeskError('http', 'the request body must be application/json', {
      status: 415,
      field: 'Content-Type',
    });
  }
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new FrontdeskError('http', 'the request body must be UTF-8', { status: 415, field: 'Content-Type' });
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (error) {
    // The body limit refused it while it was being read.
    if (error instanceof FrontdeskError) throw error;
    throw new FrontdeskError('aborted', 'the request body was not received');
  }
  let value: unknown;
  try {
    // The reviver costs time on every value: only text that could hold a NUL or a surrogate goes through it.
    value = MAYBE_UNSTORABLE.test(text) ? JSON.parse(text, refuseUnstorable) : JSON.parse(text);
  } catch (error) {
    if (error instanceof FrontdeskError) throw error;
    throw new FrontdeskError('invalid-input', 'the request body is not valid JSON', { field: 'body' });
  }
  if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new FrontdeskError('invalid-input', `the request body is nested more than ${MAX_JSON_DEPTH} levels deep`, {
      field: 'body',
    });
  }
  return value;
}
