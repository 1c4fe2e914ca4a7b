import type { SurveyFieldError, SurveyNode, SurveyValidation } from './types.js';

/**
 * The validation of `nodes`, for the survey engine and the small model of simple forms alike: each node's errors
 * (from `errorsOf` its key) under its key, and the first node in error, where focus goes.
 */
export function collectSurveyValidation(
  nodes: Iterable<SurveyNode>,
  errorsOf: (key: string) => SurveyFieldError[],
): SurveyValidation {
  const errors: Record<string, SurveyFieldError[]> = {};
  let firstErrorKey: string | undefined;
  for (const node of nodes) {
    const found = errorsOf(node.key);
    if (found.length === 0) continue;
    errors[node.key] = found;
    firstErrorKey ??= node.key;
  }
  return { valid: firstErrorKey === undefined, errors, firstErrorKey };
}
