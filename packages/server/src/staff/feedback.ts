import { shiftDayKey } from '@frontdesk/core';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { Queryable } from '../db/database.js';
import { localDay } from '../scheduling/local-time.js';
import { withScores } from './responses.js';
import { PHQ9_BANDS, type Phq9Band, type SurveyScoring, scoringParameter } from './scoring.js';

/**
 * What the console draws: per provider and for the whole clinic, the NPS score and its trend by ISO week, the CSAT
 * distribution, the PHQ-9 severity bands and the response counts, all counted by PostgreSQL from the stored
 * responses (completed or amended ones; the visit's provider through the booking a response is about).
 */
export interface NpsCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, -100 to 100; null without responses. */
  score: number | null;
}

export interface FeedbackGroup {
  responses: { total: number; bySurvey: { surveyId: string; title: string | null; count: number }[] };
  nps: NpsCounts & { trend: (NpsCounts & { week: string; weekStart: string })[] };
  csat: {
    responses: number;
    /** Mean rating, two decimals; null without responses. */
    mean: number | null;
    /** Share (0-100, whole) of ratings in the top two points of the scale. */
    satisfiedPercent: number | null;
    distribution: { value: number; label: string; count: number }[];
  };
  phq9: {
    responses: number;
    bands: { band: Phq9Band; min: number; max: number; count: number }[];
    /** Responses whose item 9 is above 0. */
    item9Positive: number;
  };
}

export interface FeedbackSummary {
  from: string;
  to: string;
  timeZone: string;
  /** Every ISO week of the range, oldest first: the trend's x axis. */
  weeks: { week: string; weekStart: string }[];
  surveys: { surveyId: string; title: string; kind: string }[];
  overall: FeedbackGroup;
  providers: ({ providerId: string; providerName: string | null } & FeedbackGroup)[];
}

interface Scope {
  /** The whole clinic (a grouping set without the provider). */
  overall: boolean;
  provider_id: string | null;
}

const OVERALL = '\u0000overall';
const scopeKey = (row: Scope) => (row.overall ? OVERALL : row.provider_id);

