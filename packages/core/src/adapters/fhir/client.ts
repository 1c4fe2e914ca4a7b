import { FrontdeskError } from '../../errors.js';
import type { HttpClient, HttpMethod, HttpSendResult, RetryPolicy } from '../../http/index.js';
import { requireSecureBaseUrl } from '../../http/url.js';
import type { DroppedRecord, ListingIssue } from '../../schemas/validate.js';
import { readSearchPage, requireResource } from './bundle.js';
import { isFhirId, isObject, type Json } from './elements.js';
import { type ExchangeSettings, FHIR_JSON, fhirHttpClient } from './exchange.js';

export type SearchParams = ReadonlyArray<readonly [name: string, value: string]>;

export interface SearchResult {
  matches: Json[];
  included: Json[];
  dropped: DroppedRecord[];
  /** True when paging stopped at `maxPages` with more to come. */
  truncated: boolean;
  /** Why paging stopped early when it did for another reason (a `next` link leaving the server). */
  issues: ListingIssue[];
}

export interface WriteResult {
  /** 201 created, 200 when a conditional create found the resource already there. */
  status: number;
  resource: Json;
  etag: string | undefined;
}

export interface FhirClientSettings extends ExchangeSettings {
  baseUrl: string;
  maxPages: number;
}

export interface CreateOptions {
  ifNoneExist?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Finds the created resource when the server answered with neither a body nor a `Location` (by its identifier). */
  find?: (() => Promise<Json | undefined>) | undefined;
}

/** `W/"3"` from the `ETag` header, or made from `meta.versionId` when the server sent no header. */
export function versionTag(resource: Json, header: string | null): string | undefined {
  if (header) return header;
  const versionId = isObject(resource.meta) ? resource.meta.versionId : undefined;
  return typeof versionId === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(versionId) ? `W/"${versionId}"` : undefined;
}

/** A write that the server acknowledged (2xx) but whose result could not be read: it happened, so never undo it. */
export class UnreadableWrite extends FrontdeskError {
  constructor(type: string) {
    super('invalid-response', `${type}: the server stored it but returned neither the resource nor its location`);
  }
}

/**
 * The FHIR RESTful API as the adapter uses it: read, search with paging through `Bundle.link` next, conditional
 * create and versioned update, through one HTTP client. Ids are checked before they enter a path, and paging links
 * must stay on the server: a `next` link pointing elsewhere ends paging (the pages read are kept, and it is reported)
 * before anything is sent there.
 */
export class FhirClient {
  readonly base: URL;
  readonly #settings: FhirClientSettings;
  readonly #http: HttpClient;

  constructor(settings: FhirClientSettings) {
    this.base = requireSecureBaseUrl(settings.baseUrl);
    this.#settings = settings;
    this.#http = fhirHttpClient(settings, this.base.href);
  }

  url(path: string, params: SearchParams = []): URL {
    const url = new URL(path, this.base);
    for (const [name, value] of params) url.searchParams.append(name, value);
    return url;
  }

