import { describe, expect, it } from 'vitest';
import { expectOnlyDirectory } from '../../../test/support/adapter-contract.js';
import { DIRECTORY_ONLY, EVERY_CAPABILITY } from '../../../test/support/adapters.js';
import { completeAdapter, type PartialAdapter } from './complete-adapter.js';
import { FrontdeskError } from './errors.js';

/** A backend that knows only its directory, with state in private fields (methods must run on the instance). */
class DirectoryOnly implements PartialAdapter {
  readonly name = 'directory-only';
  #organization = { id: 'o', name: 'Clinic', currency: 'USD' };
  async getOrganization() {
    return this.#organization;
  }
  async listLocations() {
    return { items: [], dropped: [] };
  }
  async listProviders() {
    return { items: [], dropped: [] };
  }
  async getProvider(): Promise<never> {
    throw new FrontdeskError('not-found', 'no provider with this id');
  }
  async listVisitTypes() {
    return { items: [], dropped: [] };
  }
  async listSlots() {
    return { items: [], dropped: [] };
  }
}

describe('completeAdapter', () => {
  it('fills in what the backend lacks with unsupported, and derives capabilities from the methods present', async () => {
    const adapter = completeAdapter(new DirectoryOnly());
    expect(adapter.name).toBe('directory-only');
    expect(adapter.capabilities).toEqual(DIRECTORY_ONLY);
    expect(await adapter.getOrganization()).toEqual({ id: 'o', name: 'Clinic', currency: 'USD' });
    await expect(adapter.getProvider('x')).rejects.toMatchObject({ kind: 'not-found' });
    await expectOnlyDirectory(adapter);
    for (const method of ['expandValueSet', 'getBooking', 'cancelBooking', 'holdSlot', 'claimWaitlistOffer']) {
      expect(method in adapter).toBe(false);
    }
  });

  it('says link booking when slots carry links, and surveys only with all three survey methods', () => {
    const base = new DirectoryOnly();
    const linked = completeAdapter(Object.assign(base, { bookingWithoutApi: 'link' as const }));
    expect(linked.capabilities.booking).toBe('link');
    const full = completeAdapter({
      ...bind(new DirectoryOnly()),
      name: 'full',
      book: async () => ({}) as never,
      getPrice: async () => ({}) as never,
      listPlans: async () => ({ items: [], dropped: [] }),
      listSurveys: async () => ({ items: [], dropped: [] }),
      getSurvey: async () => ({}) as never,
      submitSurvey: async () => ({ id: 'r', status: 'received' as const }),
      expandValueSet: async () => ({ codings: [] }),
      getBooking: async () => ({}) as never,
      cancelBooking: async () => ({}) as never,
      holdSlot: async () => ({}) as never,
      releaseHold: async () => {},
    });
    expect(full.capabilities).toEqual({ ...EVERY_CAPABILITY, terminology: true, reschedule: false, waitlist: false });
    const halfSurveys = completeAdapter({ ...bind(new DirectoryOnly()), getSurvey: async () => ({}) as never });
    expect(halfSurveys.capabilities.surveys).toBe(false);
    // Half a group is no capability, though the method present still works.
    const halfManage = completeAdapter({ ...bind(new DirectoryOnly()), getBooking: async () => ({}) as never });
    expect(halfManage.capabilities.manage).toBe(false);
    expect(typeof halfManage.getBooking).toBe('function');
  });

  it('refuses an adapter without its directory, and leaves a complete adapter as it is', () => {
    const { listSlots: _, ...noSlots } = bind(new DirectoryOnly());
    expect(() => completeAdapter(noSlots as never)).toThrowError(
      expect.objectContaining({ kind: 'invalid-input', field: 'listSlots' }),
    );
    const adapter = completeAdapter(new DirectoryOnly());
    expect(completeAdapter(adapter)).toBe(adapter);
  });

  it('can be extended the way tests and stories do (a prototype copy, a proxy)', async () => {
    const adapter = completeAdapter(new DirectoryOnly());
    const spy = Object.create(adapter) as typeof adapter;
    spy.listLocations = async () => ({ items: [], dropped: [{ field: 'x', reason: 'replaced' }] });
    expect((await spy.listLocations()).dropped).toHaveLength(1);
    expect((await spy.getOrganization()).id).toBe('o');
  });
});

/** The directory of a class instance as plain bound functions, to spread into object literals. */
function bind(adapter: DirectoryOnly) {
  return {
    name: adapter.name,
    getOrganization: () => adapter.getOrganization(),
    listLocations: () => adapter.listLocations(),
    listProviders: () => adapter.listProviders(),
    getProvider: () => adapter.getProvider(),
    listVisitTypes: () => adapter.listVisitTypes(),
    listSlots: () => adapter.listSlots(),
  };
}
