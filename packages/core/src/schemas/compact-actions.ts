// Generated from the zod schemas by compact.test.ts: do not edit. After changing a schema, regenerate with
//   pnpm exec vitest run packages/core/src/schemas/compact.test.ts -u
// What a patient's actions send and get back, loaded on the first action (see compact.test.ts).
import type * as z from 'zod/mini';
import { compactSchema, type Shape } from './compact.js';
import { IdShape, InstantShape, LocationShape, SlotShape, s3, s4, s5, s7, s9 } from './compact-shapes.js';
import type * as schemas from './index.js';
import { isRealDate, rangeInOrder } from './refinements.js';

const s24: Shape = {
  k: 'string',
  c: [
    ['re', /^\d{4}-\d{2}-\d{2}$/],
    ['ok', isRealDate, 'not a real date'],
  ],
};
const s25: Shape = {
  k: 'string',
  c: [
    ['L<=', 254],
    ['re', /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/],
  ],
};
const s26: Shape = { k: 'string', c: [['re', /^[A-Za-z0-9_-]{16,128}$/]] };
const AccessTokenShape: Shape = { k: 'string', c: [['re', /^[A-Za-z0-9_-]{22,128}$/]] };
const BookingRequestShape: Shape = {
  k: 'object',
  of: {
    slotId: IdShape,
    visitTypeId: IdShape,
    patient: {
      k: 'object',
      of: {
        givenName: s3,
        familyName: s3,
        birthDate: s24,
        phone: s4,
        email: { k: 'optional', of: s25 },
        reason: { k: 'optional', of: { k: 'string', c: [['L<=', 1000]] } },
        patientType: { k: 'enum', of: ['new', 'existing'] },
        bookedBy: {
          k: 'optional',
          of: {
            k: 'object',
            of: {
              givenName: s3,
              familyName: s3,
              relationship: { k: 'enum', of: ['parent', 'guardian', 'caregiver', 'other'] },
            },
          },
        },
        insurance: {
          k: 'optional',
          of: {
            k: 'object',
            of: {
              planId: IdShape,
              memberId: {
                k: 'string',
                c: [
                  ['L>=', 1],
                  ['L<=', 40],
                ],
              },
            },
          },
        },
      },
    },
    consent: { k: 'object', of: { terms: { k: 'boolean' }, contact: { k: 'optional', of: { k: 'boolean' } } } },
    idempotencyKey: s26,
    holdId: { k: 'optional', of: AccessTokenShape },
    language: { k: 'optional', of: s9 },
  },
};
const ManageTokenShape: Shape = { k: 'string', c: [['re', /^[A-Za-z0-9._-]{1,128}$/]] };
const s30: Shape = { k: 'object', of: { email: { k: 'boolean' }, sms: { k: 'boolean' } } };
const BookingShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    status: { k: 'enum', of: ['booked', 'pending', 'cancelled'] },
    slot: SlotShape,
    visitTypeId: IdShape,
    providerId: { k: 'optional', of: IdShape },
    location: { k: 'optional', of: LocationShape },
    instructions: { k: 'optional', of: s7 },
    manageUrl: { k: 'optional', of: s5 },
    manageToken: { k: 'optional', of: ManageTokenShape },
    patientName: { k: 'optional', of: s3 },
    joinUrl: { k: 'optional', of: s5 },
    sequence: {
      k: 'optional',
      of: {
        k: 'number',
        int: true,
        c: [
          ['>=', 0],
          ['<=', 100000],
        ],
      },
    },
    notifications: { k: 'optional', of: s30 },
  },
};
const CancelRequestShape: Shape = {
  k: 'object',
  of: {
    manageToken: ManageTokenShape,
    reason: { k: 'optional', of: { k: 'string', c: [['L<=', 1000]] } },
    idempotencyKey: s26,
  },
};
const RescheduleRequestShape: Shape = {
  k: 'object',
  of: {
    manageToken: ManageTokenShape,
    slotId: IdShape,
    holdId: { k: 'optional', of: AccessTokenShape },
    idempotencyKey: s26,
  },
};
const HoldShape: Shape = { k: 'object', of: { id: AccessTokenShape, slotId: IdShape, expiresAt: InstantShape } };
const HoldRequestShape: Shape = { k: 'object', of: { slotId: IdShape, idempotencyKey: s26 } };
const ClaimRequestShape: Shape = { k: 'object', of: { offerToken: AccessTokenShape, idempotencyKey: s26 } };
const WaitlistRequestShape: Shape = {
  k: 'object',
  of: {
    providerId: IdShape,
    visitTypeId: IdShape,
    from: s24,
    to: s24,
    patient: {
      k: 'object',
      of: {
        givenName: s3,
        familyName: s3,
        birthDate: s24,
        phone: s4,
        email: { k: 'optional', of: s25 },
        patientType: { k: 'enum', of: ['new', 'existing'] },
      },
    },
    language: { k: 'optional', of: s9 },
    consent: { k: 'object', of: { terms: { k: 'boolean' }, contact: { k: 'boolean' } } },
    manageToken: { k: 'optional', of: AccessTokenShape },
    idempotencyKey: s26,
  },
  c: [['ok', rangeInOrder, 'to is before from', ['to']]],
};
const WaitlistEntryShape: Shape = {
  k: 'object',
  of: {
    id: { k: 'optional', of: IdShape },
    token: { k: 'optional', of: AccessTokenShape },
    status: { k: 'enum', of: ['waiting', 'booked', 'left', 'expired'] },
    providerId: IdShape,
    visitTypeId: IdShape,
    from: s24,
    to: s24,
    notifications: { k: 'optional', of: s30 },
  },
};
const WaitlistOfferShape: Shape = {
  k: 'object',
  of: {
    status: { k: 'enum', of: ['open', 'claimed', 'gone', 'expired'] },
    slot: SlotShape,
    visitTypeId: IdShape,
    expiresAt: InstantShape,
    movesBooking: { k: 'boolean' },
  },
};
const SurveyReceiptShape: Shape = {
  k: 'object',
  of: { id: IdShape, status: { k: 'enum', of: ['received', 'duplicate'] } },
};

