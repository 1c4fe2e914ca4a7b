import type { ExpandValueSetOptions, ValueSetExpansion } from '../../adapter.js';
import { FrontdeskError, isFrontdeskError } from '../../errors.js';
import type { FhirCoding } from '../../schemas/questionnaire.js';
import { requireResource } from './bundle.js';
import { FhirClient } from './client.js';
import { isObject, type Json, objects, text } from './elements.js';
import type { ExchangeSettings } from './exchange.js';

const DEFAULT_COUNT = 50;
const MAX_COUNT = 1000;
const MAX_FILTER = 200;
/** Levels of nested `contains` read (grouping headers); deeper ones are left out. */
const MAX_NESTING = 10;

/**
 * A FHIR terminology server other than the clinic's own (`terminologyUrl`). It gets the transport settings but none
 * of the clinic's headers: the clinic's bearer token is not sent to a third party.
 */
export function terminologyClient(settings: ExchangeSettings, baseUrl: string): FhirClient {
  const { getHeaders: _, ...transport } = settings;
  return new FhirClient({ ...transport, baseUrl, maxPages: 1 });
}

/** A canonical URL (`http://loinc.org/vs/LL358-3`, optionally `|version`), never a contained `#id` reference. */
function canonicalOf(value: unknown): string {
  const canonical = typeof value === 'string' ? value.trim() : '';
  const [address = ''] = canonical.split('|', 1);
  let valid = canonical.length > 0 && canonical.length <= 2048;
  try {
    valid &&= /^(https?|urn):$/.test(new URL(address).protocol);
  } catch {
    valid = false;
  }
  if (!valid) throw new FrontdeskError('invalid-input', 'url: not a ValueSet canonical URL', { field: 'url' });
  return canonical;
}

function countOf(value: unknown): number {
  if (value === undefined) return DEFAULT_COUNT;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_COUNT) {
    throw new FrontdeskError('invalid-input', `count: expected a whole number from 1 to ${MAX_COUNT}`, {
      field: 'count',
    });
  }
  return value as number;
}

/** The selectable codes of `expansion.contains`, depth first in the server's order, grouping headers skipped. */
function codingsOf(expansion: Json, count: number): FhirCoding[] {
  const codings: FhirCoding[] = [];
  const stack: Array<{ entries: Json[]; index: number }> = [{ entries: objects(expansion.contains), index: 0 }];
  while (stack.length > 0 && codings.length < count) {
    const level = stack[stack.length - 1] as { entries: Json[]; index: number };
    const entry = level.entries[level.index++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const code = text(entry.code);
    if (code !== undefined && entry.abstract !== true && entry.inactive !== true) {
      const system = text(entry.system);
      const display = text(entry.display);
      const version = text(entry.version);
      codings.push({
        ...(system === undefined ? {} : { system }),
        ...(version === undefined ? {} : { version }),
        code,
        ...(display === undefined ? {} : { display }),
      });
    }
    if (Array.isArray(entry.contains) && stack.length < MAX_NESTING) {
      stack.push({ entries: objects(entry.contains), index: 0 });
    }
  }
  return codings;
}

/** Why an expansion failed, said plainly: the server could not be reached, or does not know the ValueSet. */
function terminologyFailure(error: unknown, client: FhirClient, canonical: string): unknown {
  if (!isFrontdeskError(error)) return error;
  const where = `the terminology server ${client.base.origin}`;
  if (error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && error.retryable)) {
    return new FrontdeskError(error.kind, `${where} could not be reached to expand ${canonical}`, {
      status: error.status,
      cause: error,
    });
  }
  if (error.kind === 'not-found') {
    return new FrontdeskError('not-found', `${where} does not know the ValueSet ${canonical}`, {
      status: error.status,
      field: 'url',
      cause: error,
    });
  }
  return error;
}

/**
 * `ValueSet/$expand` for a canonical URL. Without a filter it is a GET (the URL names a definition, not patient
 * data); with one it is a POST of `Parameters`, so what the patient typed never appears in a URL or a server log.
 */
export async function expandValueSet(
  client: FhirClient,
  url: string,
  options: ExpandValueSetOptions = {},
): Promise<ValueSetExpansion> {
  const canonical = canonicalOf(url);
  const count = countOf(options.count);
  const filter = typeof options.filter === 'string' ? options.filter.trim().slice(0, MAX_FILTER) : '';
  const parameters =
    filter === ''
      ? undefined
      : {
          resourceType: 'Parameters',
          parameter: [
            { name: 'url', valueUri: canonical },
            { name: 'filter', valueString: filter },
            { name: 'count', valueInteger: count },
          ],
        };
  let body: unknown;
  try {
    body = await client.operation(
      'ValueSet/$expand',
      [
        ['url', canonical],
        ['count', String(count)],
      ],
      parameters,
      options.signal,
    );
  } catch (error) {
    throw terminologyFailure(error, client, canonical);
  }
  const valueSet = requireResource(body, 'ValueSet', 'ValueSet');
  if (!isObject(valueSet.expansion)) {
    throw new FrontdeskError('invalid-response', 'ValueSet.expansion: missing from the $expand answer', {
      field: 'ValueSet.expansion',
    });
  }
  const total = valueSet.expansion.total;
  return {
    codings: codingsOf(valueSet.expansion, count),
    ...(Number.isInteger(total) && (total as number) >= 0 ? { total: total as number } : {}),
  };
}
