import * as z from 'zod/mini';

/** A function passed in an adapter's options (a token getter, a fetch, a clock): checked only to be callable. */
export const FunctionOption = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'expected a function',
);