export const BookingRequest = compactSchema<BookingRequest>(BookingRequestShape);
export type BookingRequest = z.infer<typeof schemas.BookingRequest>;
export const Booking = compactSchema<Booking>(BookingShape);
export type Booking = z.infer<typeof schemas.Booking>;
export const CancelRequest = compactSchema<CancelRequest>(CancelRequestShape);
export type CancelRequest = z.infer<typeof schemas.CancelRequest>;
export const RescheduleRequest = compactSchema<RescheduleRequest>(RescheduleRequestShape);
export type RescheduleRequest = z.infer<typeof schemas.RescheduleRequest>;
export const Hold = compactSchema<Hold>(HoldShape);
export type Hold = z.infer<typeof schemas.Hold>;
export const HoldRequest = compactSchema<HoldRequest>(HoldRequestShape);
export type HoldRequest = z.infer<typeof schemas.HoldRequest>;
export const ClaimRequest = compactSchema<ClaimRequest>(ClaimRequestShape);
export type ClaimRequest = z.infer<typeof schemas.ClaimRequest>;
export const WaitlistRequest = compactSchema<WaitlistRequest>(WaitlistRequestShape);
export type WaitlistRequest = z.infer<typeof schemas.WaitlistRequest>;
export const WaitlistEntry = compactSchema<WaitlistEntry>(WaitlistEntryShape);
export type WaitlistEntry = z.infer<typeof schemas.WaitlistEntry>;
export const WaitlistOffer = compactSchema<WaitlistOffer>(WaitlistOfferShape);
export type WaitlistOffer = z.infer<typeof schemas.WaitlistOffer>;
export const AccessToken = compactSchema<AccessToken>(AccessTokenShape);
export type AccessToken = z.infer<typeof schemas.AccessToken>;
export const ManageToken = compactSchema<ManageToken>(ManageTokenShape);
export type ManageToken = z.infer<typeof schemas.ManageToken>;
export const SurveyReceipt = compactSchema<SurveyReceipt>(SurveyReceiptShape);
export type SurveyReceipt = z.infer<typeof schemas.SurveyReceipt>;
