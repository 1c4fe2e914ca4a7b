import { FrontdeskError, isFrontdeskError } from '../errors.js';
import { abortedError, type BackoffSettings, backoffDelay, sleep } from './backoff.js';
import { parseJsonText, readBoundedText } from './body.js';
import { errorForStatus, parseRetryAfter } from './status.js';
import { buildUrl, type QueryParams, requireSecureBaseUrl } from './url.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Extra request headers, such as `Authorization: Bearer ...`, asked for before every attempt so tokens can refresh. */
export type HeaderSource = () => Record<string, string> | Promise<Record<string, string>>;

export interface HttpClientOptions {
  /** `https://...`; plain `http://` only for localhost, 127.0.0.0/8 and [::1]. */
  baseUrl: string;
  /** Per attempt, including reading the body. Default 10 000. */
  timeoutMs?: number | undefined;
  /** Extra attempts for GET and HEAD after a network error, timeout, 5xx or 429. Default 2. */
  retries?: number | undefined;
  getHeaders?: HeaderSource | undefined;
  /** Larger bodies are cut off and reported as `invalid-response`. Default 10 MB. */
  maxResponseBytes?: number | undefined;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** First backoff step in ms. Default 300. */
  backoffBaseMs?: number | undefined;
  /** Longest backoff step in ms. Default 5000. */
  backoffMaxMs?: number | undefined;
  /** Longest `Retry-After` honoured, in ms. Default 10 000. */
  maxRetryAfterMs?: number | undefined;
}

export interface HttpRequestOptions {
  /** String values only; undefined values are left out. */
  query?: QueryParams | undefined;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Sent as the `Idempotency-Key` header; required for POST. */
  idempotencyKey?: string | undefined;
}

export interface HttpClient {
  /** The normalized base URL, ending with `/`. */
  readonly baseUrl: string;
  /** Parsed JSON of a 2xx response, or undefined for 204/205 and HEAD. Throws a `FrontdeskError` otherwise. */
  request<T = unknown>(method: HttpMethod, path: string, options?: HttpRequestOptions): Promise<T>;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  maxResponseBytes: 10 * 1024 * 1024,
  backoffBaseMs: 300,
  backoffMaxMs: 5_000,
  maxRetryAfterMs: 10_000,
} as const;

