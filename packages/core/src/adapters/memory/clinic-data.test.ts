import { beforeAll, describe, expect, it } from 'vitest';
import { Location, Organization, Plan, PriceInfo, Provider, Slot, VisitType } from '../../schemas/index.js';
import { LOCATIONS, OPENING_HOURS, VISIT_TYPES } from './clinic-data.js';
import { createMemoryAdapter, type MemoryAdapter } from './index.js';
import { PRICE_LIST } from './prices.js';

const NOW = '2026-03-01T12:00:00Z';

function expectValid(schema: { safeParse(value: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, JSON.stringify(result.error)).toBe(true);
}

describe('demo clinic data', () => {
  let adapter: MemoryAdapter;
  let providers: Provider[];
  let slots: Slot[];

  beforeAll(async () => {
    adapter = createMemoryAdapter({ now: NOW, photoBaseUrl: 'https://assets.example/photos/' });
    providers = (await adapter.listProviders()).items;
    slots = (await adapter.listSlots({ start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' })).items;
  });

  it('has an organization, at least three locations in two time zones, all valid', async () => {
    const organization = await adapter.getOrganization();
    expectValid(Organization, organization);
    expect(organization.currency).toBe('USD');
    const locations = (await adapter.listLocations()).items;
    expect(locations.length).toBeGreaterThanOrEqual(3);
    expect(new Set(locations.map((l) => l.timeZone))).toEqual(new Set(['America/New_York', 'America/Chicago']));
    for (const location of locations) {
      expectValid(Location, location);
      expect(location.address?.lines.length).toBeGreaterThan(0);
      expect(location.phone).toBeDefined();
      expect(location.position).toBeDefined();
      expect(location.accessibility?.length).toBeGreaterThan(20);
      expect(OPENING_HOURS[location.id]).toBeDefined();
    }
  });

  it('has at least twelve valid providers covering the cases a provider card must handle', () => {
    expect(providers.length).toBeGreaterThanOrEqual(12);
    for (const provider of providers) expectValid(Provider, provider);

    const specialties = new Set(providers.flatMap((p) => p.specialties.map((s) => s.display)));
    for (const name of ['Family medicine', 'Pediatrics', 'Cardiology', 'Dermatology', 'Physical therapy']) {
      expect(specialties).toContain(name);
    }
    expect(providers.every((p) => p.specialties.every((s) => s.system && s.code))).toBe(true);
    const languages = new Set(providers.flatMap((p) => p.languages));
    for (const language of ['en', 'es', 'zh', 'vi', 'ar', 'fr']) expect(languages).toContain(language);

    const accepting = new Set(providers.map((p) => p.acceptingNewPatients));
    expect(accepting).toEqual(new Set(['yes', 'no', 'existing-only']));
    const telehealthOnly = providers.filter((p) => !p.inPerson);
    expect(telehealthOnly.length).toBeGreaterThanOrEqual(1);
    expect(telehealthOnly.every((p) => p.telehealth && p.locationIds.length === 0)).toBe(true);
    expect(providers.some((p) => p.locationIds.length === 2)).toBe(true);
    expect(Math.max(...providers.map((p) => p.displayName.length))).toBeGreaterThan(35);
    expect(providers.filter((p) => p.bio === undefined)).toHaveLength(1);
    expect(providers.some((p) => (p.bio?.length ?? 0) > 500)).toBe(true);
    expect(providers.every((p) => p.credentials.length > 0)).toBe(true);

    const npis = providers.map((p) => p.npi);
    expect(npis.every((npi) => /^\d{10}$/.test(npi ?? ''))).toBe(true);
    expect(new Set(npis).size).toBe(npis.length);
    expect(new Set(providers.map((p) => p.id)).size).toBe(providers.length);

    const locationIds = new Set(LOCATIONS.map((l) => l.id));
    expect(providers.every((p) => p.locationIds.every((id) => locationIds.has(id)))).toBe(true);
  });

  it('serves photos only from the configured base URL, and none without one', async () => {
    const withPhoto = providers.filter((p) => p.photoUrl !== undefined);
    expect(withPhoto.length).toBeGreaterThan(0);
    expect(withPhoto.length).toBeLessThan(providers.length);
    for (const p of withPhoto) expect(p.photoUrl).toBe(`https://assets.example/photos/${p.id}.svg`);

    const offline = await createMemoryAdapter({ now: NOW, days: 7 }).listProviders();
    expect(offline.items.some((p) => p.photoUrl !== undefined)).toBe(false);
  });

  it('gives each provider a next available time equal to their first free slot', () => {
    for (const provider of providers) {
      const first = slots.find((s) => s.providerId === provider.id && s.status === 'free');
      expect(first, provider.id).toBeDefined();
      expect(provider.nextAvailable).toBe(first?.start);
    }
    // A popular specialist is booked solid for the first weeks.
    const latest = Math.max(...providers.map((p) => Date.parse(p.nextAvailable ?? '')));
    expect(latest - Date.parse(NOW)).toBeGreaterThan(14 * 86_400_000);
  });

  it('has valid visit types for new and existing patients, in person and by video, with CPT codes', async () => {
    const types = (await adapter.listVisitTypes()).items;
    for (const type of types) expectValid(VisitType, type);
    expect(new Set(types.map((t) => t.patientType))).toEqual(new Set(['new', 'existing']));
    expect(new Set(types.map((t) => t.modality))).toEqual(new Set(['in-person', 'telehealth']));
    const codes = new Set(types.flatMap((t) => t.serviceCodes));
    for (const code of ['99203', '99204', '99213', '99214', '99395', '97161', '90834']) expect(codes).toContain(code);
    expect(types.some((t) => t.providerIds === undefined)).toBe(true);
    expect(types.some((t) => t.providerIds !== undefined)).toBe(true);
  });

  it('keeps visit types consistent with who offers them and what their slots list', () => {
    const byId = new Map(providers.map((p) => [p.id, p]));
    const offered = new Set(slots.flatMap((s) => s.visitTypeIds.map((type) => `${type}@${s.providerId}`)));
    for (const type of VISIT_TYPES) {
      const offering =
        type.providerIds ??
        providers.filter((p) => (type.modality === 'telehealth' ? p.telehealth : p.inPerson)).map((p) => p.id);
      for (const providerId of offering) {
        const provider = byId.get(providerId);
        expect(provider, `${type.id} names ${providerId}`).toBeDefined();
        // A provider who is not taking new patients never offers a new-patient visit type.
        if (type.patientType === 'new') expect(provider?.acceptingNewPatients, `${type.id} ${providerId}`).toBe('yes');
        expect(offered.has(`${type.id}@${providerId}`), `${type.id} is bookable with ${providerId}`).toBe(true);
      }
    }
    const types = new Map(VISIT_TYPES.map((t) => [t.id, t]));
    const strays = slots.filter((slot) =>
      slot.visitTypeIds.some((id) => {
        const type = types.get(id);
        return !type || (type.providerIds !== undefined && !type.providerIds.includes(slot.providerId ?? ''));
      }),
    );
    expect(strays).toEqual([]);
  });

  it('has valid slots in volume, with stable URL-safe unique ids', () => {
    expect(slots.length).toBeGreaterThan(5_000);
    expect(slots.filter((slot) => !Slot.safeParse(slot).success)).toEqual([]);
    expect(slots.every((s) => /^[A-Za-z0-9._-]+$/.test(s.id))).toBe(true);
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length);
    expect(slots.every((s) => Date.parse(s.start) >= Date.parse(NOW))).toBe(true);
    const lengths = new Set(slots.map((s) => (Date.parse(s.end) - Date.parse(s.start)) / 60_000));
    expect(lengths.size).toBeGreaterThanOrEqual(3);
  });

  it('prices every service code any visit type bills, and lists two valid plans', async () => {
    const plans = (await adapter.listPlans()).items;
    expect(plans.map((p) => p.name)).toEqual(['Blue Valley PPO', 'Evergreen HMO']);
    for (const plan of plans) expectValid(Plan, plan);
    for (const code of new Set(VISIT_TYPES.flatMap((t) => t.serviceCodes))) {
      expect(Object.keys(PRICE_LIST)).toContain(code);
    }
    for (const code of Object.keys(PRICE_LIST)) {
      for (const planId of [undefined, ...plans.map((p) => p.id)]) {
        const price = await adapter.getPrice({ service: code, planId });
        expectValid(PriceInfo, price);
        expect(price.cashPrice).toBeLessThanOrEqual(price.grossCharge);
        expect(price.minNegotiated).toBeLessThanOrEqual(price.maxNegotiated ?? 0);
        if (price.negotiatedRate !== undefined) {
          expect(price.negotiatedRate).toBeGreaterThanOrEqual(price.minNegotiated ?? 0);
          expect(price.negotiatedRate).toBeLessThanOrEqual(price.maxNegotiated ?? 0);
        }
      }
    }
  });
});
