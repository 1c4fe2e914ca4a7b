import type {
  ExpandValueSetOptions,
  FrontdeskAdapter,
  RequestOptions,
  SlotQuery,
  SubmitSurveyOptions,
  ValueSetExpansion,
} from '../../adapter.js';
import { completeAdapter, type PartialAdapter } from '../../complete-adapter.js';
import { FrontdeskError, isFrontdeskError } from '../../errors.js';
import { Location, Organization, Provider, VisitType } from '../../schemas/clinic.js';
import { SlotQuerySchema } from '../../schemas/queries.js';
import type {
  Questionnaire,
  QuestionnaireResponse,
  SurveyReceipt,
  SurveySummary,
} from '../../schemas/questionnaire.js';
import type { Booking, BookingRequest, CancelRequest, RescheduleRequest, Slot } from '../../schemas/scheduling.js';
import { type DroppedRecord, type Listing, parseOrThrow } from '../../schemas/validate.js';
import { type BookingHost, bookAppointment } from './booking.js';
import { TtlCache } from './cache.js';
import { FhirClient, type SearchParams, type SearchResult } from './client.js';
import { isFhirId, type Json, referencesTo, referenceTo } from './elements.js';
import { ListingBuilder } from './listing.js';
import { cancelAppointment, getAppointmentBooking, moveAppointment } from './manage.js';
import {
  isActive,
  locationFromFhir,
  organizationFromFhir,
  providerFromFhir,
  providersByService,
  visitTypeFromFhir,
} from './map-clinic.js';
import { directoryFrom, indexServicesByCoding, mapSlots, type SlotDirectory, scheduleIdsOf } from './map-slot.js';
import { type FhirAdapterOptions, type ResolvedFhirOptions, resolveFhirOptions } from './options.js';
import { getSurvey, listSurveys, submitSurvey } from './surveys.js';
import { expandValueSet, terminologyClient } from './terminology.js';

/** References per search parameter value: keeps URLs well under the 8 KB many servers accept. */
const REFERENCES_PER_SEARCH = 40;

interface SlotSearch {
  start: string;
  end: string;
  providerId?: string | undefined;
  locationId?: string | undefined;
  status?: 'free' | undefined;
}

