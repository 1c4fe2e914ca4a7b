// Helpers for the server's tests: a server on a fresh database of either backend, and the requests tests repeat.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase } from '../../test-support/temp-postgres.mjs';
import { createManualClock, type ManualClock } from '../clock.js';
import type { LogLine } from '../http/log.js';
import { type RunningServer, type ServerOptions, startServer } from '../server.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['pglite', 'postgres'];

/** Monday 2 March 2026, 08:00 in Nashville: every test's "now" unless it moves the clock. */
export const NOW = '2026-03-02T08:00:00-06:00';
export const WINDOW = { start: '2026-03-02T00:00:00-06:00', end: '2026-03-09T00:00:00-06:00' };

let databases = 0;

/** A new empty PostgreSQL database on the run's test server; its URL. */
export function freshPostgres(): Promise<string> {
  return createDatabase(inject('postgresUrl'), `t_${process.pid}_${Date.now()}_${databases++}`);
}

export interface TestServer extends RunningServer {
  api: string;
  clock: ManualClock;
  logs: LogLine[];
}

/**
 * The server on a fresh database (PGlite in memory, or a new PostgreSQL database), seeded with the demo clinic at
 * NOW on a manual clock, on a free port, logging into `logs`.
 */
export async function startTestServer(backend: Backend, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const clock = options.clock ? (options.clock as ManualClock) : createManualClock(NOW);
  const logs: LogLine[] = [];
  const running = await startServer({
    port: 0,
    seed: 'demo',
    ...(backend === 'postgres' ? { databaseUrl: await freshPostgres(), poolSize: 10 } : {}),
    log: (line) => logs.push(line),
    rateLimits: {
      bookings: { perMinute: 0 },
      surveyResponses: { perMinute: 0 },
      tokens: { perMinute: 0 },
      holds: { perMinute: 0 },
    },
    ...options,
    clock,
  });
  return { ...running, api: `${running.origin}/api`, clock, logs };
}

/**
 * The suite's own test server (see startTestServer): started before its first test, closed after its last. The
 * object is filled in when the server is up, so tests use it like the server itself.
 */
export function serverForSuite(backend: Backend, options: Partial<ServerOptions> = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    Object.assign(server, await startTestServer(backend, options));
  }, 60_000);
  afterAll(() => server.close?.());
  return server;
}

/** A slot as `GET /api/slots` lists it: what the tests read of it. */
export interface SlotRecord {
  id: string;
  start: string;
  end: string;
  status: string;
  visitTypeIds: string[];
}

/** The slots `GET /api/slots` lists for `query` (a provider, a visit type), in WINDOW unless it names other times. */
export async function listSlots(server: TestServer, query: Record<string, string> = {}): Promise<SlotRecord[]> {
  const answer = await fetch(`${server.api}/slots?${new URLSearchParams({ ...WINDOW, ...query })}`);
  return ((await answer.json()) as { data: SlotRecord[] }).data;
}

/** The free ones among them. */
export async function freeSlots(server: TestServer, query: Record<string, string> = {}): Promise<SlotRecord[]> {
  return (await listSlots(server, query)).filter((slot) => slot.status === 'free');
}

/** Idempotency keys for one test file: `prefix-key-000000`, `prefix-key-000001`, … (valid, distinct, readable). */
export function keySequence(prefix: string): () => string {
  let keys = 0;
  return () => `${prefix}-key-${String(keys++).padStart(6, '0')}`;
}

export function bookingBody(slotId: string, visitTypeId: string, patientType: 'new' | 'existing' = 'new') {
  return {
    slotId,
    visitTypeId,
    patient: { givenName: 'Jane', familyName: 'Doe', birthDate: '1980-02-29', phone: '+1 555 0100', patientType },
    consent: { terms: true },
  };
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const BIN = fileURLToPath(new URL('../../bin/frontdesk-server.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  /** Every line it wrote to stdout. */
  output: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * `frontdesk-server` as a real process (built: `pnpm run build`), on a free port of 127.0.0.1; resolves once it
 * logs that it listens.
 */
export function spawnServer(args: readonly string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(BUILT)) throw new Error('packages/server is not built: run `pnpm run build` first');
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that fails or times out must not leave a server running.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const origin = /"msg":"listening","origin":"([^"]+)"/.exec(line)?.[1];
        if (origin) resolve({ child, origin, output, exited });
      }
    });
    void exited.then((code) => reject(new Error(`frontdesk-server exited (${code}) before listening: ${errors}`)));
  });
}
