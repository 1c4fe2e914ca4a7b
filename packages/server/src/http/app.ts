import { FrontdeskError } from '@frontdesk/core';
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import type { ClinicStore } from '../clinic/store.js';
import type { Clock } from '../clock.js';
import { type Database, isUnavailable, sqlState } from '../db/database.js';
import { staffConsoleRoutes } from '../staff/console.js';
import { mountStaffApi, type StaffOptions } from '../staff/mount.js';
import { type Api, apiRoutes, sendJson } from './api.js';
import { errorResponse } from './errors.js';
import type { Logger } from './log.js';
import { type RateLimit, RateLimiter } from './rate-limit.js';
import { type SiteOptions, siteRoutes } from './site.js';

export interface AppOptions {
  /** The database behind `/api`; without it the app serves only the site. */
  db?: Database | undefined;
  store?: ClinicStore | undefined;
  clock: Clock;
  log: Logger;
  /** Origins (`https://www.clinic.example`) whose pages may call the API from the browser. */
  corsOrigins?: readonly string[] | undefined;
  /** Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-For and send HSTS. */
  trustProxy?: boolean | undefined;
  /** Largest request body in bytes. Default 100 KB (the contract's limit). */
  maxBodyBytes?: number | undefined;
  /** Time a request may take before it is answered 503. Default 15 s. */
  requestTimeoutMs?: number | undefined;
  rateLimits?: { bookings?: RateLimit; surveyResponses?: RateLimit } | undefined;
  /** Absolute base for paths in the clinic's records (provider photos); asked per request, set once listening. */
  publicUrl?: () => string | undefined;
  site?: SiteOptions | undefined;
  /** The staff API (`/api/staff/`) and console (`/staff/`): sessions, sign-in throttle, the console's folder. */
  staff?: StaffOptions | undefined;
}

export const DEFAULT_RATE_LIMITS = {
  /** A patient books a visit or two; a front desk behind one address books more. Bursts of 10 pass. */
  bookings: { perMinute: 10, burst: 10 },
  surveyResponses: { perMinute: 20, burst: 20 },
} as const;

type Env = { Variables: { requestId: string } };

/** The route pattern that answered, for logs: never the raw path, which may carry anything. */
function routeOf(c: Context): string {
  const path = routePath(c);
  return path === '*' || path === '/*' || path === '' ? '(static or none)' : path;
}

/**
 * The whole HTTP application: security headers, request ids, one log line per request, compression, CORS and limits
 * around `/api` (the contract, docs/openapi.yaml) and the optional static site and CDN bundles.
 */
