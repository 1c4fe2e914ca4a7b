import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mailbox, type MailedServer, startMailedServer } from '../test-support/mailbox.js';
import { bookingBody, freeSlots, post, WINDOW } from '../test-support/server.js';
import { bookSome, PATIENT_MARKER, type StaffClient, signInAs } from '../test-support/staff.js';

/** Staff acting for a patient with the visit code, the messages that failed, the waitlist: each audited. */
describe('staff acting on visits', () => {
  let server: MailedServer;
  let admin: StaffClient;
  let mailbox: Mailbox;

  beforeAll(async () => {
    server = await startMailedServer('pglite', { jobs: { pollMs: 20 } });
    mailbox = server.mailbox;
    admin = await signInAs(server, 'admin');
  }, 60_000);
  afterAll(() => server?.close());

  /** A booking through the public API by a patient who gave an e-mail address. */
  async function bookWithEmail(): Promise<string> {
    const slot = (await freeSlots(server, { providerId: 'rosa-delgado' }))[0]!;
    const body = bookingBody(slot.id, slot.visitTypeIds[0]!, 'existing');
    const key = `test-${crypto.randomUUID()}`;
    const response = await post(
      `${server.api}/bookings`,
      {
        ...body,
        consent: { terms: true, contact: true },
        patient: { ...body.patient, email: 'jane@example.org', familyName: PATIENT_MARKER },
      },
      { 'Idempotency-Key': key },
    );
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const auditOf = async (action: string) =>
    (
      await server.db.query<{ resource_ids: string[] }>(
        'select resource_ids from audit_events where action = $1 order by seq',
        [action],
      )
    ).rows;

  it('cancels for the patient: the patient gets the cancel notice, the audit has it', async () => {
    const id = await bookWithEmail();
    const before = (await mailbox.waitFor(1)).length;
    const cancelled = await admin.json<{ status: string }>('POST', `/bookings/${id}/cancel`, { reason: 'by phone' });
    expect(cancelled.status).toBe('cancelled');
    const row = await server.db.query<{ cancelled_by: string }>('select cancelled_by from bookings where id = $1', [
      id,
    ]);
    expect(row.rows[0]!.cancelled_by).toBe('staff');
    const mails = await mailbox.waitFor(before + 1);
    expect(mails.at(-1)!.attachments.some((file) => String(file.content).includes('METHOD:CANCEL'))).toBe(true);
    expect((await auditOf('booking.cancel')).at(-1)!.resource_ids).toEqual([id]);
    // Again: nothing changes, still 200.
    expect((await admin.request('POST', `/bookings/${id}/cancel`, {})).status).toBe(200);
  });

  it('moves a booking to a free slot, refuses a taken one (409) and a bad body (400)', async () => {
    const [id, other] = await bookSome(server, 'rosa-delgado', 2, WINDOW.start, WINDOW.end);
    const free = (await freeSlots(server, { providerId: 'rosa-delgado' }))[0]!.id;
    const moved = await admin.json<{ id: string; status: string }>('POST', `/bookings/${id}/reschedule`, {
      slotId: free,
    });
    expect(moved).toMatchObject({ id, status: 'booked' });
    expect((await auditOf('booking.reschedule')).at(-1)!.resource_ids).toEqual([id]);
    const taken = await server.db.query<{ slot_id: string }>('select slot_id from bookings where id = $1', [other]);
    expect((await admin.request('POST', `/bookings/${id}/reschedule`, { slotId: taken.rows[0]!.slot_id })).status).toBe(
      409,
    );
    const bad = await admin.request('POST', `/bookings/${id}/reschedule`, { slotId: 42 });
    expect(bad.status).toBe(400);
    expect((await admin.request('POST', `/bookings/${id}/reschedule`, { slotId: 'nope|x|1' })).status).toBe(404);
    expect((await admin.request('POST', '/bookings/bk-unknown/cancel', {})).status).toBe(404);
  });

  it('lists the messages given up on, with their error class and never their words', async () => {
    const id = await bookWithEmail();
    // As the runner leaves a message after its last attempt (runner.test.ts shows it getting there).
    await server.db.query(
      `update jobs set status = 'failed', attempts = max_attempts, last_error = 'SMTPError EENVELOPE'
       where booking_id = $1 and kind = 'message'`,
      [id],
    );
    const { data } = await admin.json<{ data: Record<string, unknown>[] }>('GET', `/messages/failed?bookingId=${id}`);
    expect(data.length).toBeGreaterThan(0);
    expect(data[0]).toMatchObject({ kind: 'message', bookingId: id, attempts: 8, errorClass: 'SMTPError EENVELOPE' });
    expect(JSON.stringify(data)).not.toContain(PATIENT_MARKER);
    expect((await auditOf('message.failed.search')).at(-1)!.resource_ids).toEqual([id]);
    // Times in the zone asked for, like every staff listing; an unknown zone is a 400.
    const inUtc = await admin.json<{ data: { failedAt: string }[] }>(
      'GET',
      `/messages/failed?bookingId=${id}&timeZone=UTC`,
    );
    expect(inUtc.data[0]!.failedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect((await admin.request('GET', '/messages/failed?timeZone=Mars/Olympus')).status).toBe(400);
  });

  it('lists the waitlist, audited', async () => {
    const at = new Date(server.clock.now());
    await server.db.query(
      `insert into waitlist (id, provider_id, visit_type_id, first_day, last_day, patient, consent, language,
         notifications, status, created_at, updated_at)
       values ('wl-test1', 'rosa-delgado', 'new-patient', '2026-03-03', '2026-03-20', $1, '{"terms":true}', 'es',
         '{}', 'waiting', $2, $2)`,
      [JSON.stringify({ givenName: 'Ana', familyName: PATIENT_MARKER, phone: '+1 555 0101' }), at],
    );
    const { data } = await admin.json<{ data: Record<string, unknown>[] }>('GET', '/waitlist?providerId=rosa-delgado');
    expect(data).toMatchObject([
      { id: 'wl-test1', firstDay: '2026-03-03', lastDay: '2026-03-20', language: 'es', patient: { givenName: 'Ana' } },
    ]);
    expect((await auditOf('waitlist.search')).at(-1)!.resource_ids).toEqual(['wl-test1']);
    const inTokyo = await admin.json<{ data: { createdAt: string }[] }>('GET', '/waitlist?timeZone=Asia/Tokyo');
    expect(inTokyo.data[0]!.createdAt).toMatch(/\+09:00$/);
    expect((await admin.request('GET', '/waitlist?status=nope')).status).toBe(400);
  });
});
