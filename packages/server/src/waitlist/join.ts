import { FrontdeskError, parseOrThrow, type WaitlistEntry, WaitlistRequest } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { randomId } from '../idempotency.js';
import type { VisitContext } from '../visits/context.js';
import { notificationsFor, requireReachable } from '../visits/notifications.js';
import { findToken } from '../visits/tokens.js';

/** Longest date range a patient may wait for: the clinic books no further ahead than a year or two anyway. */
const MAX_RANGE_DAYS = 366;

/**
 * Joins the waitlist in the caller's transaction: the provider and visit type must exist (and the visit type be one
 * the provider offers), the days a range of at most a year, the patient agreed to be contacted and reachable by a
 * channel the clinic sends by. A booking named by its manage token is the one a claimed offer moves. Returns the
 * entry without its token (the caller adds a fresh one to each answer).
 */
export async function joinInTransaction(
  tx: Queryable,
  ctx: VisitContext,
  snapshot: ClinicSnapshot,
  body: unknown,
): Promise<WaitlistEntry> {
  const request = parseOrThrow(WaitlistRequest, body, 'request', 'invalid-input');
  if (!ctx.channels.email && !ctx.channels.sms) {
    throw new FrontdeskError('unsupported', 'this clinic sends no messages, so it keeps no waitlist');
  }
  if (!request.consent.terms) {
    throw new FrontdeskError('invalid-input', 'request.consent.terms: the terms must be accepted', {
      field: 'request.consent.terms',
    });
  }
  if (!snapshot.providers.some((provider) => provider.id === request.providerId)) {
    throw new FrontdeskError('not-found', 'no provider with this id', { field: 'request.providerId' });
  }
  const visitType = snapshot.visitTypes.get(request.visitTypeId)?.record;
  if (!visitType) throw new FrontdeskError('not-found', 'no visit type with this id', { field: 'request.visitTypeId' });
  if (visitType.providerIds && !visitType.providerIds.includes(request.providerId)) {
    throw new FrontdeskError('invalid-input', 'request.visitTypeId: not offered by this provider', {
      field: 'request.visitTypeId',
    });
  }
  if (visitType.patientType === 'existing' && request.patient.patientType === 'new') {
    throw new FrontdeskError('invalid-input', 'request.patient.patientType: this visit type is for existing patients', {
      field: 'request.patient.patientType',
    });
  }
  if (Date.parse(request.to) - Date.parse(request.from) > MAX_RANGE_DAYS * 86_400_000) {
    throw new FrontdeskError('invalid-input', `request.to: more than ${MAX_RANGE_DAYS} days after from`, {
      field: 'request.to',
    });
  }
  const notifications = notificationsFor(
    ctx.channels,
    request.patient,
    request.consent,
    snapshot.settings.phoneCountry,
  );
  requireReachable(ctx.channels, request, notifications, 'the waitlist offers times by message');
  const nowMs = ctx.clock.now();
  let bookingId: string | undefined;
  if (request.manageToken !== undefined) {
    bookingId = (await findToken(tx, 'manage', request.manageToken, nowMs))?.bookingId;
    if (!bookingId)
      throw new FrontdeskError('not-found', 'no booking with this token', { field: 'request.manageToken' });
  }
  const id = randomId('wl');
  await tx.query(
    `insert into waitlist (id, provider_id, visit_type_id, first_day, last_day, patient, consent, language,
       notifications, booking_id, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::jsonb, $10, 'waiting', $11, $11)`,
    [
      id,
      request.providerId,
      request.visitTypeId,
      request.from,
      request.to,
      JSON.stringify(request.patient),
      JSON.stringify(request.consent),
      request.language ?? 'en',
      JSON.stringify(notifications),
      bookingId ?? null,
      new Date(nowMs),
    ],
  );
  return {
    id,
    status: 'waiting',
    providerId: request.providerId,
    visitTypeId: request.visitTypeId,
    from: request.from,
    to: request.to,
    notifications,
  };
}

/** The waitlist place a token stands for, as the answer to the join first gave it; its id from the entry stored. */
export async function waitlistIdOf(ctx: VisitContext, token: string): Promise<string> {
  const found = await findToken(ctx.db, 'waitlist', token, ctx.clock.now());
  if (!found?.waitlistId) {
    throw new FrontdeskError('not-found', 'no waitlist place with this token', { field: 'waitlistToken' });
  }
  return found.waitlistId;
}

/** Leaves the waitlist: no further offers (an offer already sent can still be claimed until it runs out). */
export async function leaveWaitlist(ctx: VisitContext, waitlistId: string): Promise<void> {
  await ctx.db.query("update waitlist set status = 'left', updated_at = $2 where id = $1 and status = 'waiting'", [
    waitlistId,
    new Date(ctx.clock.now()),
  ]);
}

/**
 * Marks `expired` the places still waiting whose last day has ended in every time zone (12 hours into the next UTC
 * day): no time can be offered to them any more. Returns how many.
 */
export async function expireWaitlist(db: Queryable, nowMs: number): Promise<number> {
  const now = new Date(nowMs);
  const expired = await db.query(
    `update waitlist set status = 'expired', updated_at = $1
     where status = 'waiting' and last_day < (($1::timestamptz - interval '12 hours') at time zone 'UTC')::date`,
    [now],
  );
  return expired.rowCount;
}
