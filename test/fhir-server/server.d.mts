import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MemoryRepository } from '@medplum/fhir-router';

export type FhirResource = Record<string, unknown> & { resourceType: string };

export interface DemoClinicOptions {
  /** Days of slots from now. Default 30. */
  days?: number;
  photoBaseUrl?: string;
  now?: string | number | Date;
}

export interface FhirServerOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `/fhir`. */
  basePath?: string;
  /** Resources to load, or `'demo'` for the demo clinic (needs `pnpm run build`). */
  seed?: FhirResource[] | Array<Record<string, unknown>> | 'demo';
  demo?: DemoClinicOptions;
  /** When set, every request needs `Authorization: Bearer <bearerToken>`. */
  bearerToken?: string;
}

/** How the next matching request is answered (see server.mjs BEFORE_WRITE and AFTER_WRITE). */
export type AnswerShape =
  | 'conflict-409'
  | 'precondition-412'
  | 'error-500-before'
  | 'redirect-307'
  | 'empty-201'
  | 'location-201'
  | 'outcome-201'
  | 'reset-after-write'
  | 'error-500-after-write'
  | 'hang-after-write';

export interface RecordedRequest {
  method: string;
  /** Under the base: `/Appointment`. */
  path: string;
  /** `?url=...&count=50`, or empty. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FhirServer {
  /** The FHIR base URL, such as `http://127.0.0.1:41234/fhir`. */
  url: string;
  repo: MemoryRepository;
  /** Answer the next `method` request to `path` (`/Appointment`) in `shape`, once. */
  answerNext(method: string, path: string, shape: AnswerShape): void;
  /** Every request served, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export function startFhirServer(options?: FhirServerOptions): Promise<FhirServer>;

export function createFhirHandler(options?: {
  resources?: Array<Record<string, unknown>>;
  basePath?: string;
  bearerToken?: string;
}): Promise<{
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  repo: MemoryRepository;
  answerNext: FhirServer['answerNext'];
  requests: RecordedRequest[];
}>;

export function demoClinic(options?: DemoClinicOptions): Promise<FhirResource[]>;
