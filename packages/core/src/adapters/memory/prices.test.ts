import { describe, expect, it } from 'vitest';
import { PriceInfo } from '../../schemas/index.js';
import { createMemoryAdapter } from './index.js';

describe('prices', () => {
  const adapter = createMemoryAdapter({ now: '2026-03-01T12:00:00Z' });

  it('looks a price up by CPT code, with the plan’s negotiated rate when a plan is given', async () => {
    const cash = await adapter.getPrice({ service: '99213' });
    expect(PriceInfo.safeParse(cash).success).toBe(true);
    expect(cash).toMatchObject({ service: '99213', currency: 'USD', grossCharge: 16_000, cashPrice: 10_500 });
    expect(cash.negotiatedRate).toBeUndefined();

    const ppo = await adapter.getPrice({ service: '99213', planId: 'blue-valley-ppo' });
    const hmo = await adapter.getPrice({ service: '99213', planId: 'evergreen-hmo' });
    expect(ppo.negotiatedRate).toBe(9_800);
    expect(hmo.negotiatedRate).toBe(8_400);
    expect(ppo).toMatchObject({ minNegotiated: 7_600, maxNegotiated: 11_800, outOfNetworkAllowed: 6_900 });
  });

  it('looks a price up by visit type id, through its primary service code', async () => {
    const byType = await adapter.getPrice({ service: 'specialist-consult', planId: 'evergreen-hmo' });
    const byCode = await adapter.getPrice({ service: '99204', planId: 'evergreen-hmo' });
    expect(byType).toEqual(byCode);
    expect(byType.service).toBe('99204');
  });

  it('publishes a range only where no exact plan rate is known', async () => {
    const evaluation = await adapter.getPrice({ service: 'pt-evaluation', planId: 'blue-valley-ppo' });
    expect(evaluation.service).toBe('97161');
    expect(evaluation.negotiatedRate).toBeUndefined();
    expect(evaluation.minNegotiated).toBeLessThan(evaluation.maxNegotiated ?? 0);
  });

  it('carries the part of a charge no plan covers', async () => {
    const removal = await adapter.getPrice({ service: 'skin-lesion-removal', planId: 'blue-valley-ppo' });
    expect(removal).toMatchObject({ service: '11300', notCovered: 4_500, negotiatedRate: 9_800 });
    const visit = await adapter.getPrice({ service: '99213' });
    expect(visit.notCovered).toBeUndefined();
  });

  it('reports unknown services and plans as not found', async () => {
    await expect(adapter.getPrice({ service: '12345' })).rejects.toMatchObject({
      kind: 'not-found',
      field: 'query.service',
    });
    await expect(adapter.getPrice({ service: 'massage' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(adapter.getPrice({ service: 'constructor' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(adapter.getPrice({ service: '99213', planId: 'gold-plus' })).rejects.toMatchObject({
      kind: 'not-found',
      field: 'query.planId',
    });
    await expect(adapter.getPrice({ service: '' })).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'query.service',
    });
  });

  it('lists the two plans', async () => {
    const plans = await adapter.listPlans();
    expect(plans.dropped).toEqual([]);
    expect(plans.items.map((p) => p.id)).toEqual(['blue-valley-ppo', 'evergreen-hmo']);
  });
});
