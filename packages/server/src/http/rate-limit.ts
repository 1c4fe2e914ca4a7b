import type { Clock } from '../clock.js';

export interface RateLimit {
  /** Requests allowed per minute and client; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may send at once before the per-minute pace applies. Default: `perMinute`. */
  burst?: number | undefined;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Keep the table bounded: forget clients whose bucket has long refilled. */
const MAX_CLIENTS = 100_000;

/**
 * A token bucket per client, in this process's memory: each request takes a token, tokens come back at `perMinute`
 * a minute. With several server instances each keeps its own buckets, so a client that spreads its requests over N
 * instances gets up to N times the limit (the README says so). Time comes from the injected clock.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: RateLimit, clock: Clock) {
    this.#clock = clock;
    this.#capacity = Math.max(1, limit.burst ?? limit.perMinute);
    this.#perMs = limit.perMinute / 60_000;
  }

  get enabled(): boolean {
    return this.#perMs > 0;
  }

  /** Takes a token for `client`; returns undefined when allowed, or the seconds to wait before trying again. */
  take(client: string): number | undefined {
    if (!this.enabled) return undefined;
    const now = this.#clock.now();
    let bucket = this.#buckets.get(client);
    if (!bucket) {
      if (this.#buckets.size >= MAX_CLIENTS) this.#sweep(now);
      bucket = { tokens: this.#capacity, at: now };
      this.#buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  #sweep(now: number): void {
    const full = this.#capacity / this.#perMs;
    for (const [client, bucket] of this.#buckets) if (now - bucket.at >= full) this.#buckets.delete(client);
    // Still full of active clients: start over rather than grow without bound.
    if (this.#buckets.size >= MAX_CLIENTS) this.#buckets.clear();
  }
}
