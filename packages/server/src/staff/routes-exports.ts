import { FrontdeskError, type Questionnaire } from '@frontdesk/core';
import { findBookings, staffBookingOf } from './bookings.js';
import { CSV_TYPE, type CsvCell, csv } from './csv.js';
import { appointmentOf, bundleOf, questionnaireResponseOf } from './fhir.js';
import type { StaffAnswer, StaffRequest } from './http.js';
import { type DayRange, queryDays, queryId, queryTimeZone } from './params.js';
import { findResponses, type ScoredRow, scoresOf } from './responses.js';
import { clinicScoring, optionLabels } from './scoring.js';
import { viewZone } from './zone.js';

/** One export holds at most this many bookings or responses: a bigger one is asked for in parts. */
const MAX_EXPORTED = 50_000;
const RANGE = { defaultDays: 31, maxDays: 366 };

function tooMany(): FrontdeskError {
  return new FrontdeskError('invalid-input', `more than ${MAX_EXPORTED} records: export a shorter range`, {
    field: 'query.from',
  });
}

/** The address FHIR identifier and code systems are named under: the public URL, or the one this request used. */
export function baseOf(request: StaffRequest): string {
  return request.api.publicUrl() ?? new URL(request.c.req.url).origin;
}

async function exportedBookings(request: StaffRequest) {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const locationId = queryId(c, 'locationId');
  const timeZone = viewZone(snapshot, queryTimeZone(c), locationId);
  const days = queryDays(c, timeZone, now, RANGE);
  const rows = await findBookings(api.db, {
    startMs: days.startMs,
    endMs: days.endMs,
    providerId: queryId(c, 'providerId'),
    locationId,
    limit: MAX_EXPORTED + 1,
  });
  if (rows.length > MAX_EXPORTED) throw tooMany();
  return { days, timeZone, bookings: rows.map((row) => staffBookingOf(row, snapshot, timeZone)) };
}

async function exportedResponses(request: StaffRequest, days: DayRange): Promise<ScoredRow[]> {
  const { api, c } = request;
  const rows = await findResponses(api.db, await clinicScoring(api.db), {
    surveyId: queryId(c, 'surveyId'),
    providerId: queryId(c, 'providerId'),
    fromMs: days.startMs,
    toMs: days.endMs,
    limit: MAX_EXPORTED + 1,
  });
  if (rows.length > MAX_EXPORTED) throw tooMany();
  return rows.reverse();
}

/** `GET /api/staff/exports/bookings.csv`: the bookings of a range of days, one line each. */
export async function exportBookingsCsv(request: StaffRequest): Promise<StaffAnswer> {
  const { days, timeZone, bookings } = await exportedBookings(request);
  await request.audit({
    action: 'export.bookings-csv',
    resourceType: 'Appointment',
    resourceIds: bookings.map((booking) => booking.id),
  });
  const text = csv(
    [
      'booking_id',
      'status',
      'attendance',
      'start',
      'end',
      'time_zone',
      'provider_id',
      'provider',
      'location_id',
      'location',
      'visit_type_id',
      'visit_type',
      'given_name',
      'family_name',
      'birth_date',
      'phone',
      'email',
      'patient_type',
      'reason',
      'created_at',
    ],
    bookings.map((b) => [
      b.id,
      b.status,
      b.attendance,
      b.start,
      b.end,
      timeZone,
      b.providerId,
      b.providerName,
      b.locationId,
      b.locationName,
      b.visitTypeId,
      b.visitTypeName,
      b.patient.givenName,
      b.patient.familyName,
      b.patient.birthDate,
      b.patient.phone,
      b.patient.email,
      b.patient.patientType,
      b.patient.reason,
      b.createdAt,
    ]),
  );
  return {
    status: 200,
    file: { text, contentType: CSV_TYPE, name: `bookings-${days.from}-to-${days.to}.csv` },
  };
}

/** An answer as stored: a FHIR `answer[x]` value, checked against its Questionnaire when it was received. */
type Answer = Record<string, unknown> & { item?: ResponseItem[] };
type ResponseItem = { linkId: string; answer?: Answer[]; item?: ResponseItem[] };

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : undefined);

