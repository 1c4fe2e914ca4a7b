import { FrontdeskError, type FrontdeskErrorKind } from '../errors.js';

/** What an HTTP error status means to a widget (docs/design.md section 4). */
export function kindForStatus(status: number): FrontdeskErrorKind {
  if (status === 400 || status === 422) return 'invalid-input';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  return 'http';
}

/** Longest part of a server's error message we pass on; the rest is noise or worse. */
export const MAX_SERVER_MESSAGE = 300;

const MAX_FIELD = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * The `message` (at most 300 characters, without control characters) and `field` of a JSON error body
 * `{ "error": { "message": "...", "field": "..." } }`; anything else contributes nothing.
 */
export function serverError(text: string): { message?: string; field?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  const error = (body as { error?: { message?: unknown; field?: unknown } } | null)?.error;
  const message = typeof error?.message === 'string' ? error.message.replace(CONTROL, ' ').trim() : '';
  const field = typeof error?.field === 'string' ? error.field.replace(CONTROL, '') : '';
  return {
    ...(message ? { message: message.slice(0, MAX_SERVER_MESSAGE) } : {}),
    ...(field && field.length <= MAX_FIELD ? { field } : {}),
  };
}

/** The error for a failed status, with what the server said (cleaned and bounded: it is shown to developers). */
export function errorForStatus(
  status: number,
  label: string,
  said: { message?: string | undefined; field?: string | undefined },
): FrontdeskError {
  const message = said.message?.replace(CONTROL, ' ').trim().slice(0, MAX_SERVER_MESSAGE);
  const field = said.field?.replace(CONTROL, '');
  return new FrontdeskError(kindForStatus(status), `${label}: HTTP ${status}${message ? `: ${message}` : ''}`, {
    status,
    field: field && field.length <= MAX_FIELD ? field : undefined,
  });
}

/** `Retry-After` as milliseconds from now: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
