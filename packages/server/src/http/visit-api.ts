import type { Booking, WaitlistEntry } from '@frontdesk/core';
import { CancelRequest, FrontdeskError, HoldRequest, parseOrThrow, RescheduleRequest } from '@frontdesk/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { Queryable } from '../db/database.js';
import { canonicalJson, idempotent, sha256 } from '../idempotency.js';
import { withManageToken } from '../scheduling/book.js';
import { holdInTransaction, releaseHold } from '../visits/holds.js';
import { bookingIdForToken, cancelInTransaction, getBooking, rescheduleInTransaction } from '../visits/manage.js';
import { findToken, mintToken } from '../visits/tokens.js';
import { joinInTransaction, leaveWaitlist, waitlistIdOf } from '../waitlist/join.js';
import { claimInTransaction, offerView } from '../waitlist/offers.js';
import type { Answer, Api, ApiRoute } from './api.js';
import { idempotencyKey, pathToken, readObject } from './request.js';

/** The bodies of the manage operations: what the request schemas hold beside the token and the key. */
const CancelBody = z.object({ reason: CancelRequest.shape.reason });
const RescheduleBody = z.object({ slotId: RescheduleRequest.shape.slotId, holdId: RescheduleRequest.shape.holdId });
const HoldBody = z.object({ slotId: HoldRequest.shape.slotId });

/** The hash a request is remembered by: the token's hash (never the token) and the body. */
function requestHash(token: string, body: unknown): string {
  return sha256(canonicalJson({ token: sha256(token), body }));
}

async function getBookingRoute(api: Api, c: Context): Promise<Answer> {
  const bookingId = await bookingIdForToken(api.visits, pathToken(c, 'manageToken', 'booking'));
  return { status: 200, body: await getBooking(api.visits, bookingId) };
}

/**
 * A patient's change to their booking by its manage token: the key, token, body and booking checked before the
 * transaction (PGlite has one connection, which the transaction holds), the change made once per idempotency key.
 */
async function manageChange<Body>(
  api: Api,
  c: Context,
  scope: 'cancel' | 'reschedule',
  schema: z.ZodMiniType<Body>,
  change: (tx: Queryable, snapshot: ClinicSnapshot, bookingId: string, body: Body) => Promise<Booking>,
): Promise<Answer> {
  const key = idempotencyKey(c);
  const token = pathToken(c, 'manageToken', 'booking');
  const body = parseOrThrow(schema, await readObject(c), 'request', 'invalid-input');
  const bookingId = await bookingIdForToken(api.visits, token);
  const snapshot = await api.store.snapshot();
  return idempotent(api.db, scope, key, requestHash(token, body), api.clock.now(), async (tx) => ({
    status: 200,
    body: await change(tx, snapshot, bookingId, body),
  }));
}

const cancelRoute = (api: Api, c: Context) =>
  manageChange(api, c, 'cancel', CancelBody, (tx, snapshot, bookingId, body) =>
    cancelInTransaction(tx, api.visits, snapshot, bookingId, { by: 'patient', reason: body.reason }),
  );

const rescheduleRoute = (api: Api, c: Context) =>
  manageChange(api, c, 'reschedule', RescheduleBody, (tx, snapshot, bookingId, body) =>
    rescheduleInTransaction(tx, api.visits, snapshot, bookingId, {
      by: 'patient',
      slotId: body.slotId,
      holdId: body.holdId,
    }),
  );

async function holdRoute(api: Api, c: Context): Promise<Answer> {
  const key = idempotencyKey(c);
  const body = parseOrThrow(HoldBody, await readObject(c), 'request', 'invalid-input');
  const snapshot = await api.store.snapshot();
  return idempotent(api.db, 'hold', key, sha256(canonicalJson(body)), api.clock.now(), async (tx) => ({
    status: 201,
    body: await holdInTransaction(tx, api.visits, snapshot, body.slotId),
  }));
}

async function releaseRoute(api: Api, c: Context): Promise<Answer> {
  if (!(await releaseHold(api.visits, pathToken(c, 'holdId', 'hold')))) {
    throw new FrontdeskError('not-found', 'no hold with this token', { field: 'holdId' });
  }
  return { status: 204, body: null };
}

