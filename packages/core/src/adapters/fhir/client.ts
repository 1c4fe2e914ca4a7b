import { FrontdeskError } from '../../errors.js';
import { requireSecureBaseUrl } from '../../http/url.js';
import type { DroppedRecord } from '../../schemas/validate.js';
import { readSearchPage, requireResource } from './bundle.js';
import { isFhirId, isObject, type Json } from './elements.js';
import { type ExchangeResult, type ExchangeSettings, exchange } from './exchange.js';

export type SearchParams = ReadonlyArray<readonly [name: string, value: string]>;

export interface SearchResult {
  matches: Json[];
  included: Json[];
  dropped: DroppedRecord[];
  /** True when paging stopped at `maxPages` with more to come. */
  truncated: boolean;
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

/** `W/"3"` from the `ETag` header, or made from `meta.versionId` when the server sent no header. */
export function versionTag(resource: Json, header: string | null): string | undefined {
  if (header) return header;
  const versionId = isObject(resource.meta) ? resource.meta.versionId : undefined;
  return typeof versionId === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(versionId) ? `W/"${versionId}"` : undefined;
}

/**
 * The FHIR RESTful API as the adapter uses it: read, search with paging through `Bundle.link` next, conditional
 * create and versioned update. Ids are checked before they enter a path, and paging links must stay on the server:
 * a Bundle pointing elsewhere is refused before anything is sent there.
 */
export class FhirClient {
  readonly base: URL;
  readonly #settings: FhirClientSettings;

  constructor(settings: FhirClientSettings) {
    this.base = requireSecureBaseUrl(settings.baseUrl);
    this.#settings = settings;
  }

  url(path: string, params: SearchParams = []): URL {
    const url = new URL(path, this.base);
    for (const [name, value] of params) url.searchParams.append(name, value);
    return url;
  }

  /** A resource by id; a 404 (or an id no FHIR server could hold) is `not-found`. */
  async read(type: string, id: string, signal: AbortSignal | undefined, field = 'id'): Promise<WriteResult> {
    if (!isFhirId(id)) throw new FrontdeskError('not-found', `no ${type} with this id`, { field });
    const result = await exchange(this.#settings, 'GET', this.url(`${type}/${id}`), { signal });
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
    const result: SearchResult = { matches: [], included: [], dropped: [], truncated: false };
    const visited = new Set<string>();
    let entries = 0;
    let url: URL | undefined = this.url(type, params);
    for (let page = 0; url; page++) {
      if (page >= this.#settings.maxPages) {
        result.truncated = true;
        break;
      }
      visited.add(url.href);
      const { body } = await exchange(this.#settings, 'GET', url, { signal });
      const read = readSearchPage(body, type, type, entries);
      entries += read.entries;
      result.matches.push(...read.matches);
      result.included.push(...read.included);
      result.dropped.push(...read.dropped);
      url = read.next === undefined ? undefined : this.#pagingLink(read.next, url);
      if (url && visited.has(url.href)) url = undefined; // a server linking a page to itself would loop forever
    }
    return result;
  }

  /** Only the first page: for "is there one?" questions. */
  async searchFirstPage(type: string, params: SearchParams, signal: AbortSignal | undefined): Promise<Json[]> {
    const { body } = await exchange(this.#settings, 'GET', this.url(type, params), { signal });
    return readSearchPage(body, type, type).matches;
  }

  async create(
    type: string,
    resource: Json,
    options: { ifNoneExist?: string | undefined; idempotencyKey: string; signal?: AbortSignal | undefined },
  ): Promise<WriteResult> {
    const result = await exchange(this.#settings, 'POST', this.url(type), {
      body: resource,
      headers: options.ifNoneExist === undefined ? undefined : { 'If-None-Exist': options.ifNoneExist },
      idempotencyKey: options.idempotencyKey,
      signal: options.signal,
    });
    return this.#written(type, result, options.signal);
  }

  async update(
    type: string,
    id: string,
    resource: Json,
    options: { ifMatch?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<WriteResult> {
    if (!isFhirId(id)) throw new FrontdeskError('not-found', `no ${type} with this id`, { field: 'id' });
    const result = await exchange(this.#settings, 'PUT', this.url(`${type}/${id}`), {
      body: resource,
      headers: options.ifMatch === undefined ? undefined : { 'If-Match': options.ifMatch },
      signal: options.signal,
    });
    return this.#written(type, result, options.signal);
  }

  /** The stored resource: from the body, or read from `Location` when the server answered `Prefer: return=minimal`. */
  async #written(type: string, result: ExchangeResult, signal: AbortSignal | undefined): Promise<WriteResult> {
    if (result.body === undefined || result.body === null || result.body === '') {
      const location = result.headers.get('location') ?? result.headers.get('content-location');
      const match = location ? new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/|$)`).exec(location) : null;
      if (!match?.[1]) {
        throw new FrontdeskError(
          'invalid-response',
          `${type}: the server returned neither the resource nor its location`,
        );
      }
      const read = await this.read(type, match[1], signal);
      return { ...read, status: result.status };
    }
    const resource = requireResource(result.body, type, type);
    if (!isFhirId(resource.id)) {
      throw new FrontdeskError('invalid-response', `${type}.id: missing or not a FHIR id`, { field: `${type}.id` });
    }
    return { status: result.status, resource, etag: versionTag(resource, result.headers.get('etag')) };
  }

  /** A `next` link, accepted only when it stays under the base URL (same origin, same path prefix). */
  #pagingLink(link: string, current: URL): URL {
    let url: URL;
    try {
      url = new URL(link, current);
    } catch {
      throw new FrontdeskError('invalid-response', 'Bundle.link: the next link is not a URL', { field: 'Bundle.link' });
    }
    const prefix = this.base.pathname;
    const underBase = url.pathname.startsWith(prefix) || url.pathname === prefix.slice(0, -1);
    if (url.origin !== this.base.origin || !underBase || url.username || url.password) {
      throw new FrontdeskError('invalid-response', 'Bundle.link: the next link leaves the FHIR server; refused', {
        field: 'Bundle.link',
      });
    }
    return url;
  }
}
