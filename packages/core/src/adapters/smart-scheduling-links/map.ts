import { Id, Phone } from '../../schemas/primitives.js';
import type { Slot } from '../../schemas/scheduling.js';
import { codingsOf, isObject, type Json, objects, referencesTo, text, toInstant } from '../fhir/elements.js';
import { locationFromFhir, locationTimeZone } from '../fhir/map-clinic.js';
import { stateTimeZone } from './us-time-zones.js';

/** The SMART Scheduling Links extensions (fhir-registry.smarthealthit.org). */
export const SMART_EXTENSIONS = {
  bookingDeepLink: 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link',
  bookingPhone: 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-phone',
  slotCapacity: 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity',
} as const;

const SMART_SERVICE_TYPES = 'http://fhir-registry.smarthealthit.org/CodeSystem/service-type';

/**
 * A Location's zone: its own time-zone extension, else the host page's setting, else its state's zone, else the
 * browser's. Slots carry offsets either way; the zone only decides how times are shown.
 */
export function smartLocation(resource: Json, timeZone: string | undefined, fallbackZone: string): unknown {
  const address = isObject(resource.address) ? resource.address : undefined;
  const position = isObject(resource.position) ? resource.position : undefined;
  const zone =
    locationTimeZone(resource) ??
    timeZone ??
    stateTimeZone(text(address?.state), {
      postalCode: text(address?.postalCode),
      latitude: typeof position?.latitude === 'number' ? position.latitude : undefined,
      longitude: typeof position?.longitude === 'number' ? position.longitude : undefined,
    }) ??
    fallbackZone;
  return locationFromFhir(resource, zone);
}

export interface SmartVisitType {
  id: string;
  name: string;
}

/** What slots need from their Schedule. */
export interface SmartSchedule {
  id: string;
  locationId?: string | undefined;
  providerId?: string | undefined;
  visitTypes: SmartVisitType[];
}

const VACCINE_PRODUCT = 'http://fhir-registry.smarthealthit.org/StructureDefinition/vaccine-product';
const VACCINE_DOSE = 'http://fhir-registry.smarthealthit.org/StructureDefinition/vaccine-dose';

/**
 * One visit type per `serviceType` concept, named by its most specific coding (the registry's own codes first); a
 * Schedule naming vaccine products (`vaccine-product`, CVX) and doses (`vaccine-dose`) offers one visit type per
 * product and dose, so a patient picks "COVID-19 Immunization: Moderna, dose 2".
 */
function visitTypesOf(schedule: Json): SmartVisitType[] {
  const services: SmartVisitType[] = [];
  for (const concept of objects(schedule.serviceType)) {
    const codings = codingsOf(concept);
    const coding = codings.find((c) => c.system === SMART_SERVICE_TYPES) ?? codings[0];
    const id = text(coding?.code);
    if (id === undefined || !Id.safeParse(id).success || services.some((known) => known.id === id)) continue;
    services.push({ id, name: text(coding?.display) ?? text(concept.text) ?? id });
  }
  const extensions = objects(schedule.extension);
  const products = extensions
    .filter((e) => e.url === VACCINE_PRODUCT && isObject(e.valueCoding) && text(e.valueCoding.code) !== undefined)
    .map((e) => {
      const coding = e.valueCoding as Json;
      return { code: String(text(coding.code)), name: text(coding.display) ?? String(text(coding.code)) };
    });
  const doses = extensions
    .filter((e) => e.url === VACCINE_DOSE && Number.isInteger(e.valueInteger) && (e.valueInteger as number) > 0)
    .map((e) => e.valueInteger as number);
  if (products.length === 0 && doses.length === 0) return services;
  const out: SmartVisitType[] = [];
  for (const service of services) {
    for (const product of products.length > 0 ? products : [undefined]) {
      for (const dose of doses.length > 0 ? doses : [undefined]) {
        const id = [service.id, product && `cvx-${product.code}`, dose && `dose-${dose}`].filter(Boolean).join(':');
        const detail = [product?.name, dose && `dose ${dose}`].filter(Boolean).join(', ');
        if (Id.safeParse(id).success && !out.some((known) => known.id === id)) {
          out.push({ id, name: `${service.name}: ${detail}` });
        }
      }
    }
  }
  return out;
}

export function smartSchedule(resource: Json): SmartSchedule | undefined {
  const id = text(resource.id);
  if (id === undefined || !Id.safeParse(id).success) return undefined;
  const actors = Array.isArray(resource.actor) ? resource.actor : [];
  return {
    id,
    locationId: referencesTo(actors, 'Location')[0],
    providerId: referencesTo(actors, 'Practitioner')[0],
    visitTypes: visitTypesOf(resource),
  };
}

/** A slot as kept between polls: validated once, joined to its Schedule when listed. */
export interface StoredSlot {
  id: string;
  start: string;
  end: string;
  startMs: number;
  /** `meta.lastUpdated` in epoch ms (NaN when absent): the latest of duplicate slots wins. */
  updatedMs: number;
  status: 'free' | 'busy';
  scheduleId: string | undefined;
  capacity?: number | undefined;
  link?: string | undefined;
  phone?: string | undefined;
}

