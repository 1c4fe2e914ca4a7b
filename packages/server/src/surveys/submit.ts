import {
  checkQuestionnaireResponse,
  createSurveyModel,
  FrontdeskError,
  type Questionnaire,
  type QuestionnaireResponse,
  type SurveyReceipt,
} from '@frontdesk/core';
import type { Database } from '../db/database.js';
import { canonicalJson, idempotencyFailure, randomId, type StoredAnswer, sha256 } from '../idempotency.js';
import { findToken } from '../visits/tokens.js';
import { responseShapeProblem } from './response-shape.js';

const STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

/** Names the field and the problem only: answers are patient data and never go into a message. */
function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

/** `Questionnaire/nps`, `https://clinic.example/fhir/Questionnaire/nps|2`, or the survey's own canonical URL. */
function namesSurvey(reference: string, surveyId: string, questionnaire: Questionnaire): boolean {
  const [base = ''] = reference.split('|');
  if (questionnaire.url !== undefined && base === questionnaire.url) return true;
  return base === `Questionnaire/${surveyId}` || base.endsWith(`/Questionnaire/${surveyId}`);
}

const ISSUE_WORDS: Record<string, string> = {
  'unknown-link-id': 'not an item of this survey',
  'wrong-nesting': 'not at its place in this survey',
  'out-of-order': 'out of the survey order',
  'repeated-item': 'given twice but does not repeat',
  'answer-on-group': 'a group cannot have answers',
  'answer-on-display': 'a display item cannot have answers',
  'item-on-question': "a question's nested items belong under answer.item",
  'invalid-answer': 'not a valid answer',
  'answer-type': 'an answer of the wrong type',
  'answer-not-in-options': 'not one of the listed options',
  'too-many-answers': 'more answers than the item allows',
  'disabled-item': 'the item is disabled by an earlier answer and must be left out',
  'invalid-item': 'not a valid item',
  'invalid-authored': 'not a FHIR dateTime',
};

/**
 * Checks a QuestionnaireResponse against the survey it is posted to: only known elements (response-shape.ts), the
 * R4 rules of core's `checkQuestionnaireResponse` (linkIds, nesting, answer types, options, enableWhen, required
 * items of a completed response), then each answer's limits (ranges, lengths, formats) as fd-survey checks them.
 * Throws `invalid-input` naming the first problem; returns the response to store.
 */
export function checkResponse(body: unknown, surveyId: string, questionnaire: Questionnaire): QuestionnaireResponse {
  const shape = responseShapeProblem(body);
  if (shape) throw invalid(shape.field, shape.problem);
  const value = body as Record<string, unknown>;
  if (value.resourceType !== 'QuestionnaireResponse') {
    throw invalid('response.resourceType', 'expected QuestionnaireResponse');
  }
  if (typeof value.status !== 'string' || !STATUSES.has(value.status)) {
    throw invalid('response.status', 'not a QuestionnaireResponse status');
  }
  if (value.questionnaire !== undefined && typeof value.questionnaire !== 'string') {
    throw invalid('response.questionnaire', 'expected a string');
  }
  const reference = (value.questionnaire as string | undefined) ?? questionnaire.url ?? `Questionnaire/${surveyId}`;
  if (!namesSurvey(reference, surveyId, questionnaire)) {
    throw invalid('response.questionnaire', 'does not name the survey in the path');
  }
  const response = { ...value, questionnaire: reference } as unknown as QuestionnaireResponse;
  // Core's checker accepts any reference to the same Questionnaire; it is matched above already.
  const { issues } = checkQuestionnaireResponse({ ...response, questionnaire: undefined }, questionnaire);
  const first = issues[0];
  if (first) {
    if (first.code === 'required-missing') {
      throw invalid('response.item', `required item "${first.linkId ?? ''}" has no answer`);
    }
    const field = `response.${first.path || 'item'}${first.code === 'unknown-link-id' ? '.linkId' : ''}`;
    throw invalid(field, ISSUE_WORDS[first.code] ?? first.code.replaceAll('-', ' '));
  }
  const model = createSurveyModel(questionnaire, { initialAnswers: response });
  const { errors } = model.validate();
  for (const [key, found] of Object.entries(errors)) {
    // Required items follow R4's rule above (and an in-progress response may leave them out).
    const error = found.find((candidate) => candidate.code !== 'required');
    if (!error) continue;
    const linkId = model.getItem(key)?.linkId ?? key;
    throw invalid('response.item', `the answer to "${linkId}" breaks its limits (${error.code})`);
  }
  return response;
}

/** The visit an invitation links a response to: the booking, and the hash of the invitation (for the request's hash). */
export interface Invitation {
  bookingId: string;
  sha256: string;
}

/**
 * The visit an `Invitation-Token` (from the link of a survey invitation or a form before the visit) stands for. An
 * unknown or expired token, or one for another survey, is a 404.
 */
export async function invitationFor(db: Database, token: string, surveyId: string, nowMs: number): Promise<Invitation> {
  const found = await findToken(db, 'survey', token, nowMs);
  if (!found?.bookingId || found.surveyId !== surveyId) {
    throw new FrontdeskError('not-found', 'no invitation to this survey with this token', {
      field: 'Invitation-Token',
    });
  }
  return { bookingId: found.bookingId, sha256: sha256(token) };
}

/**
 * Stores a checked response once per idempotency key, in one transaction with the key's record: 201 and a new
 * receipt, or 200 and the first receipt with status `duplicate`. The same key with other answers is refused (422),
 * never silently dropped. With an invitation the response is linked to its visit, at most one per visit and survey
 * (a second is a 409).
 */
export async function storeResponse(
  db: Database,
  surveyId: string,
  response: QuestionnaireResponse,
  idempotencyKey: string,
  nowMs: number,
  invitation?: Invitation,
): Promise<StoredAnswer> {
  const id = randomId('qr');
  try {
    const rows = await db.query<{ status: number; response: SurveyReceipt }>(
      'select status, response from store_survey_response($1, $2, $3, $4, $5::jsonb, $6, $7)',
      [
        idempotencyKey,
        sha256(canonicalJson({ surveyId, response, invitation: invitation?.sha256 })),
        id,
        surveyId,
        JSON.stringify({ ...response, id }),
        new Date(nowMs),
        invitation?.bookingId ?? null,
      ],
    );
    const row = rows.rows[0]!;
    return { status: row.status, body: { id: row.response.id, status: row.response.status } };
  } catch (error) {
    idempotencyFailure(error, {
      message: 'this visit already has a response to this survey',
      field: 'Invitation-Token',
    });
  }
}
