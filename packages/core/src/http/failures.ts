import { FrontdeskError, isFrontdeskError } from '../errors.js';
import { readBoundedText } from './body.js';
import type { NetworkFailure } from './network-failure.js';
import { errorForStatus, parseRetryAfter, serverError } from './status.js';

// The HTTP client's failure paths (an error status, a redirect, a request that got no answer), in a module of their
// own that the client imports when a request first fails: a page that only ever succeeds never downloads it.

/** Error bodies only matter for their message; no need to read megabytes of them. */
const MAX_ERROR_BODY = 64 * 1024;
/** Same-origin redirects a GET follows before giving up. */
const MAX_REDIRECTS = 5;

/** The error for a non-2xx, non-redirect answer, with the server's message and its `Retry-After`. */
export async function errorAnswer(
  response: Response,
  label: string,
  limit: number,
  errorBody: ((text: string) => { message?: string | undefined; field?: string | undefined }) | undefined,
): Promise<{ error: FrontdeskError; retryAfterMs: number | undefined }> {
  let text = '';
  try {
    text = await readBoundedText(response, Math.min(limit, MAX_ERROR_BODY), label);
  } catch (error) {
    // An oversized error body only loses its message; an abort or timeout still counts as one.
    if (!isFrontdeskError(error)) throw error;
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return { error: errorForStatus(response.status, label, (errorBody ?? serverError)(text)), retryAfterMs };
}

function redirectRefused(label: string, status: number, why: string): FrontdeskError {
  return new FrontdeskError('http', `${label}: the server answered with a redirect (HTTP ${status}); ${why}`, {
    status,
  });
}

/**
 * Where a redirect may lead: the next URL for a GET or HEAD on the same origin within the hop limit, else the error
 * (a write is never re-sent; a browser hides where an opaque redirect leads, so it cannot be checked).
 */
export async function redirectTarget(
  response: Response,
  safe: boolean,
  method: string,
  url: URL,
  hops: number,
  label: string,
): Promise<URL | FrontdeskError> {
  await response.body?.cancel().catch(() => {});
  const status = response.status || 302;
  if (!safe) return redirectRefused(label, status, `a ${method} is never redirected`);
  const location = response.headers.get('location');
  const next = location === null ? undefined : safeUrl(location, url);
  if (!next) return redirectRefused(label, status, 'its target cannot be checked; refused');
  if (next.origin !== url.origin) return redirectRefused(label, status, 'it leads to another origin; refused');
  if (hops >= MAX_REDIRECTS) return redirectRefused(label, status, 'too many redirects');
  return next;
}

function safeUrl(value: string, base: URL): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** A `network` error with what is known of its cause; only the HTTP client creates it. */
export class NetworkError extends FrontdeskError {
  readonly failure: NetworkFailure;

  constructor(failure: NetworkFailure, message: string, cause: unknown) {
    super('network', message, { cause });
    this.failure = failure;
  }
}

/** Long enough for a slow server's first byte; the patient is waiting on an error already. */
const PROBE_TIMEOUT_MS = 3_000;

/** The failed request's URL, the failure itself, and the fetch the client uses (the probe goes the same way). */
export async function diagnoseNetworkFailure(
  url: URL,
  label: string,
  cause: unknown,
  fetchImpl: typeof globalThis.fetch,
): Promise<NetworkError> {
  if (globalThis.navigator?.onLine === false) {
    return new NetworkError('offline', `${label}: network error; the browser is offline`, cause);
  }
  const page = globalThis.location?.origin;
  const crossOrigin = !!page && page !== 'null' && url.origin !== page;
  const unreachable = () =>
    new NetworkError(
      'unreachable',
      `${label}: no answer from ${url.origin}; the server is down, the api address is wrong, or the network failed` +
        (crossOrigin ? `, or the server does not allow the origin ${page} (CORS)` : ''),
      cause,
    );
  // On the page's own origin CORS plays no part; outside a browser there is no page.
  if (!crossOrigin) return unreachable();
  const reached = servedThisCode(url) || (await answersProbe(url, fetchImpl));
  if (!reached) return unreachable();
  return new NetworkError(
    'cors',
    `${label}: ${url.origin} answers, but the browser refused its answer to this page, most likely by CORS: the server must allow the origin ${page} (Access-Control-Allow-Origin, and the request's headers and method in its preflight answer)`,
    cause,
  );
}

/** This module was loaded from that origin moments ago: the server is there. */
function servedThisCode(url: URL): boolean {
  try {
    return new URL(import.meta.url).origin === url.origin;
  } catch {
    return false;
  }
}

/** A `no-cors` request to the server's root resolves: the server answers (what it said stays hidden). */
function answersProbe(url: URL, fetchImpl: typeof globalThis.fetch): Promise<boolean> {
  // The root, not the request's own URL: nothing of the request (its path or query) is sent again.
  return fetchImpl(new URL('/', url), {
    method: 'HEAD',
    mode: 'no-cors',
    credentials: 'omit',
    cache: 'no-store', // a `no-cors` request must follow redirects (the Fetch standard refuses `manual`)
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  }).then(
    () => true,
    () => false,
  );
}
