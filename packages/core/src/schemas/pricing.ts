import * as z from 'zod/mini';
import { Cents, Currency, Id, LongText, ShortText } from './primitives.js';

export const ServiceCode = z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/));

/** Price transparency fields for one service, all in integer cents. */
export const PriceInfo = z.object({
  service: ServiceCode,
  description: z.optional(ShortText),
  currency: Currency,
  grossCharge: Cents,
  cashPrice: z.optional(Cents),
  /** The rate negotiated with the plan asked for, when known exactly. */
  negotiatedRate: z.optional(Cents),
  /** The lowest and highest negotiated rates (CMS price transparency), used when no exact rate is known. */
  minNegotiated: z.optional(Cents),
  maxNegotiated: z.optional(Cents),
  /** What the plan allows out of network; the rest of the gross charge may be balance-billed. */
  outOfNetworkAllowed: z.optional(Cents),
  /** Part of the charge the plan never covers (for example a cosmetic add-on). */
  notCovered: z.optional(Cents),
});
export type PriceInfo = z.infer<typeof PriceInfo>;

const CostSharing = {
  deductibleRemaining: Cents,
  /** Coinsurance in basis points: 3000 is 30 %. Integers keep the money arithmetic exact. */
  coinsuranceBps: z.int().check(z.gte(0), z.lte(10_000)),
  copay: Cents,
  /** True when the copay is all the patient pays for a covered visit (no deductible or coinsurance). */
  copayOnly: z.boolean(),
  outOfPocketRemaining: z.optional(Cents),
};

export const Coverage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self-pay') }),
  z.object({
    kind: z.literal('plan'),
    planId: z.optional(Id),
    network: z.enum(['in', 'out']),
    ...CostSharing,
  }),
]);
export type Coverage = z.infer<typeof Coverage>;
export type PlanCoverage = Extract<Coverage, { kind: 'plan' }>;

export const Plan = z.object({
  id: Id,
  name: ShortText,
  payer: z.optional(ShortText),
  description: z.optional(LongText),
});
export type Plan = z.infer<typeof Plan>;

export const NoticeKind = z.enum([
  'estimate-not-guarantee',
  'good-faith-estimate',
  'out-of-pocket-maximum-reached',
  'balance-billing-possible',
  'price-range',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const Range = z.object({ low: Cents, high: Cents });
export type Range = z.infer<typeof Range>;

export const CostEstimate = z.object({
  currency: Currency,
  selfPay: z.boolean(),
  network: z.optional(z.enum(['in', 'out'])),
  billed: Cents,
  allowed: Cents,
  deductibleApplied: Cents,
  copay: Cents,
  coinsurance: Cents,
  notCovered: Cents,
  patientTotal: Cents,
  planPays: Cents,
  /** Present when the price is a range: the patient total at the lowest and highest rate. */
  range: z.optional(Range),
  notices: z.array(NoticeKind),
});
export type CostEstimate = z.infer<typeof CostEstimate>;
