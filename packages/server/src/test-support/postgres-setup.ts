// Vitest global setup: one throwaway PostgreSQL server for the whole run (each test file makes its own database on
// it), stopped and deleted when the run ends, failed or not. FRONTDESK_TEST_DATABASE_URL points the tests at an
// existing server instead.
import type { TestProject } from 'vitest/node';
import { startTempPostgres } from '../../test-support/temp-postgres.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const existing = process.env.FRONTDESK_TEST_DATABASE_URL;
  if (existing) {
    project.provide('postgresUrl', existing);
    return undefined;
  }
  const postgres = await startTempPostgres();
  project.provide('postgresUrl', postgres.url);
  return () => postgres.stop();
}
