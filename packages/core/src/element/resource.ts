import type { ReactiveController } from 'lit';
import type { FrontdeskAdapter } from '../adapter.js';
import { type FrontdeskError, toFrontdeskError } from '../errors.js';

export type ResourceStatus = 'loading' | 'ready' | 'error';

/** What a Resource needs from its element: the adapter lookup and the error report. */
export interface ResourceHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  resolveAdapter(): Promise<FrontdeskAdapter>;
  reportError(error: FrontdeskError, recoverable: boolean): void;
}

export type ResourceTask<T> = (adapter: FrontdeskAdapter, signal: AbortSignal) => Promise<T>;

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Data an element loads through its adapter. It (re)loads when the element connects, when `args()` change, or on
 * `reload()`, aborting the request it replaces; the element renders `status`, `value` and `error`.
 */
export class Resource<T> implements ReactiveController {
  status: ResourceStatus = 'loading';
  value: T | undefined;
  error: FrontdeskError | undefined;
  private readonly host: ResourceHost;
  private readonly task: ResourceTask<T>;
  private readonly args: () => readonly unknown[];
  private lastArgs: readonly unknown[] | undefined;
  private controller: AbortController | undefined;
  private generation = 0;

  constructor(host: ResourceHost, task: ResourceTask<T>, args: () => readonly unknown[] = () => []) {
    this.host = host;
    this.task = task;
    this.args = args;
    host.addController(this);
  }

  // Checked before render, so a change of inputs shows its loading state in the same update instead of scheduling
  // another one.
  hostUpdate(): void {
    const args = this.args();
    if (sameArgs(this.lastArgs, args)) return;
    this.lastArgs = args;
    this.status = 'loading';
    void this.reload();
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.lastArgs = undefined; // reconnecting loads afresh
  }

  /** Load again (the retry button, a changed adapter). Resolves when this load has settled. */
  async reload(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    if (this.status !== 'loading') {
      this.status = 'loading';
      this.host.requestUpdate();
    }
    try {
      const adapter = await this.host.resolveAdapter();
      const value = await this.task(adapter, controller.signal);
      if (generation !== this.generation) return;
      this.value = value;
      this.error = undefined;
      this.status = 'ready';
    } catch (thrown) {
      if (generation !== this.generation) return;
      const error = toFrontdeskError(thrown);
      if (error.kind === 'aborted' && controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
      this.host.reportError(error, false);
    }
    this.host.requestUpdate();
  }
}
