import {
  describeIssues,
  FrontdeskError,
  Location,
  Organization,
  Provider,
  Questionnaire,
  VisitType,
} from '@frontdesk/core';
import {
  extensionOf,
  FHIR_EXTENSIONS,
  isActive,
  isObject,
  type Json,
  locationFromFhir,
  locationTimeZone,
  objects,
  organizationFromFhir,
  providerFromFhir,
  providersByService,
  referencesTo,
  referenceTo,
  visitTypeFromFhir,
} from '@frontdesk/core/fhir';
import type * as z from 'zod/mini';
import type { AvailabilityRule, ClinicFile, Closure } from './file.js';

const SURVEY_KINDS = ['nps', 'csat', 'likert', 'form'] as const;
const FHIR_DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

interface Entry {
  resource: Json;
  /** `entry[3].resource`: where it is in the file, for error messages. */
  at: string;
}

function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

/** Checks a mapped record against its core schema, naming the failing element by its place in the Bundle. */
function checked<T>(schema: z.ZodMiniType<T>, value: unknown, entry: Entry): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describeIssues(result.error.issues);
  throw new FrontdeskError(
    'invalid-input',
    `${entry.at} (${String(entry.resource.resourceType)}/${String(entry.resource.id)}): ${message}`,
    {
      field: `${entry.at}: ${field}`,
    },
  );
}

/** `08:00:00` to `08:00`. */
function hhmm(time: unknown, field: string): string {
  if (typeof time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time))
    throw invalid(field, 'expected a FHIR time');
  return time.slice(0, 5);
}

/** A dateTime's calendar date as written (the clinic's own date, whatever the offset). */
function dateOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw invalid(field, 'expected a FHIR date or dateTime');
  return value.slice(0, 10);
}

/**
 * A clinic file from a FHIR R4 Bundle: Organization, Location, Practitioner, PractitionerRole (with `availableTime`
 * and `notAvailable`), HealthcareService and Schedule (its `planningHorizon` bounds the rules of its actors), and
 * Questionnaires as surveys. The records are mapped exactly as the `fhir` adapter maps them; the weekly hours come
 * from each PractitionerRole's `availableTime` at each of its locations (video-only roles need the timezone
 * extension). Slot length: the role's shortest visit type. Errors name the entry: `entry[3].resource`.
 */
