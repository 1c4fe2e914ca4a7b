import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isFrontdeskError } from '@frontdesk/core';
import { importClinic } from './clinic/import.js';
import { readClinicFile } from './clinic/read-file.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { jsonLogger } from './http/log.js';
import { startServer } from './server.js';
import { STAFF_USAGE, staffCommand } from './staff/cli.js';

const USAGE = `Usage:
  frontdesk-server [serve] [options]     serve the API at /api (and a site, with --site)
  frontdesk-server import FILE [options] replace the clinic's data with FILE (JSON, YAML or a FHIR Bundle)
  frontdesk-server migrate [options]     apply the database migrations and exit
${STAFF_USAGE}

Options (environment variable in brackets):
  --port N               port to listen on, 0 for any free one [PORT] (default 8080)
  --host ADDRESS         address to listen on [HOST] (default 127.0.0.1)
  --data DIR             PGlite data folder [FRONTDESK_DATA] (default .frontdesk/data)
  --database-url URL     PostgreSQL instead of PGlite [DATABASE_URL]
  --seed demo            load the demo clinic into an empty database
  --site DIR             serve a site folder at / (its built apps from DIR/dist), and /cdn/
  --cdn DIR              the script-tag bundles served at /cdn/ (default: the frontdesk package's dist/cdn)
  --cors-origin ORIGIN   a page origin allowed to call the API; repeat or comma-separate [FRONTDESK_CORS_ORIGINS]
  --trust-proxy          behind an HTTPS reverse proxy: trust X-Forwarded-For, send HSTS [FRONTDESK_TRUST_PROXY=1]
  --public-url URL       the address browsers use, for absolute links [FRONTDESK_PUBLIC_URL]
  --rate-limit-bookings N   bookings per minute per client, 0 for none [FRONTDESK_RATE_LIMIT_BOOKINGS] (default 10)
  --rate-limit-surveys N    survey responses per minute per client, 0 for none [FRONTDESK_RATE_LIMIT_SURVEYS] (default 20)
  --pool-size N          PostgreSQL connections [FRONTDESK_POOL_SIZE] (default 20)
  --quiet                no request logs (start, stop and errors are still logged)
  --help`;

function fail(message: string): never {
  process.stderr.write(`frontdesk-server: ${message}\n`);
  process.exit(1);
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a whole number, not "${value}"`);
  return n;
}

/** The frontdesk package's script-tag build, wherever it is installed (the monorepo links it). */
function defaultCdnDir(): string | undefined {
  for (const base of [process.cwd(), import.meta.dirname]) {
    try {
      const pkg = createRequire(join(base, 'noop.js')).resolve('frontdesk/package.json');
      const dir = join(dirname(pkg), 'dist', 'cdn');
      if (existsSync(dir)) return dir;
    } catch {
      // not resolvable from here
    }
  }
  return undefined;
}

export async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      site: { type: 'string' },
      cdn: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'trust-proxy': { type: 'boolean' },
      'public-url': { type: 'string' },
      'rate-limit-bookings': { type: 'string' },
      'rate-limit-surveys': { type: 'string' },
      'pool-size': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
      // staff commands
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string', multiple: true },
      'expires-days': { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = process.env;
  const [command = 'serve', ...rest] = positionals;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL ?? undefined;
  const dataDir = resolve(values.data ?? env.FRONTDESK_DATA ?? join('.frontdesk', 'data'));
  const database = { url: databaseUrl || undefined, dataDir };

  if (command === 'migrate') {
    const db = await openDatabase(database);
    try {
      const applied = await migrate(db);
      process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'the schema is up to date\n');
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'staff' || command === 'retention') {
    const db = await openDatabase(database);
    let problem: string | undefined;
    try {
      await migrate(db);
      await staffCommand(db, systemClock, [command, ...rest], values);
    } catch (error) {
      problem = (error as Error).message;
    } finally {
      await db.close();
    }
    if (problem) fail(problem);
    return;
  }

  if (command === 'import') {
    const file = rest[0];
    if (!file) fail('import needs a file: frontdesk-server import clinic.yaml');
    let clinic: Awaited<ReturnType<typeof readClinicFile>>;
    try {
      clinic = await readClinicFile(file);
    } catch (error) {
      if (isFrontdeskError(error)) fail(`${file}: ${error.message}`);
      fail(`${file}: ${(error as Error).message}`);
    }
    const db = await openDatabase(database);
    try {
      await migrate(db);
      const summary = await importClinic(db, clinic);
      process.stdout.write(
        `imported ${file}: ${Object.entries(summary)
          .map(([what, count]) => `${count} ${what}`)
          .join(', ')}\n`,
      );
    } finally {
      await db.close();
    }
    return;
  }

  const log = jsonLogger();
  if (command !== 'serve') fail(`unknown command "${command}"\n\n${USAGE}`);
  if (values.seed !== undefined && values.seed !== 'demo') fail('--seed takes one value: demo');
  const corsOrigins = [...(values['cors-origin'] ?? []), ...(env.FRONTDESK_CORS_ORIGINS ?? '').split(',')]
    .flatMap((origin) => origin.split(','))
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      fail(`--cors-origin takes an origin like https://www.clinic.example, not "${origin}"`);
  }
  const site = values.site ? resolve(values.site) : undefined;
  if (site && !existsSync(site)) fail(`--site: no folder ${site}`);
  const cdnDir = values.cdn ? resolve(values.cdn) : site ? defaultCdnDir() : undefined;

  const running = await startServer({
    port: integer(values.port ?? env.PORT, '--port', 8080),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    databaseUrl: database.url,
    dataDir,
    seed: values.seed === 'demo' ? 'demo' : undefined,
    corsOrigins,
    trustProxy: values['trust-proxy'] ?? env.FRONTDESK_TRUST_PROXY === '1',
    publicUrl: values['public-url'] ?? env.FRONTDESK_PUBLIC_URL ?? undefined,
    rateLimits: {
      bookings: {
        perMinute: integer(
          values['rate-limit-bookings'] ?? env.FRONTDESK_RATE_LIMIT_BOOKINGS,
          '--rate-limit-bookings',
          10,
        ),
      },
      surveyResponses: {
        perMinute: integer(
          values['rate-limit-surveys'] ?? env.FRONTDESK_RATE_LIMIT_SURVEYS,
          '--rate-limit-surveys',
          20,
        ),
      },
    },
    poolSize: integer(values['pool-size'] ?? env.FRONTDESK_POOL_SIZE, '--pool-size', 20),
    site: site || cdnDir ? { dir: site, cdnDir } : undefined,
    log: values.quiet ? (line) => line.msg !== 'request' && log(line) : log,
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'stopping', signal });
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Logs going nowhere (the reader of stdout went away) must neither crash the server nor spin on the error.
  process.stdout.on('error', () => {});
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A fault in one request must not end the service for everyone: log its class (never its message) and go on.
  process.on('unhandledRejection', (error) => {
    log({ level: 'error', msg: 'unhandled rejection', error: error instanceof Error ? error.name : typeof error });
  });
  process.on('uncaughtException', (error) => {
    log({ level: 'error', msg: 'uncaught exception', error: error.name });
  });
}
