import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeRecordingServers, recordingServer } from '../../../../test/support/recording-server.js';
import type { FrontdeskAdapter } from '../adapter.js';
import { FrontdeskError } from '../errors.js';
import { createFhirAdapter } from './fhir/index.js';
import { createMemoryAdapter } from './memory/index.js';
import { createRestAdapter } from './rest/index.js';
import { createSmartSchedulingLinksAdapter } from './smart-scheduling-links/index.js';

// Every adapter method fails with a FrontdeskError, whatever went wrong underneath: completeAdapter() wraps the
// unexpected at one place. These throw odd things through each built-in adapter: from the caller's arguments (a
// host page's object whose getters throw) and from a real server answering JSON nested 20 000 levels deep.

const DEPTH = 20_000;
const deep = (leaf: string) => `${'{"a":['.repeat(DEPTH)}${leaf}${']}'.repeat(DEPTH)}`;
const DEEP = deep('1');
const WEEK = { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z' };

/** A real RangeError, as the platform throws it for a value nested too deeply. */
const RANGE_ERROR = (() => {
  try {
    JSON.stringify(JSON.parse(DEEP));
  } catch (error) {
    if (error instanceof RangeError) return error;
  }
  throw new Error('expected JSON.stringify to overflow');
})();

const ODD_THINGS: Array<[string, () => unknown]> = [
  ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'id')")],
  ['a RangeError from deep JSON', () => RANGE_ERROR],
  ['a string', () => 'token expired'],
  ['a plain object', () => ({ code: 42 })],
];

/** An argument whose every read throws `thrown()`: a host page's object gone wrong. */
const hostile = (thrown: () => unknown): never =>
  new Proxy(
    {},
    {
      get() {
        throw thrown();
      },
      has() {
        throw thrown();
      },
      ownKeys() {
        throw thrown();
      },
      getOwnPropertyDescriptor() {
        throw thrown();
      },
    },
  ) as never;

/** Every call of the interface with `arg` in each argument position. */
function calls(adapter: FrontdeskAdapter, arg: never): Array<[string, () => Promise<unknown>]> {
  return [
    ['getOrganization', () => adapter.getOrganization(arg)],
    ['listLocations', () => adapter.listLocations(arg)],
    ['listProviders', () => adapter.listProviders(arg)],
    ['getProvider', () => adapter.getProvider(arg, arg)],
    ['listVisitTypes', () => adapter.listVisitTypes(arg)],
    ['listSlots', () => adapter.listSlots(arg, arg)],
    ['book', () => adapter.book(arg, arg)],
    ['getPrice', () => adapter.getPrice(arg, arg)],
    ['listPlans', () => adapter.listPlans(arg)],
    ['listSurveys', () => adapter.listSurveys(arg)],
    ['getSurvey', () => adapter.getSurvey(arg, arg)],
    ['submitSurvey', () => adapter.submitSurvey(arg, arg)],
  ];
}

