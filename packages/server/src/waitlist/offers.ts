import { type Booking, FrontdeskError, type Notifications, type Slot, type WaitlistOffer } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { randomId } from '../idempotency.js';
import { enqueue, type JobSpec } from '../jobs/queue.js';
import type { JobHandler } from '../jobs/runner.js';
import { bookingRecord, insertBooking, offeredSlot } from '../scheduling/book.js';
import { parseSlotId } from '../scheduling/slot-id.js';
import { bookableNow, type OpenSlot } from '../scheduling/slots.js';
import { loadBooking, lockSlot } from '../visits/bookings.js';
import type { VisitContext } from '../visits/context.js';
import { rescheduleInTransaction } from '../visits/manage.js';
import { planVisitJobs } from '../visits/plan.js';

export interface FreedSlot {
  providerId: string;
  startMs: number;
  slotId: string;
}

/** The job that offers a freed slot to the waitlist, in rounds. */
export const OFFER_JOB = 'waitlist-offer';

function offerJob(slotId: string, round: number, runAtMs: number, freedAtMs: number): JobSpec {
  return {
    kind: OFFER_JOB,
    dedupeKey: `${OFFER_JOB}:${slotId}:${freedAtMs}:${round}`,
    runAtMs,
    payload: { slotId, round, freedAtMs },
  };
}

/**
 * A slot was freed (a cancellation, a move), in the caller's transaction: the waitlist job is planned with it, so
 * waitlisted patients are offered the time whatever happens to this process.
 */
export async function slotFreed(tx: Queryable, slot: FreedSlot, nowMs: number): Promise<void> {
  await enqueue(tx, [offerJob(slot.slotId, 1, nowMs, nowMs)], undefined, nowMs);
}

/** The slot as the clinic's rules still offer it now and free of bookings and holds, or undefined. */
async function stillFree(
  tx: Queryable,
  snapshot: ClinicSnapshot,
  slotId: string,
  nowMs: number,
): Promise<OpenSlot | undefined> {
  let offered: OpenSlot;
  try {
    offered = offeredSlot(snapshot, slotId, undefined, bookableNow(snapshot, nowMs), 'slotId');
  } catch {
    return undefined;
  }
  return (await lockSlot(tx, offered.providerId, offered.startMs, nowMs)) === 'free' ? offered : undefined;
}

/**
 * The `waitlist-offer` job: offers a freed slot to the next patients waiting for it, first come first (the
 * clinic's `waitlistOfferBatch`, default 3, at a time): the same provider, a visit type offered in the slot, the
 * slot's day in their range, and earlier than the booking they have. Each gets a message with a claim link valid
 * for `waitlistOfferMinutes` (default 30); when those run out with the slot still free, the next round offers it
 * to the next patients.
 */
export function offerFreedSlotHandler(ctx: VisitContext): JobHandler {
  return async (job) => {
    const slotId = String(job.payload.slotId);
    const round = Number(job.payload.round);
    const freedAtMs = Number(job.payload.freedAtMs);
    const snapshot = await ctx.store.snapshot();
    const nowMs = ctx.clock.now();
    const made = await ctx.db.transaction(async (tx) => {
      const offered = await stillFree(tx, snapshot, slotId, nowMs);
      if (!offered) return 0;
      const day = offered.slot.start.slice(0, 10);
      const waiting = await tx.query<{ id: string; visit_type_id: string; notifications: Notifications }>(
        `select w.id, w.visit_type_id, w.notifications from waitlist w
         left join bookings b on b.id = w.booking_id and b.status = 'booked'
         where w.status = 'waiting' and w.provider_id = $1 and w.visit_type_id = any($2::text[])
           and w.first_day <= $3::date and w.last_day >= $3::date
           and (b.id is null or b.start_at > $4)
           and not exists (select 1 from waitlist_offers o where o.waitlist_id = w.id and o.slot_id = $5)
         order by w.place
         limit $6
         for update of w skip locked`,
        [
          offered.providerId,
          offered.slot.visitTypeIds,
          day,
          new Date(offered.startMs),
          slotId,
          snapshot.settings.waitlistOfferBatch,
        ],
      );
      const expiresAtMs = nowMs + snapshot.settings.waitlistOfferMinutes * 60_000;
      const messages: JobSpec[] = [];
      for (const entry of waiting.rows) {
        const offerId = randomId('of');
        await tx.query(
          `insert into waitlist_offers (id, waitlist_id, slot_id, provider_id, start_at, visit_type_id, round, expires_at,
             status, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)`,
          [
            offerId,
            entry.id,
            slotId,
            offered.providerId,
            new Date(offered.startMs),
            entry.visit_type_id,
            round,
            new Date(expiresAtMs),
            new Date(nowMs),
          ],
        );
        for (const channel of ['email', 'sms'] as const) {
          if (!entry.notifications[channel]) continue;
          messages.push({
            kind: 'message',
            dedupeKey: `message:${offerId}:offer:${channel}`,
            runAtMs: nowMs,
            payload: { offerId, message: 'offer', channel },
          });
        }
      }
      if (waiting.rows.length > 0) messages.push(offerJob(slotId, round + 1, expiresAtMs, freedAtMs));
      await enqueue(tx, messages, undefined, nowMs);
      return waiting.rows.length;
    });
    return made > 0 ? 'done' : 'skipped';
  };
}

interface OfferRow {
  id: string;
  waitlist_id: string;
  slot_id: string;
  visit_type_id: string;
  status: 'open' | 'claimed' | 'gone';
  expires_ms: number;
  entry_status: string;
  booking_id: string | null;
  patient: { givenName: string; email?: string; phone: string };
  consent: unknown;
  language: string;
  notifications: Notifications;
}

