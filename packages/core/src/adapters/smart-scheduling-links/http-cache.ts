/** What the last response said about reusing it: validators for a conditional request, and until when it is fresh. */
export interface Freshness {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Epoch ms before which the resource is not requested again. */
  freshUntil: number;
}

/** SMART Scheduling Links asks clients not to poll more often than this. */
export const MIN_POLL_MS = 60_000;

function directives(header: string | null): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const part of (header ?? '').split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name) out.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return out;
}

/** Seconds of `max-age` (or `Expires`), less the response's `Age`; 0 when the response may not be reused. */
function lifetimeMs(headers: Headers, now: number): number {
  const cc = directives(headers.get('cache-control'));
  if (cc.has('no-store') || cc.has('no-cache')) return 0;
  const age = Math.max(0, Number.parseInt(headers.get('age') ?? '0', 10) || 0) * 1000;
  const maxAge = cc.get('max-age');
  if (typeof maxAge === 'string' && /^\d+$/.test(maxAge)) return Math.max(0, Number(maxAge) * 1000 - age);
  const expires = Date.parse(headers.get('expires') ?? '');
  if (Number.isNaN(expires)) return 0;
  const date = Date.parse(headers.get('date') ?? '');
  return Math.max(0, expires - (Number.isNaN(date) ? now : date));
}

/**
 * Freshness of a response received at `now`: `Cache-Control: max-age` (or `Expires`) decides how long it is reused,
 * but never less than `minPollMs`, however eager the publisher's headers. `no-store` keeps no validators.
 */
export function freshnessOf(headers: Headers, now: number, minPollMs: number): Freshness {
  const noStore = directives(headers.get('cache-control')).has('no-store');
  const etag = headers.get('etag') ?? undefined;
  const lastModified = headers.get('last-modified') ?? undefined;
  return {
    ...(noStore || etag === undefined ? {} : { etag }),
    ...(noStore || lastModified === undefined ? {} : { lastModified }),
    freshUntil: now + Math.max(minPollMs, lifetimeMs(headers, now)),
  };
}

/** `If-None-Match` / `If-Modified-Since` from what the last response said. */
export function conditionalHeaders(previous: Freshness | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  else if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  return headers;
}
