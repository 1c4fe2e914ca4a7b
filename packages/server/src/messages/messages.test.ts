import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mailbox, type MailedServer, type SmsReceiver, startMailedServer } from '../test-support/mailbox.js';
import { BACKENDS, bookingBody, freeSlots, keySequence, NOW, post, type SlotRecord } from '../test-support/server.js';

const MANAGE_PAGE = 'https://clinic.example/appointment';
const HOUR = 3_600_000;

interface BookingAnswer {
  id: string;
  manageToken: string;
  notifications: { email: boolean; sms: boolean };
  joinUrl?: string;
  slot: SlotRecord;
}

/** The logical lines of the attached calendar file. */
function icsOf(mail: ParsedMail): string[] {
  const file = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!file) throw new Error('no calendar attached');
  return file.content.toString('utf8').replace(/\r\n /g, '').split('\r\n');
}

const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];

/**
 * What patients get, end to end: bookings made over HTTP, the job runner on the server's (moved) clock, mail into a
 * real SMTP server parsed with mailparser, texts into a real webhook that checks the HMAC signature. On PGlite and
 * PostgreSQL.
 */
describe.each(BACKENDS)('messages to patients on %s', (backend) => {
  let server: MailedServer;
  let mailbox: Mailbox;
  let sms: SmsReceiver;
  const key = keySequence('message-test');

  beforeAll(async () => {
    server = await startMailedServer(
      backend,
      { pages: { manage: MANAGE_PAGE }, jobs: { pollMs: 20 } },
      { from: 'Cumberland Valley <visits@cumberland.example>', sms: true },
    );
    mailbox = server.mailbox;
    sms = server.sms!;
    await server.db.query(
      `update organization set settings = settings || '{"videoRoomUrl": "https://video.example/{providerId}/{bookingId}"}'::jsonb`,
    );
    server.store.invalidate();
  }, 60_000);
  afterAll(() => server?.close());

  const free = (providerId: string, visitTypeId: string) => freeSlots(server, { providerId, visitTypeId });

  async function book(slotId: string, extra: Record<string, unknown> = {}, visitTypeId = 'new-patient') {
    const body = bookingBody(slotId, visitTypeId, visitTypeId === 'video-visit' ? 'existing' : 'new');
    const answer = await post(
      `${server.api}/bookings`,
      {
        ...body,
        consent: { terms: true, contact: true },
        ...extra,
        patient: { ...body.patient, phone: '(615) 555-0100', email: 'jane@example.org', ...(extra.patient as object) },
      },
      { 'Idempotency-Key': key() },
    );
    return answer;
  }

  it('confirms by e-mail and text, with the manage link, calendar links and a calendar file with its alarms', async () => {
    const [slot] = await free('rosa-delgado', 'new-patient');
    const answer = await book(slot!.id, { patient: { reason: 'Chest pain at night' } });
    expect(answer.status).toBe(201);
    const booking = (await answer.json()) as BookingAnswer;
    expect(booking.notifications).toEqual({ email: true, sms: true });
    const [mail] = await mailbox.waitFor(1);
    const [text] = await sms.waitFor(1);
    expect(mail!.to).toMatchObject({ text: 'jane@example.org' });
    expect(mail!.from?.text).toContain('visits@cumberland.example');
    expect(mail!.subject).toMatch(/^Your visit at Cumberland Valley Health Partners is booked: Monday, March 2, 2026/);
    expect(mail!.text).toContain('Hello Jane,');
    expect(mail!.text).toContain('With: Rosa Delgado, CNM, MSN');
    expect(mail!.text).toContain('CST');
    expect(mail!.html).toContain('<th scope="row"');
    // The reason for the visit is the patient's and the clinic's business only.
    for (const part of [mail!.text, mail!.html, text!.text, ...icsOf(mail!)]) expect(part).not.toContain('Chest pain');
    // The manage link opens this booking, with a token of its own.
    const mailToken = tokenIn(mail!.text ?? '')!;
    expect(mailToken).not.toBe(booking.manageToken);
    const opened = (await (await fetch(`${server.api}/bookings/${mailToken}`)).json()) as { id: string };
    expect(opened.id).toBe(booking.id);
    const google = new URL(/https:\/\/calendar\.google\.com\S+/.exec(mail!.text ?? '')![0]);
    expect(google.searchParams.get('text')).toBe(
      'Cumberland Valley Health Partners: New patient visit, Rosa Delgado, CNM, MSN',
    );
    expect(google.searchParams.get('location')).toContain('Midtown Nashville Clinic');
    expect(mail!.text).toContain('https://outlook.live.com/calendar/0/deeplink/compose?');
    const ics = icsOf(mail!);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:${booking.id}@frontdesk`);
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('TRIGGER:-PT2880M');
    expect(ics).toContain('TRIGGER:-PT120M');
    // The text: to the number in E.164, signed (the receiver checked), with the manage link.
    expect(text).toMatchObject({ to: '+16155550100', kind: 'confirmation', language: 'en' });
    expect(tokenIn(text!.text)).toBeDefined();
    expect(sms.refused).toBe(0);
  });

  it('tells of a move (same UID, SEQUENCE raised), reminds at the new time only, and cancels with METHOD:CANCEL', async () => {
    const before = { mails: mailbox.mails.length, texts: sms.texts.length };
    const slots = await free('maria-hernandez', 'new-patient');
    const late = slots.filter((slot) => Date.parse(slot.start) > Date.parse(NOW) + 3 * 24 * HOUR);
    const booking = (await (await book(late[0]!.id)).json()) as BookingAnswer;
    await mailbox.waitFor(before.mails + 1);
    const moved = await post(
      `${server.api}/bookings/${booking.manageToken}/reschedule`,
      { slotId: late[1]!.id },
      { 'Idempotency-Key': key() },
    );
    expect(moved.status).toBe(200);
    const changed = (await mailbox.waitFor(before.mails + 2)).at(-1)!;
    expect(changed.subject).toContain('has moved');
    expect(icsOf(changed)).toContain(`UID:${booking.id}@frontdesk`);
    expect(icsOf(changed)).toContain('SEQUENCE:1');
    // Both texts are in before the clock moves (the receiver checks their timestamps against it).
    await sms.waitFor(before.texts + 2);
    // Two days before the new time: one reminder by each channel, none for the old time.
    server.clock.set(Date.parse(late[1]!.start) - 48 * HOUR);
    try {
      const reminder = (await mailbox.waitFor(before.mails + 3)).at(-1)!;
      expect(reminder.subject).toMatch(/^Reminder: your visit/);
      expect(reminder.attachments).toHaveLength(0);
      await sms.waitFor(before.texts + 3);
      const cancelled = await post(
        `${server.api}/bookings/${booking.manageToken}/cancel`,
        {},
        { 'Idempotency-Key': key() },
      );
      expect(cancelled.status).toBe(200);
      const notice = (await mailbox.waitFor(before.mails + 4)).at(-1)!;
      expect(notice.subject).toContain('is cancelled');
      expect(notice.text).toContain('as you asked');
      const ics = icsOf(notice);
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics).toContain('STATUS:CANCELLED');
      expect(ics).toContain('SEQUENCE:2');
      expect(
        ics.some((line) => line.startsWith('ORGANIZER') && line.endsWith('mailto:visits@cumberland.example')),
      ).toBe(true);
      await sms.waitFor(before.texts + 4);
      // The two-hour reminder was dropped with the cancellation.
      server.clock.set(Date.parse(late[1]!.start) - HOUR);
      await server.jobs.runDue();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(mailbox.mails.length).toBe(before.mails + 4);
      const jobs = await server.db.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from jobs where booking_id = $1 group by status order by status',
        [booking.id],
      );
      expect(jobs.rows).toEqual([{ status: 'done', n: 8 }]);
    } finally {
      server.clock.set(NOW);
    }
  });

  it('sends only what the patient agreed to, and says so in the booking', async () => {
    const before = { mails: mailbox.mails.length, texts: sms.texts.length };
    const slots = await free('emily-carter', 'new-patient');
    const refused = (await (
      await book(slots[0]!.id, { consent: { terms: true, contact: false } })
    ).json()) as BookingAnswer;
    expect(refused.notifications).toEqual({ email: false, sms: false });
    const noEmail = await book(slots[1]!.id, { patient: { email: undefined } });
    expect(((await noEmail.json()) as BookingAnswer).notifications).toEqual({ email: false, sms: true });
    await sms.waitFor(before.texts + 1);
    await server.jobs.runDue();
    expect(mailbox.mails.length).toBe(before.mails);
    expect(sms.texts.length).toBe(before.texts + 1);
  });

  it('writes to a patient who asked for Spanish in Spanish', async () => {
    const before = mailbox.mails.length;
    const [slot] = await free('grace-mensah', 'new-patient');
    await book(slot!.id, { language: 'es-MX' });
    const mail = (await mailbox.waitFor(before + 1)).at(-1)!;
    expect(mail.subject).toMatch(
      /^Su cita en Cumberland Valley Health Partners está reservada: lunes, 2 de marzo de 2026/,
    );
    expect(mail.text).toContain('Hola, Jane:');
    expect(mail.text).toContain('Ver, cambiar o cancelar su cita');
  });

  it('refuses a video visit it could not send the join link for, and sends the link otherwise', async () => {
    const [slot] = await free('james-okafor', 'video-visit');
    const refused = await book(slot!.id, { consent: { terms: true, contact: false } }, 'video-visit');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('request.consent.contact');
    const before = mailbox.mails.length;
    const booked = (await (await book(slot!.id, {}, 'video-visit')).json()) as BookingAnswer;
    expect(booked.joinUrl).toBe(`https://video.example/james-okafor/${booked.id}`);
    const mail = (await mailbox.waitFor(before + 1)).at(-1)!;
    expect(mail.text).toContain(`Join the video visit:\n${booked.joinUrl}`);
    expect(mail.text).toContain('Where: Video visit');
    expect(icsOf(mail)).toContain(`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${booked.joinUrl}`);
  });

  it('escapes what patients typed in the HTML part', async () => {
    const before = mailbox.mails.length;
    const [slot] = await free('linh-nguyen', 'new-patient');
    await book(slot!.id, { patient: { givenName: '<img src=x onerror=alert(1)>' } });
    const mail = (await mailbox.waitFor(before + 1)).at(-1)!;
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('a message that cannot be sent', () => {
  let server: MailedServer;
  let mailbox: Mailbox;
  let sms: SmsReceiver;

  beforeAll(async () => {
    server = await startMailedServer(
      'pglite',
      { jobs: { run: false } },
      { from: 'visits@cumberland.example', sms: true },
    );
    mailbox = server.mailbox;
    sms = server.sms!;
  }, 60_000);
  afterAll(() => server?.close());

  it('is tried again with backoff, and kept as failed with its attempts and an error class, never the address', async () => {
    const slots = await freeSlots(server, { providerId: 'rosa-delgado', visitTypeId: 'new-patient' });
    sms.failNext(1);
    const body = bookingBody(slots[0]!.id, 'new-patient');
    await post(
      `${server.api}/bookings`,
      {
        ...body,
        patient: { ...body.patient, phone: '(615) 555-0100', email: 'bounce.jane@example.org' },
        consent: { terms: true, contact: true },
      },
      { 'Idempotency-Key': 'failing-send-key-0001' },
    );
    for (let attempt = 0; attempt < 8; attempt++) {
      await server.jobs.runDue();
      server.clock.advance(2 * HOUR);
    }
    server.clock.set(NOW);
    // The text went through on its second try; the e-mail bounced eight times and is kept for staff to see.
    expect(sms.texts).toHaveLength(1);
    const jobs = await server.db.query<{
      payload: { channel: string };
      status: string;
      attempts: number;
      last_error: string | null;
    }>(
      "select payload, status, attempts, last_error from jobs where payload->>'message' = 'confirmation' order by payload->>'channel'",
    );
    expect(jobs.rows).toEqual([
      {
        payload: expect.objectContaining({ channel: 'email' }),
        status: 'failed',
        attempts: 8,
        last_error: expect.stringContaining('SMTP 550'),
      },
      {
        payload: expect.objectContaining({ channel: 'sms' }),
        status: 'done',
        attempts: 2,
        last_error: 'Error HTTP 503',
      },
    ]);
    expect(JSON.stringify(jobs.rows)).not.toContain('bounce');
    expect(JSON.stringify(server.logs)).not.toContain('bounce');
    expect(mailbox.mails).toHaveLength(0);
  });
});
