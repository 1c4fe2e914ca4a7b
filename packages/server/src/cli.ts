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
import type { EmailSettings } from './messages/email.js';
import type { SmsSettings } from './messages/sms.js';
import { startServer } from './server.js';
import { STAFF_USAGE, staffCommand } from './staff/cli.js';
import { pageAddress } from './visits/links.js';

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
  --rate-limit-tokens N     requests naming a manage token, hold or offer per minute per client [FRONTDESK_RATE_LIMIT_TOKENS] (default 30)
  --rate-limit-holds N      holds per minute per client [FRONTDESK_RATE_LIMIT_HOLDS] (default 30)
  --pool-size N          PostgreSQL connections [FRONTDESK_POOL_SIZE] (default 20)
  --manage-page URL      the clinic's page where patients manage a booking; links add #token=... [FRONTDESK_MANAGE_PAGE]
  --survey-page URL      the clinic's survey page; links add ?survey=ID#invitation=... [FRONTDESK_SURVEY_PAGE]
  --waitlist-page URL    where waitlist offers are claimed; links add #offer=... [FRONTDESK_WAITLIST_PAGE] (default: the manage page)
  --smtp-url URL         e-mail patients through this SMTP server, smtp://user:pass@host:587 or smtps://...:465 [SMTP_URL]
  --mail-from ADDRESS    the sender of e-mail, "Clinic <visits@clinic.example>" [MAIL_FROM]
  --sms-webhook-url URL  text patients through this webhook (your SMS provider's bridge) [SMS_WEBHOOK_URL]
  --sms-webhook-secret S the secret the webhook checks each request's HMAC signature with [SMS_WEBHOOK_SECRET]
  --jobs-poll-ms N       how often to look for due reminders and other jobs [FRONTDESK_JOBS_POLL_MS] (default 5000)
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

/** E-mail settings from the flags: both the server and the sender, or neither. */
function emailSettings(smtpUrl: string | undefined, from: string | undefined): EmailSettings | undefined {
  if (!smtpUrl && !from) return undefined;
  if (!smtpUrl) fail('--mail-from needs --smtp-url (SMTP_URL) too');
  if (!from) fail('--smtp-url needs --mail-from (MAIL_FROM): the address patients get mail from');
  if (!/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    fail('--smtp-url takes smtp://user:pass@host:587 or smtps://user:pass@host:465');
  if (!/@[^@\s>]+\.[^@\s>]+>?\s*$/.test(from))
    fail(`--mail-from takes an address like "Clinic <visits@clinic.example>"`);
  return { smtpUrl, from };
}

/** SMS settings from the flags: an https webhook (http only on this machine) and a secret of 16 characters or more. */
function smsSettings(webhookUrl: string | undefined, secret: string | undefined): SmsSettings | undefined {
  if (!webhookUrl && !secret) return undefined;
  if (!webhookUrl) fail('--sms-webhook-secret needs --sms-webhook-url (SMS_WEBHOOK_URL) too');
  if (!secret || secret.length < 16)
    fail('--sms-webhook-url needs --sms-webhook-secret (SMS_WEBHOOK_SECRET) of 16 characters or more');
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    fail('--sms-webhook-url must be a URL');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) fail('--sms-webhook-url must be https');
  return { webhookUrl: url.href, secret };
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
      'rate-limit-tokens': { type: 'string' },
      'rate-limit-holds': { type: 'string' },
      'pool-size': { type: 'string' },
      'manage-page': { type: 'string' },
      'survey-page': { type: 'string' },
      'waitlist-page': { type: 'string' },
      'smtp-url': { type: 'string' },
      'mail-from': { type: 'string' },
      'sms-webhook-url': { type: 'string' },
      'sms-webhook-secret': { type: 'string' },
      'jobs-poll-ms': { type: 'string' },
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
  const page = (value: string | undefined, name: string) => {
    try {
      return pageAddress(value, name);
    } catch (error) {
      fail((error as Error).message);
    }
  };
  const pages = {
    manage: page(values['manage-page'] ?? env.FRONTDESK_MANAGE_PAGE, '--manage-page'),
    survey: page(values['survey-page'] ?? env.FRONTDESK_SURVEY_PAGE, '--survey-page'),
    waitlist: page(values['waitlist-page'] ?? env.FRONTDESK_WAITLIST_PAGE, '--waitlist-page'),
  };
  const email = emailSettings(values['smtp-url'] ?? env.SMTP_URL, values['mail-from'] ?? env.MAIL_FROM);
  const sms = smsSettings(
    values['sms-webhook-url'] ?? env.SMS_WEBHOOK_URL,
    values['sms-webhook-secret'] ?? env.SMS_WEBHOOK_SECRET,
  );
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
      tokens: {
        perMinute: integer(values['rate-limit-tokens'] ?? env.FRONTDESK_RATE_LIMIT_TOKENS, '--rate-limit-tokens', 30),
      },
      holds: {
        perMinute: integer(values['rate-limit-holds'] ?? env.FRONTDESK_RATE_LIMIT_HOLDS, '--rate-limit-holds', 30),
      },
    },
    pages,
    email,
    sms,
    jobs: { pollMs: integer(values['jobs-poll-ms'] ?? env.FRONTDESK_JOBS_POLL_MS, '--jobs-poll-ms', 5000) || 5000 },
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
