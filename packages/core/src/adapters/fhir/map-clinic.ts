import type { AcceptingNewPatients } from '../../schemas/clinic.js';
import { LanguageTag, Phone, WebUrl } from '../../schemas/primitives.js';
import { FHIR_EXTENSIONS, FHIR_SYSTEMS, SERVICE_CODE_SYSTEMS } from './conventions.js';
import {
  codingsOf,
  codingsOfAll,
  distinctCodings,
  extensionOf,
  extensionsOf,
  isObject,
  type Json,
  objects,
  referencesTo,
  referenceTo,
  text,
  texts,
  withoutUndefined,
} from './elements.js';

/**
 * FHIR R4 resources to domain candidates (docs/design.md sections 3 and 4). The results are not yet validated: the caller
 * checks each against its domain schema, so a resource missing a required element is dropped with a reason.
 */

const EXT = FHIR_EXTENSIONS;

export const isActive = (resource: Json): boolean => resource.active !== false;

function telecom(resource: Json, system: string): string[] {
  const points = objects(resource.telecom).filter((point) => point.system === system);
  // Work numbers first: a practitioner's home number is not for the public page.
  points.sort((a, b) => Number(b.use === 'work') - Number(a.use === 'work'));
  return points.filter((point) => point.use !== 'home' && point.use !== 'old').flatMap((point) => texts([point.value]));
}

/** The first phone number the domain can show; a malformed one is left out rather than dropping the record. */
export function phoneOf(resource: Json): string | undefined {
  return telecom(resource, 'phone').find((value) => Phone.safeParse(value).success);
}

function websiteOf(resource: Json): string | undefined {
  return telecom(resource, 'url').find((value) => WebUrl.safeParse(value).success);
}

function addressOf(address: unknown) {
  if (!isObject(address)) return undefined;
  const city = text(address.city);
  if (city === undefined) return undefined;
  return {
    lines: texts(address.line),
    city,
    ...withoutUndefined({
      state: text(address.state),
      postalCode: text(address.postalCode),
      country: text(address.country),
    }),
  };
}

export function organizationFromFhir(organization: Json, currency: string): unknown {
  return {
    id: organization.id,
    name: text(organization.name),
    ...withoutUndefined({ phone: phoneOf(organization), website: websiteOf(organization) }),
    currency,
  };
}

/** Plan-Net (and directory) accessibility: the concepts' text, or their codings' displays. */
function accessibilityOf(resource: Json): string | undefined {
  const said = extensionsOf(resource, EXT.accessibility).flatMap((extension) => {
    const concept = extension.valueCodeableConcept;
    const conceptText = isObject(concept) ? text(concept.text) : undefined;
    return conceptText ?? codingsOf(concept).flatMap((coding) => texts([coding.display]));
  });
  return said.length === 0 ? undefined : said.join(' ');
}

export function locationTimeZone(location: Json): string | undefined {
  return text(extensionOf(location, EXT.timeZone, EXT.tzCode)?.valueCode);
}

export function locationFromFhir(location: Json, defaultTimeZone: string): unknown {
  const position = isObject(location.position) ? location.position : undefined;
  return {
    id: location.id,
    name: text(location.name),
    ...withoutUndefined({ address: addressOf(location.address), phone: phoneOf(location) }),
    timeZone: locationTimeZone(location) ?? defaultTimeZone,
    ...(position && typeof position.latitude === 'number' && typeof position.longitude === 'number'
      ? { position: { latitude: position.latitude, longitude: position.longitude } }
      : {}),
    ...withoutUndefined({ accessibility: accessibilityOf(location) }),
  };
}

/** Delivery of a HealthcareService: Plan-Net `delivery-method` codes, possibly several. */
export function deliveryOf(service: Json): { virtual: boolean; physical: boolean } {
  const codes = extensionsOf(service, EXT.deliveryMethod).flatMap((extension) =>
    extensionsOf(extension, 'type').flatMap((type) => codingsOf(type.valueCodeableConcept).map((c) => c.code)),
  );
  return { virtual: codes.includes('virtual'), physical: codes.includes('physical') || !codes.includes('virtual') };
}

const ACCEPTING: Record<string, AcceptingNewPatients> = {
  newpt: 'yes',
  yes: 'yes',
  existptonly: 'existing-only',
  existptfam: 'existing-only',
  existing: 'existing-only',
  nopt: 'no',
  no: 'no',
};

