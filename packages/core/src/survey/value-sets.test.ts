import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FhirServer, startFhirServer } from '../../../../test/fhir-server/server.mjs';
import { enumeratedValueSet } from '../../../../test/fhir-server/terminology.mjs';
import { closeRecordingServers, recordingServer } from '../../../../test/support/recording-server.js';
import { createFhirAdapter } from '../adapters/fhir/index.js';
import { createMemoryAdapter } from '../adapters/memory/index.js';
import { createSurveyModel } from './model.js';
import { expandForSurvey, VALUE_SET_LIST_LIMIT } from './value-sets.js';

/** answerValueSet by canonical URL, expanded through the adapter against the Medplum-backed test server. */

const LANGUAGES = 'http://example.org/fhir/ValueSet/languages';
const MEDICINES = 'http://example.org/fhir/ValueSet/medicines';
const MEDICINE_NAMES = ['Amlodipine', 'Atorvastatin', 'Lisinopril', 'Losartan', 'Metformin', 'Metoprolol'];

let server: FhirServer;

beforeAll(async () => {
  server = await startFhirServer({
    seed: [
      enumeratedValueSet(LANGUAGES, 'urn:ietf:bcp:47', [
        ['en', 'English'],
        ['es', 'Spanish'],
      ]),
      // Larger than a list: offered by type-ahead.
      enumeratedValueSet(
        MEDICINES,
        'http://example.org/medicines',
        Array.from({ length: VALUE_SET_LIST_LIMIT + 20 }, (_, i) => [
          `m${i}`,
          `${MEDICINE_NAMES[i % MEDICINE_NAMES.length]} ${i + 1} mg`,
        ]),
      ),
    ],
  });
});

afterAll(async () => {
  await server.close();
  await closeRecordingServers();
});

const form = {
  resourceType: 'Questionnaire',
  status: 'active',
  url: 'https://forms.example/Questionnaire/intake',
  item: [
    { linkId: 'language', type: 'choice', text: 'Language', required: true, answerValueSet: LANGUAGES },
    { linkId: 'medicine', type: 'open-choice', text: 'Medicine', answerValueSet: MEDICINES },
  ],
} as const;

const adapter = () => createFhirAdapter({ baseUrl: server.url, retries: 0, nextAvailableDays: 0 });
const itemOf = (model: ReturnType<typeof createSurveyModel>, linkId: string) => model.itemsByLinkId(linkId)[0]!;

describe('expandForSurvey', () => {
  it('makes a small set the item answers and a large one type-ahead, and the form completes', async () => {
    const model = createSurveyModel(form as never);
    expect(itemOf(model, 'language').unsupported?.code).toBe('value-set-unresolved');
    const fhir = adapter();

    const languages = await expandForSurvey(fhir, model, itemOf(model, 'language'));
    expect(languages.mode).toBe('list');
    expect(itemOf(model, 'language').unsupported).toBeUndefined();
    expect(itemOf(model, 'language').options.map((option) => option.label)).toEqual(['English', 'Spanish']);
    model.selectOption('language', itemOf(model, 'language').options[1]!.id);

    const medicines = await expandForSurvey(fhir, model, itemOf(model, 'medicine'));
    expect(medicines.mode).toBe('search');
    expect(medicines.codings).toHaveLength(20);
    const typed = await expandForSurvey(fhir, model, itemOf(model, 'medicine'), 'metf');
    expect(typed.mode).toBe('search');
    expect(typed.codings.length).toBeGreaterThan(0);
    expect(typed.codings.every((coding) => coding.display?.startsWith('Metformin'))).toBe(true);
    model.setAnswer('medicine', [{ valueCoding: typed.codings[0]! }]);

    expect(model.completionBlockers()).toEqual([]);
    expect(model.toResponse().item?.map((item) => item.answer)).toEqual([
      [{ valueCoding: { system: 'urn:ietf:bcp:47', code: 'es', display: 'Spanish' } }],
      [{ valueCoding: typed.codings[0] }],
    ]);
  });

  it('marks the item unreachable in place when the terminology server fails, and keeps the rest of the form', async () => {
    const closed = await recordingServer((req) => req.socket.destroy());
    const model = createSurveyModel(form as never);
    const offline = createFhirAdapter({ baseUrl: server.url, terminologyUrl: closed.origin, retries: 0 });
    const result = await expandForSurvey(offline, model, itemOf(model, 'language'));
    expect(result).toMatchObject({ mode: 'unreachable', codings: [], error: { kind: 'network' } });
    expect(itemOf(model, 'language').unsupported).toMatchObject({ code: 'value-set-unreachable' });
    expect(model.completionBlockers()).toEqual([
      { key: 'language', linkId: 'language', code: 'cannot-answer', reason: 'value-set-unreachable' },
    ]);
    expect(model.toResponse({ status: 'in-progress' }).status).toBe('in-progress');
  });

  it('leaves the item as loaded when the adapter has no terminology, and rejects on abort', async () => {
    const model = createSurveyModel(form as never);
    expect(await expandForSurvey(createMemoryAdapter(), model, itemOf(model, 'language'))).toEqual({
      mode: 'unavailable',
      codings: [],
    });
    expect(itemOf(model, 'language').unsupported?.code).toBe('value-set-unresolved');
    const controller = new AbortController();
    controller.abort();
    await expect(
      expandForSurvey(adapter(), model, itemOf(model, 'language'), '', { signal: controller.signal }),
    ).rejects.toMatchObject({ kind: 'aborted' });
    expect(itemOf(model, 'language').unsupported?.code).toBe('value-set-unresolved');
  });
});