async function joinRoute(api: Api, c: Context): Promise<Answer> {
  const key = idempotencyKey(c);
  const body = await readObject(c);
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    throw new FrontdeskError('invalid-input', 'request.idempotencyKey: differs from the Idempotency-Key header', {
      field: 'request.idempotencyKey',
    });
  }
  const request = { ...body, idempotencyKey: key };
  // Read before the transaction: PGlite has one connection, which the transaction holds.
  const snapshot = await api.store.snapshot();
  return idempotent(
    api.db,
    'waitlist',
    key,
    sha256(canonicalJson(request)),
    api.clock.now(),
    async (tx) => ({ status: 201, body: await joinInTransaction(tx, api.visits, snapshot, request) }),
    // Only the token's hash is kept: each answer carries a fresh one.
    async (tx, answer) => {
      const entry = answer.body as WaitlistEntry;
      const token = await mintToken(tx, 'waitlist', { waitlistId: entry.id }, api.clock.now());
      return { status: answer.status, body: { ...entry, token } };
    },
  );
}

async function leaveRoute(api: Api, c: Context): Promise<Answer> {
  await leaveWaitlist(api.visits, await waitlistIdOf(api.visits, pathToken(c, 'waitlistToken', 'waitlist place')));
  return { status: 204, body: null };
}

/** The offer a claim link stands for; a wrong token is a 404. */
async function offerIdOf(api: Api, c: Context): Promise<string> {
  const found = await findToken(api.db, 'offer', pathToken(c, 'offerToken', 'offer'), api.clock.now());
  if (!found?.offerId) throw new FrontdeskError('not-found', 'no offer with this token', { field: 'offerToken' });
  return found.offerId;
}

async function offerRoute(api: Api, c: Context): Promise<Answer> {
  return { status: 200, body: await offerView(api.visits, await offerIdOf(api, c)) };
}

async function claimRoute(api: Api, c: Context): Promise<Answer> {
  const key = idempotencyKey(c);
  const token = pathToken(c, 'offerToken', 'offer');
  await readObject(c);
  const offerId = await offerIdOf(api, c);
  const snapshot = await api.store.snapshot();
  return idempotent(
    api.db,
    'claim',
    key,
    requestHash(token, {}),
    api.clock.now(),
    async (tx) => ({ status: 201, body: await claimInTransaction(tx, api.visits, snapshot, offerId) }),
    (tx, answer) => withManageToken(api.visits, answer as { status: number; body: Booking }, tx),
  );
}

/** The visit's operations of the contract: manage a booking by its token, hold a time, the waitlist. */
export const VISIT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/bookings/:manageToken',
    operationId: 'getBooking',
    noStore: true,
    rateLimit: 'tokens',
    handle: getBookingRoute,
  },
  {
    method: 'POST',
    path: '/bookings/:manageToken/cancel',
    operationId: 'cancelBooking',
    noStore: true,
    rateLimit: 'tokens',
    handle: cancelRoute,
  },
  {
    method: 'POST',
    path: '/bookings/:manageToken/reschedule',
    operationId: 'rescheduleBooking',
    noStore: true,
    rateLimit: 'tokens',
    handle: rescheduleRoute,
  },
  { method: 'POST', path: '/holds', operationId: 'holdSlot', noStore: true, rateLimit: 'holds', handle: holdRoute },
  {
    method: 'DELETE',
    path: '/holds/:holdId',
    operationId: 'releaseHold',
    noStore: true,
    rateLimit: 'tokens',
    handle: releaseRoute,
  },
  {
    method: 'POST',
    path: '/waitlist',
    operationId: 'joinWaitlist',
    noStore: true,
    rateLimit: 'bookings',
    handle: joinRoute,
  },
  {
    method: 'DELETE',
    path: '/waitlist/:waitlistToken',
    operationId: 'leaveWaitlist',
    noStore: true,
    rateLimit: 'tokens',
    handle: leaveRoute,
  },
  {
    method: 'GET',
    path: '/waitlist/offers/:offerToken',
    operationId: 'getWaitlistOffer',
    noStore: true,
    rateLimit: 'tokens',
    handle: offerRoute,
  },
  {
    method: 'POST',
    path: '/waitlist/offers/:offerToken/claim',
    operationId: 'claimWaitlistOffer',
    noStore: true,
    rateLimit: 'tokens',
    handle: claimRoute,
  },
];
