import { createRestAdapter } from '@frontdesk/core/rest';
import { describe, expect, it } from 'vitest';
import { BACKENDS, bookingBody, keySequence, listSlots, NOW, post, serverForSuite } from '../test-support/server.js';

/**
 * Holding a time while the patient types, on PGlite and PostgreSQL: another patient sees it busy and cannot book
 * it until the hold expires on the server's clock or is released; the patient's own booking consumes it; and of
 * many concurrent holds and bookings of one slot exactly one wins.
 */
describe.each(BACKENDS)('holds on %s', (backend) => {
  const server = serverForSuite(backend);
  const key = keySequence('hold-test');

  const slots = (providerId: string) => listSlots(server, { providerId });
  const freeFor = async (providerId: string) =>
    (await slots(providerId)).filter((slot) => slot.status === 'free' && slot.visitTypeIds.includes('new-patient'));
  const statusOf = async (providerId: string, slotId: string) =>
    (await slots(providerId)).find((slot) => slot.id === slotId)?.status;
  const hold = (slotId: string) => post(`${server.api}/holds`, { slotId }, { 'Idempotency-Key': key() });
  const book = (slotId: string, extra: Record<string, unknown> = {}) =>
    post(`${server.api}/bookings`, { ...bookingBody(slotId, 'new-patient'), ...extra }, { 'Idempotency-Key': key() });

  it('blocks a second patient until the hold expires on the server clock', async () => {
    // A time later in the week: still bookable after the clock moves.
    const slot = (await freeFor('rosa-delgado'))[10];
    const held = await hold(slot!.id);
    expect(held.status).toBe(201);
    const body = (await held.json()) as { id: string; slotId: string; expiresAt: string };
    expect(body).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), slotId: slot!.id });
    expect(Date.parse(body.expiresAt) - Date.parse(NOW)).toBe(5 * 60_000);
    expect(await statusOf('rosa-delgado', slot!.id)).toBe('busy');
    expect((await book(slot!.id)).status).toBe(409);
    expect((await hold(slot!.id)).status).toBe(409);
    server.clock.advance(5 * 60_000 + 1);
    try {
      expect(await statusOf('rosa-delgado', slot!.id)).toBe('free');
      expect((await book(slot!.id)).status).toBe(201);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('lets the patient who holds the time book it with the hold id, which the booking consumes', async () => {
    const [slot] = await freeFor('maria-hernandez');
    const { id } = (await (await hold(slot!.id)).json()) as { id: string };
    expect((await book(slot!.id, { holdId: 'W'.repeat(43) })).status).toBe(409);
    expect((await book(slot!.id, { holdId: id })).status).toBe(201);
    const left = await server.db.query('select 1 from holds where id = $1', [id]);
    expect(left.rows).toHaveLength(0);
    expect((await fetch(`${server.api}/holds/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('frees the time when the patient goes back, and answers the same key with the same hold', async () => {
    const [slot] = await freeFor('emily-carter');
    const same = key();
    const first = (await (
      await post(`${server.api}/holds`, { slotId: slot!.id }, { 'Idempotency-Key': same })
    ).json()) as {
      id: string;
    };
    const again = (await (
      await post(`${server.api}/holds`, { slotId: slot!.id }, { 'Idempotency-Key': same })
    ).json()) as {
      id: string;
    };
    expect(again.id).toBe(first.id);
    const released = await fetch(`${server.api}/holds/${first.id}`, { method: 'DELETE' });
    expect(released.status).toBe(204);
    expect(await statusOf('emily-carter', slot!.id)).toBe('free');
    expect((await post(`${server.api}/holds`, { slotId: 'no-such-slot' }, { 'Idempotency-Key': key() })).status).toBe(
      404,
    );
    expect((await post(`${server.api}/holds`, { slot: 1 }, { 'Idempotency-Key': key() })).status).toBe(400);
  });

  it('gives exactly one of 40 concurrent holds and bookings of one slot the slot', async () => {
    const [slot] = await freeFor('grace-mensah');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? hold(slot!.id) : book(slot!.id))),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(39);
    const claims = await server.db.query<{ n: number }>(
      `select (select count(*) from bookings where slot_id = $1 and status = 'booked')::int
            + (select count(*) from holds where slot_id = $1)::int as n`,
      [slot!.id],
    );
    expect(claims.rows[0]!.n).toBe(1);
  });

  it('is offered by the rest adapter (holdSlot, releaseHold)', async () => {
    const rest = createRestAdapter({ baseUrl: server.api });
    expect(rest.capabilities.holds).toBe(true);
    const [slot] = await freeFor('linh-nguyen');
    const held = await rest.holdSlot!({ slotId: slot!.id, idempotencyKey: key() });
    await expect(rest.holdSlot!({ slotId: slot!.id, idempotencyKey: key() })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await rest.releaseHold!(held.id);
    // Releasing twice is no error: the time is not held either way.
    await rest.releaseHold!(held.id);
    expect(await statusOf('linh-nguyen', slot!.id)).toBe('free');
  });
});
