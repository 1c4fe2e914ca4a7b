import type {
  Location,
  Organization,
  Plan,
  PriceInfo,
  Provider,
  Questionnaire,
  SurveySummary,
  VisitType,
} from '@frontdesk/core';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import { type ClinicFile, type ClinicSettings, isoWeekday } from './file.js';

/** One weekly block of a provider's time, as stored (see migrations/0001_initial.sql). */
export interface Rule {
  providerId: string;
  locationId: string | undefined;
  timeZone: string;
  weekdays: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
  visitTypeIds: readonly string[];
  validFrom: string | undefined;
  validUntil: string | undefined;
}

export interface ClosureDays {
  providerId: string | undefined;
  locationId: string | undefined;
  firstDay: string;
  lastDay: string;
}

export interface VisitTypeEntry {
  record: VisitType;
  preparation: string | undefined;
  /** The survey id of the form to fill in before this kind of visit. */
  questionnaire: string | undefined;
}

/** The clinic's settings with every default filled in (clinic/file.ts documents each). */
export interface Settings {
  horizonDays: number;
  minimumNoticeMinutes: number;
  reminderMinutesBefore: readonly number[];
  surveyDelayMinutes: number;
  /** Undefined: no invitation after the visit. */
  surveyId: string | undefined;
  holdMinutes: number;
  waitlistOfferMinutes: number;
  waitlistOfferBatch: number;
  videoRoomUrl: string | undefined;
  videoRoomUrls: Readonly<Record<string, string>>;
  phoneCountry: string;
}

/** The clinic's public data as the API serves it, read at once and kept for a moment (see ClinicStore). */
export interface ClinicSnapshot {
  organization: Organization | undefined;
  settings: Settings;
  locations: Location[];
  locationsById: Map<string, Location>;
  /** Stored records: `photoUrl` may still be a path, and `nextAvailable` is added per request. */
  providers: Provider[];
  providerOrder: Map<string, number>;
  visitTypes: Map<string, VisitTypeEntry>;
  plans: Plan[];
  surveys: SurveySummary[];
  rulesByProvider: Map<string, Rule[]>;
  closures: ClosureDays[];
}

const DEFAULT_SETTINGS = {
  horizonDays: 90,
  minimumNoticeMinutes: 0,
  reminderMinutesBefore: [2 * 24 * 60, 2 * 60],
  surveyDelayMinutes: 120,
  holdMinutes: 5,
  waitlistOfferMinutes: 30,
  waitlistOfferBatch: 3,
  videoRoomUrls: {},
  phoneCountry: 'US',
} as const;

/** The settings as stored, defaults filled in; the survey after a visit defaults to the clinic's first NPS survey. */
export function settingsOf(stored: ClinicSettings | undefined, surveys: readonly SurveySummary[]): Settings {
  const surveyId =
    stored?.surveyId === 'none' ? undefined : (stored?.surveyId ?? surveys.find((s) => s.kind === 'nps')?.id);
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    reminderMinutesBefore: [...new Set(stored?.reminderMinutesBefore ?? DEFAULT_SETTINGS.reminderMinutesBefore)],
    videoRoomUrl: stored?.videoRoomUrl,
    videoRoomUrls: stored?.videoRoomUrls ?? {},
    surveyId,
  };
}