/** What a Plan-Net `newpatients` extension says, if anything. */
function acceptingOf(resource: Json): AcceptingNewPatients | undefined {
  for (const extension of extensionsOf(resource, EXT.newPatients)) {
    const accepting = extensionOf(extension, 'acceptingPatients');
    if (typeof accepting?.valueBoolean === 'boolean') return accepting.valueBoolean ? 'yes' : 'no';
    for (const coding of codingsOf(accepting?.valueCodeableConcept)) {
      const said = ACCEPTING[String(coding.code)];
      if (said) return said;
    }
  }
  return undefined;
}

const OPENNESS: readonly AcceptingNewPatients[] = ['no', 'existing-only', 'yes'];

/** Practitioner credentials: degree codes (`MD`), else the qualification's text, else name suffixes. */
function credentialsOf(practitioner: Json, name: Json | undefined): string[] {
  const fromQualifications = objects(practitioner.qualification).flatMap((qualification) => {
    const concept = isObject(qualification.code) ? qualification.code : {};
    const degree = codingsOf(concept).find((coding) => coding.system === FHIR_SYSTEMS.degree);
    const said = text(degree?.code) ?? text(concept.text) ?? text(codingsOf(concept)[0]?.code);
    return said !== undefined && said.length <= 20 ? [said] : [];
  });
  const credentials = fromQualifications.length > 0 ? fromQualifications : texts(name?.suffix);
  return [...new Set(credentials.filter((credential) => credential.length <= 20))].slice(0, 10);
}

function preferredName(resource: Json): Json | undefined {
  // A name marked `old` (or whose period has ended) is no longer the practitioner's name.
  const now = Date.now();
  const names = objects(resource.name).filter((n) => {
    const end = isObject(n.period) && typeof n.period.end === 'string' ? Date.parse(n.period.end) : Number.NaN;
    return n.use !== 'old' && !(end < now);
  });
  return names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
}

function languagesOf(practitioner: Json): string[] {
  const tags = codingsOfAll(practitioner.communication)
    .filter((coding) => coding.system === undefined || coding.system === FHIR_SYSTEMS.bcp47)
    .flatMap((coding) => texts([coding.code]))
    .filter((tag) => LanguageTag.safeParse(tag).success);
  return [...new Set(tags)].slice(0, 30);
}

/** The domain's `photoUrl` rule for inline images: png, jpeg, gif or webp (never SVG), at most 200 000 characters. */
const INLINE_PHOTO = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const MAX_INLINE_PHOTO = 200_000;

/** A photo's URL, or its inline `data` as a `data:` URL when small enough (a large one is left out: initials show). */
function photoOf(practitioner: Json): string | undefined {
  for (const photo of objects(practitioner.photo)) {
    const url = text(photo.url);
    if (url !== undefined && WebUrl.safeParse(url).success) return url;
    const type = text(photo.contentType)?.toLowerCase();
    if (typeof photo.data === 'string' && type !== undefined) {
      const inline = `data:${type};base64,${photo.data.replace(/\s+/g, '')}`;
      if (inline.length <= MAX_INLINE_PHOTO && INLINE_PHOTO.test(inline)) return inline;
    }
  }
  return undefined;
}

export interface ProviderContext {
  /** This practitioner's active PractitionerRoles. */
  roles: readonly Json[];
  /** HealthcareServices by id, for telehealth. */
  services: ReadonlyMap<string, Json>;
  defaultAccepting: AcceptingNewPatients;
}

