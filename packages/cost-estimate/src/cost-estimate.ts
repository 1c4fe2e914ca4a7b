import {
  type Coverage,
  type FdEstimateDetail,
  type FdEvent,
  type FrontdeskAdapter,
  FrontdeskError,
  isFrontdeskError,
  type Organization,
  type Plan,
  type PriceInfo,
  telHref,
  toFrontdeskError,
} from '@frontdesk/core';
import {
  baseStyles,
  FrontdeskElement,
  LazyModule,
  LazyPart,
  LocalizeController,
  Resource,
} from '@frontdesk/core/element';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { costEstimateStyles } from './cost-estimate.styles.js';
import { coverageFromAttribute } from './coverage-fields.js';
import type { CoverageForm } from './coverage-form.js';
import type { CoverageAttributes } from './coverage-input.js';
import type { EstimateResult, ResultContext } from './result-view.js';
import { costEstimateStrings } from './strings.js';

type Estimator = typeof import('./estimator.js');

/** The estimate, its checks and the reading of typed terms: fetched once per page, with the first data. */
const estimatorModule = new LazyModule(() => import('./estimator.js'));
/** The patient's coverage form and the field styles only it needs, for an `interactive` estimate: loaded with its data. */
const coverageFormModule = new LazyModule(() => import('./coverage-form.js'));

/**
 * What the adapter gave for the current query; `price` is undefined when no service was asked for. `estimator` comes
 * with it, so the view can compute synchronously.
 */
interface Loaded {
  query: string;
  org: Organization;
  price: PriceInfo | 'missing' | undefined;
  plans: Plan[];
  estimator: Estimator;
}

type View =
  | { state: 'loading' | 'waiting' | 'choose' }
  /** `setup`: the page's attributes or properties; `adapter`: a failed call; `payload`: a price that is not valid. */
  | { state: 'error'; error: FrontdeskError; source: 'setup' | 'adapter' | 'payload' }
  | { state: 'missing'; org: Organization }
  | ({ state: 'result'; service: string; estimator: Estimator } & EstimateResult);

/**
 * What a patient will likely pay for a service or visit type, before they book: the total in large type (a range when
 * the price is published as one), what the plan pays, the breakdown as a table, in- and out-of-network side by side
 * when both are known, and the notices the estimate needs (the Good Faith Estimate notice for self-pay patients;
 * "an estimate, not a guarantee" and what was assumed for insured ones).
 *
 * Coverage comes from the `coverage` property, from attributes (`coverage="self-pay"`, or `network`,
 * `deductible-remaining`, `coinsurance`, `copay`, `copay-only`, `oop-remaining`), or, with `interactive`, from a short
 * form the patient fills in. Without any of them the self-pay (cash) price is shown. Attribute amounts are written
 * with a dot for decimals (`200.00`) and coinsurance in percent (`30`). Money is shown in the adapter's currency.
 *
 * @summary The patient's likely cost for a visit: self-pay or with insurance, with the breakdown and required notices.
 *
 * @fires fd-estimate - The estimate shown changed. Detail: `FdEstimateDetail` (service, currency, patientTotal,
 *   planPays, range, breakdown; the coverage only with `include-coverage`).
 * @fires fd-error - A misconfigured attribute, a service without a price (`not-found`), or an adapter failure.
 *   Detail: `FdErrorDetail`.
 *
 * @slot notice - Replaces the estimate notice (the Good Faith Estimate text for self-pay, "an estimate, not a
 *   guarantee" for insured patients).
 *
 * @csspart base - The outer box.
 * @csspart heading - The widget heading.
 * @csspart form - The interactive form.
 * @csspart payer - The "how will you pay" radio group.
 * @csspart terms - The group of insurance fields.
 * @csspart field - One form field (label, help, error and input).
 * @csspart input - A text input of the form.
 * @csspart help - Help text under a field label.
 * @csspart field-error - A field's validation message.
 * @csspart submit - The "show my estimate" button.
 * @csspart result - The estimate.
 * @csspart total - The likely total, in large type.
 * @csspart plan-pays - What the plan pays.
 * @csspart networks - In-network and out-of-network totals side by side.
 * @csspart table - The breakdown table.
 * @csspart notice - The estimate notice.
 * @csspart notes - Notes on this estimate (out-of-pocket maximum reached, balance billing, price range).
 * @csspart assumptions - What the estimate assumed.
 * @csspart missing - The "no price for this service" message.
 * @csspart phone - The clinic's phone link in the missing-price message.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart empty - The "choose a visit type" message while waiting for a slot picker.
 *
 * @cssprop --fd-cost-estimate-accent - Accent of the form controls and the current network (default `--fd-color-accent`).
 * @cssprop --fd-cost-estimate-total-size - Font size of the total (default `2.25em`).
 * @cssprop --fd-cost-estimate-total-color - Colour of the total (default `--fd-color-text`).
 * @cssprop --fd-cost-estimate-border - Borders and table rules (default `--fd-color-divider`).
 * @cssprop --fd-cost-estimate-notice-background - Background of the notice (default `--fd-color-surface-alt`).
 * @cssprop --fd-cost-estimate-gap - Space between parts (default `--fd-space`).
 */
