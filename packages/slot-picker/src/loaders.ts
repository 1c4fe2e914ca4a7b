import {
  type AdapterCapabilities,
  browserTimeZone,
  type DroppedRecord,
  type FrontdeskAdapter,
  FrontdeskError,
  LazyModule,
  type ListingIssue,
  type Location,
  type Organization,
  type Provider,
  toFrontdeskError,
  type VisitType,
} from '@frontdesk/core';

import { configProblem, DEFAULT_DAYS } from './config.js';
import type { CleanSlot } from './slot-cleaning.js';
import type { FdSlotPicker } from './slot-picker.js';

/** The picker's attributes that decide what it loads. */
export type LoadInput = Pick<FdSlotPicker, 'provider' | 'location' | 'visitType' | 'timezone' | 'start' | 'days'>;

/** What the picker needs before it can show a calendar. */
export interface Setup {
  /** The provider whose times are shown; absent when the picker shows a location's times (`location` alone). */
  provider: Provider | undefined;
  /** The location asked for with the `location` attribute. */
  location: Location | undefined;
  locations: Location[];
  /** The visit types the provider offers, in a modality it offers (every visit type, for a location alone). */
  visitTypes: VisitType[];
  /** The location's zone (or the provider's first location's): what "clinic time" means. */
  clinicZone: string;
  capabilities: AdapterCapabilities;
  organization: Organization | undefined;
}

export interface SlotData {
  free: CleanSlot[];
  byId: Map<string, CleanSlot>;
}

/** What the picker reports of a listing besides its good records: the records left out, and the source's issues. */
export interface Reports {
  dropped(what: string, dropped: readonly DroppedRecord[]): void;
  issues(issues: readonly ListingIssue[] | undefined): void;
}

const DAY_MS = 86_400_000;

/** No slots, while the setup reports what keeps them from being asked for. */
const NO_SLOTS: SlotData = { free: [], byId: new Map() };

/** The rules that clean a listing: fetched beside the first slot request, not with the page (nothing needs them before). */
const slotCleaning = new LazyModule(() => import('./slot-cleaning.js'));

function offeredBy(provider: Provider, type: VisitType): boolean {
  if (type.providerIds !== undefined && !type.providerIds.includes(provider.id)) return false;
  return type.modality === 'telehealth' ? provider.telehealth : provider.inPerson;
}

/**
 * The provider (or, with `location` alone, the location), the clinic's locations and visit types. A missing or unknown
 * provider, location or visit type, or a malformed attribute, is an error naming the attribute, which the element
 * shows as a message.
 */
export async function loadSetup(
  adapter: FrontdeskAdapter,
  signal: AbortSignal,
  input: LoadInput,
  report: Reports,
): Promise<Setup> {
  const providerId = input.provider?.trim();
  if (!providerId && !input.location?.trim()) {
    throw new FrontdeskError(
      'invalid-input',
      '<fd-slot-picker> needs a provider attribute (a provider id) or a location attribute (a location id)',
      { field: 'provider' },
    );
  }
  const problem = configProblem(input);
  if (problem) throw problem;
  const [provider, locations, visitTypes, organization] = await Promise.all([
    providerId
      ? adapter.getProvider(providerId, { signal }).catch((error: unknown) => {
          const failure = toFrontdeskError(error);
          throw failure.kind === 'not-found'
            ? new FrontdeskError('not-found', 'provider: no provider with this id', { field: 'provider' })
            : failure;
        })
      : undefined,
    adapter.listLocations({ signal }),
    adapter.listVisitTypes({ signal }),
    // Only the clinic's name and phone come from here; the picker works without them.
    adapter.getOrganization({ signal }).catch(() => undefined),
  ]);
  report.dropped('locations', locations.dropped);
  report.dropped('visit types', visitTypes.dropped);
  report.issues(locations.issues);
  report.issues(visitTypes.issues);

  const location = input.location ? locations.items.find((l) => l.id === input.location) : undefined;
  if (input.location && !location) {
    throw new FrontdeskError('not-found', 'location: no location with this id', { field: 'location' });
  }
  const offered = provider ? visitTypes.items.filter((type) => offeredBy(provider, type)) : visitTypes.items;
  if (input.visitType && !offered.some((type) => type.id === input.visitType)) {
    const known = visitTypes.items.some((type) => type.id === input.visitType);
    throw new FrontdeskError(
      'not-found',
      known ? 'visit-type: not offered by this provider' : 'visit-type: no visit type with this id',
      { field: 'visit-type' },
    );
  }
  const home = location ?? locations.items.find((l) => l.id === provider?.locationIds[0]);
  return {
    provider,
    location,
    locations: locations.items,
    visitTypes: offered,
    // A video-only provider has no office: the patient's own zone is the sensible default.
    clinicZone: home?.timeZone ?? browserTimeZone(),
    capabilities: adapter.capabilities,
    organization,
  };
}

/** The provider's (or the location's) free slots in the range, cleaned; invalid ones are reported and left out. */
export async function loadSlots(
  adapter: FrontdeskAdapter,
  signal: AbortSignal,
  input: LoadInput,
  report: Reports,
): Promise<SlotData> {
  const providerId = input.provider?.trim() || undefined;
  const locationId = input.location?.trim() || undefined;
  // The setup reports a missing provider or a bad attribute; asking for slots then would only repeat it.
  if ((!providerId && !locationId) || configProblem(input)) return NO_SLOTS;
  const days = input.days ?? DEFAULT_DAYS;
  // A day starts up to 14 hours before its UTC midnight (and ends up to 12 after), so the window is padded by a day
  // and trimmed to whole days in the zone shown when indexed. Without a start date, nothing before now is asked for.
  const origin = input.start ? Date.parse(`${input.start}T00:00:00Z`) : Date.now();
  const from = input.start ? origin - DAY_MS : origin;
  const to = origin + (days + 1) * DAY_MS;
  const query = { start: new Date(from).toISOString(), end: new Date(to).toISOString(), providerId, locationId };
  const [listing, { cleanSlots }] = await Promise.all([adapter.listSlots(query, { signal }), slotCleaning.load()]);
  const cleaned = cleanSlots(listing.items);
  report.dropped('slots', [...listing.dropped, ...cleaned.dropped]);
  report.issues(listing.issues);
  return { free: cleaned.free, byId: new Map(cleaned.free.map((entry) => [entry.slot.id, entry])) };
}