  #send(
    method: HttpMethod,
    url: URL,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      signal?: AbortSignal | undefined;
      retry?: RetryPolicy | undefined;
    } = {},
  ): Promise<HttpSendResult> {
    return this.#http.send({
      method,
      url,
      accept: FHIR_JSON,
      contentType: FHIR_JSON,
      body: options.body,
      headers: options.headers,
      signal: options.signal,
      retry: options.retry,
    });
  }

  /** A resource by id; a 404 (or an id no FHIR server could hold) is `not-found`. */
  async read(type: string, id: string, signal: AbortSignal | undefined, field = 'id'): Promise<WriteResult> {
    if (!isFhirId(id)) throw new FrontdeskError('not-found', `no ${type} with this id`, { field });
    const result = await this.#send('GET', this.url(`${type}/${id}`), { signal });
    const resource = requireResource(result.body, type, type);
    if (resource.id !== id) {
      throw new FrontdeskError('invalid-response', `${type}.id: does not match the id asked for`, {
        field: `${type}.id`,
      });
    }
    return { status: result.status, resource, etag: versionTag(resource, result.headers.get('etag')) };
  }

  /** All pages of a search, up to `maxPages`. */
  async search(type: string, params: SearchParams, signal: AbortSignal | undefined): Promise<SearchResult> {
    const result: SearchResult = { matches: [], included: [], dropped: [], truncated: false, issues: [] };
    const visited = new Set<string>();
    let entries = 0;
    let url: URL | undefined = this.url(type, params);
    for (let page = 0; url; page++) {
      if (page >= this.#settings.maxPages) {
        result.truncated = true;
        break;
      }
      visited.add(url.href);
      const { body } = await this.#send('GET', url, { signal });
      const read = readSearchPage(body, type, type, entries);
      entries += read.entries;
      result.matches.push(...read.matches);
      result.included.push(...read.included);
      result.dropped.push(...read.dropped);
      url = read.next === undefined ? undefined : this.#pagingLink(read.next, url, type, result);
      if (url && visited.has(url.href)) url = undefined; // a server linking a page to itself would loop forever
    }
    return result;
  }

  /**
   * A side-effect-free operation such as `ValueSet/$expand`: GET with `query` when its parameters are definitions
   * (canonical URLs, counts); POST with a `Parameters` body when one is what a patient typed, which must stay out of
   * URLs and server logs. Either is retried like a read.
   */
  async operation(path: string, query: SearchParams, parameters: Json | undefined, signal: AbortSignal | undefined) {
    const result =
      parameters === undefined
        ? await this.#send('GET', this.url(path, query), { signal })
        : await this.#send('POST', this.url(path), { body: parameters, signal, retry: 'idempotent' });
    return result.body;
  }

  /** Only the first page: for "is there one?" questions. */
  async searchFirstPage(type: string, params: SearchParams, signal: AbortSignal | undefined): Promise<Json[]> {
    const { body } = await this.#send('GET', this.url(type, params), { signal });
    return readSearchPage(body, type, type).matches;
  }

  /**
   * Create with `Prefer: return=representation`. A server may still answer with no body, a `Location` only or an
   * OperationOutcome: each of those is a success, read through `Location` or found with `options.find`.
   */
  async create(type: string, resource: Json, options: CreateOptions): Promise<WriteResult> {
    const headers: Record<string, string> = { Prefer: 'return=representation' };
    if (options.ifNoneExist !== undefined) headers['If-None-Exist'] = options.ifNoneExist;
    const result = await this.#send('POST', this.url(type), { body: resource, headers, signal: options.signal });
    return this.#written(type, result, options.signal, options.find);
  }

  async update(
    type: string,
    id: string,
    resource: Json,
    options: { ifMatch?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<WriteResult> {
    if (!isFhirId(id)) throw new FrontdeskError('not-found', `no ${type} with this id`, { field: 'id' });
    const headers: Record<string, string> = { Prefer: 'return=representation' };
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    const result = await this.#send('PUT', this.url(`${type}/${id}`), {
      body: resource,
      headers,
      signal: options.signal,
    });
    return this.#written(
      type,
      result,
      options.signal,
      async () => (await this.read(type, id, options.signal)).resource,
    );
  }

  /** The stored resource: from the body, else read from `Location`, else found by the caller. */
  async #written(
    type: string,
    result: HttpSendResult,
    signal: AbortSignal | undefined,
    find: (() => Promise<Json | undefined>) | undefined,
  ): Promise<WriteResult> {
    const body = result.body;
    if (isObject(body) && body.resourceType === type && isFhirId(body.id)) {
      return { status: result.status, resource: body, etag: versionTag(body, result.headers.get('etag')) };
    }
    if (isObject(body) && body.resourceType === type) {
      throw new FrontdeskError('invalid-response', `${type}.id: missing or not a FHIR id`, { field: `${type}.id` });
    }
    const location = result.headers.get('location') ?? result.headers.get('content-location');
    const match = location ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/|$)`).exec(location) : null;
    if (match?.[1]) {
      const read = await this.read(type, match[1], signal);
      return { ...read, status: result.status };
    }
    const found = await find?.();
    if (found && isFhirId(found.id)) {
      return { status: result.status, resource: found, etag: versionTag(found, null) };
    }
    throw new UnreadableWrite(type);
  }

  /** A `next` link, followed only when it stays under the base URL (same origin, same path prefix). */
  #pagingLink(link: string, current: URL, type: string, result: SearchResult): URL | undefined {
    let url: URL | undefined;
    try {
      url = new URL(link, current);
    } catch {
      url = undefined;
    }
    const prefix = this.base.pathname;
    const underBase = url && (url.pathname.startsWith(prefix) || url.pathname === prefix.slice(0, -1));
    if (!url || url.origin !== this.base.origin || !underBase || url.username || url.password) {
      result.issues.push({
        code: 'paging-stopped',
        message: `${type}: Bundle.link next ${url ? 'leaves the FHIR server' : 'is not a URL'}; the pages read so far are kept`,
      });
      return undefined;
    }
    return url;
  }
}
