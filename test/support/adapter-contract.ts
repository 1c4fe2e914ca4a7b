// The contract every adapter keeps, as one Vitest suite: run it from the adapter's own test file with a factory that
// builds the adapter against a real backend (docs/design.md section 14 says how). What the widgets rely on is checked
// here once, for every backend alike.
import {
  Booking,
  type BookingRequest,
  createSurveyModel,
  type FrontdeskAdapter,
  Location,
  Organization,
  PriceInfo,
  Provider,
  type Questionnaire,
  type QuestionnaireResponse,
  Slot,
  SurveyReceipt,
  VisitType,
} from '@frontdesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATIENT } from './adapters.js';
import { failure } from './errors.js';

export interface AdapterContractOptions {
  /** The window listSlots is asked about; it must hold free slots when the adapter books. Default: the next 30 days. */
  window?: { start: string; end: string };
  /** A service with a price (when the adapter has prices). Default: the first visit type's first service code. */
  service?: string;
  /** A response the backend accepts for `questionnaire`. Default: the engine's in-progress response, unanswered. */
  surveyResponse?: (questionnaire: Questionnaire) => QuestionnaireResponse;
  /** Stop the backend after the suite. */
  close?: () => Promise<void> | void;
}

let keys = 0;
const newKey = () => `contract-key-${Date.now().toString(36)}-${String(++keys).padStart(6, '0')}`;

/** Every record parses with its domain schema, as a widget would receive it. */
function expectValid(schema: { safeParse(value: unknown): { success: boolean } }, records: readonly unknown[]): void {
  for (const record of records)
    expect(schema.safeParse(record).success, JSON.stringify(record).slice(0, 200)).toBe(true);
}

function expectListing(listing: { items: unknown; dropped: unknown }): void {
  expect(Array.isArray(listing.items)).toBe(true);
  expect(Array.isArray(listing.dropped)).toBe(true);
}

/**
 * The adapter contract: each method returns validated domain objects in the shape the widgets read, every failure is
 * a `FrontdeskError` of the right kind, an aborted signal stops every call, and what the capabilities say matches
 * what the methods do.
 */
