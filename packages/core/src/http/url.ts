import { FrontdeskError } from '../errors.js';

/** Hosts where plain HTTP is acceptable: traffic never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Parse an API base URL and refuse anything a patient's data should not travel over: plain HTTP to another machine,
 * embedded credentials, or a query/fragment that requests would silently drop. Relative URLs resolve against the page.
 */
export function requireSecureBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch {
    throw new FrontdeskError('invalid-input', 'the api URL is not a valid URL', { field: 'baseUrl' });
  }
  requireSecureUrl(url, 'baseUrl');
  if (url.search || url.hash) {
    throw new FrontdeskError('invalid-input', 'the api URL must not have a query or fragment', { field: 'baseUrl' });
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Refuse a URL a patient's data should not travel to: plain HTTP to another machine, or embedded credentials. */
export function requireSecureUrl(url: URL, field: string): URL {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new FrontdeskError('invalid-input', 'the api URL must use https (plain http only for localhost)', { field });
  }
  if (url.username || url.password) {
    throw new FrontdeskError('invalid-input', 'the api URL must not contain credentials; use getHeaders', { field });
  }
  return url;
}

/** Query values are strings only: numbers or objects here mean a caller bug, and bodies never travel in URLs. */
export type QueryParams = Record<string, string | undefined>;

/** `base` + `/providers/x` + query, refusing paths that would climb out of the base path. */
export function buildUrl(base: URL, path: string, query?: QueryParams): URL {
  if (!path.startsWith('/') || /[?#\\]/.test(path)) {
    throw new FrontdeskError('invalid-input', 'a request path starts with / and has no query or fragment', {
      field: 'path',
    });
  }
  const url = new URL(base.href.slice(0, -1) + path);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new FrontdeskError('invalid-input', 'a request path must stay under the api URL', { field: 'path' });
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new FrontdeskError('invalid-input', `query.${name}: expected a string`, { field: `query.${name}` });
    }
    url.searchParams.append(name, value);
  }
  return url;
}
