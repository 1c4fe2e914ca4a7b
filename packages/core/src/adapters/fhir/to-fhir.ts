import type { FrontdeskAdapter } from '../../adapter.js';
import type { Location, Organization, Provider, VisitType } from '../../schemas/clinic.js';
import type { Slot } from '../../schemas/scheduling.js';
import { FHIR_EXTENSIONS, FHIR_SYSTEMS } from './conventions.js';
import type { Json } from './elements.js';

/**
 * The other direction: a clinic as FHIR R4 resources, written the way the `fhir` adapter reads them (Plan-Net
 * extensions, Frontdesk's own where none exists). It seeds the FHIR server that tests and the demo run on, and shows
 * a clinic what its server needs to hold. Kept out of the adapter's entry point so widget bundles never carry it.
 */

export interface ClinicToFhirOptions {
  /** Window of slots to convert: instants with offsets. */
  start: string;
  end: string;
  signal?: AbortSignal | undefined;
}

const EXT = FHIR_EXTENSIONS;
const SYS = FHIR_SYSTEMS;

const phone = (value: string | undefined) => (value === undefined ? [] : [{ system: 'phone', value, use: 'work' }]);

function organizationResource(organization: Organization): Json {
  return {
    resourceType: 'Organization',
    id: organization.id,
    active: true,
    name: organization.name,
    telecom: [
      ...phone(organization.phone),
      ...(organization.website ? [{ system: 'url', value: organization.website }] : []),
    ],
  };
}

