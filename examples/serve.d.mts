import type { Server } from 'node:http';
import type { RunningServer, ServerOptions } from '../packages/server/dist/index.js';

export interface DemoServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  hostname?: string;
  /** No startup line and no request logs. */
  quiet?: boolean;
  /** `rest` (default): @frontdesk/server on the demo clinic; `fhir`: /fhir/ on Medplum, the pages switched to it. */
  backend?: 'rest' | 'fhir';
  /** `rest` only: keep the database in this PGlite folder instead of in memory. */
  dataDir?: string;
  /** `rest` only: the server's SMTP settings (mail to patients). */
  email?: ServerOptions['email'];
  /** `rest` only: the server's clock (tests move it). */
  clock?: ServerOptions['clock'];
  /** `rest` only: the job runner's settings. */
  jobs?: ServerOptions['jobs'];
}

/** The site served with the demo: examples/ and the script-tag bundles. */
export const SITE: { dir: string; cdnDir: string };

/** Serves examples/, /cdn/ (the built script-tag bundles) and the demo clinic's API. Needs `pnpm run build`. */
export function startDemoServer(
  options?: DemoServerOptions,
): Promise<{ server: Server; origin: string; close(): Promise<void>; running?: RunningServer }>;
