import { FrontdeskError, type Hold } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { offeredSlot } from '../scheduling/book.js';
import { bookableNow } from '../scheduling/slots.js';
import { lockSlot } from './bookings.js';
import type { VisitContext } from './context.js';
import { randomToken } from './tokens.js';

/**
 * Holds a slot for the clinic's `holdMinutes` (default 5) while the patient types, in the caller's transaction:
 * under the slot's lock, a slot booked or held by someone else is a 409; otherwise any expired holds on it are
 * cleared and the new one stored. Others then see the slot busy and cannot book it until the hold expires, is
 * released, or is consumed by the patient's booking (which names it). The hold id is a random secret.
 */
export async function holdInTransaction(
  tx: Queryable,
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  slotId: string,
): Promise<Hold> {
  const nowMs = ctx.clock.now();
  const offered = offeredSlot(snapshot, slotId, undefined, bookableNow(snapshot, nowMs), 'request.slotId');
  if ((await lockSlot(tx, offered.providerId, offered.startMs, nowMs)) !== 'free') {
    throw new FrontdeskError('conflict', 'the slot is no longer available', { field: 'request.slotId' });
  }
  const start = new Date(offered.startMs);
  await tx.query('delete from holds where provider_id = $1 and start_at = $2', [offered.providerId, start]);
  const id = randomToken();
  const expiresAtMs = nowMs + snapshot.settings.holdMinutes * 60_000;
  await tx.query(
    `insert into holds (id, slot_id, provider_id, start_at, expires_at, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [id, offered.slot.id, offered.providerId, start, new Date(expiresAtMs), new Date(nowMs)],
  );
  return { id, slotId: offered.slot.id, expiresAt: new Date(expiresAtMs).toISOString() };
}

/** Gives a held slot back (the patient went back); false when there was no such hold. */
export async function releaseHold(ctx: VisitContext, holdId: string): Promise<boolean> {
  const deleted = await ctx.db.query('delete from holds where id = $1 returning id', [holdId]);
  return deleted.rows.length > 0;
}
