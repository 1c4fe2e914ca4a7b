import type { FrontdeskError, FrontdeskErrorKind } from '../errors.js';
import { type NetworkFailure, networkFailure } from '../http/network-failure.js';

/** Detail of `fd-error`: enough for the host to log or react, never patient data. */
export interface FdErrorDetail {
  kind: FrontdeskErrorKind;
  message: string;
  field?: string | undefined;
  status?: number | undefined;
  /**
   * For `network` errors, what is known of the cause: `offline` (the browser has no network), `cors` (the server
   * answers but the browser refused its answer to this page), `unreachable` (down, a wrong address, or a failing
   * network: a page cannot tell these apart). Undefined when nothing is known.
   */
  network?: NetworkFailure | undefined;
  /** False when the widget could not show anything useful (it shows its error state with a retry). */
  recoverable: boolean;
}

export function errorDetail(error: FrontdeskError, recoverable: boolean): FdErrorDetail {
  const { kind, message, field, status } = error;
  return { kind, message, field, status, network: networkFailure(error), recoverable };
}
