import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database.js';
import { BACKENDS, type Backend, bookingBody, freshPostgres, post, spawnServer } from './test-support/server.js';

/**
 * What must hold with real processes: two instances on one PostgreSQL never book a slot twice; a server killed with
 * SIGKILL under load loses no booking it answered 201 for; SIGTERM finishes what is in flight; a malformed URL is
 * answered and the process lives on.
 */
const NO_LIMITS = ['--rate-limit-bookings', '0', '--rate-limit-surveys', '0', '--quiet'];
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function where(backend: Backend): Promise<{ args: string[]; open: () => ReturnType<typeof openDatabase> }> {
  if (backend === 'postgres') {
    const url = await freshPostgres();
    return { args: ['--database-url', url], open: () => openDatabase({ url }) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
  folders.push(dir);
  return { args: ['--data', dir], open: () => openDatabase({ dataDir: dir }) };
}

async function freeSlots(origin: string, providerId: string): Promise<{ id: string; visitTypeIds: string[] }[]> {
  const start = new Date().toISOString();
  const end = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const answer = await fetch(`${origin}/api/slots?${new URLSearchParams({ start, end, providerId })}`);
  return ((await answer.json()) as { data: { id: string; status: string; visitTypeIds: string[] }[] }).data.filter(
    (slot) => slot.status === 'free',
  );
}

function bookAt(origin: string, slotId: string, visitTypeId: string, key: string): Promise<Response> {
  return post(`${origin}/api/bookings`, bookingBody(slotId, visitTypeId), { 'Idempotency-Key': key });
}

describe('two server processes on one PostgreSQL', () => {
  it('give exactly one 201 and 199 conflicts to 200 concurrent bookings of one slot', async () => {
    const url = await freshPostgres();
    const first = await spawnServer(['--database-url', url, '--seed', 'demo', ...NO_LIMITS]);
    const second = await spawnServer(['--database-url', url, '--seed', 'demo', ...NO_LIMITS]);
    try {
      const [slot] = await freeSlots(first.origin, 'maria-hernandez');
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          bookAt(
            i % 2 === 0 ? first.origin : second.origin,
            slot!.id,
            'new-patient',
            `race-key-${String(i).padStart(8, '0')}`,
          ),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(199);
      // Both instances now see the slot taken.
      for (const origin of [first.origin, second.origin]) {
        expect((await freeSlots(origin, 'maria-hernandez')).some((free) => free.id === slot!.id)).toBe(false);
      }
    } finally {
      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      await Promise.all([first.exited, second.exited]);
    }
  }, 90_000);
});

describe.each(BACKENDS)('kill -9 under booking load on %s', (backend) => {
  it('keeps every booking answered 201, none twice, each slot taken after the restart', async () => {
    const database = await where(backend);
    const server = await spawnServer([...database.args, '--seed', 'demo', ...NO_LIMITS]);
    const slots = await freeSlots(server.origin, 'tomas-rivera');
    const confirmed = new Map<string, { id: string; key: string; slotId: string }>();
    let next = 0;
    let killed = false;
    // Eight clients booking distinct slots, as fast as the server answers, until the process dies.
    const worker = async () => {
      while (!killed && next < slots.length) {
        const slot = slots[next++]!;
        const key = `crash-key-${String(next).padStart(8, '0')}`;
        try {
          const answer = await bookAt(server.origin, slot.id, 'pt-evaluation', key);
          if (answer.status === 201)
            confirmed.set(slot.id, { id: ((await answer.json()) as { id: string }).id, key, slotId: slot.id });
        } catch {
          // The connection died with the process: the outcome is unknown to this client, and that is allowed.
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    await new Promise((resolve) => setTimeout(resolve, 800));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all([load, server.exited]);
    expect(confirmed.size).toBeGreaterThan(5);

    const restarted = await spawnServer([...database.args, ...NO_LIMITS]);
    try {
      const free = new Set((await freeSlots(restarted.origin, 'tomas-rivera')).map((slot) => slot.id));
      for (const booking of confirmed.values()) {
        expect(free.has(booking.slotId)).toBe(false);
        // A second patient is refused; the first patient's retry gets the same booking back.
        expect((await bookAt(restarted.origin, booking.slotId, 'pt-evaluation', `second-${booking.key}`)).status).toBe(
          409,
        );
        const retry = await bookAt(restarted.origin, booking.slotId, 'pt-evaluation', booking.key);
        expect(((await retry.json()) as { id: string }).id).toBe(booking.id);
      }
    } finally {
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
    const db = await database.open();
    try {
      const rows = await db.query<{ id: string; slot_id: string }>(
        "select id, slot_id from bookings where provider_id = 'tomas-rivera' and status = 'booked'",
      );
      const ids = rows.rows.map((row) => row.id);
      for (const booking of confirmed.values()) expect(ids.filter((id) => id === booking.id)).toHaveLength(1);
      expect(new Set(rows.rows.map((row) => row.slot_id)).size).toBe(rows.rows.length);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe('the server process', () => {
  it('answers GET /% and lives on; on SIGTERM finishes the request in flight, then exits 0', async () => {
    const database = await where('postgres');
    const server = await spawnServer([...database.args, '--seed', 'demo', ...NO_LIMITS]);
    const { port } = new URL(server.origin);
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/%', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
    expect((await fetch(`${server.origin}/api/organization`)).status).toBe(200);
    // A year of slots takes the server a moment; SIGTERM arrives while it works.
    const inFlight = fetch(
      `${server.origin}/api/slots?${new URLSearchParams({ start: new Date().toISOString(), end: new Date(Date.now() + 365 * 86_400_000).toISOString() })}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: unknown[] }).data.length).toBeGreaterThan(1_000);
    expect(await server.exited).toBe(0);
    expect(server.output.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    await expect(fetch(`${server.origin}/api/organization`)).rejects.toThrow();
  }, 60_000);
});
