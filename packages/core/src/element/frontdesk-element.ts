import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { FrontdeskAdapter } from '../adapter.js';
import { VERSION } from '../dev.js';
import { FrontdeskError } from '../errors.js';
import { type FrontdeskEventDetails, type FrontdeskEventName, fdEvent } from '../events/index.js';
import { telHref } from '../format/phone.js';
import type { DroppedRecord } from '../schemas/validate.js';
import { findClinic, lookupAdapter, onClinicChange } from './clinic.js';
import { firstDecision } from './first-decision.js';
import { loadsSettled, partsPending, partsSettled, reloadAll } from './host-state.js';
import { LocalizeController } from './localize.js';
import {
  clinicContact,
  isOffline,
  joinProblem,
  leaveProblem,
  type ProblemFamily,
  problemDetails,
  problemFamily,
  retryProblem,
} from './page-problem.js';
import { reportProblem } from './report.js';
import type { Resource } from './resource.js';
import { baseStrings } from './strings.js';

/**
 * The base of every Frontdesk widget: finds its adapter, renders loading, empty and error states, reports problems as
 * `fd-error`, announces changes to screen readers, and keeps to the theme contract.
 */
export abstract class FrontdeskElement extends LitElement {
  static version = VERSION;

  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    theme: { reflect: true },
    announcement: { state: true },
  };

  /** The backend for this widget; overrides any enclosing `<fd-clinic>` and `configure()`. */
  adapter: FrontdeskAdapter | undefined;
  /** `light` (default), `dark`, or `auto` (follows the system setting). */
  theme: 'light' | 'dark' | 'auto' | undefined;
  /** Text for the polite live region; set through `announce()`. */
  protected announcement = '';

  protected readonly baseI18n = new LocalizeController(this, baseStrings);
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private unwatchClinic: (() => void) | undefined;
  /** Whether this render showed a page-wide problem; one that no longer does leaves it. */
  private showsPageProblem = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const clinic = findClinic(this);
    if (clinic) this.unwatchClinic = onClinicChange(clinic, () => this.adapterChanged());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchClinic?.();
    this.unwatchClinic = undefined;
    leaveProblem(this, true);
  }

  protected override update(changed: Map<PropertyKey, unknown>): void {
    this.showsPageProblem = false;
    super.update(changed); // renders: `renderError` sets the flag again while the problem lasts
    if (!this.showsPageProblem) leaveProblem(this);
  }

  /**
   * Moves focus to where the patient decides first in this widget: the control a widget names as its first
   * decision (`data-first-decision`), else its first control in tab order. A host calls it after handing the widget
   * something to show ("Book" on a card): focus goes where the next key press is useful. Nothing happens while
   * the widget has nothing to focus yet (await `loadComplete` first).
   */
  override focus(options?: FocusOptions): void {
    const target = firstDecision(this.renderRoot);
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    // Before render, so the swap to a new adapter renders its loading state in this same update.
    if (changed.has('adapter') && this.hasUpdated) this.adapterChanged();
  }

  /** The adapter or the enclosing clinic's configuration changed: every `Resource` loads again. */
  protected adapterChanged(): void {
    reloadAll(this);
  }

  /**
   * Resolves once every load the widget has started (its data, through the adapter) has settled and rendered: what a
   * test or a host awaits instead of polling for the loading state to go.
   */
  get loadComplete(): Promise<boolean> {
    return loadsSettled(this).then(() => this.updateComplete);
  }

  /** Includes the parts of the widget whose code is still downloading (see `LazyPart`). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (partsPending(this)) {
      await partsSettled(this);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /** This widget's adapter: its own `adapter` property, the enclosing `<fd-clinic>`, or the page's default. */
  protected resolveAdapter(): Promise<FrontdeskAdapter> {
    return lookupAdapter(this, this.adapter);
  }

  /** Dispatch a Frontdesk event, typed by its name: bubbling and composed, so the page hears it through shadow roots. */
  protected emit<N extends FrontdeskEventName>(name: N, detail: FrontdeskEventDetails[N]): boolean {
    return this.dispatchEvent(fdEvent(name, detail));
  }

  /**
   * Report a problem as `fd-error`; `recoverable` is false when the widget shows its error state instead (and a
   * mistake in the page's set-up then goes to the console too).
   */
  protected reportError(error: FrontdeskError, recoverable: boolean): void {
    reportProblem(this, error, recoverable);
  }

  /** Report records the adapter dropped as invalid, without stopping the widget. */
  protected reportDropped(what: string, dropped: readonly DroppedRecord[]): void {
    if (dropped.length === 0) return;
    const first = dropped[0]!;
    const more = dropped.length > 1 ? ` (and ${dropped.length - 1} more)` : '';
    this.reportError(
      new FrontdeskError('invalid-response', `${dropped.length} ${what} left out as invalid: ${first.reason}${more}`, {
        field: first.field,
      }),
      true,
    );
  }

  /** Say something to screen-reader users through the polite live region. */
  protected announce(message: string): void {
    // Clearing first makes a repeated identical message heard again. A timer, not an animation frame: frames
    // never run in a background tab, and the announcement must not wait for the tab to be shown.
    this.announcement = '';
    clearTimeout(this.announceTimer); // a newer message replaces one still waiting
    this.announceTimer = setTimeout(() => {
      this.announcement = message;
    }, 50);
  }

  protected renderAnnouncer(): TemplateResult {
    return html`<div class="fd-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  /** A skeleton while data loads, announced as loading. */
  protected renderLoading(label = this.baseI18n.t.loading, lines = 3): TemplateResult {
    return html`<div class="fd-state fd-skeleton" part="loading" aria-busy="true" role="status">
      <span class="fd-visually-hidden">${label}</span>
      ${Array.from({ length: lines }, () => html`<span aria-hidden="true"></span>`)}
    </div>`;
  }

  /**
   * A readable error with a retry; the developer's detail is there too, for misconfigured pages. A failure the whole
   * page shares (the clinic's system out of reach, its configuration wrong) is said once: the first widget that
   * shows it gives the message, with the clinic's phone where known and one retry for every widget; the others
   * show a short line.
   */
  protected renderError(error: FrontdeskError, retry?: () => void, title?: string): TemplateResult {
    const t = this.baseI18n.t;
    // A widget off the page (an update still pending after it left) takes no part in the page's message.
    const family = this.isConnected ? problemFamily(error) : undefined;
    if (!family) return this.renderErrorMessage(error, title ?? t.errorTitle, t.errorByKind(error.kind), retry);
    this.showsPageProblem = true;
    const offline = isOffline(error);
    if (!joinProblem(this, family, error, retry)) {
      return html`<p class="fd-state follower" part="error">${offline ? t.unavailableOffline : t.unavailable}</p>`;
    }
    return this.renderErrorMessage(
      error,
      offline ? t.offlineTitle : (title ?? t.errorTitle),
      offline ? t.offline : t.errorByKind(error.kind),
      retry && (() => retryProblem(family)),
      family,
    );
  }

  private renderErrorMessage(
    error: FrontdeskError,
    title: string,
    words: string,
    retry: (() => void) | undefined,
    family?: ProblemFamily,
  ): TemplateResult {
    const t = this.baseI18n.t;
    const contact = family === 'outage' ? clinicContact(this) : undefined;
    const details = family ? problemDetails(family) : [`${error.kind}: ${error.message}`];
    return html`<div class="fd-state error" part="error" role="alert">
      <p class="fd-state-title">${title}</p>
      <p>${words}</p>
      ${contact ? html`<p>${t.callClinic(contact.name)} <a href=${telHref(contact.phone)}>${contact.phone}</a></p>` : nothing}
      ${retry ? html`<button class="fd-button" part="retry-button" type="button" @click=${retry}>${t.retry}</button>` : nothing}
      <details>
        <summary>${t.technicalDetails}</summary>
        ${details.map((line) => html`<code>${line}</code>`)}
      </details>
    </div>`;
  }

  /** An empty state that says what to do next. */
  protected renderEmpty(title: string, hint?: string | TemplateResult): TemplateResult {
    return html`<div class="fd-state" part="empty" role="status">
      <p class="fd-state-title">${title}</p>
      ${hint ? html`<p>${hint}</p>` : nothing}
    </div>`;
  }

  /** Render a resource: the skeleton, the error with retry, or `ready(value)`. */
  protected renderResource<T>(resource: Resource<T>, ready: (value: T) => unknown, loadingLabel?: string): unknown {
    if (resource.status === 'loading') return this.renderLoading(loadingLabel);
    if (resource.status === 'error' && resource.error)
      return this.renderError(resource.error, () => void resource.reload());
    return ready(resource.value as T);
  }
}
