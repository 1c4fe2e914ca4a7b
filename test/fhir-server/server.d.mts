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

export interface FhirServer {
  /** The FHIR base URL, such as `http://127.0.0.1:41234/fhir`. */
  url: string;
  repo: MemoryRepository;
  close(): Promise<void>;
}

export function startFhirServer(options?: FhirServerOptions): Promise<FhirServer>;

export function createFhirHandler(options?: {
  resources?: Array<Record<string, unknown>>;
  basePath?: string;
  bearerToken?: string;
}): Promise<{ handle(req: IncomingMessage, res: ServerResponse): Promise<void>; repo: MemoryRepository }>;

export function demoClinic(options?: DemoClinicOptions): Promise<FhirResource[]>;
