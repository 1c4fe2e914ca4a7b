import { Slot } from '../../schemas/scheduling.js';
import type { Listing } from '../../schemas/validate.js';
import { readSearchPage } from './bundle.js';
import { FHIR_EXTENSIONS, FHIR_SYSTEMS } from './conventions.js';
import {
  codingKey,
  codingsOfAll,
  extensionOf,
  isFhirId,
  isObject,
  type Json,
  referenceParts,
  referencesTo,
  referenceTo,
  toInstant,
} from './elements.js';
import { ListingBuilder } from './listing.js';
import { isPlainValidSlot } from './slot-check.js';

/** Who and where a Schedule's slots are for, and the visit types it offers when a slot does not say. */
export interface ScheduleFacts {
  /** `Schedule.active: false`: its slots are not offered. */
  active: boolean;
  providerId?: string | undefined;
  locationId?: string | undefined;
  visitTypeIds: string[];
}

/** What slots are resolved against: their Schedules, and HealthcareService ids by `type` coding. */
export interface SlotDirectory {
  schedules: ReadonlyMap<string, ScheduleFacts>;
  servicesByCoding: ReadonlyMap<string, readonly string[]>;
}

/** HealthcareService ids by each of their `type` codings (`system|code`), the link `Slot.serviceType` follows. */
export function indexServicesByCoding(services: Iterable<Json>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const service of services) {
    if (!isFhirId(service.id) || service.active === false) continue;
    for (const coding of codingsOfAll(service.type)) {
      const key = codingKey(coding);
      if (key === undefined) continue;
      const ids = index.get(key) ?? [];
      if (!ids.includes(service.id)) ids.push(service.id);
      index.set(key, ids);
    }
  }
  return index;
}

/** Visit type ids for service-type concepts: Frontdesk visit-type codes directly, others through the services. */
function visitTypesFor(concepts: unknown, servicesByCoding: ReadonlyMap<string, readonly string[]>): string[] {
  const ids = new Set<string>();
  for (const coding of codingsOfAll(concepts)) {
    if (coding.system === FHIR_SYSTEMS.visitType && isFhirId(coding.code)) ids.add(coding.code);
    const key = codingKey(coding);
    for (const id of (key && servicesByCoding.get(key)) || []) ids.add(id);
  }
  return [...ids];
}

/**
 * A Schedule's provider (a Practitioner actor, or a PractitionerRole actor's practitioner), location (a Location
 * actor, or the role's only location) and visit types (its `serviceType`, else its HealthcareService actors).
 */
export function scheduleFacts(
  schedule: Json,
  roles: ReadonlyMap<string, Json>,
  servicesByCoding: ReadonlyMap<string, readonly string[]>,
): ScheduleFacts {
  const actors = Array.isArray(schedule.actor) ? schedule.actor : [];
  const role = referencesTo(actors, 'PractitionerRole')
    .map((id) => roles.get(id))
    .find((found) => found !== undefined);
  const roleLocations = role ? referencesTo(role.location, 'Location') : [];
  const fromConcepts = visitTypesFor(schedule.serviceType, servicesByCoding);
  return {
    active: schedule.active !== false,
    providerId:
      referencesTo(actors, 'Practitioner')[0] ?? (role ? referenceTo(role.practitioner, 'Practitioner') : undefined),
    locationId: referencesTo(actors, 'Location')[0] ?? (roleLocations.length === 1 ? roleLocations[0] : undefined),
    visitTypeIds: fromConcepts.length > 0 ? fromConcepts : referencesTo(actors, 'HealthcareService'),
  };
}

/** FHIR's five slot statuses as the domain's two; `entered-in-error` slots never existed. */
function statusOf(value: unknown): 'free' | 'busy' | 'void' | undefined {
  if (value === 'free') return 'free';
  if (value === 'busy' || value === 'busy-unavailable' || value === 'busy-tentative') return 'busy';
  return value === 'entered-in-error' ? 'void' : undefined;
}

/** A Slot candidate, or `undefined` for an `entered-in-error` slot. `Slot.serviceType` overrides its Schedule's. */
export function slotFromFhir(slot: Json, directory: SlotDirectory): unknown {
  const status = statusOf(slot.status);
  if (status === 'void') return undefined;
  const scheduleId = referenceTo(slot.schedule, 'Schedule');
  const facts = scheduleId === undefined ? undefined : directory.schedules.get(scheduleId);
  const own = visitTypesFor(slot.serviceType, directory.servicesByCoding);
  const capacity = extensionOf(slot, FHIR_EXTENSIONS.slotCapacity)?.valueInteger;
  return {
    id: slot.id,
    start: toInstant(slot.start),
    end: toInstant(slot.end),
    ...(facts?.providerId === undefined ? {} : { providerId: facts.providerId }),
    ...(facts?.locationId === undefined ? {} : { locationId: facts.locationId }),
    visitTypeIds: own.length > 0 ? own : (facts?.visitTypeIds ?? []),
    status,
    ...(Number.isInteger(capacity) ? { capacity } : {}),
  };
}

/** Schedules and roles among `resources` (a search's included resources), as a directory for their slots. */
export function directoryFrom(
  resources: Iterable<Json>,
  servicesByCoding: ReadonlyMap<string, readonly string[]> = new Map(),
): SlotDirectory {
  const roles = new Map<string, Json>();
  const schedules: Json[] = [];
  for (const resource of resources) {
    if (!isFhirId(resource.id)) continue;
    if (resource.resourceType === 'PractitionerRole') roles.set(resource.id, resource);
    else if (resource.resourceType === 'Schedule') schedules.push(resource);
  }
  return {
    schedules: new Map(schedules.map((s) => [s.id as string, scheduleFacts(s, roles, servicesByCoding)])),
    servicesByCoding,
  };
}

/** Map and validate slots; each bad one is dropped with a reason naming the field. */
export function mapSlots(slots: readonly Json[], directory: SlotDirectory, root = 'slots'): Listing<Slot> {
  const listing = new ListingBuilder(Slot, root);
  slots.forEach((resource, index) => {
    // An inactive Schedule's slots are not offered, whatever their status says.
    const scheduleId = referenceTo(resource.schedule, 'Schedule');
    if (scheduleId !== undefined && directory.schedules.get(scheduleId)?.active === false) return;
    const candidate = slotFromFhir(resource, directory);
    if (isPlainValidSlot(candidate)) listing.accept(candidate);
    else if (candidate !== undefined) listing.add(candidate, resource, index);
  });
  return listing.build();
}

/**
 * Domain slots from one searchset Bundle of Slots with their Schedules (and PractitionerRoles) included, as a
 * `Slot?_include=Slot:schedule` search returns them. `services` are HealthcareServices for `serviceType` codings.
 */
export function slotsFromBundle(bundle: unknown, options: { services?: readonly unknown[] } = {}): Listing<Slot> {
  const page = readSearchPage(bundle, 'Slot', 'slots');
  const services = (options.services ?? []).filter(isObject);
  const listing = mapSlots(page.matches, directoryFrom(page.included, indexServicesByCoding(services)));
  return { items: listing.items, dropped: [...page.dropped, ...listing.dropped] };
}

/** The Schedule ids a set of FHIR slots point at. */
export function scheduleIdsOf(slots: readonly Json[]): Set<string> {
  const ids = new Set<string>();
  for (const slot of slots) {
    const parts = referenceParts(slot.schedule);
    if (parts?.type === 'Schedule') ids.add(parts.id);
  }
  return ids;
}
