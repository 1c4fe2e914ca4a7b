import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FrontdeskAdapter } from '../adapter.js';
import { type FrontdeskError, toFrontdeskError } from '../errors.js';
import { lookupAdapter } from './clinic.js';
import { holdLoad, markFailed, reloadOnAdapterChange } from './host-state.js';
import { reportProblem } from './report.js';

export type ResourceStatus = 'loading' | 'ready' | 'error';

/** A widget a Resource loads for: its `adapter` property is the first place the adapter is looked up. */
export type ResourceHost = ReactiveControllerHost & HTMLElement & { adapter?: FrontdeskAdapter | undefined };

export type ResourceTask<T> = (adapter: FrontdeskAdapter, signal: AbortSignal) => Promise<T>;

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/**
 * Data a widget loads through its adapter (model: Lit's `Task`). It (re)loads when the widget connects, when `args()`
 * change, when the adapter changes, or on `reload()`, aborting the request it replaces; the widget renders `status`,
 * `value` and `error`. A failure is reported as `fd-error` (not recoverable: the widget shows its error state).
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
  private current: Promise<void> = Promise.resolve();
  private readonly retry = () => this.reload();

  constructor(host: ResourceHost, task: ResourceTask<T>, args: () => readonly unknown[] = () => []) {
    this.host = host;
    this.task = task;
    this.args = args;
    host.addController(this);
    reloadOnAdapterChange(host, () => this.reload());
  }

  /** Resolves when the latest load has settled (ready or failed); the widget's `loadComplete` waits for it too. */
  get taskComplete(): Promise<void> {
    return this.current;
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
  reload(): Promise<void> {
    this.current = this.load();
    holdLoad(this.host, this.current);
    return this.current;
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    if (this.status !== 'loading') {
      this.status = 'loading';
      this.host.requestUpdate();
    }
    try {
      const adapter = await lookupAdapter(this.host, this.host.adapter);
      const value = await this.task(adapter, controller.signal);
      if (generation !== this.generation) return;
      this.value = value;
      this.error = undefined;
      this.status = 'ready';
      markFailed(this.host, this.retry, false);
    } catch (thrown) {
      if (generation !== this.generation) return;
      const error = toFrontdeskError(thrown);
      if (error.kind === 'aborted' && controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
      markFailed(this.host, this.retry, true);
      reportProblem(this.host, error, false);
    }
    this.host.requestUpdate();
  }
}
