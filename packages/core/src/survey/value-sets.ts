import type { FrontdeskAdapter } from '../adapter.js';
import { type FrontdeskError, toFrontdeskError } from '../errors.js';
import type { FhirCoding } from '../schemas/questionnaire.js';
import type { SurveyItemView, SurveyModel } from './types.js';

/** A ValueSet this size or smaller is offered as a list of answers; a larger one by type-ahead. */
export const VALUE_SET_LIST_LIMIT = 40;
/** Suggestions per type-ahead query. */
const SUGGESTIONS = 20;

export interface SurveyValueSetExpansion {
  /**
   * `list`: the item now offers `codings` as its answers. `search`: the item takes any code picked by type-ahead;
   * `codings` are the suggestions for the filter. `unreachable`: the terminology server failed (`error` says how)
   * and the item says so in place. `unavailable`: the item names no ValueSet, or the adapter has no terminology;
   * the item stays as loaded.
   */
  mode: 'list' | 'search' | 'unreachable' | 'unavailable';
  codings: FhirCoding[];
  error?: FrontdeskError | undefined;
}

/**
 * Offer an `answerValueSet` item's answers through the adapter's terminology, for a renderer to call: once without a
 * filter when the item first shows (a small set becomes the item's list, a large one switches it to type-ahead),
 * then with what the patient typed for suggestions. A failure marks the item unreachable; an abort rejects.
 */
export async function expandForSurvey(
  adapter: FrontdeskAdapter,
  model: SurveyModel,
  item: Pick<SurveyItemView, 'valueSet'>,
  filter = '',
  options: { signal?: AbortSignal | undefined } = {},
): Promise<SurveyValueSetExpansion> {
  const url = item.valueSet;
  if (url === undefined || !adapter.expandValueSet) return { mode: 'unavailable', codings: [] };
  const typed = filter.trim();
  try {
    if (typed !== '') {
      const found = await adapter.expandValueSet(url, { filter: typed, count: SUGGESTIONS, signal: options.signal });
      return { mode: 'search', codings: found.codings };
    }
    const found = await adapter.expandValueSet(url, { count: VALUE_SET_LIST_LIMIT + 1, signal: options.signal });
    const complete = found.codings.length <= VALUE_SET_LIST_LIMIT && (found.total ?? 0) <= VALUE_SET_LIST_LIMIT;
    if (complete) {
      model.resolveValueSet(url, found.codings);
      return { mode: 'list', codings: found.codings };
    }
    model.resolveValueSet(url, 'search');
    return { mode: 'search', codings: found.codings.slice(0, SUGGESTIONS) };
  } catch (thrown) {
    const error = toFrontdeskError(thrown);
    if (error.kind === 'aborted') throw error;
    model.valueSetUnreachable(url);
    return { mode: 'unreachable', codings: [], error };
  }
}