/** Replaces the clinic's public data with `clinic`, in the caller's transaction (all or nothing). */
export async function writeClinic(tx: Queryable, clinic: ClinicFile): Promise<void> {
  // Children first; bookings, survey responses and idempotency records are patient data and stay.
  for (const table of [
    'closures',
    'availability_rules',
    'plan_rates',
    'prices',
    'surveys',
    'plans',
    'visit_types',
    'providers',
    'locations',
    'organization',
  ]) {
    // The table names come from the list above, never from input.
    await tx.query(`delete from ${table}`);
  }
  const json = (value: unknown) => JSON.stringify(value);
  await tx.query('insert into organization (id, record, settings) values ($1, $2::jsonb, $3::jsonb)', [
    clinic.organization.id,
    json(clinic.organization),
    json(clinic.settings ?? {}),
  ]);
  // One statement per table: each list goes in as one JSON parameter and is unpacked by PostgreSQL.
  await tx.query(
    `insert into locations (id, position, time_zone, record)
     select x->>'id', (n - 1)::int, x->>'timeZone', x from jsonb_array_elements($1::jsonb) with ordinality as t(x, n)`,
    [json(clinic.locations)],
  );
  await tx.query(
    `insert into providers (id, position, record)
     select x->>'id', (n - 1)::int, x from jsonb_array_elements($1::jsonb) with ordinality as t(x, n)`,
    [json(clinic.providers)],
  );
  await tx.query(
    `insert into visit_types (id, position, record, preparation, questionnaire)
     select x->>'id', (n - 1)::int, x - 'preparation' - 'questionnaire', x->>'preparation', x->>'questionnaire'
     from jsonb_array_elements($1::jsonb) with ordinality as t(x, n)`,
    [json(clinic.visitTypes)],
  );
  await tx.query(
    `insert into plans (id, position, record)
     select x->>'id', (n - 1)::int, x from jsonb_array_elements($1::jsonb) with ordinality as t(x, n)`,
    [json(clinic.plans ?? [])],
  );
  await tx.query(
    `insert into prices (service, record)
     select x->>'service', x - 'rates' from jsonb_array_elements($1::jsonb) as t(x)`,
    [json(clinic.prices ?? [])],
  );
  await tx.query(
    `insert into plan_rates (service, plan_id, rate_cents)
     select x->>'service', r.key, (r.value)::bigint
     from jsonb_array_elements($1::jsonb) as t(x), jsonb_each_text(coalesce(x->'rates', '{}'::jsonb)) as r`,
    [json(clinic.prices ?? [])],
  );
  await tx.query(
    `insert into surveys (id, position, kind, title, questionnaire)
     select x->'questionnaire'->>'id', (n - 1)::int, coalesce(x->>'kind', 'form'),
            coalesce(x->'questionnaire'->>'title', x->'questionnaire'->>'id'), x->'questionnaire'
     from jsonb_array_elements($1::jsonb) with ordinality as t(x, n)`,
    [json(clinic.surveys ?? [])],
  );
  const zones = new Map(clinic.locations.map((location) => [location.id, location.timeZone]));
  const rules = clinic.availability.map((rule, index) => ({
    id: `rule-${index + 1}`,
    provider: rule.provider,
    location: rule.location ?? null,
    timeZone: rule.timeZone ?? zones.get(rule.location ?? ''),
    weekdays: [...new Set(rule.weekdays.map(isoWeekday))].sort(),
    start: rule.start,
    end: rule.end,
    slotMinutes: rule.slotMinutes,
    visitTypes: rule.visitTypes,
    from: rule.from ?? null,
    until: rule.until ?? null,
  }));
  await tx.query(
    `insert into availability_rules
       (id, provider_id, location_id, time_zone, weekdays, start_time, end_time, slot_minutes, visit_type_ids,
        valid_from, valid_until)
     select x->>'id', x->>'provider', x->>'location', x->>'timeZone',
            array(select jsonb_array_elements_text(x->'weekdays'))::smallint[], x->>'start', x->>'end',
            (x->>'slotMinutes')::int, array(select jsonb_array_elements_text(x->'visitTypes')),
            (x->>'from')::date, (x->>'until')::date
     from jsonb_array_elements($1::jsonb) as t(x)`,
    [json(rules)],
  );
  const closures = (clinic.closures ?? []).map((closure, index) => ({ id: `closure-${index + 1}`, ...closure }));
  await tx.query(
    `insert into closures (id, provider_id, location_id, first_day, last_day, reason)
     select x->>'id', x->>'provider', x->>'location', (x->>'from')::date, (x->>'to')::date, x->>'reason'
     from jsonb_array_elements($1::jsonb) as t(x)`,
    [json(closures)],
  );
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

async function loadSnapshot(db: Database): Promise<ClinicSnapshot> {
  const [organization, locations, providers, visitTypes, plans, surveys, rules, closures] = await Promise.all([
    db.query<{ record: Organization; settings: ClinicSettings }>('select record, settings from organization limit 1'),
    db.query<{ record: Location }>('select record from locations order by position'),
    db.query<{ record: Provider }>('select record from providers order by position'),
    db.query<{ record: VisitType; preparation: string | null; questionnaire: string | null }>(
      'select record, preparation, questionnaire from visit_types order by position',
    ),
    db.query<{ record: Plan }>('select record from plans order by position'),
    db.query<SurveySummary>('select id, title, kind from surveys order by position'),
    db.query<{
      provider_id: string;
      location_id: string | null;
      time_zone: string;
      weekdays: number[];
      start_time: string;
      end_time: string;
      slot_minutes: number;
      visit_type_ids: string[];
      valid_from: string | null;
      valid_until: string | null;
    }>(
      `select provider_id, location_id, time_zone, weekdays, start_time, end_time, slot_minutes, visit_type_ids,
              valid_from::text, valid_until::text
       from availability_rules order by id`,
    ),
    db.query<{ provider_id: string | null; location_id: string | null; first_day: string; last_day: string }>(
      'select provider_id, location_id, first_day::text, last_day::text from closures',
    ),
  ]);
  const rulesByProvider = new Map<string, Rule[]>();
  for (const row of rules.rows) {
    const list = rulesByProvider.get(row.provider_id) ?? [];
    list.push({
      providerId: row.provider_id,
      locationId: row.location_id ?? undefined,
      timeZone: row.time_zone,
      weekdays: new Set(row.weekdays.map(Number)),
      startMinute: minutes(row.start_time),
      endMinute: minutes(row.end_time),
      slotMinutes: row.slot_minutes,
      visitTypeIds: row.visit_type_ids,
      validFrom: row.valid_from ?? undefined,
      validUntil: row.valid_until ?? undefined,
    });
    rulesByProvider.set(row.provider_id, list);
  }
  const locationRecords = locations.rows.map((row) => row.record);
  const providerRecords = providers.rows.map((row) => row.record);
  const surveyList = surveys.rows.map((row) => ({ id: row.id, title: row.title, kind: row.kind }));
  return {
    organization: organization.rows[0]?.record,
    settings: settingsOf(organization.rows[0]?.settings, surveyList),
    locations: locationRecords,
    locationsById: new Map(locationRecords.map((location) => [location.id, location])),
    providers: providerRecords,
    providerOrder: new Map(providerRecords.map((provider, index) => [provider.id, index])),
    visitTypes: new Map(
      visitTypes.rows.map((row) => [
        row.record.id,
        {
          record: row.record,
          preparation: row.preparation ?? undefined,
          questionnaire: row.questionnaire ?? undefined,
        },
      ]),
    ),
    plans: plans.rows.map((row) => row.record),
    surveys: surveyList,
    rulesByProvider,
    closures: closures.rows.map((row) => ({
      providerId: row.provider_id ?? undefined,
      locationId: row.location_id ?? undefined,
      firstDay: row.first_day,
      lastDay: row.last_day,
    })),
  };
}

/**
 * The clinic's public data changes only when a clinic file is imported, yet every request needs it: each server
 * process keeps one snapshot and reads it again after `maxAgeMs` (default 2 s), so an import made by another process
 * is served within seconds without a query per request.
 */
export class ClinicStore {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #maxAgeMs: number;
  #snapshot: { at: number; value: Promise<ClinicSnapshot> } | undefined;

  constructor(db: Database, clock: Clock, maxAgeMs = 2_000) {
    this.#db = db;
    this.#clock = clock;
    this.#maxAgeMs = maxAgeMs;
  }

  snapshot(): Promise<ClinicSnapshot> {
    const now = this.#clock.now();
    const current = this.#snapshot;
    if (current && now - current.at >= 0 && now - current.at < this.#maxAgeMs) return current.value;
    const value = loadSnapshot(this.#db);
    this.#snapshot = { at: now, value };
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (this.#snapshot?.value === value) this.#snapshot = undefined;
    });
    return value;
  }

  /** Forget the snapshot (after an import in this process). */
  invalidate(): void {
    this.#snapshot = undefined;
  }

  /** The price list line for a service code, with the plan's exact rate when one is published. */
  async price(service: string, planId: string | undefined): Promise<PriceInfo | undefined> {
    const rows = await this.#db.query<{ record: Omit<PriceInfo, 'currency'>; rate: string | null }>(
      `select p.record, r.rate_cents::text as rate
       from prices p left join plan_rates r on r.service = p.service and r.plan_id = $2
       where p.service = $1`,
      [service, planId ?? null],
    );
    const row = rows.rows[0];
    if (!row) return undefined;
    const currency = (await this.snapshot()).organization?.currency ?? 'USD';
    const price: PriceInfo = { ...row.record, currency };
    if (row.rate !== null) price.negotiatedRate = Number(row.rate);
    return price;
  }

  async questionnaire(id: string): Promise<Questionnaire | undefined> {
    const rows = await this.#db.query<{ questionnaire: Questionnaire }>(
      'select questionnaire from surveys where id = $1',
      [id],
    );
    return rows.rows[0]?.questionnaire;
  }
}
