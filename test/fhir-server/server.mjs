// A real FHIR R4 server for tests and the demo: Medplum's FHIR router and in-memory repository (@medplum/fhir-router
// 4.x, which runs on Node 20) behind a small node:http server. Medplum decides what every request means; this file
// adds only the HTTP layer Medplum's own server provides: JSON bodies, status codes, ETag / Location headers,
// Bundle paging links, CORS for browser tests, an optional bearer token, and a CapabilityStatement.
//
//   node test/fhir-server/server.mjs [port]    the demo clinic (needs `pnpm run build`), at http://127.0.0.1:PORT/fhir
import { createServer } from 'node:http';
import { getStatus, isOk, normalizeOperationOutcome, OperationOutcomeError } from '@medplum/core';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { capabilityStatement } from './capability.mjs';
import { loadDefinitions } from './definitions.mjs';
import { expandValueSet } from './terminology.mjs';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY = 8 * 1024 * 1024;
/** Largest page served, whatever `_count` asks for (servers cap it; Medplum's own caps at 1000). */
const MAX_PAGE = 1000;
const DEFAULT_PAGE = 20;
/** How long a search's full result is kept for paging through it, and how many searches are kept. */
const SEARCH_TTL_MS = 60_000;
const SEARCH_CACHE_SIZE = 32;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Accept, Content-Type, If-Match, If-None-Match, If-None-Exist, If-Modified-Since, Prefer, Idempotency-Key',
  'Access-Control-Expose-Headers': 'ETag, Location, Content-Location, Last-Modified',
  'Access-Control-Max-Age': '600',
};

function outcome(code, text, severity = 'error') {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

function send(res, status, body, headers = {}) {
  const json = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...CORS, ...(json ? { 'Content-Type': FHIR_JSON } : {}), ...headers });
  res.end(json);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new OperationOutcomeError(outcome('too-costly', 'request body too large')));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Medplum's `query`: each parameter once, or an array when repeated (`start=ge..&start=lt..`). */
function queryOf(params) {
  const query = Object.create(null);
  for (const [name, value] of params) {
    const before = query[name];
    query[name] = before === undefined ? value : [...[before].flat(), value];
  }
  return query;
}

function versionHeaders(resource, location) {
  const headers = {};
  const meta = resource?.meta;
  if (meta?.versionId) headers.ETag = `W/"${meta.versionId}"`;
  if (meta?.lastUpdated) headers['Last-Modified'] = new Date(meta.lastUpdated).toUTCString();
  if (location && resource?.id && meta?.versionId) {
    headers.Location = `${location}/${resource.resourceType}/${resource.id}/_history/${meta.versionId}`;
  }
  return headers;
}

function integer(value, fallback) {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) && number >= 0 ? number : fallback;
}

/**
 * A FHIR server over `resources`: `handle(req, res)` serves requests whose path starts with `basePath`. Paging: a
 * search runs once in Medplum for all its results, kept a minute so later pages are slices of it (as HAPI's paging
 * cache does); any write empties the cache. `_include` and chained parameters are left to Medplum, which ignores them.
 */
