import type { Server } from 'node:http';

export interface DemoServerOptions {
  /** Default `PORT`, the first numeric argument, or 8080; 0 picks a free port. */
  port?: number;
  /** Default `HOST` or 127.0.0.1. */
  hostname?: string;
  /** No startup line on the console. */
  quiet?: boolean;
  /** `rest` (default): /api/ over the memory demo clinic; `fhir`: also /fhir/, the pages switched to it. */
  backend?: 'rest' | 'fhir';
}

/** Serves examples/, /cdn/ (the built script-tag bundles) and the demo clinic's API. Needs `pnpm run build`. */
export function startDemoServer(options?: DemoServerOptions): Promise<{ server: Server; origin: string }>;
