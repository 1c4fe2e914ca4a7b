import { FrontdeskError, isFrontdeskError } from '../errors.js';
import { abortedError, type BackoffSettings, backoffDelay, sleep } from './backoff.js';
import { parseJsonText, readBoundedText } from './body.js';
import { networkFailure } from './network-failure.js';
import { buildUrl, type QueryParams, requireSecureBaseUrl, requireSecureUrl } from './url.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Extra request headers, such as `Authorization: Bearer ...`, asked for before every attempt so tokens can refresh. */
export type HeaderSource = () => Record<string, string> | Promise<Record<string, string>>;

/** The message (and field) an error response's body carries; the REST contract's `{ "error": { ... } }` by default. */
export type ErrorBodyReader = (text: string) => { message?: string | undefined; field?: string | undefined };

export interface HttpClientOptions {
  /** `https://...`; plain `http://` only for localhost, 127.0.0.0/8 and [::1]. */
  baseUrl: string;
  /** Per attempt, including reading the body. Default 10 000. */
  timeoutMs?: number | undefined;
  /** Extra attempts for requests the retry policy allows, after a network error, timeout, 5xx or 429. Default 2. */
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
  /** Reads an error body's message; a FHIR server's OperationOutcome, for example. */
  errorBody?: ErrorBodyReader | undefined;
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

/**
 * When a failed attempt is tried again: `safe` retries GET and HEAD only (the default); `idempotent` retries any
 * method, for a request the server deduplicates (an `Idempotency-Key` it stores, a conditional create); `never`.
 */
export type RetryPolicy = 'safe' | 'idempotent' | 'never';

/** One request at the level of HTTP: any absolute URL (https, or http to this machine), any headers. */
export interface HttpSendRequest {
  method: HttpMethod;
  url: URL;
  /** Conditional and other extra headers: `If-Match`, `If-None-Exist`, `Prefer`. */
  headers?: Record<string, string> | undefined;
  /** Default `application/json`. */
  accept?: string | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Of the JSON body. Default `application/json`. */
  contentType?: string | undefined;
  /** Sent as the `Idempotency-Key` header when given. */
  idempotencyKey?: string | undefined;
  retry?: RetryPolicy | undefined;
  signal?: AbortSignal | undefined;
  /** Names the request in error messages; the URL's path by default (never its query, which may hold search terms). */
  label?: string | undefined;
  /** A smaller body limit for this request. */
  maxResponseBytes?: number | undefined;
  /** Another per-attempt timeout for this request (a large file streams for longer than an API call takes). */
  timeoutMs?: number | undefined;
  /**
   * Reads a successful body itself (a stream too big to hold as one string) instead of parsing it as JSON. Called
   * once per attempt, inside the attempt's timeout; a retried attempt calls it again from the start.
   */
  consume?: ((response: Response) => Promise<void>) | undefined;
}

export interface HttpSendResult {
  /** 2xx, or 304 when a conditional GET found nothing new. */
  status: number;
  /** The answering response's headers (`ETag`, `Location`, `Cache-Control`, ...). */
  headers: Headers;
  /** Parsed JSON; undefined for an empty body, 204, 205, 304, HEAD and consumed bodies. */
  body: unknown;
}

export interface HttpClient {
  /** The normalized base URL, ending with `/`. */
  readonly baseUrl: string;
  /** Parsed JSON of a 2xx response, or undefined for an empty body and HEAD. Throws a `FrontdeskError` otherwise. */
  request<T = unknown>(method: HttpMethod, path: string, options?: HttpRequestOptions): Promise<T>;
  /** The lower level: status, headers and body of a 2xx (or 304) answer; any other answer is a `FrontdeskError`. */
  send(request: HttpSendRequest): Promise<HttpSendResult>;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  maxResponseBytes: 10 * 1024 * 1024,
  backoffBaseMs: 300,
  backoffMaxMs: 5_000,
  maxRetryAfterMs: 10_000,
} as const;

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
/** Visible ASCII only: a header value that cannot smuggle a line break. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type Attempt =
  | { ok: true; result: HttpSendResult }
  | { ok: false; error: FrontdeskError; retryAfterMs?: number | undefined };

function setting(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new FrontdeskError('invalid-input', `${name} must be a number >= ${min}`, { field: name });
  }
  return value;
}

function isRetryable(error: FrontdeskError): boolean {
  // A refused cross-origin answer (CORS) is refused again, whatever the wait.
  if (error.kind === 'network') return networkFailure(error) !== 'cors';
  if (error.kind === 'timeout') return true;
  return error.kind === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

function serializeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  try {
    return JSON.stringify(body);
  } catch {
    // Cyclic or too deeply nested (a RangeError): the caller's data, never sent half-written.
    throw new FrontdeskError('invalid-input', 'the request body cannot be serialized as JSON', { field: 'body' });
  }
}

function mayRetry(policy: RetryPolicy, method: HttpMethod): boolean {
  return policy === 'idempotent' || (policy === 'safe' && SAFE_METHODS.has(method));
}

/**
 * The one HTTP client every adapter uses (docs/design.md section 4): per-attempt timeout, retries with jittered
 * backoff as the request's policy allows, an `Idempotency-Key` where asked for, abort at any point, HTTPS outside
 * localhost, bounded bodies, no redirect ever followed to another origin or for a write, and typed errors. It never
 * logs.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = requireSecureBaseUrl(options.baseUrl);
  // Options may arrive from untyped configuration; a wrong type must fail here, not at the first request.
  for (const name of ['getHeaders', 'fetch', 'errorBody'] as const) {
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

  async function headersFor(request: HttpSendRequest, hasBody: boolean): Promise<Headers> {
    let extra: unknown = {};
    if (options.getHeaders) {
      try {
        extra = await options.getHeaders();
      } catch (error) {
        throw new FrontdeskError('unauthorized', 'getHeaders() failed', { cause: error });
      }
    }
    const headers = new Headers({ Accept: request.accept ?? 'application/json' });
    for (const [name, value] of Object.entries({ ...(extra ?? {}), ...request.headers })) {
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
    if (hasBody) headers.set('Content-Type', request.contentType ?? 'application/json');
    if (request.idempotencyKey !== undefined) headers.set('Idempotency-Key', request.idempotencyKey);
    return headers;
  }

  async function readAnswer(response: Response, request: HttpSendRequest, label: string): Promise<HttpSendResult> {
    const { status, headers } = response;
    const limit = Math.min(request.maxResponseBytes ?? maxResponseBytes, maxResponseBytes);
    if (status === 204 || status === 205 || status === 304 || request.method === 'HEAD') {
      await response.body?.cancel().catch(() => {});
      return { status, headers, body: undefined };
    }
    if (request.consume) {
      await request.consume(response);
      return { status, headers, body: undefined };
    }
    const text = await readBoundedText(response, limit, label);
    // A 201 with no body is a success like any other: the caller reads `Location` instead.
    return { status, headers, body: text.trim() === '' ? undefined : parseJsonText(text, label) };
  }

  async function attempt(request: HttpSendRequest, label: string, body: string | undefined): Promise<Attempt> {
    const caller = request.signal;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const headers = await headersFor(request, body !== undefined);
      if (caller?.aborted) throw abortedError();
      caller?.addEventListener('abort', forwardAbort, { once: true });
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, request.timeoutMs ?? timeoutMs);
      let url = request.url;
      for (let hops = 0; ; hops++) {
        const response = await fetchImpl(url, {
          method: request.method,
          headers,
          body,
          signal: controller.signal,
          redirect: 'manual',
        });
        const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
        if (response.status === 304 || (response.status >= 200 && response.status < 300)) {
          return { ok: true, result: await readAnswer(response, request, label) };
        }
        const failures = await import('./failures.js');
        if (!redirected) {
          return { ok: false, ...(await failures.errorAnswer(response, label, maxResponseBytes, options.errorBody)) };
        }
        const next = await failures.redirectTarget(
          response,
          SAFE_METHODS.has(request.method),
          request.method,
          url,
          hops,
          label,
        );
        if (next instanceof FrontdeskError) return { ok: false, error: next };
        url = next;
      }
    } catch (error) {
      if (caller?.aborted) return { ok: false, error: abortedError() };
      if (isFrontdeskError(error)) return { ok: false, error };
      if (timedOut) {
        return {
          ok: false,
          error: new FrontdeskError('timeout', `${label}: no response within ${request.timeoutMs ?? timeoutMs} ms`),
        };
      }
      const failure = await diagnosis(request.url, label, error, fetchImpl);
      return { ok: false, error: caller?.aborted ? abortedError() : failure };
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forwardAbort);
    }
  }

  async function send(request: HttpSendRequest): Promise<HttpSendResult> {
    const label = request.label ?? `${request.method} ${request.url.pathname}`;
    if (request.signal?.aborted) throw abortedError();
    requireSecureUrl(request.url, 'url');
    if (request.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new FrontdeskError(
        'invalid-input',
        `${label}: the idempotency key must be 1-255 visible ASCII characters`,
        {
          field: 'idempotencyKey',
        },
      );
    }
    const body = serializeBody(request.body);
    if (SAFE_METHODS.has(request.method) && body !== undefined) {
      throw new FrontdeskError('invalid-input', `${label}: ${request.method} requests carry no body`, {
        field: 'body',
      });
    }
    const retryable = mayRetry(request.retry ?? 'safe', request.method);
    for (let attemptIndex = 0; ; attemptIndex++) {
      const outcome = await attempt(request, label, body);
      if (outcome.ok) return outcome.result;
      if (!retryable || attemptIndex >= retries || !isRetryable(outcome.error)) throw outcome.error;
      await sleep(backoffDelay(attemptIndex, backoff, outcome.retryAfterMs), request.signal);
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
    if (method === 'GET') return (await sharedGet(url, label, request.signal)) as T;
    const result = await send({
      method,
      url,
      label,
      body: request.body,
      idempotencyKey: request.idempotencyKey,
      signal: request.signal,
    });
    return result.body as T;
  }

  /**
   * GETs in flight, by URL: widgets that ask for the same thing at once (a card and a picker both showing a provider,
   * every widget asking for the organization) share one request. Each caller keeps its own abort; the request itself
   * is aborted when every caller has given up. Callers after the first get their own copy of the body.
   */
  const inFlight = new Map<string, { answer: Promise<unknown>; controller: AbortController; waiting: number }>();