export async function createFhirHandler({ resources = [], basePath = '/fhir', bearerToken } = {}) {
  loadDefinitions();
  /** One-shot answer shapes for the next matching requests (see `answerNext`), and every request's method and headers. */
  const rules = [];
  const requests = [];
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  router.add('GET', 'ValueSet/$expand', expandValueSet);
  router.add('POST', 'ValueSet/$expand', expandValueSet);
  for (const resource of resources) await repo.createResource(resource);
  const searches = new Map();
  const base = basePath.replace(/\/+$/, '');

  async function route(method, path, params, headers, body) {
    const [result, resource] = await router.handleRequest(
      {
        method,
        url: `${path}${params.size > 0 ? `?${params}` : ''}`,
        pathname: '',
        params: Object.create(null),
        query: queryOf(params),
        body,
        headers,
      },
      repo,
    );
    return { status: getStatus(result), ok: isOk(result), outcome: result, resource };
  }

  async function search(path, params, headers, origin) {
    const count = Math.min(integer(params.get('_count'), DEFAULT_PAGE), MAX_PAGE);
    const offset = integer(params.get('_offset'), 0);
    const criteria = new URLSearchParams([...params].filter(([name]) => name !== '_count' && name !== '_offset'));
    criteria.sort();
    const key = `${path}?${criteria}`;
    let found = searches.get(key);
    if (!found || found.until < Date.now()) {
      const all = new URLSearchParams(criteria);
      all.set('_count', String(Number.MAX_SAFE_INTEGER));
      const answer = await route('GET', path, all, headers);
      if (!answer.ok) return answer;
      found = {
        resources: (answer.resource.entry ?? []).map((entry) => entry.resource),
        until: Date.now() + SEARCH_TTL_MS,
      };
      searches.delete(key);
      searches.set(key, found);
      if (searches.size > SEARCH_CACHE_SIZE) searches.delete(searches.keys().next().value);
    }
    const total = found.resources.length;
    const link = (at) => {
      const page = new URLSearchParams(criteria);
      page.set('_count', String(count));
      page.set('_offset', String(at));
      return `${origin}${base}${path}?${page}`;
    };
    return {
      status: 200,
      ok: true,
      resource: {
        resourceType: 'Bundle',
        type: 'searchset',
        total,
        link: [
          { relation: 'self', url: link(offset) },
          ...(count > 0 && offset + count < total ? [{ relation: 'next', url: link(offset + count) }] : []),
          ...(count > 0 && offset > 0 ? [{ relation: 'previous', url: link(Math.max(0, offset - count)) }] : []),
        ],
        entry: found.resources.slice(offset, offset + count).map((resource) => ({
          fullUrl: `${origin}${base}/${resource.resourceType}/${resource.id}`,
          resource,
          search: { mode: 'match' },
        })),
      },
    };
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    try {
      if (req.method === 'OPTIONS') return send(res, 204);
      if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
        return send(res, 404, outcome('not-found', 'not a FHIR endpoint'));
      }
      if (bearerToken !== undefined && req.headers.authorization !== `Bearer ${bearerToken}`) {
        return send(res, 401, outcome('login', 'a valid bearer token is required'), { 'WWW-Authenticate': 'Bearer' });
      }
      const path = url.pathname.slice(base.length) || '/';
      const method = req.method ?? 'GET';
      if (method === 'GET' && path === '/metadata') return send(res, 200, capabilityStatement(`${origin}${base}`));
      const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      let body;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          return send(res, 400, outcome('structure', 'the request body is not JSON'));
        }
      }
      requests.push({ method, path, query: url.search, headers: { ...req.headers } });
      if (requests.length > 1000) requests.shift();
      const ruleIndex = rules.findIndex((rule) => rule.method === method && rule.path === path);
      const rule = ruleIndex === -1 ? undefined : rules.splice(ruleIndex, 1)[0];
      if (rule && BEFORE_WRITE[rule.shape]) return BEFORE_WRITE[rule.shape](res, req);
      const answer =
        method === 'GET' && /^\/[A-Z][A-Za-z]+$/.test(path)
          ? await search(path, url.searchParams, req.headers, origin)
          : await route(method, path, url.searchParams, req.headers, body);
      if (rule) {
        if (method !== 'GET' && method !== 'HEAD') searches.clear();
        return AFTER_WRITE[rule.shape](res, answer, `${origin}${base}`);
      }
      // A write makes every kept search result stale.
      if (method !== 'GET' && method !== 'HEAD') searches.clear();
      if (answer.resource === undefined) return send(res, answer.status, answer.outcome);
      return send(
        res,
        answer.status,
        answer.resource,
        versionHeaders(answer.resource, answer.status === 201 ? `${origin}${base}` : undefined),
      );
    } catch (error) {
      const result = normalizeOperationOutcome(error);
      return send(res, getStatus(result), result);
    }
  }

  /**
   * Make the next `method` request to `path` (`/Appointment`) answer in one of the shapes a conformant (or merely
   * real) server may give: see BEFORE_WRITE and AFTER_WRITE. Each rule applies once.
   */
  function answerNext(method, path, shape) {
    if (!BEFORE_WRITE[shape] && !AFTER_WRITE[shape]) throw new Error(`unknown answer shape ${shape}`);
    rules.push({ method, path, shape });
  }

  return { handle, repo, answerNext, requests };
}

