import { FrontdeskError } from '../errors.js';

/** An `invalid-input` error naming the argument; values are never echoed since they may be patient data. */
export function invalidInput(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}
