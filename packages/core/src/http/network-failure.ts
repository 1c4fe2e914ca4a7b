import type { FrontdeskError } from '../errors.js';

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

/**
 * The cause of a `network` error: from the HTTP client's diagnosis, else (an adapter that failed without HTTP) offline
 * when the browser says so. Undefined for other kinds, and when nothing is known.
 */
export function networkFailure(error: FrontdeskError): NetworkFailure | undefined {
  if (error.kind !== 'network') return undefined;
  const failure = (error as { failure?: unknown }).failure;
  if (failure === 'offline' || failure === 'cors' || failure === 'unreachable') return failure;
  return globalThis.navigator?.onLine === false ? 'offline' : undefined;
}