/** Shapes answered without doing the request: the server refused it, or failed before storing anything. */
const BEFORE_WRITE = {
  'conflict-409': (res) => send(res, 409, outcome('conflict', 'the slot is already booked')),
  'precondition-412': (res) => send(res, 412, outcome('conflict', 'the resource changed; precondition failed')),
  'error-500-before': (res) => send(res, 500, outcome('exception', 'the database is unavailable')),
  'redirect-307': (res) => send(res, 307, undefined, { Location: 'http://127.0.0.2:9/fhir/Appointment' }),
};

/** Shapes answered after the request was carried out (the resource is stored): every one of them is a success. */
const AFTER_WRITE = {
  /** 201 and nothing else: no body, no Location (`Prefer: return=minimal` taken further than the spec says). */
  'empty-201': (res) => send(res, 201),
  /** 201 with only `Location` (as `Prefer: return=minimal` asks). */
  'location-201': (res, answer, base) =>
    send(res, 201, undefined, { Location: `${base}/${answer.resource.resourceType}/${answer.resource.id}` }),
  /** 201 with an informational OperationOutcome instead of the resource (`Prefer: return=OperationOutcome`). */
  'outcome-201': (res) => send(res, 201, outcome('informational', 'created', 'information')),
  /** Stored, then the connection drops before any answer. */
  'reset-after-write': (res) => res.socket?.destroy(),
  /** Stored, then a 500 (a proxy or a failing audit hook after the commit). */
  'error-500-after-write': (res) => send(res, 500, outcome('exception', 'timeout talking to the audit service')),
  /** Stored, then no answer at all until the client gives up. */
  'hang-after-write': () => {},
};

/**
 * Start the server on 127.0.0.1 (an ephemeral port unless `port` is given). `seed`: FHIR resources to load, or
 * `'demo'` for the demo clinic converted from the memory adapter's build output (`pnpm run build` first; `demo`
 * options `{ days, photoBaseUrl, now }` tune it). Resolves to `{ url, repo, close }`; `url` is the FHIR base.
 */
export async function startFhirServer({
  port = 0,
  host = '127.0.0.1',
  basePath = '/fhir',
  seed = [],
  demo = {},
  bearerToken,
} = {}) {
  const resources = seed === 'demo' ? await demoClinic(demo) : seed;
  const { handle, repo, answerNext, requests } = await createFhirHandler({ resources, basePath, bearerToken });
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}${basePath.replace(/\/+$/, '')}`,
    repo,
    answerNext,
    requests,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** The memory adapter's demo clinic as FHIR resources, `days` of slots from now (default 30). */
export async function demoClinic({ days = 30, photoBaseUrl, now } = {}) {
  const dist = new URL('../../packages/core/dist/adapters/', import.meta.url);
  const { createMemoryAdapter } = await import(new URL('memory/index.js', dist).href);
  const { clinicToFhir } = await import(new URL('fhir/to-fhir.js', dist).href);
  const start = new Date(now ?? Date.now());
  const adapter = createMemoryAdapter({ now: start.toISOString(), days, ...(photoBaseUrl ? { photoBaseUrl } : {}) });
  const startOfDay = new Date(start);
  startOfDay.setUTCHours(0, 0, 0, 0);
  const end = new Date(startOfDay.getTime() + (days + 1) * 86_400_000);
  return clinicToFhir(adapter, { start: startOfDay.toISOString(), end: end.toISOString() });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? process.argv[2] ?? 8090);
  const server = await startFhirServer({ port, seed: 'demo' });
  console.log(`FHIR R4 server (Medplum in memory) with the demo clinic: ${server.url}\n(press Ctrl+C to stop)`);
}
