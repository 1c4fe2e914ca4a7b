import { FrontdeskError } from '../errors.js';

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
  /** Longest server-requested `Retry-After` wait we accept before retrying anyway. */
  maxRetryAfterMs: number;
}

/**
 * Full-jitter exponential backoff: a random wait in [0, min(max, base * 2^attempt)), so many widgets that failed
 * together do not retry together. A server's `Retry-After` is a floor, capped so a widget never stalls for minutes.
 */
export function backoffDelay(
  attempt: number,
  settings: BackoffSettings,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** attempt);
  const jitter = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jitter : Math.max(jitter, Math.min(retryAfterMs, settings.maxRetryAfterMs));
}

export function abortedError(): FrontdeskError {
  return new FrontdeskError('aborted', 'the request was aborted');
}

/** Wait, but give up at once when the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
