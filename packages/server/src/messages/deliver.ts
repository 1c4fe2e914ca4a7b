import type { Booking } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { ClaimedJob, JobHandler } from '../jobs/runner.js';
import { parseSlotId } from '../scheduling/slot-id.js';
import { type BookingRow, loadBooking } from '../visits/bookings.js';
import type { VisitContext } from '../visits/context.js';
import { manageUrl, offerUrl, surveyUrl } from '../visits/links.js';
import { smsNumber } from '../visits/notifications.js';
import type { Channel, VisitMessage } from '../visits/plan.js';
import { mintToken } from '../visits/tokens.js';
import { loadOffer, offerView } from '../waitlist/offers.js';
import { type ComposedMessage, composeMessage, formatWhen, type MessageInput } from './compose.js';
import { addressOf, type Mailer } from './email.js';
import { type Contact, contactOf, visitFacts, zoneOf } from './facts.js';
import type { SmsSender } from './sms.js';
import { languageOf } from './strings.js';

/** The channels this server sends by, as configured. */
export interface Messaging {
  mailer?: Mailer | undefined;
  sms?: SmsSender | undefined;
  /** The sending address (`MAIL_FROM`): the organizer of calendar entries. */
  from?: string | undefined;
}

/** A survey invitation or form link stays usable this long after it is sent. */
const INVITATION_MS = 30 * 86_400_000;

/**
 * A reminder that no longer helps: the visit has begun, or a later reminder of the same visit is due as well (the
 * server was down a while): only the latest is sent.
 */
async function stale(ctx: VisitContext, job: ClaimedJob, row: BookingRow): Promise<boolean> {
  const now = ctx.clock.now();
  if (row.startMs <= now) return true;
  const later = await ctx.db.query(
    `select 1 from jobs where booking_id = $1 and kind = 'message' and payload->>'message' = 'reminder'
       and payload->>'channel' = $2 and status = 'pending' and run_at > $3 and run_at <= $4 limit 1`,
    [row.id, String(job.payload.channel), new Date(job.runAtMs), new Date(now)],
  );
  return later.rows.length > 0;
}

async function answered(ctx: VisitContext, bookingId: string, surveyId: string): Promise<boolean> {
  const rows = await ctx.db.query('select 1 from survey_responses where booking_id = $1 and survey_id = $2', [
    bookingId,
    surveyId,
  ]);
  return rows.rows.length > 0;
}

/** A link with a fresh invitation to a survey about this visit; undefined without a survey page. */
async function invitation(ctx: VisitContext, bookingId: string, surveyId: string): Promise<string | undefined> {
  if (!ctx.pages.survey) return undefined;
  const now = ctx.clock.now();
  const token = await mintToken(ctx.db, 'survey', { bookingId, surveyId }, now, now + INVITATION_MS);
  return surveyUrl(ctx.pages, surveyId, token);
}

/** The forms the visit type asks for before the visit, not yet filled in, each with its own invitation link. */
async function formsFor(ctx: VisitContext, snapshot: ClinicSnapshot, row: BookingRow) {
  const surveyId = snapshot.visitTypes.get(row.visitTypeId)?.questionnaire;
  if (surveyId === undefined || (await answered(ctx, row.id, surveyId))) return [];
  const url = await invitation(ctx, row.id, surveyId);
  const title = snapshot.surveys.find((survey) => survey.id === surveyId)?.title ?? surveyId;
  return url ? [{ title, url }] : [];
}

/** Sends one composed message by one channel; false when the patient has no address for it. */
async function send(
  messaging: Messaging,
  channel: Channel,
  contact: Contact,
  message: ComposedMessage,
  meta: { language: string; kind: string; reference: string; phoneCountry: string },
): Promise<boolean> {
  if (channel === 'email') {
    if (!messaging.mailer || !contact.email) return false;
    await messaging.mailer.send(contact.email, message);
    return true;
  }
  const to = smsNumber(contact.phone, meta.phoneCountry);
  if (!messaging.sms || !to) return false;
  await messaging.sms.send({
    to,
    text: message.sms,
    language: meta.language,
    kind: meta.kind,
    reference: meta.reference,
  });
  return true;
}

/**
 * The `message` job: writes one message about a booking as it is now, in the patient's language, and sends it by one
 * channel. Every message carries a fresh manage link (only the token's hash is kept, so each link has its own);
 * the confirmation, change and reminders carry the visit type's form; the survey invitation its single-use link.
 * Skipped when it no longer applies: the booking cancelled (except for the cancellation notice), a reminder too
 * late to help, the patient no longer reachable that way, the survey answered already.
 */
