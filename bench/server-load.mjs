// Load for the server bench: a clinic big enough for 100,000 bookings, frontdesk-server as a child process, and
// closed-loop (saturation) and open-loop (fixed offered rate) booking runs. Traffic goes only to 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..');
const BIN = join(root, 'packages/server/bin/frontdesk-server.js');

/** 100 providers, each seeing patients 08:00-16:00 on weekdays in 20-minute slots for a year: ~620,000 slots. */
export function benchClinic() {
  const providers = Array.from({ length: 100 }, (_, i) => `provider-${String(i).padStart(3, '0')}`);
  return {
    organization: { id: 'bench', name: 'Bench Clinic', currency: 'USD' },
    settings: { horizonDays: 365 },
    locations: [{ id: 'main', name: 'Main', timeZone: 'America/Chicago' }],
    providers: providers.map((id) => ({
      id,
      displayName: id,
      credentials: ['MD'],
      specialties: [{ code: '207Q00000X', display: 'Family medicine' }],
      languages: ['en'],
      acceptingNewPatients: 'yes',
      locationIds: ['main'],
      telehealth: false,
      inPerson: true,
    })),
    visitTypes: [
      {
        id: 'visit',
        name: 'Visit',
        durationMinutes: 20,
        patientType: 'any',
        modality: 'in-person',
        serviceCodes: ['99213'],
      },
    ],
    availability: providers.map((provider) => ({
      provider,
      location: 'main',
      weekdays: [1, 2, 3, 4, 5],
      start: '08:00',
      end: '16:00',
      slotMinutes: 20,
      visitTypes: ['visit'],
    })),
  };
}

/** Imports the bench clinic into the database given by `args` (`--data DIR` or `--database-url URL`). */
export function importBenchClinic(args, dir) {
  const file = join(dir, 'bench-clinic.json');
  writeFileSync(file, JSON.stringify(benchClinic()));
  const result = spawnSync(process.execPath, [BIN, 'import', file, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
}

/** frontdesk-server on a free port of 127.0.0.1 with no rate limits; resolves once listening. */
export function startServerProcess(args) {
  const child = spawn(
    process.execPath,
    [BIN, '--port', '0', '--quiet', '--rate-limit-bookings', '0', '--rate-limit-surveys', '0', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolvePromise, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const origin = /"msg":"listening","origin":"([^"]+)"/.exec(buffered)?.[1];
      if (origin) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolvePromise({
          origin,
          pid: child.pid,
          rssMb: () =>
            Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`frontdesk-server exited (${code}) before listening`)));
  });
}

// Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them under our feet.
const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/**
 * One request over a kept-alive connection; resolves with the status and the body's text. A request on a reused
 * connection that the server closed meanwhile (the keep-alive race) is sent again once, on a new connection.
 */
function call(origin, method, path, body, headers = {}, retried = false) {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', fail);
    });
    req.on('error', (error) => {
      if (!retried && req.reusedSocket && error.code === 'ECONNRESET') {
        call(origin, method, path, body, headers, true).then(done, fail);
      } else fail(error);
    });
    req.end(body);
  });
}

/** Every free slot of the bench clinic, listed provider by provider (each request is one provider's year). */
export async function listAllSlots(origin) {
  const start = new Date(Date.now() + 86_400_000).toISOString();
  const end = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const all = [];
  for (let i = 0; i < Number(process.env.BENCH_PROVIDERS ?? 100); i++) {
    const query = new URLSearchParams({ start, end, providerId: `provider-${String(i).padStart(3, '0')}` });
    const { data } = JSON.parse((await call(origin, 'GET', `/api/slots?${query}`)).text);
    for (const slot of data) if (slot.status === 'free') all.push(slot.id);
  }
  // Interleave providers, so concurrent bookings do not queue on one provider's rows.
  return all.sort((a, b) => (a.slice(-14) < b.slice(-14) ? -1 : a.slice(-14) > b.slice(-14) ? 1 : a < b ? -1 : 1));
}

let keys = 0;
async function bookOne(origin, slotId) {
  const started = performance.now();
  const body = JSON.stringify({
    slotId,
    visitTypeId: 'visit',
    patient: {
      givenName: 'Bench',
      familyName: 'Patient',
      birthDate: '1970-01-01',
      phone: '+1 555 0100',
      patientType: 'new',
    },
    consent: { terms: true },
  });
  const answer = await call(origin, 'POST', '/api/bookings', body, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Idempotency-Key': `bench-${process.pid}-${++keys}-aaaaaaaa`,
  });
  return { status: answer.status, ms: performance.now() - started };
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Closed loop: `clients` concurrent clients book as fast as answers come, for `seconds`; bookings per second. */
export async function saturation(origin, slots, { clients = 64, seconds = 8 } = {}) {
  const until = performance.now() + seconds * 1000;
  let booked = 0;
  let other = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until && slots.length > 0) {
        const { status } = await bookOne(origin, slots.pop());
        if (status === 201) booked++;
        else other++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (other > 0) console.warn(`  (saturation: ${other} answers other than 201)`);
  return booked / elapsed;
}

/**
 * Open loop: bookings sent at a fixed `rate` per second for `seconds`, whether or not earlier ones were answered;
 * latency counts from when each was due, so a stalled server cannot hide its queue.
 */
export async function openLoop(origin, slots, { rate = 200, seconds = 10 } = {}) {
  const latencies = [];
  const pending = [];
  const start = performance.now();
  const total = rate * seconds;
  let failures = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((done) => setTimeout(done, wait));
    const slotId = slots.pop();
    pending.push(
      bookOne(origin, slotId).then(({ status }) => {
        if (status !== 201) failures++;
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(pending);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

/** p50/p99 of listing one provider's slots for 14 days, `count` times one after the other. */
export async function slotListing(origin, count = 200) {
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.now() + (i % 30) * 86_400_000).toISOString();
    const end = new Date(Date.parse(start) + 14 * 86_400_000).toISOString();
    const query = new URLSearchParams({ start, end, providerId: `provider-${String(i % 100).padStart(3, '0')}` });
    const started = performance.now();
    await call(origin, 'GET', `/api/slots?${query}`);
    latencies.push(performance.now() - started);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Books `count` slots with `clients` concurrent clients (for the memory figure). */
export async function bookMany(origin, slots, count, clients = 64) {
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (done < count && slots.length > 0) {
        done++;
        await bookOne(origin, slots.pop());
      }
    }),
  );
  return done;
}
