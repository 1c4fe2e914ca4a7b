import { type FrontdeskAdapter, formatMoney, type PriceInfo } from '@frontdesk/core';
import type { Setup } from './loaders.js';

export { formatMoney };

/**
 * The price of each of the setup's visit types, where the backend has prices. Loaded after the setup, beside the
 * calendar: prices are shown when known and never hold up the times (nor is money formatting in the first download).
 * A visit type without a price is left out.
 */
export async function loadPrices(adapter: FrontdeskAdapter, signal: AbortSignal, setup: Setup) {
  const found = new Map<string, PriceInfo>();
  if (!setup.capabilities.prices) return found;
  const providerId = setup.provider?.id;
  const answers = await Promise.allSettled(
    setup.visitTypes.map((type) => adapter.getPrice({ service: type.id, providerId }, { signal })),
  );
  answers.forEach((answer, i) => {
    if (answer.status === 'fulfilled') found.set(setup.visitTypes[i]!.id, answer.value);
  });
  return found;
}
