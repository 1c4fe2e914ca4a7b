import { createRestAdapter } from '@frontdesk/core/rest';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, setRetentionMonths, startRetentionSchedule } from '../staff/retention.js';
import { type Mailbox, type MailedServer, startMailedServer } from '../test-support/mailbox.js';
import {
  BACKENDS,
  bookingBody,
  freeSlots,
  keySequence,
  NOW,
  post,
  type SlotRecord,
  startTestServer,
} from '../test-support/server.js';
import { expireWaitlist } from './join.js';

const MANAGE_PAGE = 'https://clinic.example/appointment';

const offerIn = (mail: ParsedMail | undefined) => /#offer=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];

/**
 * The waitlist on PGlite and PostgreSQL: a cancellation frees a time, the job offers it by e-mail to the patients
 * waiting for it in order, two of them race to claim it and exactly one gets it; a patient with a booking is offered
 * only earlier times and their booking moves; an offer runs out and the next patients are offered the time.
 */
describe.each(BACKENDS)('the waitlist on %s', (backend) => {
  let server: MailedServer;
  let mailbox: Mailbox;
  const key = keySequence('waitlist-test');

  beforeAll(async () => {
    server = await startMailedServer(backend, { pages: { manage: MANAGE_PAGE } });
    mailbox = server.mailbox;
  }, 60_000);
  afterAll(() => server?.close());

  const free = (providerId: string) => freeSlots(server, { providerId, visitTypeId: 'new-patient' });
  async function book(slotId: string, email: string) {
    const body = bookingBody(slotId, 'new-patient');
    const answer = await post(
      `${server.api}/bookings`,
      { ...body, patient: { ...body.patient, email }, consent: { terms: true, contact: true } },
      { 'Idempotency-Key': key() },
    );
    expect(answer.status).toBe(201);
    return (await answer.json()) as { id: string; manageToken: string; slot: SlotRecord };
  }
  function join(providerId: string, email: string, extra: Record<string, unknown> = {}) {
    return post(
      `${server.api}/waitlist`,
      {
        providerId,
        visitTypeId: 'new-patient',
        from: '2026-03-02',
        to: '2026-03-31',
        patient: {
          givenName: email.split('@')[0],
          familyName: 'Doe',
          birthDate: '1950-01-31',
          phone: '+1 555 0100',
          email,
          patientType: 'new',
        },
        consent: { terms: true, contact: true },
        ...extra,
      },
      { 'Idempotency-Key': key() },
    );
  }
  const mailsTo = (address: string) =>
    mailbox.mails.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));
  async function waitForMail(address: string, count: number): Promise<ParsedMail[]> {
    const started = Date.now();
    while (mailsTo(address).length < count) {
      if (Date.now() - started > 10_000) throw new Error(`no mail to ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return mailsTo(address);
  }
  const cancel = (token: string) => post(`${server.api}/bookings/${token}/cancel`, {}, { 'Idempotency-Key': key() });

  it('offers a freed time to the patients waiting, in order; of two racing claims exactly one books it', async () => {
    const slot = (await free('rosa-delgado'))[3];
    const taken = await book(slot!.id, `holder-${backend}@example.org`);
    const first = await join('rosa-delgado', `first-${backend}@example.org`);
    expect(first.status).toBe(201);
    const entry = (await first.json()) as { token: string; status: string; notifications: unknown };
    expect(entry).toMatchObject({
      status: 'waiting',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      notifications: { email: true, sms: false },
    });
    expect((await join('rosa-delgado', `second-${backend}@example.org`)).status).toBe(201);
    expect((await cancel(taken.manageToken)).status).toBe(200);
    const [offerA] = await waitForMail(`first-${backend}@example.org`, 1);
    const [offerB] = await waitForMail(`second-${backend}@example.org`, 1);
    expect(offerA!.subject).toMatch(/^An earlier time is free/);
    expect(offerA!.text).toMatch(/Claim this time:\nhttps:\/\/clinic\.example\/appointment#offer=/);
    const [tokenA, tokenB] = [offerIn(offerA), offerIn(offerB)];
    const rest = createRestAdapter({ baseUrl: server.api });
    expect(await rest.getWaitlistOffer!(tokenA!)).toMatchObject({
      status: 'open',
      slot: { id: slot!.id },
      movesBooking: false,
    });

    const claims = await Promise.all(
      [tokenA, tokenB].map((token) =>
        post(`${server.api}/waitlist/offers/${token}/claim`, {}, { 'Idempotency-Key': key() }),
      ),
    );
    expect(claims.map((claim) => claim.status).sort()).toEqual([201, 409]);
    const winner = claims.find((claim) => claim.status === 201)!;
    const loser = claims.find((claim) => claim.status === 409)!;
    const booking = (await winner.json()) as { id: string; manageToken: string; manageUrl: string; slot: SlotRecord };
    expect(booking).toMatchObject({ slot: { id: slot!.id }, status: 'booked' });
    expect(booking.manageUrl).toBe(`${MANAGE_PAGE}#token=${booking.manageToken}`);
    expect(((await loser.json()) as { error: { message: string } }).error.message).toContain('gone');
    expect((await free('rosa-delgado')).some((candidate) => candidate.id === slot!.id)).toBe(false);
    const booked = await server.db.query<{ n: number }>(
      "select count(*)::int as n from bookings where slot_id = $1 and status = 'booked'",
      [slot!.id],
    );
    expect(booked.rows[0]!.n).toBe(1);
    // The winner gets a confirmation, as for any booking.
    const winnerAddress = claims[0]!.status === 201 ? `first-${backend}` : `second-${backend}`;
    expect((await waitForMail(winnerAddress, 2))[1]!.subject).toMatch(/is booked/);
  });

  it('moves the booking of a waiting patient to an earlier time, and offers later times to nobody', async () => {
    const slots = await free('maria-hernandez');
    const early = await book(slots[1]!.id, `early-${backend}@example.org`);
    const mine = await book(slots[5]!.id, `mover-${backend}@example.org`);
    const late = await book(slots[8]!.id, `late-${backend}@example.org`);
    const joined = await join('maria-hernandez', `mover-${backend}@example.org`, { manageToken: mine.manageToken });
    expect(joined.status).toBe(201);
    // A later time frees: not for this patient.
    await cancel(late.manageToken);
    await server.jobs.runDue();
    expect(mailsTo(`mover-${backend}`).filter((mail) => mail.subject?.startsWith('An earlier time'))).toHaveLength(0);
    await cancel(early.manageToken);
    const offers = (await waitForMail(`mover-${backend}`, 2)).filter((mail) =>
      mail.subject?.startsWith('An earlier time'),
    );
    const token = offerIn(offers[0]);
    expect(offers[0]!.text).toContain(`${MANAGE_PAGE}#token=`);
    const rest = createRestAdapter({ baseUrl: server.api });
    expect((await rest.getWaitlistOffer!(token!)).movesBooking).toBe(true);
    const moved = await rest.claimWaitlistOffer!({ offerToken: token!, idempotencyKey: key() });
    expect(moved).toMatchObject({ id: mine.id, slot: { id: slots[1]!.id }, sequence: 1 });
    expect((await rest.getBooking!(mine.manageToken)).slot.id).toBe(slots[1]!.id);
    expect((await rest.getWaitlistOffer!(token!)).status).toBe('claimed');
  });

  it('offers the time to the next patients once an offer runs out, and a late claim is told so', async () => {
    await server.db.query(`update organization set settings = settings || '{"waitlistOfferBatch": 1}'::jsonb`);
    server.store.invalidate();
    try {
      const slot = (await free('emily-carter'))[3];
      const taken = await book(slot!.id, `taken-${backend}@example.org`);
      await join('emily-carter', `slow-${backend}@example.org`);
      await join('emily-carter', `next-${backend}@example.org`);
      const leaving = (await (await join('emily-carter', `leaving-${backend}@example.org`)).json()) as {
        token: string;
      };
      const left = await fetch(`${server.api}/waitlist/${leaving.token}`, { method: 'DELETE' });
      expect(left.status).toBe(204);
      await cancel(taken.manageToken);
      const [slow] = await waitForMail(`slow-${backend}`, 1);
      expect(mailsTo(`next-${backend}`)).toHaveLength(0);
      server.clock.advance(30 * 60_000);
      const [next] = await waitForMail(`next-${backend}`, 1);
      const late = await post(`${server.api}/waitlist/offers/${offerIn(slow)}/claim`, {}, { 'Idempotency-Key': key() });
      expect(late.status).toBe(409);
      expect(((await late.json()) as { error: { message: string } }).error.message).toContain('run out');
      const claimed = await post(
        `${server.api}/waitlist/offers/${offerIn(next)}/claim`,
        {},
        { 'Idempotency-Key': key() },
      );
      expect(claimed.status).toBe(201);
      await server.jobs.runDue();
      expect(mailsTo(`leaving-${backend}`)).toHaveLength(0);
    } finally {
      server.clock.set(NOW);
      await server.db.query(`update organization set settings = settings - 'waitlistOfferBatch'`);
      server.store.invalidate();
    }
  });

  it('requires a way to reach the patient', async () => {
    const refused = await join('rosa-delgado', `noconsent-${backend}@example.org`, {
      consent: { terms: true, contact: false },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('request.consent.contact');
    expect((await join('no-such-provider', `x-${backend}@example.org`)).status).toBe(404);
    expect((await fetch(`${server.api}/waitlist/offers/${'Q'.repeat(43)}`)).status).toBe(404);
    const wrongClaim = await post(
      `${server.api}/waitlist/offers/${'Q'.repeat(43)}/claim`,
      {},
      { 'Idempotency-Key': key() },
    );
    expect(wrongClaim.status).toBe(404);
    expect((await fetch(`${server.api}/waitlist/${'Q'.repeat(43)}`, { method: 'DELETE' })).status).toBe(404);
    const backwards = await join('rosa-delgado', `backwards-${backend}@example.org`, {
      from: '2026-03-31',
      to: '2026-03-02',
    });
    expect(backwards.status).toBe(400);
    const tooLong = await join('rosa-delgado', `long-${backend}@example.org`, { to: '2028-03-31' });
    expect(((await tooLong.json()) as { error: { field: string } }).error.field).toBe('request.to');
    const noBody = await fetch(`${server.api}/waitlist`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key() },
      body: '[1,',
    });
    expect(noBody.status).toBe(400);
  });

  // Last: it moves the clock a year on and deletes what is older.
  it('expires places whose days are over, and retention deletes old ones with their offers and tokens', async () => {
    const slot = (await free('grace-mensah'))[2];
    const taken = await book(slot!.id, `late-holder-${backend}@example.org`);
    const joinedIds: string[] = [];
    for (const [who, to] of [
      ['short', '2026-03-10'],
      ['long', '2027-03-01'],
    ]) {
      const joined = await join('grace-mensah', `${who}-${backend}@example.org`, { to });
      joinedIds.push(((await joined.json()) as { id: string }).id);
    }
    const [short, long] = joinedIds as [string, string];
    expect((await cancel(taken.manageToken)).status).toBe(200);
    await waitForMail(`short-${backend}@example.org`, 1);
    await waitForMail(`long-${backend}@example.org`, 1);
    const statusOf = async (id: string) =>
      (await server.db.query<{ status: string }>('select status from waitlist where id = $1', [id])).rows[0]?.status;
    const tokensOf = async (id: string) =>
      (
        await server.db.query<{ n: number }>(
          `select count(*)::int as n from access_tokens where waitlist_id = $1
             or offer_id in (select id from waitlist_offers where waitlist_id = $1)`,
          [id],
        )
      ).rows[0]!.n;
    expect(await tokensOf(short)).toBe(2);

    // The sweep, on the moved clock: 10 March is over in every zone from 11 March 12:00 UTC.
    server.clock.set('2026-03-11T11:59:00Z');
    await expireWaitlist(server.db, server.clock.now());
    expect(await statusOf(short)).toBe('waiting');
    server.clock.set('2026-03-11T12:00:00Z');
    const schedule = startRetentionSchedule({ db: server.db, clock: server.clock, log: () => {}, everyMs: 20 });
    try {
      await expect.poll(() => statusOf(short), { timeout: 5_000 }).toBe('expired');
    } finally {
      await schedule.stop();
    }
    expect(await statusOf(long)).toBe('waiting');

    // A year after its last day, the short place goes with its offer and tokens; the long one is younger.
    await setRetentionMonths(server.db, 12, 'test', server.clock.now());
    server.clock.set('2027-03-12T00:00:00Z');
    try {
      expect(await runRetention(server.db, server.clock.now())).toMatchObject({ waitlistEntries: 1 });
      expect(await statusOf(short)).toBeUndefined();
      expect(await tokensOf(short)).toBe(0);
      const offers = await server.db.query<{ waitlist_id: string }>(
        'select waitlist_id from waitlist_offers where waitlist_id = any($1)',
        [[short, long]],
      );
      expect(offers.rows).toEqual([{ waitlist_id: long }]);
      expect(await tokensOf(long)).toBe(2);
      const audited = await server.db.query<{ resource_ids: string[] }>(
        "select resource_ids from audit_events where action = 'retention.delete' and resource_type = 'WaitlistEntry'",
      );
      expect(audited.rows).toEqual([{ resource_ids: [short] }]);
    } finally {
      await setRetentionMonths(server.db, null, 'test', server.clock.now());
      server.clock.set(NOW);
    }
  });
});

describe('a clinic that sends no messages', () => {
  it('keeps no waitlist', async () => {
    const server = await startTestServer('pglite');
    try {
      const answer = await post(
        `${server.api}/waitlist`,
        {
          providerId: 'rosa-delgado',
          visitTypeId: 'new-patient',
          from: '2026-03-02',
          to: '2026-03-31',
          patient: {
            givenName: 'A',
            familyName: 'B',
            birthDate: '1950-01-31',
            phone: '+1 615 555 0100',
            patientType: 'new',
          },
          consent: { terms: true, contact: true },
        },
        { 'Idempotency-Key': 'no-messages-key-0001' },
      );
      expect(answer.status).toBe(501);
    } finally {
      await server.close();
    }
  });
});
