import {
  backoffDelay,
  type FrontdeskError,
  newIdempotencyKey,
  type QuestionnaireResponse,
  toFrontdeskError,
} from '@frontdesk/core';
import { loadQueued, type QueuedSubmission, saveQueued } from './storage.js';

/** How long a queued submission waits before the next try: 2 s, doubling up to a minute, jittered. */
const RETRY = { baseMs: 2_000, maxMs: 60_000, maxRetryAfterMs: 60_000 };

/** What the outbox needs from its element, and what it tells it. */
export interface OutboxHost {
  /** The survey's key in storage. */
  key(): string;
  /** Retries wait while the element is off the page. */
  connected(): boolean;
  /** Deliver the response once (through the adapter), with its idempotency key. */
  deliver(submission: QueuedSubmission): Promise<unknown>;
  /** The first attempt of a new submission began. */
  sending(): void;
  /** It failed in a way worth retrying: it is kept, and tried again later. `first` on the first failure. */
  queued(error: FrontdeskError, first: boolean): void;
  /** The server acknowledged it: nothing of it is kept any more. */
  acknowledged(): void;
  /** The server refused it: retrying the same response cannot help, so it leaves the outbox. */
  refused(error: FrontdeskError): void;
}

/**
 * A submitted response on its way to the clinic. It is stored (localStorage) before the first attempt, so a tab closed
 * mid-request still has it for the next visit; a failure worth retrying keeps it and tries again with the same
 * idempotency key (with backoff, and at once when the browser is back online) until the server acknowledges it.
 */
export class Outbox {
  private readonly host: OutboxHost;
  private submission: QueuedSubmission | undefined;
  private waiting = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(host: OutboxHost) {
    this.host = host;
  }

  /** A submission left from an earlier visit, which is then retried at once; undefined when there is none. */
  restore(): QueuedSubmission | undefined {
    this.submission = loadQueued(this.host.key());
    this.waiting = this.submission !== undefined;
    if (this.submission) this.schedule(0);
    return this.submission;
  }

  submit(response: QuestionnaireResponse): void {
    this.submission = { format: 'frontdesk-survey-outbox', key: newIdempotencyKey(), response };
    saveQueued(this.host.key(), this.submission);
    this.waiting = false;
    this.attempt = 0;
    void this.send();
  }

  /** Try now (a retry button, the browser back online); resolves when this attempt has settled. */
  send(): Promise<void> {
    this.inFlight ??= this.tryOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The element is back on the page: a waiting submission is tried again. */
  resume(): void {
    if (this.submission && this.waiting) this.schedule(0);
  }

  /** The element left the page: no retry runs until it is back. */
  pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Forget the submission (the host delivered it, or the form was answered again). */
  clear(): void {
    this.pause();
    this.submission = undefined;
    this.waiting = false;
    saveQueued(this.host.key(), undefined);
  }

  readonly onOnline = (): void => {
    if (this.submission) void this.send();
  };

  private async tryOnce(): Promise<void> {
    const submission = this.submission;
    if (!submission) return;
    this.pause();
    const first = !this.waiting;
    if (first) this.host.sending();
    try {
      await this.host.deliver(submission);
      if (this.submission === submission) {
        this.clear();
        this.host.acknowledged();
      }
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      if (error.retryable) {
        this.waiting = true;
        this.schedule(++this.attempt);
        this.host.queued(error, first);
      } else {
        this.clear();
        this.host.refused(error);
      }
    }
  }

  private schedule(attempt: number): void {
    clearTimeout(this.timer);
    if (!this.host.connected()) return;
    const delay = attempt === 0 ? 0 : backoffDelay(attempt, RETRY);
    this.timer = setTimeout(() => void this.send(), delay);
  }
}
