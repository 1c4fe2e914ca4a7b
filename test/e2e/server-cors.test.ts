// @frontdesk/server's CORS in a real browser: the clinic's own website, on another origin that the server lists,
// books through the server; a page on an origin it does not list gets nothing (the browser hides every answer and the
// server refuses the booking), and the widget says so instead of pretending.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningServer, silentLogger, startServer } from '@frontdesk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../examples/serve.mjs';
import { launchChromium, shadowText } from './harness.js';
import { confirmation, fillDetails, PATIENT, pickTimeByKeyboard, pressConfirm } from './patient-steps.js';

let frontdesk: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const sites: Server[] = [];
let allowedOrigin = '';
let otherOrigin = '';

/** A clinic website that knows nothing of Frontdesk but the snippet: the bundle and the API on another origin. */
function clinicSite(): Promise<string> {
  const server = createServer((_req, res) => {
    const api = frontdesk.origin;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Book</title>
<script type="module" src="${api}/cdn/frontdesk.js"></script></head>
<body><main><h1>Book a visit</h1>
<fd-clinic adapter="rest" api="${api}/api"><fd-slot-picker provider="rosa-delgado"></fd-slot-picker></fd-clinic>
</main></body></html>`);
  });
  sites.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://localhost:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  // The origins exist before the server starts, as a clinic's website does.
  allowedOrigin = await clinicSite();
  otherOrigin = await clinicSite();
  frontdesk = await startServer({
    port: 0,
    seed: 'demo',
    corsOrigins: [allowedOrigin],
    site: { cdnDir: SITE.cdnDir },
    log: silentLogger,
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await frontdesk?.close();
  for (const site of sites) {
    site.closeAllConnections();
    site.close();
  }
});

async function bookings(): Promise<number> {
  const rows = await frontdesk.db.query<{ n: number }>('select count(*)::int as n from bookings');
  return rows.rows[0]?.n ?? 0;
}

describe('frontdesk-server behind a clinic website on another origin', () => {
  it("books from the clinic's own origin", async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(allowedOrigin);
      await pickTimeByKeyboard(page);
      await fillDetails(page);
      await pressConfirm(page);
      const { ics } = await confirmation(page);
      expect(ics).toContain('BEGIN:VEVENT');
      expect(await bookings()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('refuses an origin it does not list: the widget shows an error, and a booking sent anyway is not made', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/Chicago' });
    try {
      const page = await context.newPage();
      await page.goto(otherOrigin);
      const picker = page.locator('fd-slot-picker');
      await picker.getByRole('alert').waitFor({ timeout: 30_000 });
      expect(await shadowText(picker)).not.toContain(PATIENT.family);
      // A script on that page posting a booking itself: the preflight fails, nothing reaches the database.
      const before = await bookings();
      const outcome = await page.evaluate(async (api) => {
        try {
          const slots = await fetch(`${api}/api/slots?start=2026-01-01T00:00:00Z&end=2026-01-02T00:00:00Z`);
          return `read ${slots.status}`;
        } catch {
          try {
            await fetch(`${api}/api/bookings`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'foreign-origin-key-01' },
              body: JSON.stringify({ slotId: 'x', visitTypeId: 'y' }),
            });
            return 'posted';
          } catch {
            return 'refused';
          }
        }
      }, frontdesk.origin);
      expect(outcome).toBe('refused');
      // Even a "simple" POST, which needs no preflight, is refused by the server itself.
      const simple = await page.evaluate(async (api) => {
        try {
          const answer = await fetch(`${api}/api/bookings`, { method: 'POST', mode: 'no-cors', body: '{}' });
          return answer.type;
        } catch {
          return 'refused';
        }
      }, frontdesk.origin);
      expect(['opaque', 'refused']).toContain(simple);
      expect(await bookings()).toBe(before);
    } finally {
      await context.close();
    }
  }, 60_000);
});