/** What a call ended in: a value, or the error it rejected with. */
async function settle(call: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

let origin: string;

beforeEach(async () => {
  // Deep JSON in every shape the adapters read: a REST listing, a FHIR Bundle, a $bulk-publish manifest, NDJSON.
  ({ origin } = await recordingServer((_req, res, hit) => {
    const path = hit.url.pathname;
    res.writeHead(200, { 'Content-Type': path.endsWith('.ndjson') ? 'application/fhir+ndjson' : 'application/json' });
    if (path.endsWith('.ndjson'))
      res.end(`${deep('{"resourceType":"Slot"}')}\n{"resourceType":"Slot","extension":[${DEEP}]}\n`);
    else if (path.endsWith('$bulk-publish'))
      res.end(
        `{"output":[{"type":"Slot","url":"/slots.ndjson","extension":${DEEP}},{"type":"Location","url":"/l.ndjson"}]}`,
      );
    else
      res.end(
        `{"resourceType":"Bundle","type":"searchset","id":"x","data":[${DEEP}],"entry":[{"resource":{"resourceType":"Organization","id":"o","name":"x","extension":[${DEEP}]}},{"resource":${DEEP}}],"extension":[${DEEP}]}`,
      );
  }));
});

afterEach(closeRecordingServers);

function adapters(): FrontdeskAdapter[] {
  return [
    createMemoryAdapter({ now: '2026-03-02T12:00:00Z' }),
    createRestAdapter({ baseUrl: origin, retries: 0 }),
    createFhirAdapter({ baseUrl: `${origin}/fhir`, retries: 0, nextAvailableDays: 0 }),
    createSmartSchedulingLinksAdapter({ manifestUrl: `${origin}/$bulk-publish`, retries: 0 }),
  ];
}

describe('every adapter failure is a FrontdeskError', () => {
  for (const [what, thrown] of ODD_THINGS) {
    it(`wraps ${what} thrown from the caller's arguments, keeping it as the cause`, async () => {
      for (const adapter of adapters()) {
        for (const [method, call] of calls(adapter, hostile(thrown))) {
          const outcome = await settle(call);
          if (outcome.ok) continue; // an adapter that never reads the argument (the SMART feed's organization)
          expect(outcome.error, `${adapter.name}.${method}`).toBeInstanceOf(FrontdeskError);
        }
        // Each adapter reads the slot query, so the odd thing reaches it and comes back wrapped.
        const outcome = await settle(() => adapter.listSlots(hostile(thrown)));
        expect(outcome.ok).toBe(false);
        const error = (outcome as { error: FrontdeskError }).error;
        expect(error).toBeInstanceOf(FrontdeskError);
        expect(error.kind, adapter.name).toBe('invalid-response');
        expect(error.message).toBe(
          `${adapter.name}.listSlots(): failed unexpectedly (${thrown() instanceof Error ? (thrown() as Error).name : typeof thrown()})`,
        );
        expect(typeof error.cause === 'string' ? error.cause : (error.cause as object).constructor).toEqual(
          typeof thrown() === 'string' ? thrown() : (thrown() as object).constructor,
        );
      }
    });
  }

  it('answers a server sending JSON nested 20 000 levels deep with listings or FrontdeskErrors, never a RangeError', async () => {
    for (const adapter of adapters()) {
      for (const [method, call] of calls(adapter, undefined as never)) {
        if (method === 'listSlots') continue;
        const outcome = await settle(call);
        if (!outcome.ok) expect(outcome.error, `${adapter.name}.${method}`).toBeInstanceOf(FrontdeskError);
      }
      const slots = await adapter.listSlots(WEEK);
      if (adapter.name !== 'memory') expect(slots.items).toEqual([]);
    }
  });

  it('wraps the RangeError a response nested too deeply raises inside an adapter', async () => {
    const deepResponse = JSON.parse(
      `{"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"csat","extension":[${DEEP}]}`,
    );
    for (const adapter of adapters()) {
      const outcome = await settle(() => adapter.submitSurvey(deepResponse, { idempotencyKey: 'k-1' }));
      expect(outcome.ok).toBe(false);
      expect((outcome as { error: unknown }).error, adapter.name).toBeInstanceOf(FrontdeskError);
    }
    // The demo clinic copies what it stores: the copy overflows, and the caller still gets a FrontdeskError.
    const memory = await settle(() => createMemoryAdapter().submitSurvey(deepResponse, { idempotencyKey: 'k-2' }));
    expect((memory as { error: FrontdeskError }).error).toMatchObject({ kind: 'invalid-response' });
    expect((memory as { error: FrontdeskError }).error.cause).toBeInstanceOf(RangeError);
  });

  it('reports an abort as aborted, not as an unexpected failure', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const adapter of adapters()) {
      await expect(adapter.listLocations({ signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
    }
  });
});
