// A real SMTP server and a real SMS webhook receiver for the server's tests: what a patient would get, parsed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { SIGNATURE_HEADER, type SmsPayload, signature } from '../messages/sms.js';
import type { ServerOptions } from '../server.js';
import { type Backend, startTestServer, type TestServer } from './server.js';

async function until<T>(what: string, read: () => T | undefined, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Mailbox {
  /** `smtp://127.0.0.1:PORT` */
  url: string;
  /** Every message received, parsed, in order. */
  mails: ParsedMail[];
  /** Resolves once `count` messages have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** An SMTP server on a free port of 127.0.0.1 (no TLS, no auth), refusing recipients whose address has `bounce`. */
export async function startMailbox(): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.includes('bounce')) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor: (count, timeoutMs = 10_000) =>
      until(`${count} e-mails (have ${mails.length})`, () => (mails.length >= count ? mails : undefined), timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SmsReceiver {
  url: string;
  secret: string;
  /** Messages whose signature checked out. */
  texts: SmsPayload[];
  /** Requests refused: a bad or stale signature. */
  refused: number;
  /** Answer this many requests 503 before accepting. */
  failNext(count: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<SmsPayload[]>;
  close(): Promise<void>;
}

/**
 * A node:http webhook that does what a clinic's SMS bridge must: check the `Frontdesk-Signature` (HMAC-SHA256 of
 * `<t>.<body>` with the shared secret, t within five minutes of `now()`), then accept.
 */
export async function startSmsReceiver(now: () => number = Date.now): Promise<SmsReceiver> {
  const secret = 'test-webhook-secret-0123456789';
  const texts: SmsPayload[] = [];
  let failing = 0;
  const receiver = {
    url: '',
    secret,
    texts,
    refused: 0,
    failNext(count: number) {
      failing = count;
    },
    waitFor: (count: number, timeoutMs = 10_000) =>
      until(`${count} texts (have ${texts.length})`, () => (texts.length >= count ? texts : undefined), timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers[SIGNATURE_HEADER.toLowerCase()] ?? '');
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      const fresh = match && Math.abs(now() / 1000 - Number(match[1])) <= 300;
      if (!match || !fresh || signature(secret, Number(match[1]), body) !== match[2]) {
        receiver.refused++;
        res.writeHead(401).end();
        return;
      }
      if (failing > 0) {
        failing--;
        res.writeHead(503).end();
        return;
      }
      texts.push(JSON.parse(body) as SmsPayload);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return receiver;
}

export interface MailedServer extends TestServer {
  mailbox: Mailbox;
  /** Only when started with `sms: true`. */
  sms: SmsReceiver | undefined;
}

/**
 * A test server whose e-mail goes to a new mailbox (from `from`) and, with `sms: true`, whose texts go to a new
 * receiver checking signatures on the server's clock; its jobs run every 10 ms unless `options.jobs` says otherwise.
 * Closing the server closes them too.
 */
export async function startMailedServer(
  backend: Backend,
  options: Partial<ServerOptions> = {},
  { from = 'visits@clinic.example', sms: withSms = false } = {},
): Promise<MailedServer> {
  const mailbox = await startMailbox();
  let server: TestServer | undefined;
  const sms = withSms ? await startSmsReceiver(() => server?.clock.now() ?? Date.now()) : undefined;
  server = await startTestServer(backend, {
    email: { smtpUrl: mailbox.url, from },
    ...(sms ? { sms: { webhookUrl: sms.url, secret: sms.secret } } : {}),
    jobs: { pollMs: 10 },
    ...options,
  });
  const closeServer = server.close;
  return {
    ...server,
    mailbox,
    sms,
    async close() {
      await closeServer();
      await mailbox.close();
      await sms?.close();
    },
  };
}