function locationResource(location: Location, organizationId: string): Json {
  const { address, position } = location;
  return {
    resourceType: 'Location',
    id: location.id,
    status: 'active',
    name: location.name,
    extension: [
      { url: EXT.timeZone, valueCode: location.timeZone },
      ...(location.accessibility
        ? [{ url: EXT.accessibility, valueCodeableConcept: { text: location.accessibility } }]
        : []),
    ],
    ...(address
      ? {
          address: {
            line: address.lines,
            city: address.city,
            ...(address.state ? { state: address.state } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            ...(address.country ? { country: address.country } : {}),
          },
        }
      : {}),
    telecom: phone(location.phone),
    ...(position ? { position: { latitude: position.latitude, longitude: position.longitude } } : {}),
    managingOrganization: { reference: `Organization/${organizationId}` },
  };
}

const visitTypeCoding = (visitType: Pick<VisitType, 'id' | 'name'>) => ({
  system: SYS.visitType,
  code: visitType.id,
  display: visitType.name,
});

function delivery(virtual: boolean): Json {
  const code = virtual ? 'virtual' : 'physical';
  return {
    url: EXT.deliveryMethod,
    extension: [
      {
        url: 'type',
        valueCodeableConcept: {
          coding: [{ system: SYS.deliveryMethod, code, display: virtual ? 'Virtual' : 'Physical' }],
        },
      },
    ],
  };
}

function serviceResource(visitType: VisitType, organizationId: string): Json {
  return {
    resourceType: 'HealthcareService',
    id: visitType.id,
    active: true,
    providedBy: { reference: `Organization/${organizationId}` },
    name: visitType.name,
    ...(visitType.description ? { comment: visitType.description } : {}),
    type: [
      { coding: [visitTypeCoding(visitType)], text: visitType.name },
      ...visitType.serviceCodes.map((code) => ({ coding: [{ system: SYS.cpt, code }] })),
    ],
    ...(visitType.patientType === 'any'
      ? {}
      : { characteristic: [{ coding: [{ system: SYS.patientType, code: visitType.patientType }] }] }),
    extension: [
      delivery(visitType.modality === 'telehealth'),
      {
        url: EXT.visitDuration,
        valueDuration: {
          value: visitType.durationMinutes,
          unit: 'min',
          system: 'http://unitsofmeasure.org',
          code: 'min',
        },
      },
    ],
  };
}

const ACCEPTING_CODE = { yes: 'newpt', 'existing-only': 'existptonly', no: 'nopt' } as const;
const ACCEPTING_DISPLAY = {
  yes: 'Accepting',
  'existing-only': 'Accepting existing patients',
  no: 'Not accepting',
} as const;

function newPatients(provider: Provider): Json {
  const accepting = provider.acceptingNewPatients;
  return {
    url: EXT.newPatients,
    extension: [
      {
        url: 'acceptingPatients',
        valueCodeableConcept: {
          coding: [
            { system: SYS.acceptingPatients, code: ACCEPTING_CODE[accepting], display: ACCEPTING_DISPLAY[accepting] },
          ],
        },
      },
    ],
  };
}

function practitionerResource(provider: Provider): Json {
  const name = provider.name;
  return {
    resourceType: 'Practitioner',
    id: provider.id,
    active: true,
    identifier: provider.npi ? [{ system: SYS.npi, value: provider.npi }] : [],
    name: [
      {
        use: 'official',
        text: provider.displayName,
        ...(name?.prefix ? { prefix: [name.prefix] } : {}),
        ...(name?.given ? { given: name.given } : {}),
        ...(name?.family ? { family: name.family } : {}),
      },
    ],
    ...(provider.gender ? { gender: provider.gender } : {}),
    qualification: provider.credentials.map((credential) => ({ code: { text: credential } })),
    communication: provider.languages.map((language) => ({ coding: [{ system: SYS.bcp47, code: language }] })),
    ...(provider.photoUrl ? { photo: [{ url: provider.photoUrl }] } : {}),
    ...(provider.bio ? { extension: [{ url: EXT.biography, valueMarkdown: provider.bio }] } : {}),
  };
}

/** The visit types a provider offers in person or by video: those naming them, or open to every provider. */
function offered(visitTypes: readonly VisitType[], provider: Provider, modality: VisitType['modality']): VisitType[] {
  return visitTypes.filter(
    (visitType) =>
      visitType.modality === modality &&
      (visitType.providerIds === undefined || visitType.providerIds.includes(provider.id)),
  );
}

/** Roles and Schedules of one provider: one per location, one for video visits, keyed as their slots will be. */
function providerResources(
  provider: Provider,
  visitTypes: readonly VisitType[],
  locations: ReadonlyMap<string, Location>,
  organizationId: string,
): { roles: Json[]; schedules: Map<string, Json> } {
  const roles: Json[] = [];
  const schedules = new Map<string, Json>();
  const sites: Array<{ key: string; locationId?: string; services: VisitType[] }> = [
    ...provider.locationIds.map((locationId) => ({
      key: locationId,
      locationId,
      services: offered(visitTypes, provider, 'in-person'),
    })),
    ...(provider.telehealth ? [{ key: 'virtual', services: offered(visitTypes, provider, 'telehealth') }] : []),
  ];
  if (sites.length === 0) sites.push({ key: 'general', services: [] });
  for (const site of sites) {
    const id = `${provider.id}.${site.key}`;
    const location = site.locationId === undefined ? undefined : locations.get(site.locationId);
    roles.push({
      resourceType: 'PractitionerRole',
      id,
      active: true,
      practitioner: { reference: `Practitioner/${provider.id}`, display: provider.displayName },
      organization: { reference: `Organization/${organizationId}` },
      ...(site.locationId === undefined ? {} : { location: [{ reference: `Location/${site.locationId}` }] }),
      healthcareService: site.services.map((service) => ({ reference: `HealthcareService/${service.id}` })),
      specialty: provider.specialties.map((specialty) => ({ coding: [specialty], text: specialty.display })),
      telecom: phone(location?.phone),
      extension: [newPatients(provider)],
    });
    schedules.set(id, scheduleResource(id, provider.id, site.locationId, site.services, true));
  }
  return { roles, schedules };
}

function scheduleResource(
  id: string,
  providerId: string,
  locationId: string | undefined,
  services: readonly Pick<VisitType, 'id' | 'name'>[],
  hasRole: boolean,
): Json {
  return {
    resourceType: 'Schedule',
    id,
    active: true,
    actor: [
      { reference: `Practitioner/${providerId}` },
      ...(locationId === undefined ? [] : [{ reference: `Location/${locationId}` }]),
      ...(hasRole ? [{ reference: `PractitionerRole/${id}` }] : []),
    ],
    serviceType: services.map((service) => ({ coding: [visitTypeCoding(service)] })),
  };
}

function slotResource(slot: Slot, scheduleId: string, visitTypes: ReadonlyMap<string, VisitType>): Json {
  return {
    resourceType: 'Slot',
    id: slot.id,
    schedule: { reference: `Schedule/${scheduleId}` },
    status: slot.status,
    start: slot.start,
    end: slot.end,
    serviceType: slot.visitTypeIds.map((id) => ({
      coding: [visitTypeCoding(visitTypes.get(id) ?? { id, name: id })],
    })),
    ...(slot.capacity === undefined ? {} : { extension: [{ url: EXT.slotCapacity, valueInteger: slot.capacity }] }),
  };
}

/**
 * Every record of `adapter` (a Frontdesk adapter, typically the memory demo clinic) as FHIR resources: Organization,
 * Location, HealthcareService per visit type, Practitioner, PractitionerRole and Schedule per provider and site,
 * the slots of the window, and the Questionnaires. Ids are kept, so `provider="maria-hernandez"` works on both.
 */
export async function clinicToFhir(adapter: FrontdeskAdapter, options: ClinicToFhirOptions): Promise<Json[]> {
  const request = { signal: options.signal };
  const [organization, locations, providers, visitTypes, slots, surveys] = await Promise.all([
    adapter.getOrganization(request),
    adapter.listLocations(request),
    adapter.listProviders(request),
    adapter.listVisitTypes(request),
    adapter.listSlots({ start: options.start, end: options.end }, request),
    adapter.capabilities.surveys ? adapter.listSurveys(request) : Promise.resolve({ items: [], dropped: [] }),
  ]);
  const locationsById = new Map(locations.items.map((location) => [location.id, location]));
  const visitTypesById = new Map(visitTypes.items.map((visitType) => [visitType.id, visitType]));
  const resources: Json[] = [
    organizationResource(organization),
    ...locations.items.map((location) => locationResource(location, organization.id)),
    ...visitTypes.items.map((visitType) => serviceResource(visitType, organization.id)),
  ];
  const schedules = new Map<string, Json>();
  for (const provider of providers.items) {
    const { nextAvailable: _derived, ...record } = provider;
    const made = providerResources(record, visitTypes.items, locationsById, organization.id);
    resources.push(practitionerResource(record), ...made.roles);
    for (const [id, schedule] of made.schedules) schedules.set(id, schedule);
  }
  for (const slot of slots.items) {
    if (slot.providerId === undefined) continue;
    const scheduleId = `${slot.providerId}.${slot.locationId ?? 'virtual'}`;
    // A slot at a site the provider's record does not list still needs its Schedule.
    if (!schedules.has(scheduleId)) {
      const services = slot.visitTypeIds.map((id) => visitTypesById.get(id) ?? { id, name: id });
      schedules.set(scheduleId, scheduleResource(scheduleId, slot.providerId, slot.locationId, services, false));
    }
    resources.push(slotResource(slot, scheduleId, visitTypesById));
  }
  resources.push(...schedules.values());
  for (const summary of surveys.items) {
    const questionnaire = (await adapter.getSurvey(summary.id, request)) as Json;
    const extension = Array.isArray(questionnaire.extension) ? questionnaire.extension : [];
    resources.push({
      ...questionnaire,
      extension: [...extension, ...(summary.kind ? [{ url: EXT.surveyKind, valueCode: summary.kind }] : [])],
    });
  }
  return resources;
}
