// Checking failures in tests: every adapter and helper throws a FrontdeskError, and tests look at its kind and field.
import { type FrontdeskError, isFrontdeskError } from '@frontdesk/core';

/** The FrontdeskError `promise` rejects with; anything else (a fulfilment, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<FrontdeskError> {
  const outcome = await promise.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('expected the call to fail, but it succeeded');
  if (!isFrontdeskError(outcome.error)) throw new Error(`expected a FrontdeskError, got ${String(outcome.error)}`);
  return outcome.error;
}

/** The kind and field of the FrontdeskError `fn` throws. */
export function errorOf(fn: () => unknown): { kind: string; field: string | undefined } {
  try {
    fn();
  } catch (error) {
    if (!isFrontdeskError(error)) throw new Error(`expected a FrontdeskError, got ${String(error)}`);
    return { kind: error.kind, field: error.field };
  }
  throw new Error('expected a FrontdeskError, but nothing was thrown');
}
