// The demo site behind @frontdesk/server as the patient's whole visit needs it: a real SMTP server for the messages,
// a clock the test moves, the jobs (messages, waitlist offers) polled quickly, and Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemoServer } from '../../examples/serve.mjs';
import { createManualClock, type ManualClock, type RunningServer } from '../../packages/server/dist/index.js';
import { type Mailbox, startMailbox } from '../../packages/server/src/test-support/mailbox.js';
import { launchChromium, type Site } from './harness.js';

export interface VisitSite {
  mailbox: Mailbox;
  clock: ManualClock;
  server: RunningServer;
  site: Site;
  browser: Browser;
  close(): Promise<void>;
}

export async function startVisitSite(): Promise<VisitSite> {
  const mailbox = await startMailbox();
  const clock = createManualClock(Date.now());
  const demo = await startDemoServer({
    port: 0,
    quiet: true,
    email: { smtpUrl: mailbox.url, from: 'Riverside Demo Clinic <visits@riverside.example>' },
    clock,
    jobs: { pollMs: 100 },
  });
  const browser = await launchChromium();
  return {
    mailbox,
    clock,
    server: demo.running!,
    site: { origin: demo.origin, browser, close: async () => undefined },
    browser,
    close: async () => {
      await browser.close();
      await demo.close();
      await mailbox.close();
    },
  };
}

/** Starts the visit site before a file's first test (handing it to `started`) and closes it after its last. */
export function visitSiteForSuite(started: (visit: VisitSite) => void): void {
  let visit: VisitSite | undefined;
  beforeAll(async () => {
    visit = await startVisitSite();
    started(visit);
  }, 60_000);
  afterAll(async () => {
    await visit?.close();
  });
}
