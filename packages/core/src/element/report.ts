import type { FrontdeskError } from '../errors.js';
import { errorDetail } from '../events/error.js';
import { fdEvent } from '../events/index.js';
import { networkFailure } from '../http/network-failure.js';

/**
 * Mistakes in how the page is set up, which only its developer can fix: a server that refuses the page's origin or
 * cannot be reached, an unknown adapter or a missing `api`, a refused token, an unknown id, a backend answering
 * something else than its contract. Not the patient's network, a server's passing failure, or a time taken meanwhile.
 */
function forTheDeveloper(error: FrontdeskError): boolean {
  switch (error.kind) {
    case 'network': {
      const failure = networkFailure(error);
      return failure === 'cors' || failure === 'unreachable';
    }
    case 'timeout':
    case 'aborted':
    case 'conflict':
      return false;
    case 'http':
      return error.status !== undefined && error.status < 500 && error.status !== 429;
    default:
      return true;
  }
}

const told = new Set<string>();

/**
 * Report a problem as `fd-error` (`recoverable` false when the widget shows its error state instead of content).
 * One that stops a widget and only the page's developer can fix is also written to the console, once per page: a CMS
 * user sees no events, and the widget itself shows the patient plain words, not this.
 */
export function reportProblem(widget: HTMLElement, error: FrontdeskError, recoverable: boolean): void {
  widget.dispatchEvent(fdEvent('fd-error', errorDetail(error, recoverable)));
  if (recoverable || !forTheDeveloper(error)) return;
  const line = `[frontdesk] <${widget.localName}> ${error.kind}: ${error.message}`;
  if (told.has(line)) return;
  told.add(line);
  console.warn(line);
}
