import { isFrontdeskError } from '../../errors.js';
import { readBoundedText } from '../../http/body.js';
import { createHttpClient, type HeaderSource, type HttpMethod } from '../../http/index.js';
import { operationOutcomeTextOf } from './outcome.js';

export const FHIR_JSON = 'application/fhir+json';

/** The transport settings both FHIR-speaking adapters share; see `HttpClientOptions` for each. */
export interface ExchangeSettings {
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  maxResponseBytes?: number | undefined;
  getHeaders?: HeaderSource | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  maxRetryAfterMs?: number | undefined;
}

export interface ExchangeRequest {
  /** Sent as JSON with `Content-Type: application/fhir+json`. */
  body?: unknown;
  /** Conditional headers and the like: `If-None-Exist`, `If-Match`, `If-None-Match`. */
  headers?: Record<string, string> | undefined;
  /** The `Accept` header; FHIR JSON unless said otherwise. */
  accept?: string | undefined;
  /** Required by the HTTP client for POST; FHIR servers get idempotency from `If-None-Exist` instead. */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Reads a successful body itself (a stream too big to hold as one string) instead of parsing it as JSON. Called
   * once per attempt, inside the attempt's timeout; a retried attempt calls it again from the start.
   */
  consume?: ((response: Response) => Promise<void>) | undefined;
}

export interface ExchangeResult {
  /** Status of the answering attempt: 304 when a conditional GET found nothing new. */
  status: number;
  /** Its response headers (`ETag`, `Location`, `Cache-Control`, ...). */
  headers: Headers;
  /** Parsed JSON; undefined for 204, 304 and consumed bodies. */
  body: unknown;
}

/** Error bodies only matter for their message. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * A failed response re-expressed as `{ "error": { "message": ... } }` carrying the OperationOutcome's text, so the
 * HTTP client's own error mapping (status to kind, `Retry-After`, retries) applies and the message reaches the
 * `FrontdeskError`.
 */
async function withOutcomeMessage(response: Response): Promise<Response> {
  let message = '';
  try {
    message = operationOutcomeTextOf(await readBoundedText(response, MAX_ERROR_BODY, 'error body'));
  } catch (error) {
    // An oversized error body only loses its message; an abort still counts as one.
    if (!isFrontdeskError(error)) throw error;
  }
  const headers = new Headers({ 'Content-Type': 'application/json' });
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) headers.set('Retry-After', retryAfter);
  return new Response(JSON.stringify({ error: { message } }), { status: response.status, headers });
}

/**
 * One request through `createHttpClient` (timeouts, retries of safe methods, abort, the https rule, bounded bodies,
 * typed errors), adapted for FHIR by wrapping its `fetch`: the exact target URL (repeated query parameters and
 * server-made paging links, which the client's path-and-query form cannot express), FHIR content types, extra
 * headers, the response status and headers, and OperationOutcome text in error messages. The `Idempotency-Key`
 * header is not sent: FHIR servers do not know it, and its CORS preflight would fail on most of them.
 */
export async function exchange(
  settings: ExchangeSettings,
  method: HttpMethod,
  target: URL,
  request: ExchangeRequest = {},
): Promise<ExchangeResult> {
  const seen: { status: number; headers: Headers } = { status: 0, headers: new Headers() };
  const baseFetch = settings.fetch ?? globalThis.fetch;
  const client = createHttpClient({
    ...settings,
    baseUrl: `${target.origin}/`,
    fetch: async (_input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Accept', request.accept ?? FHIR_JSON);
      if (headers.has('Content-Type')) headers.set('Content-Type', FHIR_JSON);
      headers.delete('Idempotency-Key');
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      // Called as a plain function so a browser's fetch never sees a foreign `this`.
      const response = await baseFetch.call(globalThis, target, { ...init, headers });
      seen.status = response.status;
      seen.headers = response.headers;
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return new Response(null, { status: 204 });
      }
      if (!response.ok) return withOutcomeMessage(response);
      if (request.consume && response.status !== 204) {
        await request.consume(response);
        return new Response(null, { status: 204 });
      }
      return response;
    },
  });
  // The path labels error messages; the query stays out of them.
  const body = await client.request(method, target.pathname, {
    body: request.body,
    idempotencyKey: request.idempotencyKey,
    signal: request.signal,
  });
  return { status: seen.status, headers: seen.headers, body };
}