/** Error bodies only matter for their message; no need to read megabytes of them. */
const MAX_ERROR_BODY = 64 * 1024;
const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
/** Visible ASCII only: a header value that cannot smuggle a line break. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type Attempt = { ok: true; value: unknown } | { ok: false; error: FrontdeskError; retryAfterMs?: number | undefined };

function setting(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new FrontdeskError('invalid-input', `${name} must be a number >= ${min}`, { field: name });
  }
  return value;
}

function isRetryable(error: FrontdeskError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

function serializeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch {
    throw new FrontdeskError('invalid-input', 'the request body cannot be serialized as JSON', { field: 'body' });
  }
}

/**
 * A small `fetch` wrapper with the rules every adapter needs (DESIGN.md section 4): per-attempt timeout, jittered
 * retries for safe methods only, an `Idempotency-Key` on every POST, abort at any point, HTTPS outside localhost,
 * bounded bodies, and typed errors. It never logs.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = requireSecureBaseUrl(options.baseUrl);
  // Options may arrive from untyped configuration; a wrong type must fail here, not at the first request.
  for (const name of ['getHeaders', 'fetch'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new FrontdeskError('invalid-input', `${name} must be a function`, { field: name });
    }
  }
  const timeoutMs = setting(options.timeoutMs, HTTP_DEFAULTS.timeoutMs, 'timeoutMs', 1);
  const retries = Math.floor(setting(options.retries, HTTP_DEFAULTS.retries, 'retries', 0));
  const maxResponseBytes = setting(options.maxResponseBytes, HTTP_DEFAULTS.maxResponseBytes, 'maxResponseBytes', 1);
  const backoff: BackoffSettings = {
    baseMs: setting(options.backoffBaseMs, HTTP_DEFAULTS.backoffBaseMs, 'backoffBaseMs', 0),
    maxMs: setting(options.backoffMaxMs, HTTP_DEFAULTS.backoffMaxMs, 'backoffMaxMs', 0),
    maxRetryAfterMs: setting(options.maxRetryAfterMs, HTTP_DEFAULTS.maxRetryAfterMs, 'maxRetryAfterMs', 0),
  };
  // Called through a wrapper so the browser's fetch is never invoked with a foreign `this`.
  const fetchImpl: typeof globalThis.fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);

  async function headersFor(hasBody: boolean, idempotencyKey: string | undefined): Promise<Headers> {
    let extra: unknown = {};
    if (options.getHeaders) {
      try {
        extra = await options.getHeaders();
      } catch (error) {
        throw new FrontdeskError('unauthorized', 'getHeaders() failed', { cause: error });
      }
    }
    const headers = new Headers({ Accept: 'application/json' });
    for (const [name, value] of Object.entries(extra ?? {})) {
      try {
        if (typeof value !== 'string') throw new TypeError('not a string');
        headers.set(name, value);
      } catch {
        // No cause: the platform's message may quote the value, which can be a token.
        throw new FrontdeskError('invalid-input', `getHeaders() returned an invalid ${name.slice(0, 50)} header`, {
          field: 'getHeaders',
        });
      }
    }
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (idempotencyKey !== undefined) headers.set('Idempotency-Key', idempotencyKey);
    return headers;
  }

  async function attempt(
    method: HttpMethod,
    url: URL,
    label: string,
    body: string | undefined,
    request: HttpRequestOptions,
  ): Promise<Attempt> {
    const caller = request.signal;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const headers = await headersFor(body !== undefined, request.idempotencyKey);
      if (caller?.aborted) throw abortedError();
      caller?.addEventListener('abort', forwardAbort, { once: true });
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const response = await fetchImpl(url, { method, headers, body, signal: controller.signal });
      if (response.status >= 200 && response.status < 300) {
        if (response.status === 204 || response.status === 205 || method === 'HEAD') {
          await response.body?.cancel().catch(() => {});
          return { ok: true, value: undefined };
        }
        return { ok: true, value: parseJsonText(await readBoundedText(response, maxResponseBytes, label), label) };
      }
      let text = '';
      try {
        text = await readBoundedText(response, Math.min(maxResponseBytes, MAX_ERROR_BODY), label);
      } catch (error) {
        // An oversized error body only loses its message; an abort or timeout still counts as one.
        if (!isFrontdeskError(error)) throw error;
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return { ok: false, error: errorForStatus(response.status, label, text), retryAfterMs };
    } catch (error) {
      if (caller?.aborted) return { ok: false, error: abortedError() };
      if (isFrontdeskError(error)) return { ok: false, error };
      if (timedOut) {
        return { ok: false, error: new FrontdeskError('timeout', `${label}: no response within ${timeoutMs} ms`) };
      }
      return { ok: false, error: new FrontdeskError('network', `${label}: network error`, { cause: error }) };
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forwardAbort);
    }
  }

  async function request<T>(method: HttpMethod, path: string, request: HttpRequestOptions = {}): Promise<T> {
    const url = buildUrl(base, path, request.query);
    // The path names the endpoint; the query is left out so messages stay short and free of search terms.
    const label = `${method} ${path}`;
    if (request.signal?.aborted) throw abortedError();
    if (method === 'POST' && request.idempotencyKey === undefined) {
      throw new FrontdeskError('invalid-input', `${label}: an Idempotency-Key is required`, {
        field: 'idempotencyKey',
      });
    }
    if (request.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new FrontdeskError(
        'invalid-input',
        `${label}: the idempotency key must be 1-255 visible ASCII characters`,
        {
          field: 'idempotencyKey',
        },
      );
    }
    const safe = SAFE_METHODS.has(method);
    const body = serializeBody(request.body);
    if (safe && body !== undefined) {
      throw new FrontdeskError('invalid-input', `${label}: ${method} requests carry no body`, { field: 'body' });
    }
    for (let attemptIndex = 0; ; attemptIndex++) {
      const outcome = await attempt(method, url, label, body, request);
      if (outcome.ok) return outcome.value as T;
      if (!safe || attemptIndex >= retries || !isRetryable(outcome.error)) throw outcome.error;
      await sleep(backoffDelay(attemptIndex, backoff, outcome.retryAfterMs), request.signal);
    }
  }

  return { baseUrl: base.href, request };
}