  function sharedGet(url: URL, label: string, signal: AbortSignal | undefined): Promise<unknown> {
    const key = url.href;
    let entry = inFlight.get(key);
    const first = entry === undefined;
    if (!entry) {
      const controller = new AbortController();
      const answer = send({ method: 'GET', url, label, signal: controller.signal }).then((result) => result.body);
      const created = { answer, controller, waiting: 0 };
      const forget = () => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      };
      answer.then(forget, forget);
      inFlight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.waiting++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // The last caller to give up aborts the request itself, and hears of it as a caller of its own would.
        if (--shared.waiting > 0) return reject(abortedError());
        if (inFlight.get(key) === shared) inFlight.delete(key);
        shared.controller.abort();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.answer.then(
        (body) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(first || body === undefined ? body : structuredClone(body));
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  return { baseUrl: base.href, request, send };
}

/**
 * Why a request got no answer (`failures.ts`, fetched now). Offline, that module may not arrive either: the error is
 * then a plain `network` one, which `networkFailure` still reads as offline when the browser says so.
 */
async function diagnosis(url: URL, label: string, cause: unknown, fetchImpl: typeof globalThis.fetch) {
  try {
    return await (await import('./failures.js')).diagnoseNetworkFailure(url, label, cause, fetchImpl);
  } catch {
    return new FrontdeskError('network', `${label}: network error`, { cause });
  }
}