/** A provider from a Practitioner and its roles: specialties, locations, new patients and telehealth come from roles. */
export function providerFromFhir(practitioner: Json, context: ProviderContext): unknown {
  const name = preferredName(practitioner);
  const given = texts(name?.given);
  const family = text(name?.family);
  const prefix = texts(name?.prefix)[0];
  const displayName = text(name?.text) ?? ([...given, family].filter(Boolean).join(' ') || undefined);
  const gender = text(practitioner.gender);
  const biography = extensionOf(practitioner, EXT.biography);
  const bio = text(biography?.valueMarkdown) ?? text(biography?.valueString);
  const npi = objects(practitioner.identifier).find((identifier) => identifier.system === FHIR_SYSTEMS.npi)?.value;
  const photoUrl = photoOf(practitioner);

  const { roles, services } = context;
  const locationIds = [...new Set(roles.flatMap((role) => referencesTo(role.location, 'Location')))].slice(0, 50);
  const roleServices = roles
    .flatMap((role) => referencesTo(role.healthcareService, 'HealthcareService'))
    .map((id) => services.get(id))
    .filter((service): service is Json => service !== undefined && isActive(service));
  const deliveries = roleServices.map(deliveryOf);
  const saidAccepting = roles.map(acceptingOf).filter((said): said is AcceptingNewPatients => said !== undefined);
  const accepting =
    saidAccepting.length === 0
      ? context.defaultAccepting
      : saidAccepting.reduce((a, b) => (OPENNESS.indexOf(b) > OPENNESS.indexOf(a) ? b : a));
  const knowsDelivery = locationIds.length > 0 || deliveries.length > 0;

  return {
    id: practitioner.id,
    displayName,
    ...(name && (prefix || given.length > 0 || family)
      ? {
          name: {
            ...(prefix === undefined ? {} : { prefix }),
            ...(given.length === 0 ? {} : { given }),
            ...(family === undefined ? {} : { family }),
          },
        }
      : {}),
    credentials: credentialsOf(practitioner, name),
    ...(photoUrl === undefined ? {} : { photoUrl }),
    specialties: distinctCodings(roles.flatMap((role) => objects(role.specialty))).slice(0, 30),
    languages: languagesOf(practitioner),
    ...(gender === 'female' || gender === 'male' || gender === 'other' || gender === 'unknown' ? { gender } : {}),
    ...(bio === undefined ? {} : { bio }),
    acceptingNewPatients: accepting,
    locationIds,
    telehealth: deliveries.some((delivery) => delivery.virtual),
    inPerson: !knowsDelivery || locationIds.length > 0 || deliveries.some((delivery) => delivery.physical),
    ...(typeof npi === 'string' && /^\d{10}$/.test(npi) ? { npi } : {}),
  };
}

/** Minutes of a `valueDuration` (`min`, `h`) or `valueInteger` (minutes). */
function minutesOf(extension: Json | undefined): number | undefined {
  if (!extension) return undefined;
  if (Number.isInteger(extension.valueInteger)) return extension.valueInteger as number;
  const duration = isObject(extension.valueDuration) ? extension.valueDuration : undefined;
  if (!duration || typeof duration.value !== 'number') return undefined;
  const unit = text(duration.code) ?? text(duration.unit);
  const factor =
    unit === 'h' || unit === 'hour' || unit === 'hours' ? 60 : unit === 'min' || unit === 'minutes' ? 1 : 0;
  return factor === 0 ? undefined : Math.round(duration.value * factor);
}

function patientTypeOf(service: Json): 'new' | 'existing' | 'any' {
  const code = codingsOfAll(service.characteristic).find((coding) => coding.system === FHIR_SYSTEMS.patientType)?.code;
  return code === 'new' || code === 'existing' ? code : 'any';
}

function serviceCodesOf(service: Json): string[] {
  const codes = codingsOfAll(service.type)
    .filter((coding) => SERVICE_CODE_SYSTEMS.has(String(coding.system)))
    .flatMap((coding) => texts([coding.code]))
    .filter((code) => /^[A-Z0-9]{4,7}$/.test(code));
  return [...new Set(codes)].slice(0, 20);
}

/** A visit type from a HealthcareService; `providerIds` are the practitioners whose roles offer it (none: everyone). */
export function visitTypeFromFhir(service: Json, providerIds: readonly string[], defaultMinutes: number): unknown {
  const description = text(service.comment);
  return {
    id: service.id,
    name: text(service.name),
    durationMinutes: minutesOf(extensionOf(service, EXT.visitDuration)) ?? defaultMinutes,
    patientType: patientTypeOf(service),
    modality: deliveryOf(service).virtual ? 'telehealth' : 'in-person',
    ...(description === undefined ? {} : { description }),
    serviceCodes: serviceCodesOf(service),
    ...(providerIds.length === 0 ? {} : { providerIds: [...providerIds] }),
  };
}

/** Practitioner ids per HealthcareService id, from the active roles that offer each. */
export function providersByService(roles: readonly Json[]): Map<string, string[]> {
  const byService = new Map<string, Set<string>>();
  for (const role of roles) {
    const practitionerId = referenceTo(role.practitioner, 'Practitioner');
    if (practitionerId === undefined || !isActive(role)) continue;
    for (const serviceId of referencesTo(role.healthcareService, 'HealthcareService')) {
      const set = byService.get(serviceId) ?? new Set<string>();
      set.add(practitionerId);
      byService.set(serviceId, set);
    }
  }
  return new Map([...byService].map(([serviceId, ids]) => [serviceId, [...ids]]));
}