export function messageHandler(ctx: VisitContext, messaging: Messaging): JobHandler {
  return async (job: ClaimedJob) => {
    if (job.payload.message === 'offer') return deliverOffer(ctx, messaging, job);
    const bookingId = String(job.payload.bookingId);
    const kind = String(job.payload.message) as VisitMessage;
    const channel = String(job.payload.channel) as Channel;
    const row = await loadBooking(ctx.db, bookingId);
    if (!row?.notifications[channel]) return 'skipped';
    if (row.status === 'cancelled' && kind !== 'cancelled') return 'skipped';
    if (kind === 'reminder' && (await stale(ctx, job, row))) return 'skipped';
    const snapshot = await ctx.store.snapshot();
    const contact = await contactOf(ctx.db, bookingId);
    if (!contact) return 'skipped';
    let surveyLink: string | undefined;
    if (kind === 'survey') {
      const surveyId = snapshot.settings.surveyId;
      if (surveyId === undefined || (await answered(ctx, bookingId, surveyId))) return 'skipped';
      surveyLink = await invitation(ctx, bookingId, surveyId);
      if (!surveyLink) return 'skipped';
    }
    const now = ctx.clock.now();
    const manageToken = ctx.pages.manage ? await mintToken(ctx.db, 'manage', { bookingId }, now) : undefined;
    const language = languageOf(row.language);
    const ahead = kind === 'confirmation' || kind === 'changed' || kind === 'reminder';
    const input: MessageInput = {
      kind,
      language,
      facts: visitFacts(snapshot, row, contact.givenName, language),
      startMs: row.startMs,
      endMs: row.endMs,
      uid: `${row.id}@frontdesk`,
      sequence: row.sequence,
      nowMs: now,
      cancelledByPatient: row.cancelledBy === 'patient',
      instructions: row.record.instructions,
      joinUrl: row.record.joinUrl,
      manageUrl: manageToken ? manageUrl(ctx.pages, manageToken) : undefined,
      forms: ahead ? await formsFor(ctx, snapshot, row) : [],
      surveyUrl: surveyLink,
      alarmMinutesBefore: snapshot.settings.reminderMinutesBefore,
      organizer: messaging.from
        ? { name: snapshot.organization?.name ?? '', email: addressOf(messaging.from) }
        : undefined,
    };
    const sent = await send(messaging, channel, contact, composeMessage(input), {
      language,
      kind,
      reference: job.id,
      phoneCountry: snapshot.settings.phoneCountry,
    });
    return sent ? 'done' : 'skipped';
  };
}

/**
 * A waitlist offer: the freed time, and a claim link valid until the offer runs out (and the patient's manage link
 * when they have a booking it would move). Skipped when the offer is no longer open, has run out, or the time is
 * gone.
 */
async function deliverOffer(ctx: VisitContext, messaging: Messaging, job: ClaimedJob): Promise<'done' | 'skipped'> {
  const offerId = String(job.payload.offerId);
  const channel = String(job.payload.channel) as Channel;
  const offer = await loadOffer(ctx.db, offerId);
  const now = ctx.clock.now();
  if (offer?.status !== 'open' || offer.entry_status !== 'waiting' || offer.expires_ms <= now) return 'skipped';
  if (!offer.notifications[channel]) return 'skipped';
  const view = await offerView(ctx, offerId).catch(() => undefined);
  if (view?.status !== 'open') return 'skipped';
  const snapshot = await ctx.store.snapshot();
  const language = languageOf(offer.language);
  const offerToken = await mintToken(ctx.db, 'offer', { offerId, waitlistId: offer.waitlist_id }, now);
  const manageToken =
    ctx.pages.manage && offer.booking_id
      ? await mintToken(ctx.db, 'manage', { bookingId: offer.booking_id }, now)
      : undefined;
  const key = parseSlotId(offer.slot_id)!;
  const startMs = Date.parse(view.slot.start);
  const endMs = Date.parse(view.slot.end);
  const location = key.locationId === undefined ? undefined : snapshot.locationsById.get(key.locationId);
  const row = {
    providerId: key.providerId,
    locationId: key.locationId,
    visitTypeId: offer.visit_type_id,
    startMs,
    record: { location } as Booking,
  };
  const zone = zoneOf(snapshot, key.providerId, key.locationId);
  const input: MessageInput = {
    kind: 'offer',
    language,
    facts: visitFacts(snapshot, row, offer.patient.givenName, language),
    startMs,
    endMs,
    uid: `${offerId}@frontdesk`,
    sequence: 0,
    nowMs: now,
    offerUrl: offerUrl(ctx.pages, offerToken),
    offerExpires: formatWhen(offer.expires_ms, zone, language),
    manageUrl: manageToken ? manageUrl(ctx.pages, manageToken) : undefined,
    alarmMinutesBefore: [],
  };
  const contact = { givenName: offer.patient.givenName, email: offer.patient.email, phone: offer.patient.phone };
  const sent = await send(messaging, channel, contact, composeMessage(input), {
    language,
    kind: 'offer',
    reference: job.id,
    phoneCountry: snapshot.settings.phoneCountry,
  });
  return sent ? 'done' : 'skipped';
}
