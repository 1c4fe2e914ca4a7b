import type { FrontdeskError, FrontdeskErrorKind } from '../errors.js';

/** Detail of `fd-error`: enough for the host to log or react, never patient data. */
export interface FdErrorDetail {
  kind: FrontdeskErrorKind;
  message: string;
  field?: string | undefined;
  status?: number | undefined;
  /** False when the widget could not show anything useful (it shows its error state with a retry). */
  recoverable: boolean;
}

export function errorDetail(error: FrontdeskError, recoverable: boolean): FdErrorDetail {
  return { kind: error.kind, message: error.message, field: error.field, status: error.status, recoverable };
}