export async function loadOffer(q: Queryable, offerId: string, forUpdate = false): Promise<OfferRow | undefined> {
  const rows = await q.query<OfferRow>(
    `select o.id, o.waitlist_id, o.slot_id, o.visit_type_id, o.status,
            (extract(epoch from o.expires_at) * 1000)::float8 as expires_ms,
            w.status as entry_status, w.booking_id, w.patient, w.consent, w.language, w.notifications
     from waitlist_offers o join waitlist w on w.id = o.waitlist_id
     where o.id = $1${forUpdate ? ' for update of o, w' : ''}`,
    [offerId],
  );
  return rows.rows[0];
}

/** What an offer link shows: the time, and whether it can still be claimed. */
export async function offerView(ctx: VisitContext, offerId: string): Promise<WaitlistOffer> {
  const offer = await loadOffer(ctx.db, offerId);
  if (!offer) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
  const snapshot = await ctx.store.snapshot();
  const nowMs = ctx.clock.now();
  const key = parseSlotId(offer.slot_id);
  let slot: Slot | undefined;
  let taken = true;
  try {
    const offered = offeredSlot(
      snapshot,
      offer.slot_id,
      undefined,
      { ...bookableNow(snapshot, nowMs), earliestMs: 0 },
      'slotId',
    );
    slot = offered.slot;
    taken =
      (
        await ctx.db.query(
          `select 1 from bookings where provider_id = $1 and start_at = $2 and status = 'booked'
       union all select 1 from holds where provider_id = $1 and start_at = $2 and expires_at > $3`,
          [offered.providerId, new Date(offered.startMs), new Date(nowMs)],
        )
      ).rows.length > 0;
  } catch {
    // The rules no longer offer it.
  }
  if (!slot || !key) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
  const status =
    offer.status !== 'open'
      ? offer.status
      : taken || key.startMs <= nowMs
        ? 'gone'
        : offer.expires_ms <= nowMs
          ? 'expired'
          : 'open';
  return {
    status,
    slot: { ...slot, status: taken ? 'busy' : 'free' },
    visitTypeId: offer.visit_type_id,
    expiresAt: new Date(offer.expires_ms).toISOString(),
    movesBooking: offer.booking_id !== null,
  };
}

const gone = () =>
  new FrontdeskError('conflict', 'this time is gone: another patient claimed it first', { field: 'offerToken' });

/**
 * Claims an offer in the caller's transaction: the first claim of the slot wins (under its lock, like any booking),
 * later ones get a 409 "gone"; an offer past its time a 409 too. The patient's existing booking (if they joined with
 * one) moves to the slot; otherwise a booking is made from what they gave when joining, with its confirmation.
 * Returns the booking, without a manage token (the caller adds a fresh one to each answer).
 */
export async function claimInTransaction(
  tx: Queryable,
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  offerId: string,
): Promise<Booking> {
  const nowMs = ctx.clock.now();
  const first = await loadOffer(tx, offerId);
  const key = first && parseSlotId(first.slot_id);
  if (!key) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
  // The slot's lock first, the offer rows after: every claim of this slot takes them in this order (no deadlock).
  const claim = await lockSlot(tx, key.providerId, key.startMs, nowMs);
  const offer = (await loadOffer(tx, offerId, true))!;
  if (offer.status !== 'open') throw gone();
  if (offer.expires_ms <= nowMs) {
    throw new FrontdeskError('conflict', 'this offer has run out: you are still on the waitlist', {
      field: 'offerToken',
    });
  }
  if (offer.entry_status !== 'waiting') {
    throw new FrontdeskError('conflict', 'this waitlist place is no longer open', { field: 'offerToken' });
  }
  const visitType = snapshot.visitTypes.get(offer.visit_type_id);
  if (!visitType) throw gone();
  let offered: OpenSlot;
  try {
    offered = offeredSlot(snapshot, offer.slot_id, visitType.record, bookableNow(snapshot, nowMs), 'offerToken');
  } catch {
    throw gone();
  }
  if (claim !== 'free') throw gone();
  const existing = offer.booking_id ? await loadBooking(tx, offer.booking_id) : undefined;
  let booking: Booking;
  if (existing?.status === 'booked') {
    booking = await rescheduleInTransaction(tx, ctx, snapshot, existing.id, { by: 'waitlist', slotId: offer.slot_id });
  } else {
    booking = bookingRecord(ctx, snapshot, {
      id: randomId('bk'),
      offered,
      visitType,
      patientName: offer.patient.givenName,
      notifications: offer.notifications,
      sequence: 0,
      status: 'booked',
    });
    const jobs = planVisitJobs(snapshot, {
      bookingId: booking.id,
      sequence: 0,
      startMs: offered.startMs,
      endMs: offered.endMs,
      notifications: offer.notifications,
      nowMs,
      notice: 'confirmation',
      surveyPage: ctx.pages.survey !== undefined,
    });
    await insertBooking(tx, {
      key: `waitlist-offer-${offer.id}`,
      requestSha256: offer.id,
      booking,
      nowMs,
      offered,
      patient: offer.patient,
      consent: offer.consent,
      holdId: undefined,
      manageSha256: undefined,
      language: offer.language,
      jobs,
    });
  }
  await tx.query(
    "update waitlist_offers set status = case when id = $1 then 'claimed' else 'gone' end where slot_id = $2 and status = 'open'",
    [offer.id, offer.slot_id],
  );
  await tx.query("update waitlist set status = 'booked', booking_id = $2, updated_at = $3 where id = $1", [
    offer.waitlist_id,
    booking.id,
    new Date(nowMs),
  ]);
  return booking;
}
