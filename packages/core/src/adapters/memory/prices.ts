import type { Plan, PriceInfo } from '../../schemas/pricing.js';

export const PLANS: readonly Plan[] = [
  {
    id: 'blue-valley-ppo',
    name: 'Blue Valley PPO',
    payer: 'Blue Valley Health Insurance',
    description: 'A preferred provider plan: lowest costs in network, partial coverage out of network.',
  },
  {
    id: 'evergreen-hmo',
    name: 'Evergreen HMO',
    payer: 'Evergreen Health Plans',
    description:
      'A health maintenance organization plan: in-network care with a primary care referral for specialists.',
  },
];

/**
 * One line of the clinic's price list (CMS price transparency fields), in cents. `rates` holds the exact rate per
 * plan; a service without `rates` is published only as a min/max range of negotiated rates.
 */
interface PriceEntry {
  description: string;
  grossCharge: number;
  cashPrice: number;
  rates?: Readonly<Record<string, number>>;
  minNegotiated: number;
  maxNegotiated: number;
  outOfNetworkAllowed: number;
  notCovered?: number;
}

export const PRICE_LIST: Readonly<Record<string, PriceEntry>> = {
  '99203': {
    description: 'New patient office visit, low complexity',
    grossCharge: 22_500,
    cashPrice: 15_000,
    rates: { 'blue-valley-ppo': 13_800, 'evergreen-hmo': 11_900 },
    minNegotiated: 10_500,
    maxNegotiated: 16_800,
    outOfNetworkAllowed: 9_800,
  },
  '99204': {
    description: 'New patient office visit, moderate complexity',
    grossCharge: 33_500,
    cashPrice: 22_000,
    rates: { 'blue-valley-ppo': 20_500, 'evergreen-hmo': 17_800 },
    minNegotiated: 16_000,
    maxNegotiated: 24_500,
    outOfNetworkAllowed: 14_500,
  },
  '99213': {
    description: 'Established patient office visit, low complexity',
    grossCharge: 16_000,
    cashPrice: 10_500,
    rates: { 'blue-valley-ppo': 9_800, 'evergreen-hmo': 8_400 },
    minNegotiated: 7_600,
    maxNegotiated: 11_800,
    outOfNetworkAllowed: 6_900,
  },
  '99214': {
    description: 'Established patient office visit, moderate complexity',
    grossCharge: 23_500,
    cashPrice: 15_500,
    rates: { 'blue-valley-ppo': 14_200, 'evergreen-hmo': 12_100 },
    minNegotiated: 11_000,
    maxNegotiated: 17_200,
    outOfNetworkAllowed: 10_100,
  },
  '99395': {
    description: 'Preventive visit, established patient, age 18 to 39',
    grossCharge: 27_500,
    cashPrice: 18_000,
    rates: { 'blue-valley-ppo': 16_500, 'evergreen-hmo': 14_900 },
    minNegotiated: 13_000,
    maxNegotiated: 19_500,
    outOfNetworkAllowed: 12_000,
  },
  // Published only as a range: the plans pay physical therapy evaluations on a fee schedule we do not list per plan.
  '97161': {
    description: 'Physical therapy evaluation, low complexity',
    grossCharge: 21_000,
    cashPrice: 14_000,
    minNegotiated: 9_500,
    maxNegotiated: 16_500,
    outOfNetworkAllowed: 8_500,
  },
  '97110': {
    description: 'Therapeutic exercise, each 15 minutes',
    grossCharge: 7_500,
    cashPrice: 5_000,
    rates: { 'blue-valley-ppo': 4_200, 'evergreen-hmo': 3_600 },
    minNegotiated: 3_300,
    maxNegotiated: 4_800,
    outOfNetworkAllowed: 3_000,
  },
  '90791': {
    description: 'Psychiatric diagnostic evaluation',
    grossCharge: 30_000,
    cashPrice: 20_000,
    rates: { 'blue-valley-ppo': 17_500, 'evergreen-hmo': 15_500 },
    minNegotiated: 14_000,
    maxNegotiated: 21_000,
    outOfNetworkAllowed: 13_000,
  },
  '90834': {
    description: 'Psychotherapy, 45 minutes',
    grossCharge: 18_000,
    cashPrice: 12_500,
    rates: { 'blue-valley-ppo': 11_200, 'evergreen-hmo': 9_800 },
    minNegotiated: 9_000,
    maxNegotiated: 13_500,
    outOfNetworkAllowed: 8_000,
  },
  // The cosmetic closure that usually goes with it is never covered by either plan.
  '11300': {
    description: 'Shave removal of a skin lesion, with cosmetic closure',
    grossCharge: 19_500,
    cashPrice: 13_000,
    rates: { 'blue-valley-ppo': 9_800, 'evergreen-hmo': 8_900 },
    minNegotiated: 8_200,
    maxNegotiated: 11_500,
    outOfNetworkAllowed: 7_400,
    notCovered: 4_500,
  },
  '93000': {
    description: 'Electrocardiogram (ECG) with interpretation',
    grossCharge: 9_000,
    cashPrice: 4_500,
    rates: { 'blue-valley-ppo': 3_100, 'evergreen-hmo': 2_600 },
    minNegotiated: 2_400,
    maxNegotiated: 3_600,
    outOfNetworkAllowed: 2_200,
  },
};

/** The price of one CPT code, with the plan's exact rate when asked for and published; `undefined` if unpriced. */
export function priceFor(code: string, currency: string, planId?: string): PriceInfo | undefined {
  if (!Object.hasOwn(PRICE_LIST, code)) return undefined;
  const entry = PRICE_LIST[code];
  if (!entry) return undefined;
  const negotiatedRate = planId === undefined ? undefined : entry.rates?.[planId];
  return {
    service: code,
    description: entry.description,
    currency,
    grossCharge: entry.grossCharge,
    cashPrice: entry.cashPrice,
    ...(negotiatedRate === undefined ? {} : { negotiatedRate }),
    minNegotiated: entry.minNegotiated,
    maxNegotiated: entry.maxNegotiated,
    outOfNetworkAllowed: entry.outOfNetworkAllowed,
    ...(entry.notCovered === undefined ? {} : { notCovered: entry.notCovered }),
  };
}
