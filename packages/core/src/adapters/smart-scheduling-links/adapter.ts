import type { FrontdeskAdapter, RequestOptions, SlotQuery } from '../../adapter.js';
import { completeAdapter, type PartialAdapter } from '../../complete-adapter.js';
import { FrontdeskError } from '../../errors.js';
import {
  type Location,
  type Organization,
  Organization as OrganizationSchema,
  type Provider,
  VisitType,
} from '../../schemas/clinic.js';
import { SlotQuerySchema } from '../../schemas/queries.js';
import type { Slot } from '../../schemas/scheduling.js';
import { type Listing, type ListingIssue, parseOrThrow } from '../../schemas/validate.js';
import { firstAtOrAfter } from '../sorted-by-start.js';
import { Feed } from './feed.js';
import { toDomainSlot } from './map.js';
import { type ResolvedSmartOptions, resolveSmartOptions, type SmartSchedulingLinksOptions } from './options.js';

function issuesOf(snapshot: { issues: ListingIssue[] }): { issues?: ListingIssue[] } {
  return snapshot.issues.length > 0 ? { issues: [...snapshot.issues] } : {};
}

/**
 * The `smart-scheduling-links` adapter: a publisher's `$bulk-publish` manifest and its Location, Schedule and Slot
 * NDJSON files, streamed line by line and kept between calls (polled at most once a minute, conditionally, and after
 * the first read with `_since` for only what changed, where the publisher supports it). It is
 * read-only (no booking API, prices, plans or surveys): each slot offers its booking deep link (with `source` and
 * `booking-referral`) or phone number.
 */
export function createSmartSchedulingLinksAdapter(
  options: SmartSchedulingLinksOptions | Record<string, unknown>,
): FrontdeskAdapter {
  return completeAdapter(new SmartSchedulingLinksAdapter(resolveSmartOptions(options)));
}

class SmartSchedulingLinksAdapter implements PartialAdapter {
  readonly name = 'smart-scheduling-links';
  readonly bookingWithoutApi = 'link';
  readonly #options: ResolvedSmartOptions;
  readonly #feed: Feed;

  constructor(options: ResolvedSmartOptions) {
    this.#options = options;
    this.#feed = new Feed(options);
  }

  async getOrganization(): Promise<Organization> {
    const host = this.#feed.manifestUrl.host;
    return parseOrThrow(
      OrganizationSchema,
      { id: host, name: this.#options.organizationName ?? host, currency: 'USD' },
      'organization',
    );
  }

  async listLocations(options?: RequestOptions): Promise<Listing<Location>> {
    const snapshot = await this.#feed.snapshot(options?.signal);
    return {
      items: [...snapshot.locations.values()],
      dropped: [...snapshot.dropped.manifest, ...snapshot.dropped.Location],
      ...issuesOf(snapshot),
    };
  }

  /** The feed names no practitioners (only Locations), so there are no providers to list. */
  async listProviders(options?: RequestOptions): Promise<Listing<Provider>> {
    await this.#feed.snapshot(options?.signal);
    return { items: [], dropped: [] };
  }

  async getProvider(): Promise<Provider> {
    throw new FrontdeskError('not-found', 'a SMART Scheduling Links feed lists locations, not providers', {
      field: 'id',
    });
  }

  /** One visit type per service the Schedules offer (`serviceType`), such as a COVID-19 immunization. */
  async listVisitTypes(options?: RequestOptions): Promise<Listing<VisitType>> {
    const snapshot = await this.#feed.snapshot(options?.signal);
    const byId = new Map<string, VisitType>();
    for (const schedule of snapshot.schedules.values()) {
      for (const visitType of schedule.visitTypes) {
        if (byId.has(visitType.id)) continue;
        const result = VisitType.safeParse({
          id: visitType.id,
          name: visitType.name,
          durationMinutes: this.#options.visitMinutes,
          patientType: 'any',
          modality: 'in-person',
          serviceCodes: [],
        });
        if (result.success) byId.set(visitType.id, result.data);
      }
    }
    return { items: [...byId.values()], dropped: [...snapshot.dropped.Schedule], ...issuesOf(snapshot) };
  }

  async listSlots(query: SlotQuery, options?: RequestOptions): Promise<Listing<Slot>> {
    const valid = parseOrThrow(SlotQuerySchema, query, 'query', 'invalid-input');
    const startMs = Date.parse(valid.start);
    const endMs = Date.parse(valid.end);
    if (endMs < startMs) throw new FrontdeskError('invalid-input', 'query.end: before start', { field: 'query.end' });
    const snapshot = await this.#feed.snapshot(options?.signal);
    const items: Slot[] = [];
    for (let i = firstAtOrAfter(snapshot.slots, startMs); i < snapshot.slots.length; i++) {
      const stored = snapshot.slots[i];
      if (!stored || stored.startMs >= endMs) break;
      const schedule = stored.scheduleId === undefined ? undefined : snapshot.schedules.get(stored.scheduleId);
      if (valid.locationId !== undefined && schedule?.locationId !== valid.locationId) continue;
      if (valid.providerId !== undefined && schedule?.providerId !== valid.providerId) continue;
      if (valid.visitTypeId !== undefined && !schedule?.visitTypes.some((type) => type.id === valid.visitTypeId))
        continue;
      items.push(toDomainSlot(stored, schedule, this.#options.source, this.#options.bookingReferral));
    }
    return {
      items,
      dropped: [...snapshot.dropped.manifest, ...snapshot.dropped.Schedule, ...snapshot.dropped.Slot],
      ...issuesOf(snapshot),
    };
  }
}
