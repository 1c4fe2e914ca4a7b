import type { PatientDetails } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';
import { type ScoredRow, withScores } from './responses.js';
import { bandOf, type Phq9Band, type SurveyScoring, scoringParameter } from './scoring.js';

/**
 * PHQ-9 answers whose item 9 ("thoughts that you would be better off dead, or of hurting yourself") is above 0. Each
 * stays open, at the top of the console for clinicians, until someone marks it handled (an audited act).
 */
export interface StaffFlag {
  responseId: string;
  surveyId: string;
  receivedAt: string;
  bookingId: string | null;
  providerId: string | null;
  item9: { score: number; label: string | null };
  /** The total and its band, when all nine items were answered. */
  phq9: { total: number; band: Phq9Band } | null;
  /** Who it is, from the booking the response is about (null when it is about no known visit). */
  patient: Pick<PatientDetails, 'givenName' | 'familyName' | 'birthDate' | 'phone'> | null;
  status: 'open' | 'handled';
  handledAt: string | null;
  handledBy: string | null;
  note: string | null;
}

type FlagRow = ScoredRow & { patient: PatientDetails | null };

function flagOf(row: FlagRow, scorings: readonly SurveyScoring[]): StaffFlag {
  const scale = scorings.find((s) => s.surveyId === row.survey_id)?.scale ?? [];
  const score = row.item9 ?? 0;
  return {
    responseId: row.id,
    surveyId: row.survey_id,
    receivedAt: row.received_at.toISOString(),
    bookingId: row.booking_id,
    providerId: row.provider_id,
    item9: { score, label: scale.find((point) => point.value === score)?.label ?? null },
    phq9: row.answered === 9 && row.total !== null ? { total: row.total, band: bandOf(row.total) } : null,
    patient: row.patient
      ? {
          givenName: row.patient.givenName,
          familyName: row.patient.familyName,
          birthDate: row.patient.birthDate,
          phone: row.patient.phone,
        }
      : null,
    status: row.handled_at ? 'handled' : 'open',
    handledAt: row.handled_at?.toISOString() ?? null,
    handledBy: row.handled_by,
    note: row.handled_note,
  };
}

const FLAGGED = `select s.*, b.patient from scored s left join bookings b on b.id = s.booking_id
  where s.kind = 'phq9' and s.item9 > 0`;

/** Open flags first (oldest first: the longest waiting on top), then handled ones (newest first). */
export async function findFlags(
  db: Queryable,
  scorings: readonly SurveyScoring[],
  status: 'open' | 'handled' | 'all',
  limit: number,
): Promise<StaffFlag[]> {
  const rows = await db.query<FlagRow>(
    withScores(`${FLAGGED}
      and ($2::text = 'all' or ($2 = 'open') = (s.handled_at is null))
      order by (s.handled_at is null) desc,
               case when s.handled_at is null then s.received_at end asc,
               s.handled_at desc, s.id
      limit $3`),
    [scoringParameter(scorings), status, limit],
  );
  return rows.rows.map((row) => flagOf(row, scorings));
}

export async function findFlag(
  db: Queryable,
  scorings: readonly SurveyScoring[],
  responseId: string,
): Promise<StaffFlag | undefined> {
  const rows = await db.query<FlagRow>(withScores(`${FLAGGED} and s.id = $2`), [
    scoringParameter(scorings),
    responseId,
  ]);
  return rows.rows[0] && flagOf(rows.rows[0], scorings);
}

/** Marks a flag handled (once: a second mark keeps the first). */
export async function markFlagHandled(
  tx: Queryable,
  responseId: string,
  handledBy: string,
  note: string | null,
  nowMs: number,
): Promise<boolean> {
  const result = await tx.query(
    `insert into survey_flags_handled (response_id, handled_by, handled_at, note) values ($1, $2, $3, $4)
     on conflict (response_id) do nothing`,
    [responseId, handledBy, new Date(nowMs), note],
  );
  return result.rowCount > 0;
}
