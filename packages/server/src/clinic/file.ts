import {
  CalendarDate,
  Cents,
  describeIssues,
  FrontdeskError,
  Id,
  Location,
  Organization,
  Plan,
  PriceInfo,
  Provider,
  Questionnaire,
  ShortText,
  SurveySummary,
  TimeZone,
  VisitType,
} from '@frontdesk/core';
import * as z from 'zod/mini';

/**
 * A clinic file: everything public about a clinic, in the contract's own records (@frontdesk/core schemas) plus
 * what the server needs to compute slots (weekly availability rules and closures) and prices per plan. This is what
 * `frontdesk-server import FILE` reads (JSON or YAML) and what a FHIR Bundle is turned into.
 */

const HH_MM = z.string().check(z.regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected a HH:MM time'));

/** Ids that go into slot ids (`provider|location|start`) cannot hold the separator. */
const SlotPartId = Id.check(z.refine((id) => !id.includes('|'), 'cannot contain "|"'));

const ISO_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const Weekday = z.union([z.int().check(z.gte(1), z.lte(7)), z.enum(ISO_WEEKDAYS)]);

export const AvailabilityRule = z.object({
  provider: SlotPartId,
  /** Absent for video visits, which then need `timeZone`. */
  location: z.optional(SlotPartId),
  /** Defaults to the location's zone. */
  timeZone: z.optional(TimeZone),
  /** ISO weekdays, 1 (Monday) to 7 (Sunday), or their English names. */
  weekdays: z.array(Weekday).check(z.minLength(1), z.maxLength(7)),
  start: HH_MM,
  end: HH_MM,
  slotMinutes: z.int().check(z.gte(5), z.lte(1440)),
  /** The visit types bookable in these slots. */
  visitTypes: z.array(Id).check(z.minLength(1), z.maxLength(50)),
  from: z.optional(CalendarDate),
  until: z.optional(CalendarDate),
});
export type AvailabilityRule = z.infer<typeof AvailabilityRule>;

/** Days nobody (or one provider, or one location) sees patients: holidays, vacations, a closed office. */
export const Closure = z.object({
  from: CalendarDate,
  to: CalendarDate,
  provider: z.optional(Id),
  location: z.optional(Id),
  reason: z.optional(ShortText),
});
export type Closure = z.infer<typeof Closure>;

/**
 * A price list line: the price transparency fields (a price without its currency, which is the organization's), and
 * each plan's exact rate where it is published (a price's `negotiatedRate` is the asked plan's).
 */
export const PriceEntry = z.extend(z.omit(PriceInfo, { currency: true, negotiatedRate: true }), {
  rates: z.optional(z.record(Id, Cents)),
});
export type PriceEntry = z.infer<typeof PriceEntry>;

export const ClinicSurvey = z.object({
  kind: z.optional(SurveySummary.shape.kind),
  questionnaire: Questionnaire,
});

/** `https://video.example/{providerId}/{bookingId}`: a video room address, its placeholders filled per booking. */
const VideoRoomUrl = z.string().check(z.maxLength(1000), z.refine(isVideoRoomTemplate, 'not an https URL template'));

export const ClinicSettings = z.object({
  /** How many days ahead patients may book. Default 90. */
  horizonDays: z.optional(z.int().check(z.gte(1), z.lte(730))),
  /** How soon a slot may be booked, in minutes from now. Default 0. */
  minimumNoticeMinutes: z.optional(z.int().check(z.gte(0), z.lte(60 * 24 * 60))),
  /** When reminders go out, in minutes before the visit. Default 2 days and 2 hours: [2880, 120]. */
  reminderMinutesBefore: z.optional(z.array(z.int().check(z.gte(5), z.lte(60 * 24 * 60))).check(z.maxLength(5))),
  /** How long after the visit ends the survey invitation goes out, in minutes. Default 120. */
  surveyDelayMinutes: z.optional(z.int().check(z.gte(0), z.lte(60 * 24 * 30))),
  /** The survey patients are invited to after a visit; default the clinic's first NPS survey. `none`: no invitation. */
  surveyId: z.optional(Id),
  /** How long a chosen time is held while the patient types, in minutes. Default 5. */
  holdMinutes: z.optional(z.int().check(z.gte(1), z.lte(60))),
  /** How long a waitlisted patient may claim a freed time, in minutes. Default 30. */
  waitlistOfferMinutes: z.optional(z.int().check(z.gte(5), z.lte(60 * 24))),
  /** How many waitlisted patients (first come first) are offered a freed time at once. Default 3. */
  waitlistOfferBatch: z.optional(z.int().check(z.gte(1), z.lte(50))),
  /** Where video visits happen: an https URL with `{providerId}` and `{bookingId}` placeholders. */
  videoRoomUrl: z.optional(VideoRoomUrl),
  /** Per provider, overriding `videoRoomUrl`. */
  videoRoomUrls: z.optional(z.record(Id, VideoRoomUrl)),
  /** The country a phone number without a country code is read in (ISO 3166 alpha-2), for text messages. Default US. */
  phoneCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

/** A provider photo may be given as a path on this server (`/photos/x.svg`), made absolute with its public URL. */
const ClinicProvider = z.object({
  ...Provider.shape,
  id: SlotPartId,
  photoUrl: z.optional(
    z.union([Provider.shape.photoUrl, z.string().check(z.regex(/^\/[A-Za-z0-9._~\-/]{1,500}$/, 'not a URL or path'))]),
  ),
});
const ClinicLocation = z.object({ ...Location.shape, id: SlotPartId });
/**
 * What to tell a patient before this kind of visit (added to the booking's instructions), and the form (a survey's
 * Questionnaire id, such as an intake form or a PHQ-9) the patient is asked to fill in before it.
 */
const ClinicVisitType = z.object({
  ...VisitType.shape,
  preparation: z.optional(z.string().check(z.maxLength(2000))),
  questionnaire: z.optional(Id),
});

const MAX_RECORDS = 10_000;
const list = <T extends z.ZodMiniType>(schema: T) => z.array(schema).check(z.maxLength(MAX_RECORDS));

export const ClinicFile = z.object({
  organization: Organization,
  settings: z.optional(ClinicSettings),
  locations: list(ClinicLocation),
  providers: list(ClinicProvider),
  visitTypes: list(ClinicVisitType),
  availability: list(AvailabilityRule),
  closures: z.optional(list(Closure)),
  plans: z.optional(list(Plan)),
  prices: z.optional(list(PriceEntry)),
  surveys: z.optional(list(ClinicSurvey)),
});
export type ClinicFile = z.infer<typeof ClinicFile>;

/** An https URL once its `{providerId}` and `{bookingId}` placeholders are filled. */
export function isVideoRoomTemplate(template: string): boolean {
  try {
    const url = new URL(template.replaceAll('{providerId}', 'p').replaceAll('{bookingId}', 'b'));
    return url.protocol === 'https:' && !/[{}]/.test(url.href.replaceAll('%7B', '{').replaceAll('%7D', '}'));
  } catch {
    return false;
  }
}

function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

function unique(records: readonly { id?: string }[], path: string, idPath = 'id'): Set<string> {
  const ids = new Set<string>();
  records.forEach((record, index) => {
    const id = record.id ?? '';
    if (ids.has(id)) throw invalid(`${path}[${index}].${idPath}`, `"${id}" is used twice`);
    ids.add(id);
  });
  return ids;
}

/** Minutes after midnight of a `HH:MM` time (24:00 is the end of the day). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Validates a clinic file, schemas first and then every cross-reference, and throws an `invalid-input` error whose
 * `field` is the path inside the file (`availability[3].location`) of the first problem found.
 */
export function parseClinicFile(value: unknown): ClinicFile {
  const result = ClinicFile.safeParse(value);
  if (!result.success) {
    const { field, message } = describeIssues(result.error.issues);
    throw new FrontdeskError('invalid-input', message, { field });
  }
  const clinic = result.data;
  const locations = unique(clinic.locations, 'locations');
  const providers = unique(clinic.providers, 'providers');
  const visitTypes = unique(clinic.visitTypes, 'visitTypes');
  const plans = unique(clinic.plans ?? [], 'plans');
  clinic.surveys?.forEach((survey, index) => {
    if (survey.questionnaire.id === undefined) throw invalid(`surveys[${index}].questionnaire.id`, 'required');
  });
  unique(
    (clinic.surveys ?? []).map((survey) => ({ id: survey.questionnaire.id })),
    'surveys',
    'questionnaire.id',
  );

  clinic.providers.forEach((provider, index) => {
    provider.locationIds.forEach((id, j) => {
      if (!locations.has(id)) throw invalid(`providers[${index}].locationIds[${j}]`, `no location "${id}"`);
    });
  });
  const surveys = new Set((clinic.surveys ?? []).map((survey) => survey.questionnaire.id));
  clinic.visitTypes.forEach((type, index) => {
    type.providerIds?.forEach((id, j) => {
      if (!providers.has(id)) throw invalid(`visitTypes[${index}].providerIds[${j}]`, `no provider "${id}"`);
    });
    if (type.questionnaire !== undefined && !surveys.has(type.questionnaire)) {
      throw invalid(`visitTypes[${index}].questionnaire`, `no survey "${type.questionnaire}"`);
    }
  });
  const settings = clinic.settings;
  if (settings?.surveyId !== undefined && settings.surveyId !== 'none' && !surveys.has(settings.surveyId)) {
    throw invalid('settings.surveyId', `no survey "${settings.surveyId}"`);
  }
  for (const id of Object.keys(settings?.videoRoomUrls ?? {})) {
    if (!providers.has(id)) throw invalid(`settings.videoRoomUrls.${id}`, `no provider "${id}"`);
  }
  clinic.availability.forEach((rule, index) => {
    const at = `availability[${index}]`;
    if (!providers.has(rule.provider)) throw invalid(`${at}.provider`, `no provider "${rule.provider}"`);
    if (rule.location !== undefined && !locations.has(rule.location)) {
      throw invalid(`${at}.location`, `no location "${rule.location}"`);
    }
    if (rule.location === undefined && rule.timeZone === undefined) {
      throw invalid(`${at}.timeZone`, 'required for a rule without a location');
    }
    if (minutesOf(rule.end) <= minutesOf(rule.start)) throw invalid(`${at}.end`, 'not after start');
    if (minutesOf(rule.end) > 24 * 60) throw invalid(`${at}.end`, 'after 24:00');
    if (rule.from !== undefined && rule.until !== undefined && rule.until < rule.from) {
      throw invalid(`${at}.until`, 'before from');
    }
    rule.visitTypes.forEach((id, j) => {
      if (!visitTypes.has(id)) throw invalid(`${at}.visitTypes[${j}]`, `no visit type "${id}"`);
    });
  });
  clinic.closures?.forEach((closure, index) => {
    const at = `closures[${index}]`;
    if (closure.to < closure.from) throw invalid(`${at}.to`, 'before from');
    if (closure.provider !== undefined && !providers.has(closure.provider)) {
      throw invalid(`${at}.provider`, `no provider "${closure.provider}"`);
    }
    if (closure.location !== undefined && !locations.has(closure.location)) {
      throw invalid(`${at}.location`, `no location "${closure.location}"`);
    }
  });
  const services = new Set<string>();
  clinic.prices?.forEach((price, index) => {
    if (services.has(price.service)) throw invalid(`prices[${index}].service`, `"${price.service}" is listed twice`);
    services.add(price.service);
    for (const planId of Object.keys(price.rates ?? {})) {
      if (!plans.has(planId)) throw invalid(`prices[${index}].rates.${planId}`, `no plan "${planId}"`);
    }
  });
  return clinic;
}

/** The ISO weekday (1 Monday .. 7 Sunday) of a rule's weekday entry. */
export function isoWeekday(day: z.infer<typeof Weekday>): number {
  return typeof day === 'number' ? day : ISO_WEEKDAYS.indexOf(day) + 1;
}