export function clinicFromFhirBundle(bundle: unknown): unknown {
  if (!isObject(bundle) || !Array.isArray(bundle.entry)) throw invalid('entry', 'a Bundle needs entries');
  const entries: Entry[] = [];
  bundle.entry.forEach((entry, index) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      throw invalid(`entry[${index}].resource`, 'not a FHIR resource');
    }
    if (typeof resource.id !== 'string' || resource.id.length === 0)
      throw invalid(`entry[${index}].resource.id`, 'required');
    entries.push({ resource, at: `entry[${index}].resource` });
  });
  const of = (type: string) =>
    entries.filter((entry) => entry.resource.resourceType === type && isActive(entry.resource));

  const organizationEntry = of('Organization')[0];
  if (!organizationEntry) throw invalid('entry', 'the Bundle has no Organization');
  const organization = checked(
    Organization,
    organizationFromFhir(organizationEntry.resource, 'USD'),
    organizationEntry,
  );

  const locationEntries = of('Location');
  const locations = locationEntries.map((entry) => {
    if (locationTimeZone(entry.resource) === undefined)
      throw invalid(`${entry.at}.extension`, `needs the time zone extension ${FHIR_EXTENSIONS.timeZone}`);
    return checked(Location, locationFromFhir(entry.resource, ''), entry);
  });
  const zones = new Map(locations.map((location) => [location.id, location.timeZone]));

  const roleEntries = of('PractitionerRole');
  const roles = roleEntries.map((entry) => entry.resource);
  const serviceEntries = of('HealthcareService');
  const services = new Map(serviceEntries.map((entry) => [String(entry.resource.id), entry.resource]));
  const providerIdsByService = providersByService(roles);
  const visitTypes = serviceEntries.map((entry) =>
    checked(
      VisitType,
      visitTypeFromFhir(entry.resource, providerIdsByService.get(String(entry.resource.id)) ?? [], 30),
      entry,
    ),
  );
  const visitTypesById = new Map(visitTypes.map((type) => [type.id, type]));

  const providers = of('Practitioner').map((entry) =>
    checked(
      Provider,
      providerFromFhir(entry.resource, {
        roles: roles.filter((role) => referenceTo(role.practitioner, 'Practitioner') === entry.resource.id),
        services,
        defaultAccepting: 'yes',
      }),
      entry,
    ),
  );
  const providerIds = new Set(providers.map((provider) => provider.id));

  // A Schedule's planning horizon bounds the hours of the practitioner (at the location) it is for.
  const horizons = of('Schedule').map((entry) => {
    const horizon = isObject(entry.resource.planningHorizon) ? entry.resource.planningHorizon : {};
    return {
      practitioner: referencesTo(entry.resource.actor, 'Practitioner')[0],
      location: referencesTo(entry.resource.actor, 'Location')[0],
      from: horizon.start === undefined ? undefined : dateOf(horizon.start, `${entry.at}.planningHorizon.start`),
      until: horizon.end === undefined ? undefined : dateOf(horizon.end, `${entry.at}.planningHorizon.end`),
    };
  });

  const availability: AvailabilityRule[] = [];
  const closures: Closure[] = [];
  roleEntries.forEach((entry) => {
    const role = entry.resource;
    const practitioner = referenceTo(role.practitioner, 'Practitioner');
    if (!practitioner || !providerIds.has(practitioner)) {
      throw invalid(`${entry.at}.practitioner`, 'does not refer to a Practitioner in the Bundle');
    }
    const roleTypes = referencesTo(role.healthcareService, 'HealthcareService')
      .map((id) => visitTypesById.get(id))
      .filter((type): type is VisitType => type !== undefined);
    const offered =
      roleTypes.length > 0
        ? roleTypes
        : visitTypes.filter((type) => !type.providerIds || type.providerIds.includes(practitioner));
    if (offered.length === 0) return;
    const slotMinutes = Math.max(5, Math.min(...offered.map((type) => type.durationMinutes)));
    const locationIds = referencesTo(role.location, 'Location');
    for (const id of locationIds)
      if (!zones.has(id)) throw invalid(`${entry.at}.location`, `no Location "${id}" in the Bundle`);
    const roleZone = extensionOf(role, FHIR_EXTENSIONS.timeZone)?.valueCode;
    const places: { location?: string; timeZone?: string; types: VisitType[] }[] =
      locationIds.length > 0
        ? locationIds.map((location) => ({ location, types: offered }))
        : [
            {
              timeZone: typeof roleZone === 'string' ? roleZone : undefined,
              types: offered.filter((type) => type.modality === 'telehealth'),
            },
          ];
    objects(role.availableTime).forEach((time, index) => {
      const at = `${entry.at}.availableTime[${index}]`;
      const weekdays = (Array.isArray(time.daysOfWeek) ? time.daysOfWeek : []).map((day, j) => {
        const number = typeof day === 'string' ? FHIR_DAYS[day] : undefined;
        if (number === undefined) throw invalid(`${at}.daysOfWeek[${j}]`, 'not a FHIR day of week');
        return number;
      });
      if (weekdays.length === 0) throw invalid(`${at}.daysOfWeek`, 'required');
      const start = time.allDay === true ? '00:00' : hhmm(time.availableStartTime, `${at}.availableStartTime`);
      const end = time.allDay === true ? '24:00' : hhmm(time.availableEndTime, `${at}.availableEndTime`);
      for (const place of places) {
        if (place.types.length === 0) continue;
        if (!place.location && !place.timeZone) {
          throw invalid(
            `${entry.at}.extension`,
            `a role without a location needs the time zone extension ${FHIR_EXTENSIONS.timeZone}`,
          );
        }
        const horizon = horizons.find(
          (candidate) =>
            candidate.practitioner === practitioner &&
            (candidate.location === undefined || candidate.location === place.location),
        );
        availability.push({
          provider: practitioner,
          ...(place.location ? { location: place.location } : { timeZone: place.timeZone }),
          weekdays,
          start,
          end,
          slotMinutes,
          visitTypes: place.types.map((type) => type.id),
          ...(horizon?.from ? { from: horizon.from } : {}),
          ...(horizon?.until ? { until: horizon.until } : {}),
        });
      }
    });
    objects(role.notAvailable).forEach((absence, index) => {
      const during = isObject(absence.during) ? absence.during : undefined;
      if (!during) return;
      const at = `${entry.at}.notAvailable[${index}].during`;
      const from = dateOf(during.start, `${at}.start`);
      closures.push({
        provider: practitioner,
        from,
        to: during.end === undefined ? from : dateOf(during.end, `${at}.end`),
        ...(typeof absence.description === 'string' && absence.description.length <= 500
          ? { reason: absence.description }
          : {}),
      });
    });
  });

  const surveys = of('Questionnaire').map((entry) => {
    const questionnaire = checked(Questionnaire, entry.resource, entry);
    const kind = extensionOf(entry.resource, FHIR_EXTENSIONS.surveyKind)?.valueCode;
    const known = SURVEY_KINDS.find((candidate) => candidate === kind);
    return known ? { kind: known, questionnaire } : { questionnaire };
  });

  const clinic: ClinicFile = { organization, locations, providers, visitTypes, availability, closures, surveys };
  return clinic;
}
