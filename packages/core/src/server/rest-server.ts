import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { FrontdeskAdapter } from '../adapter.js';
import { FrontdeskError } from '../errors.js';
import { errorResponse } from './errors.js';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody, sendJson } from './io.js';
import { matchRoute } from './routes.js';

export interface RestServerOptions {
  /** Answer CORS preflights and allow any origin (no cookies: the contract uses bearer tokens). Default false. */
  cors?: boolean | undefined;
  /** Largest accepted request body in bytes. Default 100 KB. */
  maxBodyBytes?: number | undefined;
  /** Serve the contract under a prefix such as `/api`. Default: at the root. */
  basePath?: string | undefined;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed && !trimmed.startsWith('/')) throw new TypeError('basePath must start with /');
  return trimmed;
}

function pathSegments(pathname: string, basePath: string): string[] | undefined {
  if (basePath && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname.slice(basePath.length);
  if (!rest.startsWith('/')) return undefined;
  try {
    return rest.slice(1).split('/').map(decodeURIComponent);
  } catch {
    throw new FrontdeskError('invalid-input', 'the path is not valid percent-encoding', { field: 'path' });
  }
}

function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const value = req.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw new FrontdeskError('invalid-input', 'Idempotency-Key: must be 1-255 visible ASCII characters', {
      field: 'Idempotency-Key',
    });
  }
  return value;
}

/**
 * The request listener behind `createRestServer`, for mounting the contract in an existing Node server or dev
 * middleware. It never logs: requests carry patient data.
 */
export function createRestHandler(adapter: FrontdeskAdapter, options: RestServerOptions = {}): RequestListener {
  const basePath = normalizeBasePath(options.basePath);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const common: Record<string, string> = options.cors ? { ...CORS_HEADERS } : {};

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    let cacheControl = 'no-cache';
    // The adapter stops working for a client that went away.
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const segments = pathSegments(url.pathname, basePath);
      if (method === 'OPTIONS' && options.cors && segments) {
        res.writeHead(204, common);
        res.end();
        return;
      }
      const { route, params, allowed } = segments
        ? matchRoute(segments, method)
        : { route: undefined, params: [], allowed: [] };
      if (!route) {
        if (allowed.length > 0) {
          const allow = [...new Set(allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ');
          sendJson(
            res,
            405,
            { error: { kind: 'http', message: `${method} is not allowed here` } },
            { ...common, Allow: allow },
          );
        } else {
          sendJson(res, 404, { error: { kind: 'not-found', message: 'no such endpoint' } }, common);
        }
        return;
      }
      if (route.noStore) cacheControl = 'no-store';
      const reply = await route.handle({
        adapter,
        params,
        query: url.searchParams,
        signal: controller.signal,
        idempotencyKey: idempotencyKeyOf(req),
        readBody: () => readJsonBody(req, maxBodyBytes),
      });
      sendJson(res, reply.status, reply.body, { ...common, 'Cache-Control': cacheControl });
    } catch (error) {
      if (controller.signal.aborted || res.headersSent) {
        res.destroy();
        return;
      }
      const { status, body } = errorResponse(error);
      const headers: Record<string, string> = { ...common, 'Cache-Control': cacheControl };
      // An unread (oversized or refused) body would otherwise be drained from a keep-alive connection.
      if (!req.readableEnded) headers.Connection = 'close';
      sendJson(res, status, body, headers);
    }
  }

  return (req, res) => {
    handle(req, res).catch(() => res.destroy());
  };
}

/**
 * A reference server for Frontdesk's JSON contract (docs/openapi.yaml) over any `FrontdeskAdapter`: the demo site
 * runs it over the memory adapter, and tests run the REST adapter against it. Call `listen()` yourself.
 */
export function createRestServer(adapter: FrontdeskAdapter, options: RestServerOptions = {}): Server {
  const server = createServer(createRestHandler(adapter, options));
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}