export function createApp(options: AppOptions): Hono<Env> {
  const { clock, log } = options;
  const app = new Hono<Env>();
  const limits = {
    bookings: new RateLimiter(options.rateLimits?.bookings ?? DEFAULT_RATE_LIMITS.bookings, clock),
    surveyResponses: new RateLimiter(options.rateLimits?.surveyResponses ?? DEFAULT_RATE_LIMITS.surveyResponses, clock),
  };
  const { db, store } = options;
  const api: Api | undefined = db &&
    store && {
      db,
      store,
      clock,
      limits,
      clientOf(c) {
        if (options.trustProxy) {
          // The proxy appends the address it saw; the left-most entry is the original client.
          const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
          if (forwarded) return forwarded;
        }
        return getConnInfo(c).remote.address ?? 'unknown';
      },
      publicUrl: options.publicUrl ?? (() => undefined),
    };

  app.use('*', requestId({ limitLength: 64 }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(
    '*',
    secureHeaders({
      // Handlers' own headers win (the CDN's cross-origin resource policy, each page's CSP).
      overwrite: false,
      strictTransportSecurity: options.trustProxy ? 'max-age=31536000; includeSubDomains' : false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    }),
  );
  // Small answers (a booking, an error) are not worth the CPU: only those over 2 KB are compressed.
  app.use('*', compress({ threshold: 2048 }));

  if (api) mountApi(app, api, options);
  if (api) app.route('/', staffConsoleRoutes(options.staff?.consoleDir));
  if (options.site) app.route('/', siteRoutes(options.site));
  app.notFound((c) => c.text('Not found', 404, { 'Content-Type': 'text/plain; charset=utf-8' }));

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return sendJson(
        c,
        error.status,
        { error: { kind: 'http', message: error.message.slice(0, 300) } },
        {
          ...(error.status === 503 ? { 'Retry-After': '1' } : {}),
        },
      );
    }
    if (isUnavailable(error)) {
      log({
        level: 'error',
        msg: 'database unavailable',
        requestId: c.get('requestId') ?? '',
        code: sqlState(error) ?? '',
      });
      return sendJson(
        c,
        503,
        { error: { kind: 'http', message: 'the database is unavailable: try again shortly' } },
        {
          'Retry-After': '5',
        },
      );
    }
    const { status, body } = errorResponse(error);
    if (status >= 500) {
      // The class and code only: a database error's message quotes the row, which is patient data.
      log({
        level: 'error',
        msg: 'unexpected error',
        requestId: c.get('requestId') ?? '',
        error: error instanceof Error ? error.name : typeof error,
        code: String((error as { code?: unknown }).code ?? ''),
      });
    }
    const headers: Record<string, string> = {};
    // An unread (oversized or refused) body would otherwise be drained from a keep-alive connection.
    if (status === 413 || status === 415) headers.Connection = 'close';
    return sendJson(c, status, body, headers);
  });
  return app;
}

/** A page served by this very host (the demo site; behind a proxy, the host the proxy was asked for). */
function sameHost(origin: string, c: Context, trustProxy: boolean | undefined): boolean {
  const host = (trustProxy && c.req.header('X-Forwarded-Host')) || c.req.header('Host');
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** `/api`: CORS for the clinic's origins, the Origin check, body limit, timeout, then the contract's routes. */
function mountApi(app: Hono<Env>, api: Api, options: AppOptions): void {
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  app.use(
    '/api/*',
    cors({
      // The staff API answers pages of this host only: no clinic origin reads it from the browser.
      origin: (origin, c) => (allowedOrigins.has(origin) && !c.req.path.startsWith('/api/staff/') ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', async (c, next) => {
    // Refuse outright what a page on another origin sends: the browser would hide the answer, but the booking would
    // be made. Same-origin pages (the demo site) and clients that are not browsers send no foreign Origin.
    const origin = c.req.header('Origin');
    if (c.req.method === 'POST' && origin && !allowedOrigins.has(origin) && !sameHost(origin, c, options.trustProxy)) {
      return sendJson(c, 403, { error: { kind: 'unauthorized', message: 'this origin may not call the API' } });
    }
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    return next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 100 * 1024,
      onError: () => {
        throw new FrontdeskError(
          'http',
          `the request body is larger than ${options.maxBodyBytes ?? 100 * 1024} bytes`,
          {
            status: 413,
          },
        );
      },
    }),
  );
  app.use(
    '/api/*',
    timeout(options.requestTimeoutMs ?? 15_000, () => new HTTPException(503, { message: 'the request took too long' })),
  );
  mountStaffApi(app, api, { ...options, sameOrigin: (c, origin) => sameHost(origin, c, options.trustProxy) });
  app.route('/api', apiRoutes(api));
  app.all('/api/*', (c) => sendJson(c, 404, { error: { kind: 'not-found', message: 'no such endpoint' } }));
  app.all('/api', (c) => sendJson(c, 404, { error: { kind: 'not-found', message: 'no such endpoint' } }));
}

/** A Node `request` listener for an app, to mount it in a `node:http` server of one's own. */
export function requestListener(app: Hono<Env>): ReturnType<typeof getRequestListener> {
  return getRequestListener(app.fetch);
}
