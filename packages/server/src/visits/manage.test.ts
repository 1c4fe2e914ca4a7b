import { describe, expect, it } from 'vitest';
import {
  BACKENDS,
  bookingBody,
  keySequence,
  listSlots,
  post,
  serverForSuite,
  startTestServer,
} from '../test-support/server.js';

const MANAGE_PAGE = 'https://clinic.example/appointment';

/**
 * Managing a booking by its token, on PGlite and PostgreSQL: the token is given once (its hash kept), opens the
 * booking, cancels it and moves it in one transaction; a wrong token is a 404; a taken slot leaves the booking as it
 * was.
 */
describe.each(BACKENDS)('managing a booking on %s', (backend) => {
  const server = serverForSuite(backend, { pages: { manage: MANAGE_PAGE } });
  const key = keySequence('manage-test');

  const slots = (providerId: string) => listSlots(server, { providerId });

  async function bookFirstFree(providerId: string, skip = 0) {
    const slot = (await slots(providerId)).filter((s) => s.status === 'free' && s.visitTypeIds.includes('new-patient'))[
      skip
    ]!;
    const answer = await post(`${server.api}/bookings`, bookingBody(slot.id, 'new-patient'), {
      'Idempotency-Key': key(),
    });
    expect(answer.status).toBe(201);
    return { slot, booking: (await answer.json()) as Record<string, unknown> & { manageToken: string; id: string } };
  }

  const manage = (token: string, action = '') => `${server.api}/bookings/${token}${action}`;

  it('gives a manage token once, in a link fragment, and keeps only its hash', async () => {
    const { booking } = await bookFirstFree('rosa-delgado');
    expect(booking.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(booking.manageUrl).toBe(`${MANAGE_PAGE}#token=${booking.manageToken}`);
    expect(booking.sequence).toBe(0);
    expect(booking.notifications).toEqual({ email: false, sms: false });
    expect(booking.instructions).toContain('use the link to manage your visit');
    const dump = await server.db.query<{ text: string }>(
      `select coalesce(string_agg(t::text, ' '), '') as text from (
         select to_jsonb(b) as t from bookings b union all select to_jsonb(k) from idempotency_keys k
         union all select to_jsonb(a) from access_tokens a union all select to_jsonb(j) from jobs j) x`,
    );
    expect(dump.rows[0]!.text).not.toContain(booking.manageToken);
    const viewed = await fetch(manage(booking.manageToken));
    expect(viewed.status).toBe(200);
    expect(viewed.headers.get('Cache-Control')).toBe('no-store');
    const seen = (await viewed.json()) as Record<string, unknown>;
    expect(seen).toMatchObject({ id: booking.id, status: 'booked', patientName: 'Jane' });
    expect(seen.manageToken).toBeUndefined();
    expect(seen.manageUrl).toBeUndefined();
    // The request line logged names the route, never the token.
    expect(JSON.stringify(server.logs)).not.toContain(booking.manageToken);
  });

  it('answers a repeated booking request with the same booking and a new token that works too', async () => {
    const slot = (await slots('emily-carter')).find(
      (s) => s.status === 'free' && s.visitTypeIds.includes('new-patient'),
    )!;
    const body = bookingBody(slot.id, 'new-patient');
    const first = (await (
      await post(`${server.api}/bookings`, body, { 'Idempotency-Key': 'replayed-key-0001' })
    ).json()) as {
      id: string;
      manageToken: string;
    };
    const again = (await (
      await post(`${server.api}/bookings`, body, { 'Idempotency-Key': 'replayed-key-0001' })
    ).json()) as {
      id: string;
      manageToken: string;
    };
    expect(again.id).toBe(first.id);
    expect(again.manageToken).not.toBe(first.manageToken);
    for (const token of [first.manageToken, again.manageToken]) {
      expect(((await (await fetch(manage(token))).json()) as { id: string }).id).toBe(first.id);
    }
  });

  it('answers a wrong or malformed token with a 404 that says nothing more', async () => {
    for (const token of ['A'.repeat(43), 'short', 'x'.repeat(300), 'a%00b']) {
      const answer = await fetch(manage(token));
      expect(answer.status).toBe(404);
      expect(await answer.json()).toEqual({
        error: { kind: 'not-found', message: 'no booking with this token', field: 'manageToken' },
      });
    }
    const cancel = await post(manage('B'.repeat(43), '/cancel'), {}, { 'Idempotency-Key': key() });
    expect(cancel.status).toBe(404);
  });

  it('moves a booking in one transaction: the new slot taken, the old one free, the same id with its sequence raised', async () => {
    const { slot, booking } = await bookFirstFree('maria-hernandez');
    const target = (await slots('maria-hernandez')).find(
      (s) => s.status === 'free' && s.id !== slot.id && s.visitTypeIds.includes('new-patient'),
    )!;
    const moveKey = key();
    const moved = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: target.id },
      { 'Idempotency-Key': moveKey },
    );
    expect(moved.status, await moved.clone().text()).toBe(200);
    const after = (await moved.json()) as { id: string; slot: { id: string }; sequence: number; status: string };
    expect(after).toMatchObject({ id: booking.id, slot: { id: target.id }, sequence: 1, status: 'booked' });
    const now = await slots('maria-hernandez');
    expect(now.find((s) => s.id === slot.id)?.status).toBe('free');
    expect(now.find((s) => s.id === target.id)?.status).toBe('busy');
    // The same key again: the same answer, nothing moved twice.
    const repeat = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: target.id },
      { 'Idempotency-Key': moveKey },
    );
    expect(await repeat.json()).toEqual(after);
    const other = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: slot.id },
      { 'Idempotency-Key': moveKey },
    );
    expect(other.status).toBe(422);
  });

  it('refuses a move to a taken slot with a 409 and leaves the booking as it was', async () => {
    const { booking } = await bookFirstFree('maria-hernandez', 3);
    const { slot: taken } = await bookFirstFree('maria-hernandez', 3);
    const refused = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: taken.id },
      { 'Idempotency-Key': key() },
    );
    expect(refused.status).toBe(409);
    const seen = (await (await fetch(manage(booking.manageToken))).json()) as {
      slot: { id: string };
      sequence: number;
    };
    expect(seen.slot.id).toBe((booking.slot as { id: string }).id);
    expect(seen.sequence).toBe(0);
    const unknown = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: 'no-such-slot' },
      { 'Idempotency-Key': key() },
    );
    expect(unknown.status).toBe(404);
  });

  it('gives two concurrent moves to one slot exactly one success', async () => {
    const { booking: first } = await bookFirstFree('grace-mensah');
    const { booking: second } = await bookFirstFree('grace-mensah');
    const target = (await slots('grace-mensah')).find(
      (s) => s.status === 'free' && s.visitTypeIds.includes('new-patient'),
    )!;
    const answers = await Promise.all(
      [first, second].map((booking) =>
        post(manage(booking.manageToken, '/reschedule'), { slotId: target.id }, { 'Idempotency-Key': key() }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('cancels: the slot is free again, a second cancel changes nothing, a cancelled booking cannot move', async () => {
    const { slot, booking } = await bookFirstFree('emily-carter', 2);
    const cancelled = await post(
      manage(booking.manageToken, '/cancel'),
      { reason: 'I feel better' },
      { 'Idempotency-Key': key() },
    );
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id: booking.id, status: 'cancelled', sequence: 1 });
    expect((await slots('emily-carter')).find((s) => s.id === slot.id)?.status).toBe('free');
    const again = await post(manage(booking.manageToken, '/cancel'), {}, { 'Idempotency-Key': key() });
    expect(await again.json()).toMatchObject({ status: 'cancelled', sequence: 1 });
    const move = await post(
      manage(booking.manageToken, '/reschedule'),
      { slotId: slot.id },
      { 'Idempotency-Key': key() },
    );
    expect(move.status).toBe(409);
    const reason = await server.db.query<{ cancel_reason: string; cancelled_by: string }>(
      'select cancel_reason, cancelled_by from bookings where id = $1',
      [booking.id],
    );
    expect(reason.rows[0]).toEqual({ cancel_reason: 'I feel better', cancelled_by: 'patient' });
  });

  it('refuses to change a visit that has started', async () => {
    const { booking } = await bookFirstFree('rosa-delgado', 5);
    const start = Date.parse((booking.slot as { start: string }).start);
    server.clock.set(start + 60_000);
    try {
      const answer = await post(manage(booking.manageToken, '/cancel'), {}, { 'Idempotency-Key': key() });
      expect(answer.status).toBe(409);
      expect(((await answer.json()) as { error: { message: string } }).error.message).toContain('already started');
    } finally {
      server.clock.set(Date.parse('2026-03-02T08:00:00-06:00'));
    }
  });
});

describe('guessing manage tokens', () => {
  it('is throttled per client', async () => {
    const server = await startTestServer('pglite', {
      rateLimits: { tokens: { perMinute: 3 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await fetch(`${server.api}/bookings/${'C'.repeat(40)}${i}abc`)).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await server.close();
    }
  });
});
