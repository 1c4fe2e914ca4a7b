import * as z from 'zod/mini';
import type { SubmitSurveyOptions } from '../../adapter.js';
import { FrontdeskError } from '../../errors.js';
import {
  Questionnaire,
  type QuestionnaireResponse,
  SurveyReceipt,
  SurveySummary,
} from '../../schemas/questionnaire.js';
import { type Listing, parseOrThrow } from '../../schemas/validate.js';
import type { FhirClient } from './client.js';
import { FHIR_EXTENSIONS, FHIR_SYSTEMS } from './conventions.js';
import { extensionOf, isFhirId, isObject, type Json, text } from './elements.js';
import { ListingBuilder } from './listing.js';

const KINDS = new Set(['nps', 'csat', 'likert', 'form']);

/** Safe inside a token search (`system|value`): no `,`, `|` or `\`, which FHIR search gives meanings. */
const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,200}$/));

const RESPONSE_STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

export function surveySummaryFromFhir(questionnaire: Json): unknown {
  const kind = extensionOf(questionnaire, FHIR_EXTENSIONS.surveyKind)?.valueCode;
  return {
    id: questionnaire.id,
    title: text(questionnaire.title) ?? text(questionnaire.name) ?? questionnaire.id,
    ...(typeof kind === 'string' && KINDS.has(kind) ? { kind } : {}),
  };
}

export async function listSurveys(
  client: FhirClient,
  pageSize: number,
  signal: AbortSignal | undefined,
): Promise<Listing<SurveySummary>> {
  const found = await client.search(
    'Questionnaire',
    [
      ['status', 'active'],
      ['_count', String(pageSize)],
    ],
    signal,
  );
  const listing = new ListingBuilder(SurveySummary, 'surveys');
  listing.drop(...found.dropped);
  found.matches.forEach((questionnaire, index) => {
    listing.add(surveySummaryFromFhir(questionnaire), questionnaire, index);
  });
  return listing.build();
}

/**
 * A Questionnaire by id (`phq-9`, `Questionnaire/phq-9`) or by canonical URL (`https://.../Questionnaire/phq-9`,
 * optionally `|version`), found with a `url` search.
 */
export async function getSurvey(
  client: FhirClient,
  id: string,
  signal: AbortSignal | undefined,
): Promise<Questionnaire> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 4096) {
    throw new FrontdeskError('not-found', 'no survey with this id', { field: 'id' });
  }
  if (/^(https?:|urn:)/.test(id)) {
    const [canonical = '', version] = id.split('|', 2);
    const params: Array<[string, string]> = [
      ['url', canonical],
      ['_count', '1'],
    ];
    if (version) params.push(['version', version]);
    const [found] = await client.searchFirstPage('Questionnaire', params, signal);
    if (!found) throw new FrontdeskError('not-found', 'no survey with this canonical URL', { field: 'id' });
    return parseOrThrow(Questionnaire, found, 'survey');
  }
  const plain = id.startsWith('Questionnaire/') ? id.slice('Questionnaire/'.length) : id;
  const { resource } = await client.read('Questionnaire', plain, signal);
  return parseOrThrow(Questionnaire, resource, 'survey');
}

/** The first resource of `type` carrying this identifier token (`system|value`), if any. */
export async function findByIdentifier(
  client: FhirClient,
  type: string,
  token: string,
  signal: AbortSignal | undefined,
): Promise<Json | undefined> {
  const matches = await client.searchFirstPage(
    type,
    [
      ['identifier', token],
      ['_count', '2'],
    ],
    signal,
  );
  return matches[0];
}

/** `Appointment/<bookingId>` as a subject, after checking the visit has no response to this Questionnaire yet. */
async function visitSubject(
  client: FhirClient,
  response: Pick<QuestionnaireResponse, 'questionnaire'>,
  options: SubmitSurveyOptions,
): Promise<Json> {
  const id = options.bookingId;
  if (!isFhirId(id)) {
    throw new FrontdeskError('invalid-input', 'bookingId: not an Appointment id', { field: 'bookingId' });
  }
  const reference = `Appointment/${id}`;
  const earlier = await client.search('QuestionnaireResponse', [['subject', reference]], options.signal);
  if (earlier.matches.some((found) => found.questionnaire === response.questionnaire)) {
    throw new FrontdeskError('conflict', 'this visit already has a response to this survey', { field: 'bookingId' });
  }
  return { reference };
}

/**
 * Store a QuestionnaireResponse once per idempotency key: the key becomes its `identifier`, looked for before the
 * create (servers without conditional create) and sent as `If-None-Exist` (servers that race two retries).
 */
export async function submitSurvey(
  client: FhirClient,
  response: QuestionnaireResponse,
  options: SubmitSurveyOptions,
): Promise<SurveyReceipt> {
  const key = parseOrThrow(IdempotencyKey, options?.idempotencyKey, 'idempotencyKey', 'invalid-input');
  if (!isObject(response) || response.resourceType !== 'QuestionnaireResponse') {
    throw new FrontdeskError('invalid-input', 'response.resourceType: expected a QuestionnaireResponse', {
      field: 'response.resourceType',
    });
  }
  if (!RESPONSE_STATUSES.has(String(response.status))) {
    throw new FrontdeskError('invalid-input', 'response.status: not a QuestionnaireResponse status', {
      field: 'response.status',
    });
  }
  const token = `${FHIR_SYSTEMS.idempotencyKey}|${key}`;
  const signal = options.signal;
  const existing = await findByIdentifier(client, 'QuestionnaireResponse', token, signal);
  if (existing) return parseOrThrow(SurveyReceipt, { id: existing.id, status: 'duplicate' }, 'receipt');

  const { id: _clientId, meta: _meta, ...body } = response as QuestionnaireResponse & { meta?: unknown };
  // About a visit: the Appointment is its subject (R4's `subject` takes any resource), one response per visit.
  const subject = options.bookingId === undefined ? undefined : await visitSubject(client, body, options);
  const created = await client.create(
    'QuestionnaireResponse',
    { ...body, ...(subject ? { subject } : {}), identifier: { system: FHIR_SYSTEMS.idempotencyKey, value: key } },
    {
      ifNoneExist: `identifier=${token}`,
      signal,
      find: () => findByIdentifier(client, 'QuestionnaireResponse', token, undefined),
    },
  );
  return parseOrThrow(
    SurveyReceipt,
    { id: created.resource.id, status: created.status === 201 ? 'received' : 'duplicate' },
    'receipt',
  );
}