export function isoWeekOf(dayKey: string): string {
  const { year, month, day } = localDay(dayKey);
  const date = new Date(year, month - 1, day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** The Monday of the ISO week holding `dayKey`. */
export function mondayOf(dayKey: string): string {
  return shiftDayKey(dayKey, 1 - localDay(dayKey).isoWeekday);
}

function npsOf(responses: number, promoters: number, detractors: number): NpsCounts {
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    score: responses === 0 ? null : Math.round((100 * (promoters - detractors)) / responses),
  };
}

function emptyGroup(weeks: FeedbackSummary['weeks'], csatScale: { value: number; label: string }[]): FeedbackGroup {
  return {
    responses: { total: 0, bySurvey: [] },
    nps: { ...npsOf(0, 0, 0), trend: weeks.map((week) => ({ ...week, ...npsOf(0, 0, 0) })) },
    csat: {
      responses: 0,
      mean: null,
      satisfiedPercent: null,
      distribution: csatScale.map((point) => ({ ...point, count: 0 })),
    },
    phq9: { responses: 0, bands: PHQ9_BANDS.map((band) => ({ ...band, count: 0 })), item9Positive: 0 },
  };
}

export interface FeedbackQuery {
  /** Local days, inclusive, in `timeZone`. */
  from: string;
  to: string;
  startMs: number;
  endMs: number;
  timeZone: string;
  providerId?: string | undefined;
}

export async function feedbackSummary(
  db: Queryable,
  scorings: readonly SurveyScoring[],
  titles: ReadonlyMap<string, string>,
  providerNames: ReadonlyMap<string, string>,
  query: FeedbackQuery,
): Promise<FeedbackSummary> {
  const weeks: FeedbackSummary['weeks'] = [];
  for (let monday = mondayOf(query.from); monday <= query.to; monday = shiftDayKey(monday, 7)) {
    weeks.push({ week: isoWeekOf(monday), weekStart: monday });
  }
  // CSAT surveys may differ in scale: the distribution runs over the union of their points.
  const csatScale = [
    ...new Map(
      scorings.filter((s) => s.kind === 'csat').flatMap((s) => s.scale.map((point) => [point.value, point] as const)),
    ).values(),
  ].sort((a, b) => a.value - b.value);
  const satisfiedFrom = csatScale.length >= 2 ? csatScale.at(-2)!.value : Number.POSITIVE_INFINITY;

  const params = [scoringParameter(scorings), new Date(query.startMs), new Date(query.endMs), query.timeZone];
  const inRange = `from scored where complete and received_at >= $2 and received_at < $3`;
  const grouped = `grouping(provider_id) = 1 as overall, provider_id`;
  const [counts, nps, csat, phq9] = await Promise.all([
    db.query<Scope & { survey_id: string; count: number }>(
      withScores(`select ${grouped}, survey_id, count(*)::int as count ${inRange}
                  group by grouping sets ((provider_id, survey_id), (survey_id))`),
      params.slice(0, 3),
    ),
    db.query<Scope & { week: string | null; responses: number; promoters: number; detractors: number }>(
      withScores(`select ${grouped}, case when grouping(week) = 0 then week end as week,
                    count(*)::int as responses, count(*) filter (where total >= 9)::int as promoters,
                    count(*) filter (where total <= 6)::int as detractors
                  from (select provider_id, total,
                               to_char(date_trunc('week', received_at at time zone $4), 'YYYY-MM-DD') as week
                        ${inRange} and kind = 'nps' and answered = 1) nps
                  group by grouping sets ((provider_id, week), (provider_id), (week), ())`),
      params,
    ),
    db.query<Scope & { value: number; count: number }>(
      withScores(`select ${grouped}, total as value, count(*)::int as count
                  ${inRange} and kind = 'csat' and answered = 1
                  group by grouping sets ((provider_id, total), (total))`),
      params.slice(0, 3),
    ),
    db.query<Scope & { total: number; count: number; item9_positive: number }>(
      withScores(`select ${grouped}, total, count(*)::int as count,
                    count(*) filter (where item9 > 0)::int as item9_positive
                  ${inRange} and kind = 'phq9' and answered = 9
                  group by grouping sets ((provider_id, total), (total))`),
      params.slice(0, 3),
    ),
  ]);

  const groups = new Map<string | null, FeedbackGroup>();
  const groupOf = (row: Scope) => {
    const key = scopeKey(row);
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup(weeks, csatScale);
      groups.set(key, group);
    }
    return group;
  };
  groupOf({ overall: true, provider_id: null });

  for (const row of counts.rows) {
    const group = groupOf(row);
    group.responses.total += row.count;
    group.responses.bySurvey.push({
      surveyId: row.survey_id,
      title: titles.get(row.survey_id) ?? null,
      count: row.count,
    });
  }
  for (const row of nps.rows) {
    const counted = npsOf(row.responses, row.promoters, row.detractors);
    const group = groupOf(row);
    if (row.week === null) Object.assign(group.nps, counted);
    else {
      const point = group.nps.trend.find((week) => week.weekStart === row.week);
      if (point) Object.assign(point, counted);
    }
  }
  for (const row of csat.rows) {
    const group = groupOf(row);
    const point = group.csat.distribution.find((p) => p.value === row.value);
    if (point) point.count += row.count;
    else group.csat.distribution.push({ value: row.value, label: String(row.value), count: row.count });
  }
  for (const group of groups.values()) {
    const { distribution } = group.csat;
    const n = distribution.reduce((sum, p) => sum + p.count, 0);
    group.csat.responses = n;
    if (n > 0) {
      group.csat.mean = Math.round((100 * distribution.reduce((sum, p) => sum + p.value * p.count, 0)) / n) / 100;
      const satisfied = distribution.filter((p) => p.value >= satisfiedFrom).reduce((sum, p) => sum + p.count, 0);
      group.csat.satisfiedPercent = Math.round((100 * satisfied) / n);
    }
  }
  for (const row of phq9.rows) {
    const group = groupOf(row);
    const band = group.phq9.bands.find((b) => row.total >= b.min && row.total <= b.max);
    if (band) band.count += row.count;
    group.phq9.responses += row.count;
    group.phq9.item9Positive += row.item9_positive;
  }

  const providers = [...groups.entries()]
    .filter((entry): entry is [string, FeedbackGroup] => entry[0] !== OVERALL && entry[0] !== null)
    .filter(([id]) => query.providerId === undefined || id === query.providerId)
    .map(([providerId, group]) => ({ providerId, providerName: providerNames.get(providerId) ?? null, ...group }))
    .sort((a, b) => (a.providerName ?? a.providerId).localeCompare(b.providerName ?? b.providerId));
  return {
    from: query.from,
    to: query.to,
    timeZone: query.timeZone,
    weeks,
    surveys: scorings.map((s) => ({ surveyId: s.surveyId, title: titles.get(s.surveyId) ?? s.title, kind: s.kind })),
    overall: groups.get(OVERALL)!,
    providers,
  };
}