export function runAdapterContract(
  name: string,
  factory: () => FrontdeskAdapter | Promise<FrontdeskAdapter>,
  options: AdapterContractOptions = {},
): void {
  describe(`${name}: the adapter contract`, () => {
    let adapter: FrontdeskAdapter;
    const window = options.window ?? {
      start: new Date().toISOString(),
      end: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };

    beforeAll(async () => {
      adapter = await factory();
    });
    afterAll(async () => {
      await options.close?.();
    });

    it('names itself and declares its capabilities', () => {
      expect(adapter.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(['api', 'link', 'none']).toContain(adapter.capabilities.booking);
      for (const flag of ['prices', 'plans', 'surveys'] as const)
        expect(typeof adapter.capabilities[flag]).toBe('boolean');
    });

    it('gives the organization, its locations, providers and visit types as valid records', async () => {
      expectValid(Organization, [await adapter.getOrganization()]);
      for (const [schema, listing] of [
        [Location, await adapter.listLocations()],
        [Provider, await adapter.listProviders()],
        [VisitType, await adapter.listVisitTypes()],
      ] as const) {
        expectListing(listing);
        expectValid(schema, listing.items);
      }
    });

    it('finds a listed provider by id, and reports an unknown one as not-found', async () => {
      const [first] = (await adapter.listProviders()).items;
      if (first) expect((await adapter.getProvider(first.id)).id).toBe(first.id);
      expect((await failure(adapter.getProvider('no-such-provider-contract'))).kind).toBe('not-found');
    });

    it('lists slots in the window, each ending after it starts', async () => {
      const listing = await adapter.listSlots(window);
      expectListing(listing);
      expectValid(Slot, listing.items);
      for (const slot of listing.items) expect(Date.parse(slot.end)).toBeGreaterThanOrEqual(Date.parse(slot.start));
      expect((await failure(adapter.listSlots({ start: 'yesterday', end: window.end }))).kind).toBe('invalid-input');
    });

    it('books through its API once per idempotency key, and reports a taken slot as a conflict', async () => {
      const request = await bookingRequest(adapter, window);
      if (adapter.capabilities.booking !== 'api') {
        expect((await failure(adapter.book(request))).kind).toBe('unsupported');
        return;
      }
      const booking = await adapter.book(request);
      expectValid(Booking, [booking]);
      expect((await adapter.book(request)).id).toBe(booking.id);
      const again = await failure(adapter.book({ ...request, idempotencyKey: newKey() }));
      expect(again.kind).toBe('conflict');
      const broken = await failure(adapter.book({ ...request, patient: { ...PATIENT, email: 'not an email' } }));
      expect(broken.kind).toBe('invalid-input');
    });

    it('prices a service, and reports a service without a price as not-found', async () => {
      const service = options.service ?? (await adapter.listVisitTypes()).items[0]?.serviceCodes[0] ?? '99213';
      if (!adapter.capabilities.prices) {
        expect((await failure(adapter.getPrice({ service }))).kind).toBe('unsupported');
        return;
      }
      expectValid(PriceInfo, [await adapter.getPrice({ service })]);
      expect((await failure(adapter.getPrice({ service: 'no-such-service' }))).kind).toBe('not-found');
    });

    it('lists plans when it has them', async () => {
      if (!adapter.capabilities.plans) {
        expect((await failure(adapter.listPlans())).kind).toBe('unsupported');
        return;
      }
      expectListing(await adapter.listPlans());
    });

    it('serves surveys and stores a response once per idempotency key', async () => {
      if (!adapter.capabilities.surveys) {
        expect((await failure(adapter.listSurveys())).kind).toBe('unsupported');
        return;
      }
      const [summary] = (await adapter.listSurveys()).items;
      expect(summary, 'a survey to answer').toBeDefined();
      const questionnaire = await adapter.getSurvey(summary!.id);
      expect(questionnaire.resourceType).toBe('Questionnaire');
      expect((await failure(adapter.getSurvey('no-such-survey-contract'))).kind).toBe('not-found');
      const response =
        options.surveyResponse?.(questionnaire) ??
        createSurveyModel(questionnaire).toResponse({ status: 'in-progress' });
      const idempotencyKey = newKey();
      const receipt = await adapter.submitSurvey(response, { idempotencyKey });
      expectValid(SurveyReceipt, [receipt]);
      expect((await adapter.submitSurvey(response, { idempotencyKey })).id).toBe(receipt.id);
      const garbage = { resourceType: 'Patient' } as unknown as QuestionnaireResponse;
      expect((await failure(adapter.submitSurvey(garbage, { idempotencyKey: newKey() }))).kind).toBe('invalid-input');
    });

    it('stops every call at once when its signal is already aborted', async () => {
      const signal = AbortSignal.abort();
      const calls: [string, () => Promise<unknown>][] = [
        ['getOrganization', () => adapter.getOrganization({ signal })],
        ['listLocations', () => adapter.listLocations({ signal })],
        ['listProviders', () => adapter.listProviders({ signal })],
        ['getProvider', () => adapter.getProvider('any', { signal })],
        ['listVisitTypes', () => adapter.listVisitTypes({ signal })],
        ['listSlots', () => adapter.listSlots(window, { signal })],
      ];
      if (adapter.capabilities.prices) calls.push(['getPrice', () => adapter.getPrice({ service: 'x' }, { signal })]);
      if (adapter.capabilities.plans) calls.push(['listPlans', () => adapter.listPlans({ signal })]);
      if (adapter.capabilities.surveys) calls.push(['getSurvey', () => adapter.getSurvey('any', { signal })]);
      for (const [method, call] of calls) expect((await failure(call())).kind, method).toBe('aborted');
    });
  });
}

/** A request for the first free slot in the window, for a visit type it serves. */
async function bookingRequest(
  adapter: FrontdeskAdapter,
  window: { start: string; end: string },
): Promise<BookingRequest> {
  const [slots, visitTypes] = await Promise.all([adapter.listSlots(window), adapter.listVisitTypes()]);
  const slot = slots.items.find((candidate) => candidate.status === 'free');
  const visitType = visitTypes.items.find((type) => slot?.visitTypeIds.includes(type.id)) ?? visitTypes.items[0];
  const patientType = visitType?.patientType === 'existing' ? ('existing' as const) : ('new' as const);
  return {
    slotId: slot?.id ?? 'no-free-slot',
    visitTypeId: visitType?.id ?? 'visit',
    patient: { ...PATIENT, patientType },
    consent: { terms: true, contact: false },
    idempotencyKey: newKey(),
  };
}

/** Booking, prices, plans and surveys each reject as `unsupported`: an adapter with none of those capabilities. */
export async function expectOnlyDirectory(adapter: FrontdeskAdapter): Promise<void> {
  for (const call of [
    () => adapter.book({} as never),
    () => adapter.getPrice({ service: '99213' }),
    () => adapter.listPlans(),
    () => adapter.listSurveys(),
    () => adapter.getSurvey('x'),
    () => adapter.submitSurvey({ resourceType: 'QuestionnaireResponse', status: 'completed' }, { idempotencyKey: 'k' }),
  ]) {
    expect((await failure(call())).kind).toBe('unsupported');
  }
}
