// `ValueSet/$expand` for the test server: Medplum's router has no terminology operations (its own server implements
// them on PostgreSQL), so this one adds the subset a survey uses, on the stored ValueSets: by canonical `url`
// (optionally `|version`), from the ValueSet's `expansion` or its `compose.include[].concept`, with `filter` (a word of
// the display, or the code, starting with it), `count` and `offset`. GET with query parameters, or POST with Parameters.
import { allOk, badRequest, notFound, OperationOutcomeError, parseSearchRequest } from '@medplum/core';

/** Each selectable concept in order, from a stored expansion or the enumerated compose. */
function* concepts(valueSet) {
  if (Array.isArray(valueSet.expansion?.contains)) {
    const stack = [...valueSet.expansion.contains].reverse();
    while (stack.length > 0) {
      const entry = stack.pop();
      if (Array.isArray(entry.contains)) stack.push(...[...entry.contains].reverse());
      if (entry.code && !entry.abstract && !entry.inactive) {
        yield { system: entry.system, version: entry.version, code: entry.code, display: entry.display };
      }
    }
    return;
  }
  for (const include of valueSet.compose?.include ?? []) {
    for (const concept of include.concept ?? []) {
      yield { system: include.system, version: include.version, code: concept.code, display: concept.display };
    }
  }
}

function matches(concept, filter) {
  if (!filter) return true;
  const wanted = filter.toLowerCase();
  const words = String(concept.display ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return words.some((word) => word.startsWith(wanted)) || String(concept.code).toLowerCase().startsWith(wanted);
}

/** The operation's parameters, from the query (GET) or a Parameters body (POST). */
function parametersOf(req) {
  if (req.method !== 'POST') {
    const one = (name) => [req.query[name]].flat()[0];
    return { url: one('url'), filter: one('filter'), count: one('count'), offset: one('offset') };
  }
  if (req.body?.resourceType !== 'Parameters') throw new OperationOutcomeError(badRequest('expected Parameters'));
  const value = (name) => {
    const parameter = (req.body.parameter ?? []).find((p) => p.name === name);
    return parameter?.valueUri ?? parameter?.valueString ?? parameter?.valueInteger ?? parameter?.valueCanonical;
  };
  return { url: value('url'), filter: value('filter'), count: value('count'), offset: value('offset') };
}

function wholeNumber(value, fallback) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new OperationOutcomeError(badRequest('count and offset are whole numbers'));
  return number;
}

/** The Medplum route handler: `[outcome, ValueSet]`. */
export async function expandValueSet(req, repo) {
  const { url, filter, count, offset } = parametersOf(req);
  if (typeof url !== 'string' || url === '')
    return [badRequest('url is required (this server expands stored ValueSets by canonical URL)')];
  const [canonical, version] = url.split('|', 2);
  const found = await repo.searchResources(parseSearchRequest(`ValueSet?url=${encodeURIComponent(canonical)}`));
  const valueSet = found.find((candidate) => version === undefined || candidate.version === version);
  if (!valueSet) return [notFound];
  const all = [...concepts(valueSet)].filter((concept) => matches(concept, filter));
  const first = wholeNumber(offset, 0);
  const page = all.slice(first, first + wholeNumber(count, all.length));
  return [
    allOk,
    {
      resourceType: 'ValueSet',
      url: valueSet.url,
      ...(valueSet.version ? { version: valueSet.version } : {}),
      status: valueSet.status ?? 'active',
      expansion: {
        identifier: `urn:uuid:${crypto.randomUUID()}`,
        timestamp: new Date().toISOString(),
        total: all.length,
        offset: first,
        ...(filter ? { parameter: [{ name: 'filter', valueString: filter }] } : {}),
        contains: page.map((concept) => Object.fromEntries(Object.entries(concept).filter(([, v]) => v !== undefined))),
      },
    },
  ];
}

/** A ValueSet enumerating `concepts` (`[code, display]` pairs) of one code system, as the tests seed them. */
export function enumeratedValueSet(url, system, concepts, extra = {}) {
  return {
    resourceType: 'ValueSet',
    url,
    status: 'active',
    ...extra,
    compose: { include: [{ system, concept: concepts.map(([code, display]) => ({ code, display })) }] },
  };
}