interface Services {
  byId: Map<string, Json>;
  byCoding: Map<string, string[]>;
  dropped: DroppedRecord[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function merge(into: SearchResult, from: SearchResult): SearchResult {
  into.matches.push(...from.matches);
  into.included.push(...from.included);
  into.dropped.push(...from.dropped);
  into.truncated ||= from.truncated;
  into.issues.push(...from.issues);
  return into;
}

const empty = (): SearchResult => ({ matches: [], included: [], dropped: [], truncated: false, issues: [] });

/**
 * The `fhir` adapter: any FHIR R4 server as the clinic's backend (docs/design.md section 4). Reads map Practitioner,
 * PractitionerRole, Location, HealthcareService, Schedule and Slot to the domain; booking creates an Appointment;
 * surveys are Questionnaires and QuestionnaireResponses. Every record is validated, bad ones are reported in
 * `dropped`, and searches degrade to plain ones where a server lacks `_include`.
 */
export function createFhirAdapter(options: FhirAdapterOptions | Record<string, unknown>): FrontdeskAdapter {
  return completeAdapter(new FhirAdapter(resolveFhirOptions(options)));
}

/** No prices or plans: FHIR R4 has no price list a clinic's server would offer patients. */
class FhirAdapter implements PartialAdapter, BookingHost {
  readonly name = 'fhir';
  readonly settings: ResolvedFhirOptions;
  readonly client: FhirClient;
  readonly #terminology: FhirClient;
  claimSupported = true;
  /** Whether the server honours `_include`; unknown until a search shows it. */
  #includeSupported: boolean | undefined;
  readonly #resources: TtlCache<Json>;
  #services: { until: number; value: Services } | undefined;

  constructor(settings: ResolvedFhirOptions) {
    this.settings = settings;
    this.client = new FhirClient({ ...settings, maxPages: settings.maxPages });
    this.#terminology =
      settings.terminologyUrl === undefined ? this.client : terminologyClient(settings, settings.terminologyUrl);
    this.#resources = new TtlCache(settings.cacheMs);
  }

  get #count(): readonly [string, string] {
    return ['_count', String(this.settings.pageSize)];
  }

  async getOrganization(options?: RequestOptions): Promise<Organization> {
    const signal = options?.signal;
    const id = this.settings.organizationId;
    const organization =
      id === undefined
        ? (await this.client.searchFirstPage('Organization', [['_count', '1']], signal))[0]
        : (await this.client.read('Organization', id, signal, 'organizationId')).resource;
    if (!organization) throw new FrontdeskError('not-found', 'the FHIR server has no Organization');
    return parseOrThrow(Organization, organizationFromFhir(organization, this.settings.currency), 'organization');
  }

  async listLocations(options?: RequestOptions): Promise<Listing<Location>> {
    const found = await this.client.search('Location', [this.#count], options?.signal);
    this.#remember(found.matches);
    const listing = new ListingBuilder(Location, 'locations');
    listing.drop(...found.dropped);
    found.matches.forEach((location, index) => {
      if (location.status === 'inactive') return;
      listing.add(locationFromFhir(location, this.settings.timeZone), location, index);
    });
    if (found.truncated) listing.drop(this.#truncated('locations'));
    listing.issue(...found.issues);
    return listing.build();
  }

  async listProviders(options?: RequestOptions): Promise<Listing<Provider>> {
    const signal = options?.signal;
    const [practitioners, roles, services, next] = await Promise.all([
      this.client.search('Practitioner', [this.#count], signal),
      this.client.search('PractitionerRole', [this.#count], signal),
      this.#loadServices(signal),
      this.#nextAvailable(undefined, signal),
    ]);
    this.#remember(roles.matches);
    const rolesByPractitioner = new Map<string, Json[]>();
    for (const role of roles.matches.filter(isActive)) {
      const practitionerId = referenceTo(role.practitioner, 'Practitioner');
      if (practitionerId === undefined) continue;
      rolesByPractitioner.set(practitionerId, [...(rolesByPractitioner.get(practitionerId) ?? []), role]);
    }
    const listing = new ListingBuilder(Provider, 'providers');
    listing.drop(...practitioners.dropped, ...roles.dropped);
    practitioners.matches.forEach((practitioner, index) => {
      if (!isActive(practitioner)) return;
      const id = String(practitioner.id);
      listing.add(this.#provider(practitioner, rolesByPractitioner.get(id) ?? [], services, next), practitioner, index);
    });
    if (practitioners.truncated || roles.truncated) listing.drop(this.#truncated('providers'));
    listing.issue(...practitioners.issues, ...roles.issues);
    return listing.build();
  }

  async getProvider(id: string, options?: RequestOptions): Promise<Provider> {
    const signal = options?.signal;
    if (!isFhirId(id)) throw new FrontdeskError('not-found', 'no provider with this id', { field: 'id' });
    const [practitioner, roles, services, next] = await Promise.all([
      this.client.read('Practitioner', id, signal),
      this.client.search('PractitionerRole', [['practitioner', `Practitioner/${id}`], this.#count], signal),
      this.#loadServices(signal),
      this.#nextAvailable(id, signal),
    ]);
    if (!isActive(practitioner.resource)) throw new FrontdeskError('not-found', 'no active provider with this id');
    this.#remember(roles.matches);
    const candidate = this.#provider(practitioner.resource, roles.matches.filter(isActive), services, next);
    return parseOrThrow(Provider, candidate, 'provider');
  }

  async listVisitTypes(options?: RequestOptions): Promise<Listing<VisitType>> {
    const signal = options?.signal;
    const [services, roles] = await Promise.all([
      this.#loadServices(signal, true),
      this.client.search('PractitionerRole', [this.#count], signal),
    ]);
    const offeredBy = providersByService(roles.matches);
    const listing = new ListingBuilder(VisitType, 'visitTypes');
    listing.drop(...services.dropped, ...roles.dropped);
    [...services.byId.values()].forEach((service, index) => {
      const candidate = visitTypeFromFhir(
        service,
        offeredBy.get(String(service.id)) ?? [],
        this.settings.defaultVisitMinutes,
      );
      listing.add(candidate, service, index);
    });
    return listing.build();
  }

  async listSlots(query: SlotQuery, options?: RequestOptions): Promise<Listing<Slot>> {
    const valid = parseOrThrow(SlotQuerySchema, query, 'query', 'invalid-input');
    if (Date.parse(valid.end) < Date.parse(valid.start)) {
      throw new FrontdeskError('invalid-input', 'query.end: before start', { field: 'query.end' });
    }
    const found = await this.#findSlots(valid, options?.signal);
    const items = found.items.filter(
      (slot) => valid.visitTypeId === undefined || slot.visitTypeIds.includes(valid.visitTypeId),
    );
    return { items, dropped: found.dropped, ...(found.issues ? { issues: found.issues } : {}) };
  }

  book(request: BookingRequest, options?: RequestOptions): Promise<Booking> {
    return bookAppointment(this, request, options?.signal);
  }

  getBooking(manageToken: string, options?: RequestOptions): Promise<Booking> {
    return getAppointmentBooking(this, manageToken, options?.signal);
  }

  cancelBooking(request: CancelRequest, options?: RequestOptions): Promise<Booking> {
    return cancelAppointment(this, request, options?.signal);
  }

  rescheduleBooking(request: RescheduleRequest, options?: RequestOptions): Promise<Booking> {
    return moveAppointment(this, request, options?.signal);
  }

  listSurveys(options?: RequestOptions): Promise<Listing<SurveySummary>> {
    return listSurveys(this.client, this.settings.pageSize, options?.signal);
  }

  getSurvey(id: string, options?: RequestOptions): Promise<Questionnaire> {
    return getSurvey(this.client, id, options?.signal);
  }

  submitSurvey(response: QuestionnaireResponse, options: SubmitSurveyOptions): Promise<SurveyReceipt> {
    return submitSurvey(this.client, response, options);
  }

  /** `ValueSet/$expand` on the clinic's server, or on `terminologyUrl` when given. */
  expandValueSet(url: string, options?: ExpandValueSetOptions): Promise<ValueSetExpansion> {
    return expandValueSet(this.#terminology, url, options);
  }

  // BookingHost

  async slotDirectory(slot: Json, signal: AbortSignal | undefined): Promise<SlotDirectory> {
    const services = await this.#loadServices(signal);
    return this.#directory(scheduleIdsOf([slot]), services, signal);
  }

  async location(id: string, signal: AbortSignal | undefined): Promise<Location | undefined> {
    const [resource] = await this.#resolve('Location', [id], signal);
    if (!resource) return undefined;
    const result = Location.safeParse(locationFromFhir(resource, this.settings.timeZone));
    return result.success ? result.data : undefined;
  }

  // Internals

  #provider(practitioner: Json, roles: Json[], services: Services, next: Map<string, string>): unknown {
    const candidate = providerFromFhir(practitioner, {
      roles,
      services: services.byId,
      defaultAccepting: this.settings.defaultAcceptingNewPatients,
    }) as Record<string, unknown>;
    const nextAvailable = next.get(String(practitioner.id));
    return nextAvailable === undefined ? candidate : { ...candidate, nextAvailable };
  }

  #truncated(root: string): DroppedRecord {
    return {
      field: root,
      reason: `${root}: stopped after ${this.settings.maxPages} pages of results; the rest were not read`,
    };
  }

  #remember(resources: readonly Json[]): void {
    const now = this.settings.now();
    for (const resource of resources) {
      if (isFhirId(resource.id)) this.#resources.set(`${resource.resourceType}/${resource.id}`, resource, now);
    }
  }

  /** Resources by id: from the cache, the rest with `_id` searches. */
  async #resolve(type: string, ids: Iterable<string>, signal: AbortSignal | undefined): Promise<Json[]> {
    const now = this.settings.now();
    const out: Json[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.#resources.get(`${type}/${id}`, now);
      if (cached) out.push(cached);
      else if (isFhirId(id)) missing.push(id);
    }
    const found = await Promise.all(
      chunks(missing, REFERENCES_PER_SEARCH).map((chunk) =>
        this.client.search(type, [['_id', chunk.join(',')], this.#count], signal),
      ),
    );
    for (const result of found) {
      this.#remember(result.matches);
      out.push(...result.matches);
    }
    return out;
  }

  /** HealthcareServices (visit types) by id and by `type` coding; reused for `cacheSeconds`. */
  async #loadServices(signal: AbortSignal | undefined, fresh = false): Promise<Services> {
    const now = this.settings.now();
    if (!fresh && this.#services && this.#services.until > now) return this.#services.value;
    const found = await this.client.search('HealthcareService', [this.#count], signal);
    const active = found.matches.filter((service) => isActive(service) && isFhirId(service.id));
    const value: Services = {
      byId: new Map(active.map((service) => [String(service.id), service])),
      byCoding: indexServicesByCoding(active),
      dropped: found.dropped,
    };
    this.#services = { until: now + this.settings.cacheMs, value };
    return value;
  }

  /** Facts for the given Schedules and for the PractitionerRoles they name as actors. */
  async #directory(scheduleIds: Iterable<string>, services: Services, signal: AbortSignal | undefined) {
    const schedules = await this.#resolve('Schedule', scheduleIds, signal);
    const roleIds = schedules.flatMap((schedule) => referencesTo(schedule.actor, 'PractitionerRole'));
    const roles = await this.#resolve('PractitionerRole', roleIds, signal);
    return directoryFrom([...schedules, ...roles], services.byCoding);
  }

  /** The Schedules of a provider (or a location): those naming it, or one of its PractitionerRoles, as an actor. */
  async #schedulesFor(search: SlotSearch, signal: AbortSignal | undefined): Promise<Json[]> {
    const [type, id, roleParam] =
      search.providerId !== undefined
        ? ['Practitioner', search.providerId, 'practitioner']
        : ['Location', String(search.locationId), 'location'];
    if (!isFhirId(id)) return [];
    const roles = await this.client.search('PractitionerRole', [[roleParam, `${type}/${id}`], this.#count], signal);
    this.#remember(roles.matches);
    const actors = [`${type}/${id}`, ...roles.matches.filter(isActive).map((role) => `PractitionerRole/${role.id}`)];
    const found = await Promise.all(
      chunks(actors, REFERENCES_PER_SEARCH).map((chunk) =>
        this.client.search('Schedule', [['actor', chunk.join(',')], this.#count], signal),
      ),
    );
    const schedules = found.flatMap((result) => result.matches).filter((s) => isFhirId(s.id) && isActive(s));
    this.#remember(schedules);
    return schedules;
  }

  /**
   * A plain search of every slot in the window, with `_include=Slot:schedule` while the server may support it. A
   * server that ignores `_include` is remembered as such; one that rejects it (400) gets the search again without.
   */
  async #searchAllSlots(window: SearchParams, signal: AbortSignal | undefined): Promise<SearchResult> {
    const include = this.#includeSupported !== false;
    const params: SearchParams = include
      ? [...window, this.#count, ['_include', 'Slot:schedule']]
      : [...window, this.#count];
    try {
      const result = await this.client.search('Slot', params, signal);
      if (include && result.matches.length > 0) {
        this.#includeSupported = result.included.some((resource) => resource.resourceType === 'Schedule');
      }
      return result;
    } catch (error) {
      if (!include || !isFrontdeskError(error) || error.kind !== 'invalid-input') throw error;
      this.#includeSupported = false;
      return this.client.search('Slot', [...window, this.#count], signal);
    }
  }

  async #findSlots(search: SlotSearch, signal: AbortSignal | undefined): Promise<Listing<Slot>> {
    const services = await this.#loadServices(signal);
    const window: Array<readonly [string, string]> = [
      ['start', `ge${search.start}`],
      ['start', `lt${search.end}`],
    ];
    if (search.status) window.push(['status', search.status]);
    const found = empty();
    if (search.providerId !== undefined || search.locationId !== undefined) {
      const schedules = await this.#schedulesFor(search, signal);
      const references = schedules.map((schedule) => `Schedule/${schedule.id}`);
      const results = await Promise.all(
        chunks(references, REFERENCES_PER_SEARCH).map((chunk) =>
          this.client.search('Slot', [['schedule', chunk.join(',')], ...window, this.#count], signal),
        ),
      );
      for (const result of results) merge(found, result);
    } else {
      merge(found, await this.#searchAllSlots(window, signal));
    }
    this.#remember(found.included);
    const directory = await this.#directory(scheduleIdsOf(found.matches), services, signal);
    const mapped = mapSlots(found.matches, directory);
    const items = mapped.items
      .filter(
        (slot) =>
          (search.providerId === undefined || slot.providerId === search.providerId) &&
          (search.locationId === undefined || slot.locationId === search.locationId),
      )
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const dropped = [...found.dropped, ...mapped.dropped];
    if (found.truncated) dropped.push(this.#truncated('slots'));
    return { items, dropped, ...(found.issues.length > 0 ? { issues: found.issues } : {}) };
  }

  /**
   * The first free slot per provider within `nextAvailableDays`. It only decorates providers, so a failure leaves
   * them without it rather than failing the listing; an abort still aborts.
   */
  async #nextAvailable(providerId: string | undefined, signal: AbortSignal | undefined): Promise<Map<string, string>> {
    const next = new Map<string, string>();
    const days = this.settings.nextAvailableDays;
    if (days === 0) return next;
    const now = this.settings.now();
    try {
      const found = await this.#findSlots(
        {
          start: new Date(now).toISOString(),
          end: new Date(now + days * 86_400_000).toISOString(),
          providerId,
          status: 'free',
        },
        signal,
      );
      for (const slot of found.items) {
        if (slot.status === 'free' && slot.providerId !== undefined && !next.has(slot.providerId)) {
          next.set(slot.providerId, slot.start);
        }
      }
    } catch (error) {
      if (isFrontdeskError(error) && (error.kind === 'aborted' || error.kind === 'unauthorized')) throw error;
    }
    return next;
  }
}
