import { list } from '../http/api.js';
import { feedbackSummary } from './feedback.js';
import { findFlag, findFlags, markFlagHandled } from './flags.js';
import { notFound, type StaffAnswer, type StaffRequest } from './http.js';
import {
  invalid,
  pathId,
  queryCursor,
  queryDays,
  queryEnum,
  queryId,
  queryLimit,
  queryTimeZone,
  readFields,
} from './params.js';
import { cursorOf, findResponse, findResponses, parseCursor, staffResponseOf } from './responses.js';
import { clinicScoring } from './scoring.js';
import { viewZone } from './zone.js';

async function surveyTitles(request: StaffRequest): Promise<Map<string, string>> {
  const snapshot = await request.api.store.snapshot();
  return new Map(snapshot.surveys.map((survey) => [survey.id, survey.title]));
}

/**
 * `GET /api/staff/survey-responses`: newest first, by survey, days received (`from`, `to` in `timeZone`), the
 * visit's provider or the booking; pages of `limit` (default 50, at most 200) with `cursor`.
 */
export async function listResponses(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const timeZone = viewZone(snapshot, queryTimeZone(c));
  const hasRange = ['date', 'from', 'to'].some((name) => c.req.query(name) !== undefined);
  const days = hasRange ? queryDays(c, timeZone, now, { defaultDays: 1, maxDays: 3_660 }) : undefined;
  const cursor = queryCursor(c, /^[A-Za-z0-9_-]+$/);
  const after = cursor === undefined ? undefined : parseCursor(cursor);
  if (cursor !== undefined && !after) throw invalid('query.cursor', 'not a cursor this server gave');
  const limit = queryLimit(c, 50, 200);
  const scorings = await clinicScoring(api.db);
  const rows = await findResponses(api.db, scorings, {
    surveyId: queryId(c, 'surveyId'),
    fromMs: days?.startMs,
    toMs: days?.endMs,
    providerId: queryId(c, 'providerId'),
    bookingId: queryId(c, 'bookingId'),
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  await request.audit({
    action: 'survey-response.search',
    resourceType: 'QuestionnaireResponse',
    resourceIds: page.map((row) => row.id),
  });
  const titles = await surveyTitles(request);
  return {
    status: 200,
    body: {
      timeZone,
      data: page.map((row) => staffResponseOf(row, titles)),
      nextCursor: rows.length > limit ? cursorOf(page.at(-1)!) : null,
    },
  };
}

/** `GET /api/staff/survey-responses/{responseId}` */
export async function getResponse(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const id = pathId(c, 'responseId', 'survey response');
  const row = await findResponse(api.db, await clinicScoring(api.db), id);
  if (!row) throw notFound('survey response', 'responseId');
  await request.audit({ action: 'survey-response.read', resourceType: 'QuestionnaireResponse', resourceIds: [id] });
  return { status: 200, body: staffResponseOf(row, await surveyTitles(request)) };
}

/**
 * `GET /api/staff/feedback`: the console's charts, per provider and overall, for the days `from` to `to` (default:
 * the last 12 weeks) in `timeZone`.
 */
export async function getFeedback(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const timeZone = viewZone(snapshot, queryTimeZone(c));
  const days = queryDays(c, timeZone, now, { defaultDays: 84, maxDays: 371 });
  const providerId = queryId(c, 'providerId');
  const scorings = await clinicScoring(api.db);
  const summary = await feedbackSummary(
    api.db,
    scorings,
    new Map(snapshot.surveys.map((survey) => [survey.id, survey.title])),
    new Map(snapshot.providers.map((provider) => [provider.id, provider.displayName])),
    { ...days, timeZone, providerId },
  );
  await request.audit({
    action: 'feedback.read',
    details: { from: days.from, to: days.to, providerId: providerId ?? null },
  });
  return { status: 200, body: summary };
}

/** `GET /api/staff/flags`: PHQ-9 item 9 answers above 0, open ones first (`status`: open, handled or all). */
export async function listFlags(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c } = request;
  const status = queryEnum(c, 'status', ['open', 'handled', 'all'] as const) ?? 'open';
  const limit = queryLimit(c, 100, 500);
  const flags = await findFlags(api.db, await clinicScoring(api.db), status, limit);
  await request.audit({
    action: 'flag.search',
    resourceType: 'QuestionnaireResponse',
    resourceIds: flags.map((flag) => flag.responseId),
    details: { status },
  });
  return list(flags);
}

/** `POST /api/staff/flags/{responseId}/handled`: marks a flag handled, with an optional note; audited. */
export async function handleFlag(request: StaffRequest): Promise<StaffAnswer> {
  const { api, c, now } = request;
  const id = pathId(c, 'responseId', 'flagged answer');
  const body = await readFields(c, ['note']);
  if (body.note !== undefined && body.note !== null && (typeof body.note !== 'string' || body.note.length > 2000)) {
    throw invalid('request.note', 'expected a text of at most 2000 characters');
  }
  const note = typeof body.note === 'string' && body.note.trim() !== '' ? body.note.trim() : null;
  const scorings = await clinicScoring(api.db);
  const flag = await api.db.transaction(async (tx) => {
    if (!(await findFlag(tx, scorings, id))) throw notFound('flagged answer', 'responseId');
    const first = await markFlagHandled(tx, id, request.actor.id ?? '', note, now);
    await request.audit(
      {
        action: 'flag.handle',
        resourceType: 'QuestionnaireResponse',
        resourceIds: [id],
        details: { alreadyHandled: !first, withNote: note !== null },
      },
      tx,
    );
    return (await findFlag(tx, scorings, id))!;
  });
  return { status: 200, body: flag };
}
