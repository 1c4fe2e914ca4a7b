import { newIdempotencyKey } from '@frontdesk/core';

/**
 * One idempotency key per booking attempt. Confirming the same slot with the same details again (a retry after a
 * timeout, a double click) reuses the key, so the server books at most once; a different slot or different details
 * is a new attempt with a new key.
 */
export class AttemptKeys {
  private fingerprint: string | undefined;
  private key: string | undefined;

  /** The key for the attempt described by `attempt` (anything JSON can hold, compared by value). */
  keyFor(attempt: unknown): string {
    const fingerprint = JSON.stringify(attempt);
    if (fingerprint !== this.fingerprint || this.key === undefined) {
      this.fingerprint = fingerprint;
      this.key = newIdempotencyKey();
    }
    return this.key;
  }

  /** Forget the attempt once it has succeeded, so a later booking never shares its key. */
  reset(): void {
    this.fingerprint = undefined;
    this.key = undefined;
  }
}