export class FdCostEstimate extends FrontdeskElement {
  static override styles = [baseStyles, costEstimateStyles];

  static override properties: PropertyDeclarations = {
    ...FrontdeskElement.properties,
    service: {},
    provider: {},
    location: {},
    plan: {},
    coverage: { converter: { fromAttribute: coverageFromAttribute } },
    network: {},
    deductibleRemaining: { attribute: 'deductible-remaining' },
    coinsurance: {},
    copay: {},
    copayOnly: { type: Boolean, attribute: 'copay-only' },
    oopRemaining: { attribute: 'oop-remaining' },
    interactive: { type: Boolean, reflect: true },
    notice: {},
    for: {},
    includeCoverage: { type: Boolean, attribute: 'include-coverage' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /**
   * The CPT/HCPCS code or visit type id to estimate. With `for`, the slot picker's visit type wins: the one it starts
   * on (its `visit-type`), then each one the patient chooses a time for; `service` counts only while that picker is
   * not on the page.
   */
  service: string | undefined;
  /** Provider id, for provider-specific prices. */
  provider: string | undefined;
  /** Location id, for location-specific prices. */
  location: string | undefined;
  /** Plan id, for the rate the clinic negotiated with that plan (and the plan preselected in the form). */
  plan: string | undefined;
  /**
   * The patient's coverage (a `Coverage` object). The attribute takes `self-pay`, `plan` (terms from the other
   * attributes) or a JSON Coverage object.
   */
  coverage: Coverage | undefined;
  /** `in` (default) or `out`: whether the clinic is in the plan's network. */
  network: string | undefined;
  /** Deductible left to pay, as an amount such as `200.00`. */
  deductibleRemaining: string | undefined;
  /** Coinsurance in percent, such as `30`. */
  coinsurance: string | undefined;
  /** Copay for this visit, such as `30.00`. */
  copay: string | undefined;
  /** The copay is all the patient pays for this visit (no deductible or coinsurance). */
  copayOnly = false;
  /** Out-of-pocket maximum left this year, such as `1000.00`. */
  oopRemaining: string | undefined;
  /** Show a form where the patient says how they pay and enters their plan's terms. */
  interactive = false;
  /** The clinic's own notice text, replacing the default one (the `notice` slot wins over it). */
  notice: string | undefined;
  /** Id of an `fd-slot-picker` in the same document or shadow root whose chosen visit type this estimate follows. */
  for: string | undefined;
  /** Put the coverage terms (possibly typed by the patient) into `fd-estimate`; off by default for privacy. */
  includeCoverage = false;
  /** Level of the widget's heading, 2 to 6 (default 3), to fit the page's outline. */
  headingLevel = 3;

  protected readonly i18n = new LocalizeController(this, costEstimateStrings);
  private readonly estimator = new LazyPart(this, estimatorModule);
  private readonly formPart = new LazyPart(this, coverageFormModule, { styles: (module) => module.fieldStyles });
  private coverageForm: CoverageForm | undefined;

  /** The coverage form, once its code is there (an interactive estimate loads it with its data); one per element. */
  private get form(): CoverageForm | undefined {
    const module = this.formPart.value;
    this.coverageForm ??= module
      ? new module.CoverageForm({
          element: this,
          estimator: this.estimator,
          strings: () => this.i18n.t,
          lang: () => this.i18n.lang,
          currency: () => this.currency(),
          plans: () => this.data.value?.plans ?? [],
          plan: () => this.plan,
          network: () => this.network,
          announce: (message) => this.announce(message),
          reportError: (error) => this.reportError(error, true),
          applied: () => {
            this.pendingAnnounce = true;
          },
        })
      : undefined;
    return this.coverageForm;
  }

  private view: View = { state: 'loading' };
  private lastEstimateKey: string | undefined;
  private lastProblemKey: string | undefined;
  /** Set by a patient's action, so the next estimate is announced (not the one shown on page load). */
  private pendingAnnounce = false;
  private listeningRoot: Node | undefined;
  /** The picker named by `for` has told which visit type the patient chose a time for. */
  private heardFromPicker = false;

  private readonly data = new Resource<Loaded>(
    this,
    async (adapter, signal) => {
      const query = this.queryKey();
      const service = this.serviceId();
      const [org, price, plans, estimator] = await Promise.all([
        adapter.getOrganization({ signal }),
        service ? this.loadPrice(adapter, service, signal) : Promise.resolve(undefined),
        // Plan names are needed for the form's plan list and for naming the plan among the assumptions.
        adapter.capabilities.plans && (this.interactive || this.plan) ? this.loadPlans(adapter, signal) : [],
        this.estimator.load(),
        this.interactive ? this.formPart.load() : undefined,
      ]);
      return { query, org, price, plans, estimator };
    },
    () => [this.serviceId(), this.provider, this.location, this.planId(), this.interactive],
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.listeningRoot = this.getRootNode();
    // Listening on the root rather than on the picker works whichever of the two is created first.
    this.listeningRoot.addEventListener('fd-slot-select', this.onSlotSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeningRoot?.removeEventListener('fd-slot-select', this.onSlotSelect);
    this.listeningRoot = undefined;
  }

  /**
   * What the estimate is for. With `for` naming a picker on the page, never the `service` price while the picker shows
   * another visit type: its own `visit-type` until the patient chooses a time, else nothing yet ("choose a visit
   * type"), so a wrong price is never the first one shown.
   */
  private serviceId(): string | undefined {
    const own = this.service?.trim() || undefined;
    if (!this.for || this.heardFromPicker) return own;
    const root = this.getRootNode() as Partial<Pick<Document, 'getElementById'>>;
    const picker = root.getElementById?.(this.for);
    if (!picker) return own;
    return picker.getAttribute('visit-type')?.trim() || undefined;
  }

  private planId(): string | undefined {
    if (!this.interactive) return this.plan || undefined;
    return this.form?.appliedPlanId();
  }

  private queryKey(): string {
    return JSON.stringify([this.serviceId(), this.provider, this.location, this.planId()]);
  }

  private async loadPrice(
    adapter: FrontdeskAdapter,
    service: string,
    signal: AbortSignal,
  ): Promise<PriceInfo | 'missing'> {
    try {
      return await adapter.getPrice(
        {
          service,
          planId: this.planId(),
          providerId: this.provider || undefined,
          locationId: this.location || undefined,
        },
        { signal },
      );
    } catch (error) {
      // No price for the service is an answer, not a failure: the widget offers the clinic's phone number instead.
      // An unknown plan or provider is a setup mistake and shows as one.
      const field = isFrontdeskError(error) ? (error.field ?? 'service') : '';
      if (isFrontdeskError(error) && error.kind === 'not-found' && /service$/.test(field)) return 'missing';
      throw error;
    }
  }

  private async loadPlans(adapter: FrontdeskAdapter, signal: AbortSignal): Promise<Plan[]> {
    try {
      const listing = await adapter.listPlans({ signal });
      this.reportDropped('plans', listing.dropped);
      return listing.items;
    } catch (error) {
      // The plan list only helps; without it the patient can still type their plan's terms.
      const problem = toFrontdeskError(error);
      if (problem.kind !== 'aborted') this.reportError(problem, true);
      return [];
    }
  }

  private readonly onSlotSelect = (event: Event): void => {
    const target = event.target;
    if (!this.for || !(target instanceof Element) || target.id !== this.for) return;
    // The detail is typed by core's event map, and checked anyway: any script on the page may fire this name.
    const visitTypeId: unknown = (event as FdEvent<'fd-slot-select'>).detail?.visitTypeId;
    if (typeof visitTypeId !== 'string' || visitTypeId.trim() === '') return;
    this.heardFromPicker = true;
    if (visitTypeId === this.service) return;
    this.service = visitTypeId;
    this.pendingAnnounce = true;
  };

  private resultContext(): ResultContext {
    return { t: this.i18n.t, locale: this.i18n.lang, notice: this.notice };
  }

  /** The currency typed amounts are in, for its number of decimals; undefined (two decimals) if not known yet. */
  private currency(): string | undefined {
    const value = this.data.value;
    const currency = (typeof value?.price === 'object' ? value.price.currency : undefined) ?? value?.org.currency;
    // Checked here because typed text is parsed before the price is: a malformed code must not throw on a keystroke.
    return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.view = this.computeView();
  }

  private computeView(): View {
    const service = this.serviceId();
    if (!service) {
      if (this.for) return { state: 'waiting' };
      return {
        state: 'error',
        source: 'setup',
        error: new FrontdeskError(
          'invalid-input',
          '<fd-cost-estimate> needs a service attribute (a CPT code or a visit type id) or a for attribute naming a slot picker',
          { field: 'service' },
        ),
      };
    }
    const { status, value, error } = this.data;
    if (status === 'error' && error) return { state: 'error', error, source: 'adapter' };
    if (status === 'loading' || !value || value.query !== this.queryKey()) return { state: 'loading' };
    if (value.price === 'missing') return { state: 'missing', org: value.org };
    const price = value.price as PriceInfo;
    const { estimateCost, compareNetworks, coverageFromAttributes } = value.estimator;
    try {
      // estimateCost checks the price (adapters validate, but one written by a clinic may not): a broken price is
      // the adapter's fault and must never become a wrong number on the page.
      estimateCost(price, { kind: 'self-pay' });
    } catch (thrown) {
      const { message, field } = toFrontdeskError(thrown);
      return { state: 'error', error: new FrontdeskError('invalid-response', message, { field }), source: 'payload' };
    }
    let coverage: Coverage | undefined = this.form?.applied;
    try {
      if (!this.interactive) coverage = coverageFromAttributes(this.coverageAttributes(), price.currency);
      else if (!coverage) return { state: 'choose' };
      return {
        state: 'result',
        service,
        estimator: value.estimator,
        price,
        plans: value.plans,
        coverage,
        estimate: estimateCost(price, coverage),
        comparison: compareNetworks(price, coverage),
      };
    } catch (thrown) {
      return { state: 'error', error: toFrontdeskError(thrown), source: 'setup' };
    }
  }

  private coverageAttributes(): CoverageAttributes {
    return {
      coverage: this.coverage,
      planId: this.plan || undefined,
      network: this.network,
      copayOnly: this.copayOnly,
      texts: {
        deductibleRemaining: this.deductibleRemaining,
        coinsurance: this.coinsurance,
        copay: this.copay,
        outOfPocketRemaining: this.oopRemaining,
      },
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const view = this.view;
    // Adapter failures are reported by the Resource; the widget reports its own problems, once each.
    if (view.state === 'error' && view.source !== 'adapter') this.reportOnce(view.error, false);
    else if (view.state === 'missing') {
      this.reportOnce(
        new FrontdeskError('not-found', 'the adapter has no price for this service', { field: 'service' }),
        true,
      );
    } else this.lastProblemKey = undefined;

    if (view.state === 'result') {
      const detail = this.estimateDetail(view);
      const key = JSON.stringify(detail);
      if (key !== this.lastEstimateKey) {
        this.lastEstimateKey = key;
        this.emit('fd-estimate', detail);
      }
    }
    if (this.pendingAnnounce && (view.state === 'result' || view.state === 'missing')) {
      this.pendingAnnounce = false;
      const t = this.i18n.t;
      if (view.state === 'missing') this.announce(t.missingTitle);
      else {
        const { totalLabel, totalText } = view.estimator;
        this.announce(t.announceEstimate(totalLabel(t, view.estimate), totalText(this.resultContext(), view.estimate)));
      }
    }
  }

  private reportOnce(error: FrontdeskError, recoverable: boolean): void {
    const key = `${error.kind}|${error.field}|${error.message}`;
    if (key === this.lastProblemKey) return;
    this.lastProblemKey = key;
    this.reportError(error, recoverable);
  }

  private estimateDetail(view: Extract<View, { state: 'result' }>): FdEstimateDetail {
    const { estimate } = view;
    return {
      service: view.service,
      currency: estimate.currency,
      patientTotal: estimate.patientTotal,
      planPays: estimate.planPays,
      range: estimate.range,
      breakdown: {
        billed: estimate.billed,
        allowed: estimate.allowed,
        deductibleApplied: estimate.deductibleApplied,
        copay: estimate.copay,
        coinsurance: estimate.coinsurance,
        notCovered: estimate.notCovered,
      },
      ...(this.includeCoverage ? { coverage: view.coverage } : {}),
    };
  }

  private renderMissing(org: Organization): TemplateResult {
    const t = this.i18n.t;
    return html`<div class="fd-state" part="missing" role="status">
      <p class="fd-state-title">${t.missingTitle}</p>
      ${
        org.phone
          ? html`<p>${t.missingCall(org.name)} <a part="phone" href=${telHref(org.phone)}>${org.phone}</a></p>`
          : html`<p>${t.missingAsk}</p>`
      }
    </div>`;
  }

  private renderBody(): unknown {
    const view = this.view;
    const t = this.i18n.t;
    switch (view.state) {
      case 'loading':
        return this.renderLoading(t.loading);
      case 'waiting':
        return this.renderEmpty(t.waiting);
      case 'choose':
        return nothing;
      case 'error':
        return view.source === 'setup'
          ? this.renderError(view.error, undefined, t.setupTitle)
          : this.renderError(view.error, () => void this.data.reload());
      case 'missing':
        return this.renderMissing(view.org);
      case 'result':
        return view.estimator.renderResult(this.resultContext(), view);
    }
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 3));
    const description = this.view.state === 'result' ? this.view.price.description : undefined;
    return html`<div class="fd-root" part="base">
      <div>
        <div class="heading" part="heading" role="heading" aria-level=${level}>${t.heading}</div>
        ${description ? html`<p class="service">${description}</p>` : nothing}
      </div>
      ${this.interactive ? (this.form?.render() ?? nothing) : nothing} ${this.renderBody()} ${this.renderAnnouncer()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-cost-estimate': FdCostEstimate;
  }
}
