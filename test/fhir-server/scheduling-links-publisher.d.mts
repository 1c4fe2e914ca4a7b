export const EXAMPLES_ORIGIN: string;
export const EXAMPLES_DIR: string;

export interface PublishedRequest {
  method: string | undefined;
  path: string;
  /** `?_since=...`, or empty. */
  query: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  /** Bytes sent, for generated bodies. */
  bytes?: number;
}

export interface PutOptions {
  cacheControl?: string;
  /** For generated bodies (strings get a content hash). */
  etag?: string;
  lastModified?: string;
  status?: number;
  /** For `putManifest`: the manifest's `transactionTime` (default: now). */
  transactionTime?: string;
}

export interface ManifestOutput {
  type: string;
  url: string;
  extension?: { state?: string[] };
}

export interface Publisher {
  origin: string;
  manifestUrl: string;
  requests: PublishedRequest[];
  /** `path` may carry a query: that route answers only requests with that query (in any encoding). */
  put(path: string, body: string | (() => Iterable<string> | AsyncIterable<string>), options?: PutOptions): void;
  putManifest(path: string, outputs: ManifestOutput[], options?: PutOptions): void;
  serveExamples(options?: PutOptions): void;
  close(): Promise<void>;
}

export function startPublisher(options?: { cacheControl?: string }): Promise<Publisher>;
