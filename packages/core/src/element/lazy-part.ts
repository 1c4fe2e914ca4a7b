import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';
import { type FrontdeskError, toFrontdeskError } from '../errors.js';
import type { LazyModule } from '../lazy-module.js';
import { holdUpdate } from './host-state.js';

/** Styles each widget has adopted from its lazily loaded parts, after its own. */
const adopted = new WeakMap<ReactiveElement, CSSResultOrNative[]>();

export interface LazyPartOptions<M> {
  /** The part's own styles, adopted into the widget's shadow root beside the widget's when the part arrives. */
  styles?: (module: M) => CSSResultOrNative | CSSResultOrNative[];
}

/**
 * A part of one widget whose code loads on first use (model: Lit's `Task`). `load()` fetches the module once per
 * page, adopts the part's styles into the widget, and re-renders it; while it downloads, the widget's
 * `updateComplete` waits for it, so a test or a host that awaits the widget sees the part rendered. A failed download
 * rejects with a `FrontdeskError` (kind `network`), and the next `load()` tries again.
 */
export class LazyPart<M> {
  private readonly host: ReactiveElement;
  private readonly module: LazyModule<M>;
  private readonly options: LazyPartOptions<M>;
  private styled = false;

  constructor(host: ReactiveElement, module: LazyModule<M>, options: LazyPartOptions<M> = {}) {
    this.host = host;
    this.module = module;
    this.options = options;
  }

  /** The module, when it has loaded for this widget (styles adopted). */
  get value(): M | undefined {
    return this.styled || !this.options.styles ? this.module.value : undefined;
  }

  load(): Promise<M> {
    const ready = this.value;
    if (ready) return Promise.resolve(ready);
    const loading = this.module.load().then((module) => {
      this.adoptStyles(module);
      this.host.requestUpdate();
      return module;
    });
    holdUpdate(this.host, loading);
    return loading as Promise<M>;
  }

  /** `load()` as a result: the module, or the FrontdeskError that kept it from loading. */
  async settle(): Promise<{ module: M } | { error: FrontdeskError }> {
    try {
      return { module: await this.load() };
    } catch (error) {
      return { error: toFrontdeskError(error) };
    }
  }

  private adoptStyles(module: M): void {
    if (this.styled || !this.options.styles) return;
    this.styled = true;
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const own = this.options.styles(module);
    const extra = [...(adopted.get(this.host) ?? []), ...(Array.isArray(own) ? own : [own])];
    adopted.set(this.host, extra);
    adoptStyles(root, [...(this.host.constructor as typeof ReactiveElement).elementStyles, ...extra]);
  }
}
