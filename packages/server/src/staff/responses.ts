import type { QuestionnaireResponse } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';
import { bandOf, type Phq9Band, type ScoreKind, type SurveyScoring, scoringParameter } from './scoring.js';

/**
 * Stored survey responses with their scores, computed in SQL: `scored` is every response with its survey's kind,
 * the sum and count of its scored answers (`fd_answer_score`), the PHQ-9 item 9 score, the provider of the visit it
 * is about, and whether its flag was handled. Every query here binds the scoring (scoring.ts) as `$1`.
 */
const SCORED = `
  with spec as (
    select key as survey_id, value ->> 'kind' as kind, value -> 'items' as items from jsonb_each($1::jsonb)
  ),
  scored as (
    select r.id, r.survey_id, r.received_at, r.booking_id, r.response, b.provider_id, spec.kind,
           sc.total, sc.answered, sc.item9, h.handled_at, h.handled_by, h.note as handled_note,
           coalesce(r.response ->> 'status', 'completed') in ('completed', 'amended') as complete
    from survey_responses r
    left join spec on spec.survey_id = r.survey_id
    left join bookings b on b.id = r.booking_id
    left join survey_flags_handled h on h.response_id = r.id
    left join lateral (
      select sum(x)::float8 as total, count(x)::int as answered, (max(x) filter (where n = 9))::float8 as item9
      from (
        select fd_answer_score(r.response, i ->> 'linkId', i -> 'ordinals') as x, n
        from jsonb_array_elements(spec.items) with ordinality as t(i, n)
      ) answers
    ) sc on true
  )`;

export function withScores(sql: string): string {
  return `${SCORED} ${sql}`;
}

export interface ScoredRow {
  id: string;
  survey_id: string;
  received_at: Date;
  booking_id: string | null;
  response: QuestionnaireResponse;
  provider_id: string | null;
  kind: ScoreKind | null;
  total: number | null;
  answered: number;
  item9: number | null;
  handled_at: Date | null;
  handled_by: string | null;
  handled_note: string | null;
  complete: boolean;
}

/** The scores of one response, as staff see them. */
export interface ResponseScores {
  nps?: number;
  csat?: number;
  phq9?: { total: number; band: Phq9Band; item9: number } | { answered: number; item9: number | null };
}

export interface StaffSurveyResponse {
  id: string;
  surveyId: string;
  surveyTitle: string | null;
  receivedAt: string;
  bookingId: string | null;
  providerId: string | null;
  scores: ResponseScores;
  /** PHQ-9 item 9 above 0: open until someone marks it handled. */
  flag: { status: 'open' | 'handled'; handledAt: string | null; handledBy: string | null } | null;
  response: QuestionnaireResponse;
}

export function scoresOf(row: ScoredRow): ResponseScores {
  if (row.kind === 'phq9') {
    return {
      phq9:
        row.answered === 9 && row.total !== null && row.item9 !== null
          ? { total: row.total, band: bandOf(row.total), item9: row.item9 }
          : { answered: row.answered, item9: row.item9 },
    };
  }
  if ((row.kind === 'nps' || row.kind === 'csat') && row.total !== null) return { [row.kind]: row.total };
  return {};
}

export function staffResponseOf(row: ScoredRow, titles: ReadonlyMap<string, string>): StaffSurveyResponse {
  const flagged = row.kind === 'phq9' && (row.item9 ?? 0) > 0;
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyTitle: titles.get(row.survey_id) ?? null,
    receivedAt: row.received_at.toISOString(),
    bookingId: row.booking_id,
    providerId: row.provider_id,
    scores: scoresOf(row),
    flag: flagged
      ? {
          status: row.handled_at ? 'handled' : 'open',
          handledAt: row.handled_at?.toISOString() ?? null,
          handledBy: row.handled_by,
        }
      : null,
    response: row.response,
  };
}

export interface ResponseFilter {
  surveyId?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  providerId?: string | undefined;
  bookingId?: string | undefined;
  /** `received_at|id` of the last row of the previous page. */
  after?: { receivedAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest first, filtered by survey, time received, the visit's provider or the booking. */
export async function findResponses(
  db: Queryable,
  scorings: readonly SurveyScoring[],
  filter: ResponseFilter,
): Promise<ScoredRow[]> {
  const rows = await db.query<ScoredRow>(
    withScores(`
      select * from scored
      where ($2::text is null or survey_id = $2) and ($3::timestamptz is null or received_at >= $3)
        and ($4::timestamptz is null or received_at < $4) and ($5::text is null or provider_id = $5)
        and ($6::text is null or booking_id = $6)
        and ($7::timestamptz is null or (received_at, id) < ($7, $8::text))
      order by received_at desc, id desc limit $9`),
    [
      scoringParameter(scorings),
      filter.surveyId ?? null,
      filter.fromMs === undefined ? null : new Date(filter.fromMs),
      filter.toMs === undefined ? null : new Date(filter.toMs),
      filter.providerId ?? null,
      filter.bookingId ?? null,
      filter.after?.receivedAt ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
  return rows.rows;
}

export async function findResponse(
  db: Queryable,
  scorings: readonly SurveyScoring[],
  id: string,
): Promise<ScoredRow | undefined> {
  const rows = await db.query<ScoredRow>(withScores('select * from scored where id = $2'), [
    scoringParameter(scorings),
    id,
  ]);
  return rows.rows[0];
}

/** A page cursor: the last row's time and id, opaque to clients. */
export function cursorOf(row: ScoredRow): string {
  return Buffer.from(`${row.received_at.toISOString()}|${row.id}`).toString('base64url');
}

export function parseCursor(cursor: string): { receivedAt: Date; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  return id && !Number.isNaN(receivedAt.getTime()) && /^[A-Za-z0-9_-]{1,100}$/.test(id)
    ? { receivedAt, id }
    : undefined;
}