function answerText(answer: Answer, labels: ReadonlyMap<string, string> | undefined): CsvCell {
  for (const [key, value] of Object.entries(answer)) {
    if (!key.startsWith('value')) continue;
    if (typeof value !== 'object' || value === null) return value as CsvCell;
    const record = value as Record<string, unknown>;
    // A coding sent without its display reads as the survey's option label.
    const label = key === 'valueCoding' && typeof record.code === 'string' ? labels?.get(record.code) : undefined;
    if (label !== undefined && record.display === undefined) return label;
    // A coding by its display, a quantity with its unit, an attachment by its title, a reference by itself.
    const parts = [text(record.display) ?? text(record.code) ?? text(record.value), text(record.unit)];
    const shown = parts.filter((part) => part !== undefined).join(' ');
    return shown || (text(record.title) ?? text(record.reference) ?? '');
  }
  return '';
}

function* answerLines(
  items: readonly ResponseItem[] | undefined,
  labels: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Generator<[string, CsvCell]> {
  for (const item of items ?? []) {
    for (const answer of item.answer ?? []) {
      yield [item.linkId, answerText(answer, labels.get(item.linkId))];
      yield* answerLines(answer.item, labels);
    }
    yield* answerLines(item.item, labels);
  }
}

/** `GET /api/staff/exports/survey-responses.csv`: one line per answer (long format), oldest response first. */
export async function exportResponsesCsv(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const timeZone = viewZone(snapshot, queryTimeZone(c));
  const days = queryDays(c, timeZone, now, RANGE);
  const rows = await exportedResponses(request, days);
  await request.audit({
    action: 'export.survey-responses-csv',
    resourceType: 'QuestionnaireResponse',
    resourceIds: rows.map((row) => row.id),
  });
  const surveys = await api.db.query<{ id: string; questionnaire: Questionnaire }>(
    'select id, questionnaire from surveys',
  );
  const labels = new Map(surveys.rows.map((survey) => [survey.id, optionLabels(survey.questionnaire)]));
  const lines: CsvCell[][] = [];
  for (const row of rows) {
    const scores = scoresOf(row);
    const score = scores.nps ?? scores.csat ?? (scores.phq9 && 'total' in scores.phq9 ? scores.phq9.total : null);
    const head = [row.id, row.survey_id, row.received_at.toISOString(), row.booking_id, row.provider_id];
    const status = row.response.status;
    const answers = [
      ...answerLines(row.response.item as ResponseItem[] | undefined, labels.get(row.survey_id) ?? new Map()),
    ];
    if (answers.length === 0) lines.push([...head, status, score, null, null]);
    for (const [linkId, text] of answers) lines.push([...head, status, score, linkId, text]);
  }
  const text = csv(
    ['response_id', 'survey_id', 'received_at', 'booking_id', 'provider_id', 'status', 'score', 'link_id', 'answer'],
    lines,
  );
  return {
    status: 200,
    file: { text, contentType: CSV_TYPE, name: `survey-responses-${days.from}-to-${days.to}.csv` },
  };
}

/**
 * `GET /api/staff/exports/fhir`: a FHIR R4 `collection` Bundle of the Appointments whose visit falls in the range
 * and the QuestionnaireResponses received in it.
 */
export async function exportFhir(request: StaffRequest): Promise<StaffAnswer> {
  const { now } = request;
  const { days, bookings } = await exportedBookings(request);
  const responses = await exportedResponses(request, days);
  const linked = await request.api.db.query<{ id: string; booking_id: string }>(
    'select id, booking_id from survey_responses where booking_id = any($1::text[]) order by received_at, id',
    [bookings.map((booking) => booking.id)],
  );
  const byBooking = new Map<string, string[]>();
  for (const row of linked.rows) byBooking.set(row.booking_id, [...(byBooking.get(row.booking_id) ?? []), row.id]);
  const base = baseOf(request);
  const bundle = bundleOf(
    [
      ...bookings.map((booking) => appointmentOf(booking, byBooking.get(booking.id) ?? [], base)),
      ...responses.map((row) => questionnaireResponseOf(row.id, row.response, row.received_at)),
    ],
    now,
  );
  await request.audit({
    action: 'export.fhir',
    resourceType: 'Appointment',
    resourceIds: bookings.map((booking) => booking.id),
  });
  await request.audit({
    action: 'export.fhir',
    resourceType: 'QuestionnaireResponse',
    resourceIds: responses.map((row) => row.id),
  });
  return { status: 200, body: bundle };
}
