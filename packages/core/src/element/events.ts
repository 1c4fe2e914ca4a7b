import type { FrontdeskErrorKind } from '../errors.js';

/** Detail of `fd-error`: enough for the host to log or react, never patient data. */
export interface FdErrorDetail {
  kind: FrontdeskErrorKind;
  message: string;
  field?: string | undefined;
  status?: number | undefined;
  /** False when the widget could not show anything useful (it shows its error state with a retry). */
  recoverable: boolean;
}

/** Every Frontdesk event bubbles and is composed, so a listener on the page sees it through shadow roots. */
export function fdEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'fd-error': CustomEvent<FdErrorDetail>;
  }
  // The events bubble and are composed, so a page may listen once on the document.
  interface DocumentEventMap {
    'fd-error': CustomEvent<FdErrorDetail>;
  }
}
