import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { demoClinic } from './clinic/demo.js';
import { parseClinicFile } from './clinic/file.js';
import { ClinicStore, writeClinic } from './clinic/store.js';
import { type Clock, systemClock } from './clock.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { type AppOptions, createApp } from './http/app.js';
import { jsonLogger, type Logger } from './http/log.js';
import { type JobHandler, JobRunner } from './jobs/runner.js';
import { type Messaging, messageHandler } from './messages/deliver.js';
import { createMailer, type EmailSettings } from './messages/email.js';
import { createSmsSender, type SmsSettings } from './messages/sms.js';
import { startRetentionSchedule } from './staff/retention.js';
import type { VisitContext } from './visits/context.js';
import { OFFER_JOB, offerFreedSlotHandler } from './waitlist/offers.js';

export interface ServerOptions extends Omit<AppOptions, 'db' | 'store' | 'clock' | 'log' | 'publicUrl' | 'visits'> {
  /** Default 8080; 0 picks a free port. */
  port?: number | undefined;
  /** Default 127.0.0.1. */
  host?: string | undefined;
  /** `postgres://...`: use a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder when there is no `databaseUrl`; undefined keeps the database in memory only. */
  dataDir?: string | undefined;
  /** `demo`: load the demo clinic when the database holds no clinic yet. */
  seed?: 'demo' | undefined;
  /** The address browsers reach this server at (behind a proxy); default the listening address. */
  publicUrl?: string | undefined;
  clock?: Clock | undefined;
  log?: Logger | undefined;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number | undefined;
  /** How long shutdown waits for requests in flight. Default 10 s. */
  shutdownGraceMs?: number | undefined;
  /** E-mail to patients through the clinic's SMTP server; without it no e-mail is sent (or promised). */
  email?: EmailSettings | undefined;
  /** Text messages through the clinic's SMS webhook; without it no text is sent (or promised). */
  sms?: SmsSettings | undefined;
  jobs?:
    | {
        /** How often (real time) the job runner looks for due jobs. Default 5 s. */
        pollMs?: number | undefined;
        /** Extra job kinds (tests), beside the server's own. */
        handlers?: Readonly<Record<string, JobHandler>> | undefined;
        /** false: this process runs no jobs (another one does). Default true. */
        run?: boolean | undefined;
      }
    | undefined;
}

export interface RunningServer {
  /** `http://127.0.0.1:8080` */
  origin: string;
  port: number;
  server: Server;
  db: Database;
  store: ClinicStore;
  /** The visit's operations share this (`cancelBooking(server.visits, id, ...)` and the rest: see the README). */
  visits: VisitContext;
  /** The durable job runner (reminders, invitations, waitlist offers); `runDue()` runs what is due now. */
  jobs: JobRunner;
  /** Stop accepting, finish the requests in flight (up to the grace time), then close the database. */
  close(): Promise<void>;
}

/** Loads the demo clinic into an empty database (a clinic already there is never replaced by the seed). */
export async function seedDemo(db: Database, now: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL: the second waits here, then finds the clinic there.
    await tx.query('select pg_advisory_xact_lock($1)', [0x4644_5332]);
    const existing = await tx.query('select 1 from organization limit 1');
    if (existing.rowCount > 0) return false;
    await writeClinic(tx, parseClinicFile(demoClinic(now)));
    return true;
  });
}

/** Opens the database, migrates it, seeds it when asked, and serves the API (and the site when configured). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? jsonLogger();
  const db = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir, poolSize: options.poolSize });
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log({ level: 'info', msg: 'migrated', migrations: applied.join(',') });
    if (options.seed === 'demo' && (await seedDemo(db, clock.now()))) {
      log({ level: 'info', msg: 'seeded the demo clinic' });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = new ClinicStore(db, clock);
  if ((options.email || options.sms) && !options.pages?.manage) {
    log({ level: 'warn', msg: 'messages carry no link to manage the visit: set --manage-page' });
  }
  const visits: VisitContext = {
    db,
    store,
    clock,
    pages: options.pages ?? {},
    channels: { email: options.email !== undefined, sms: options.sms !== undefined },
  };
  const messaging: Messaging = {
    mailer: options.email && createMailer(options.email),
    sms: options.sms && createSmsSender(options.sms, clock),
    from: options.email?.from,
  };
  let origin = '';
  const app = createApp({
    ...options,
    db,
    store,
    clock,
    log,
    visits,
    publicUrl: () => options.publicUrl?.replace(/\/+$/, '') ?? origin,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  // Slow clients may not hold connections open for ever (slowloris).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const jobs = new JobRunner({
    db,
    clock,
    log,
    handlers: {
      message: messageHandler(visits, messaging),
      [OFFER_JOB]: offerFreedSlotHandler(visits),
      ...options.jobs?.handlers,
    },
    pollMs: options.jobs?.pollMs,
  });
  if (options.jobs?.run !== false) jobs.start();
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  log({ level: 'info', msg: 'listening', origin, database: db.kind });
  // Deletes what is older than the clinic's retention setting, every hour, beside the HTTP server.
  const retention =
    options.staff?.retentionEveryMs === 0
      ? undefined
      : startRetentionSchedule({ db, clock, log, everyMs: options.staff?.retentionEveryMs });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const grace = options.shutdownGraceMs ?? 10_000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, grace);
        timer.unref();
        // Stop accepting; idle keep-alive connections are closed now, busy ones after their response.
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      await jobs.stop();
      await retention?.stop();
      messaging.mailer?.close();
      await db.close();
      log({ level: 'info', msg: 'stopped' });
    })();
    return closing;
  };
  return { origin, port, server, db, store, visits, jobs, close };
}