/** The domain's id alphabet (schemas/primitives `Id`). */
const ID = /^[A-Za-z0-9._:\-/|]{1,200}$/;
const MAX_CAPACITY = 100_000;

/** Phone numbers seen: a feed repeats its few numbers on every line. */
const phoneChecks = new Map<string, boolean>();

function isPhone(value: string): boolean {
  let valid = phoneChecks.get(value);
  if (valid === undefined) {
    valid = Phone.safeParse(value).success;
    if (phoneChecks.size >= 1_000) phoneChecks.clear();
    phoneChecks.set(value, valid);
  }
  return valid;
}

/** An http(s) URL by its look; fully parsed (and refused if broken) when the link is finished for a listing. */
const looksLikeWebUrl = (value: string) => value.length <= 2048 && /^https?:\/\/[^\s]+$/i.test(value);

/**
 * A Slot line as a stored slot, or the reason it cannot be one. The checks are the domain `Slot` schema's, written
 * out by hand: this runs once per line of files with hundreds of thousands of them. A malformed deep link or phone
 * is left out rather than losing the slot, so a `javascript:` link never survives.
 */
export function smartSlot(resource: Json): StoredSlot | { problem: string } {
  const id = resource.id;
  if (typeof id !== 'string' || !ID.test(id)) return { problem: 'id: not a usable id' };
  const start = toInstant(resource.start);
  const end = toInstant(resource.end);
  const startMs = start === undefined ? Number.NaN : Date.parse(start);
  const endMs = end === undefined ? Number.NaN : Date.parse(end);
  if (start === undefined || Number.isNaN(startMs)) return { problem: 'start: not an instant with an offset' };
  if (end === undefined || Number.isNaN(endMs)) return { problem: 'end: not an instant with an offset' };
  if (endMs <= startMs) return { problem: 'end: end is not after start' };
  const raw = resource.status;
  const status = raw === 'free' ? 'free' : typeof raw === 'string' && raw.startsWith('busy') ? 'busy' : undefined;
  if (status === undefined) return { problem: 'status: expected free or busy' };
  let capacity: number | undefined;
  let link: string | undefined;
  let phone: string | undefined;
  for (const extension of objects(resource.extension)) {
    if (extension.url === SMART_EXTENSIONS.slotCapacity) {
      const value = extension.valueInteger;
      if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_CAPACITY)
        capacity = value as number;
    } else if (extension.url === SMART_EXTENSIONS.bookingDeepLink) {
      const value = text(extension.valueUrl);
      if (value !== undefined && looksLikeWebUrl(value)) link = value;
    } else if (extension.url === SMART_EXTENSIONS.bookingPhone) {
      const value = text(extension.valueString);
      if (value !== undefined && isPhone(value)) phone = value;
    }
  }
  const meta = isObject(resource.meta) ? resource.meta : undefined;
  const updatedMs = typeof meta?.lastUpdated === 'string' ? Date.parse(meta.lastUpdated) : Number.NaN;
  return {
    id,
    start,
    end,
    startMs,
    updatedMs,
    // A free slot with no capacity left cannot be booked.
    status: status === 'free' && capacity === 0 ? 'busy' : status,
    scheduleId: referencesTo([resource.schedule], 'Schedule')[0],
    ...(capacity === undefined ? {} : { capacity }),
    ...(link === undefined ? {} : { link }),
    ...(phone === undefined ? {} : { phone }),
  };
}

/**
 * The deep link with `source` and `booking-referral` added as query parameters: the URL is parsed first, since it may
 * already carry a query (or a fragment), as the specification warns. Undefined if the result is not a usable URL.
 */
export function bookingLink(
  deepLink: string,
  source: string | undefined,
  referral: string | undefined,
): string | undefined {
  let url: URL;
  try {
    url = new URL(deepLink);
  } catch {
    return undefined;
  }
  if (source !== undefined) url.searchParams.append('source', source);
  if (referral !== undefined) url.searchParams.append('booking-referral', referral);
  const href = url.href;
  return (url.protocol === 'https:' || url.protocol === 'http:') && href.length <= 2048 ? href : undefined;
}

/** The domain slot: schedule facts joined, booking link finished. */
export function toDomainSlot(
  stored: StoredSlot,
  schedule: SmartSchedule | undefined,
  source: string | undefined,
  referral: (() => string) | undefined,
): Slot {
  const link = stored.link === undefined ? undefined : bookingLink(stored.link, source, referral?.());
  return {
    id: stored.id,
    start: stored.start,
    end: stored.end,
    ...(schedule?.providerId === undefined ? {} : { providerId: schedule.providerId }),
    ...(schedule?.locationId === undefined ? {} : { locationId: schedule.locationId }),
    visitTypeIds: schedule ? schedule.visitTypes.map((visitType) => visitType.id) : [],
    status: stored.status,
    ...(stored.capacity === undefined ? {} : { capacity: stored.capacity }),
    ...(link === undefined ? {} : { bookingLink: link }),
    ...(stored.phone === undefined ? {} : { bookingPhone: stored.phone }),
  };
}
