import { FrontdeskError } from '../errors.js';

/**
 * Why a request got no answer, as far as a page can tell. `fetch` rejects with the same bare `TypeError` whether the
 * patient is offline, the server is down or its address is wrong, or the browser refused a cross-origin answer
 * (CORS). Two more questions tell some of these apart:
 *
 * - `navigator.onLine === false` is reliable: the browser has no network at all (`offline`). `true` promises nothing
 *   (a Wi-Fi without internet reads as online).
 * - For another origin: is the server there? It is when it served this very code (a page that loads Frontdesk's
 *   script from the clinic's server and calls its API there), or when it answers a `no-cors` request to its root (the
 *   browser hides that answer from everyone, but a resolved promise proves the server answers; a server that sends
 *   `Cross-Origin-Resource-Policy: same-origin` refuses even that, so the probe can only confirm). A server that is
 *   there, but whose answer the browser refused, most likely refused this page's origin: `cors` ("most likely": it
 *   may also have failed this one request).
 *
 * Everything else is `unreachable`: a server that is down, a wrong `api` address, a name that does not resolve, a
 * network that drops requests, or CORS on a server the probe cannot confirm, which nothing inside a page can tell
 * apart (the message names each).
 */
export type NetworkFailure = 'offline' | 'cors' | 'unreachable';

/** A `network` error with what is known of its cause; only the HTTP client creates it. */
export class NetworkError extends FrontdeskError {
  readonly failure: NetworkFailure;

  constructor(failure: NetworkFailure, message: string, cause: unknown) {
    super('network', message, { cause });
    this.failure = failure;
  }
}

/**
 * The cause of a `network` error: from the HTTP client's diagnosis, else (an adapter that failed without HTTP) offline
 * when the browser says so. Undefined for other kinds, and when nothing is known.
 */
export function networkFailure(error: FrontdeskError): NetworkFailure | undefined {
  if (error.kind !== 'network') return undefined;
  const failure = (error as Partial<NetworkError>).failure;
  if (failure === 'offline' || failure === 'cors' || failure === 'unreachable') return failure;
  return globalThis.navigator?.onLine === false ? 'offline' : undefined;
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
