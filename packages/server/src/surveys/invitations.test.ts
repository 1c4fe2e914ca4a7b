import { createRestAdapter } from '@frontdesk/core/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mailbox, type MailedServer, startMailedServer } from '../test-support/mailbox.js';
import { BACKENDS, bookingBody, freeSlots, keySequence, NOW, post } from '../test-support/server.js';

const SURVEY_PAGE = 'https://clinic.example/feedback';
const HOUR = 3_600_000;

/** The survey link in a message: its page, survey id, and the invitation token from its fragment. */
function surveyLink(text: string | undefined) {
  const found = /https:\/\/clinic\.example\/feedback\?survey=([\w-]+)#invitation=([A-Za-z0-9_-]{43})/.exec(text ?? '');
  return found ? { surveyId: found[1]!, token: found[2]! } : undefined;
}

const nps = (score: number) => ({
  resourceType: 'QuestionnaireResponse' as const,
  questionnaire: 'Questionnaire/post-visit-nps',
  status: 'completed' as const,
  item: [{ linkId: 'likelihood-to-recommend', answer: [{ valueInteger: score }] }],
});

/**
 * The survey after the visit and the form before it, on PGlite and PostgreSQL: invitations go out by e-mail on the
 * server's clock with a single-use link; a response sent with its token is linked to the visit, one per visit.
 */
describe.each(BACKENDS)('survey invitations on %s', (backend) => {
  let server: MailedServer;
  let mailbox: Mailbox;
  const key = keySequence('invitation-test');

  beforeAll(async () => {
    server = await startMailedServer(backend, {
      pages: { manage: 'https://clinic.example/appointment', survey: SURVEY_PAGE },
    });
    mailbox = server.mailbox;
    // Patients of new-patient visits fill in the PHQ-9 before they come.
    await server.db.query("update visit_types set questionnaire = 'phq-9' where id = 'new-patient'");
    server.store.invalidate();
  }, 60_000);
  afterAll(() => server?.close());

  async function bookVisit(providerId: string) {
    const slot = (await freeSlots(server, { providerId, visitTypeId: 'new-patient' }))[6]!;
    const body = bookingBody(slot.id, 'new-patient');
    const booked = await post(
      `${server.api}/bookings`,
      { ...body, patient: { ...body.patient, email: 'jane@example.org' }, consent: { terms: true, contact: true } },
      { 'Idempotency-Key': key() },
    );
    return { slot, booking: (await booked.json()) as { id: string } };
  }

  it('invites once, a while after the visit, with a single-use link that links the answer to the visit', async () => {
    const before = mailbox.mails.length;
    const { slot, booking } = await bookVisit('rosa-delgado');
    const confirmation = (await mailbox.waitFor(before + 1)).at(-1)!;
    // The form before the visit comes with the confirmation.
    const form = surveyLink(confirmation.text);
    expect(form?.surveyId).toBe('phq-9');
    expect(confirmation.text).toContain(
      'Before your visit, please fill in this form: Patient Health Questionnaire (PHQ-9)',
    );
    try {
      server.clock.set(Date.parse(slot.end) + 2 * HOUR - 60_000);
      await server.jobs.runDue();
      expect(mailbox.mails.filter((mail) => mail.subject?.startsWith('How was your visit'))).toHaveLength(0);
      server.clock.set(Date.parse(slot.end) + 2 * HOUR);
      const invitation = (await mailbox.waitFor(before + 2)).find((mail) =>
        mail.subject?.startsWith('How was your visit'),
      )!;
      server.clock.advance(30 * 24 * HOUR);
      await server.jobs.runDue();
      expect(mailbox.mails.filter((mail) => mail.subject?.startsWith('How was your visit'))).toHaveLength(1);
      const link = surveyLink(invitation.text)!;
      expect(link.surveyId).toBe('post-visit-nps');
      server.clock.set(Date.parse(slot.end) + 3 * HOUR);

      const rest = createRestAdapter({ baseUrl: server.api });
      const first = key();
      const receipt = await rest.submitSurvey(nps(9), { idempotencyKey: first, invitation: link.token });
      expect(receipt.status).toBe('received');
      const stored = await server.db.query<{ booking_id: string }>(
        'select booking_id from survey_responses where id = $1',
        [receipt.id],
      );
      expect(stored.rows[0]?.booking_id).toBe(booking.id);
      // The same submission again is the same receipt; another one for this visit is refused.
      expect(await rest.submitSurvey(nps(9), { idempotencyKey: first, invitation: link.token })).toEqual({
        ...receipt,
        status: 'duplicate',
      });
      await expect(rest.submitSurvey(nps(3), { idempotencyKey: key(), invitation: link.token })).rejects.toMatchObject({
        kind: 'conflict',
        status: 409,
      });
      // A token that is not an invitation to this survey opens nothing.
      await expect(rest.submitSurvey(nps(3), { idempotencyKey: key(), invitation: form!.token })).rejects.toMatchObject(
        {
          kind: 'not-found',
        },
      );
      await expect(
        rest.submitSurvey(nps(3), { idempotencyKey: key(), invitation: 'Z'.repeat(43) }),
      ).rejects.toMatchObject({ kind: 'not-found' });
    } finally {
      server.clock.set(NOW);
    }
  });

  it('links the form filled in before the visit, and stops asking for it once it is in', async () => {
    const before = mailbox.mails.length;
    const { slot, booking } = await bookVisit('maria-hernandez');
    const form = surveyLink((await mailbox.waitFor(before + 1)).at(-1)!.text)!;
    const answer = {
      linkId: 'phq-9-1',
      answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA6568-5', display: 'Not at all' } }],
    };
    const sent = await post(
      `${server.api}/surveys/phq-9/responses`,
      {
        resourceType: 'QuestionnaireResponse',
        status: 'in-progress',
        item: [{ linkId: 'phq-9-questions', item: [answer] }],
      },
      { 'Idempotency-Key': key(), 'Invitation-Token': form.token },
    );
    expect(sent.status).toBe(201);
    const linked = await server.db.query<{ n: number }>(
      "select count(*)::int as n from survey_responses where booking_id = $1 and survey_id = 'phq-9'",
      [booking.id],
    );
    expect(linked.rows[0]!.n).toBe(1);
    try {
      server.clock.set(Date.parse(slot.start) - 2 * HOUR);
      const reminder = (await mailbox.waitFor(before + 2)).at(-1)!;
      expect(reminder.subject).toMatch(/^Reminder/);
      expect(reminder.text, JSON.stringify(mailbox.mails.slice(before).map((m) => [m.subject, m.date]))).not.toContain(
        'please fill in this form',
      );
    } finally {
      server.clock.set(NOW);
    }
  });
});
