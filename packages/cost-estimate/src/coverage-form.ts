import type { Coverage, FrontdeskError, Plan } from '@frontdesk/core';
import type { LazyPart } from '@frontdesk/core/element';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { COST_FIELDS, type CostField, isPercentField } from './coverage-fields.js';
import type { CostEstimateStrings } from './strings.js';

/** Only the form has fields: a plain estimate's download goes without their styles. */
export { fieldStyles } from '@frontdesk/core/element';

type Estimator = typeof import('./estimator.js');
type Payer = 'self' | 'insured';

/** What the coverage form needs from its element. */
export interface CoverageFormHost {
  readonly element: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  /** The estimator, loaded with the first data; the form's checks use it. */
  readonly estimator: LazyPart<Estimator>;
  strings(): CostEstimateStrings;
  /** The locale typed amounts are read in. */
  lang(): string;
  /** The currency typed amounts are in, when known. */
  currency(): string | undefined;
  /** The plans the patient may choose from. */
  plans(): Plan[];
  /** The `plan` attribute: the plan chosen first. */
  plan(): string | undefined;
  /** The `network` attribute. */
  network(): string | undefined;
  announce(message: string): void;
  reportError(error: FrontdeskError): void;
  /** The patient applied new terms: the estimate that follows is announced. */
  applied(): void;
}

/**
 * The short form of an interactive estimate: how the patient pays, and for insured patients their plan and its
 * cost-sharing terms (deductible left, coinsurance, copay, out-of-pocket maximum left), checked as typed and announced
 * when wrong. The estimate follows `applied`, the terms last submitted, not each keystroke.
 */
export class CoverageForm {
  payer: Payer | undefined;
  texts: Partial<Record<CostField, string>> = {};
  fieldErrors: Partial<Record<CostField, string>> = {};
  copayOnlyChecked = false;
  chosenPlan: string | undefined;
  /** The coverage the form last applied. */
  applied: Coverage | undefined;

  private readonly host: CoverageFormHost;

  constructor(host: CoverageFormHost) {
    this.host = host;
  }

  /** The plan the estimate is priced for: the one the patient applied, if any. */
  appliedPlanId(): string | undefined {
    return this.applied?.kind === 'plan' ? this.applied.planId : undefined;
  }

  private readonly onPayerChange = (event: Event): void => {
    const payer = (event.target as HTMLInputElement).value as Payer;
    this.payer = payer;
    if (payer === 'self') {
      this.applied = { kind: 'self-pay' };
      this.host.applied();
    } else {
      // The insured estimate waits for the plan's terms; what was typed before is still in the fields.
      this.applied = undefined;
    }
    this.host.element.requestUpdate();
  };

  /**
   * The estimator for a patient's action. The form can be shown (and typed in) while the price still loads, before
   * the estimator has come; it is then fetched, and a failed download is reported like a failed call.
   */
  private async fetchEstimator(): Promise<Estimator | undefined> {
    const loaded = await this.host.estimator.settle();
    if ('module' in loaded) return loaded.module;
    this.host.reportError(loaded.error);
    return undefined;
  }

  private fieldMessage({ parseCostField }: Estimator, field: CostField, text: string): string | undefined {
    const result = parseCostField(field, text, this.host.lang(), this.host.currency());
    if (result.ok) return undefined;
    const t = this.host.strings();
    return isPercentField(field) ? t.percentError(result.error) : t.moneyError(result.error);
  }

  private setFieldError(field: CostField, message: string | undefined): void {
    const { [field]: _previous, ...others } = this.fieldErrors;
    this.fieldErrors = message === undefined ? others : { ...others, [field]: message };
    this.host.element.requestUpdate();
  }

  private onFieldInput(field: CostField, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.texts = { ...this.texts, [field]: text };
    this.host.element.requestUpdate();
    // A shown error clears as soon as the entry is fixed; new errors wait until the patient leaves the field. (An
    // error is only shown once the estimator has loaded.)
    const loaded = this.host.estimator.value;
    if (this.fieldErrors[field] !== undefined && loaded) {
      this.setFieldError(field, this.fieldMessage(loaded, field, text));
    }
  }

  private onFieldChange(field: CostField): void {
    // Synchronous once loaded, so the message is rendered in the update this change causes.
    const loaded = this.host.estimator.value;
    if (loaded) this.checkField(loaded, field);
    else void this.fetchEstimator().then((loaded) => loaded && this.checkField(loaded, field));
  }

  private checkField(loaded: Estimator, field: CostField): void {
    const message = this.fieldMessage(loaded, field, this.texts[field] ?? '');
    this.setFieldError(field, message);
    if (message) this.host.announce(this.host.strings().fieldProblem(this.host.strings()[`${field}Label`], message));
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.host.strings();
    const loaded = this.host.estimator.value ?? (await this.fetchEstimator());
    if (!loaded) return;
    const result = loaded.planCoverageFrom(
      {
        network: this.host.network() === 'out' ? 'out' : 'in',
        planId: this.chosenPlanId() || undefined,
        copayOnly: this.copayOnlyChecked,
        texts: this.texts,
      },
      this.host.lang(),
      this.host.currency(),
    );
    if (result.ok) {
      this.fieldErrors = {};
      this.host.element.requestUpdate();
      this.applied = result.coverage;
      this.host.element.requestUpdate();
      this.host.applied();
      return;
    }
    const errors: Partial<Record<CostField, string>> = {};
    for (const field of COST_FIELDS) {
      if (result.errors[field]) errors[field] = this.fieldMessage(loaded, field, this.texts[field] ?? '');
    }
    this.fieldErrors = errors;
    this.host.element.requestUpdate();
    const first = COST_FIELDS.find((field) => errors[field] !== undefined);
    if (first)
      this.host.announce(
        `${t.fixFields(Object.keys(errors).length)} ${t.fieldProblem(t[`${first}Label`], errors[first]!)}`,
      );
    await this.host.element.updateComplete;
    this.host.element.renderRoot.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }

  private chosenPlanId(): string {
    return this.chosenPlan ?? this.host.plan() ?? '';
  }

  render(): TemplateResult {
    const t = this.host.strings();
    const choices: [Payer, string][] = [
      ['self', t.payerSelf],
      ['insured', t.payerInsured],
    ];
    return html`<form part="form" novalidate @submit=${(event: Event) => void this.onSubmit(event)}>
      <fieldset part="payer">
        <legend>${t.payerLegend}</legend>
        ${choices.map(
          ([value, label]) =>
            html`<label class="choice"
              ><input type="radio" name="payer" value=${value} .checked=${this.payer === value} @change=${this.onPayerChange} />${label}</label
            >`,
        )}
      </fieldset>
      ${this.payer === 'insured' ? this.renderTerms() : nothing}
    </form>`;
  }

  private renderTerms(): TemplateResult {
    const t = this.host.strings();
    const plans = this.host.plans();
    const [deductible, coinsurance, copay, outOfPocket] = COST_FIELDS.map((field) => this.renderField(field));
    return html`<fieldset part="terms">
        <legend>${t.termsLegend}</legend>
        <p class="hint">${t.termsHint}</p>
        ${plans.length > 0 ? this.renderPlanSelect(plans) : nothing} ${deductible} ${coinsurance} ${copay}
        <div class="field" part="field">
          <label class="check"
            ><input
              type="checkbox"
              aria-describedby="fd-ce-copay-only-help"
              .checked=${this.copayOnlyChecked}
              @change=${(event: Event) => {
                this.copayOnlyChecked = (event.target as HTMLInputElement).checked;
                this.host.element.requestUpdate();
              }}
            />${t.copayOnlyLabel}</label
          >
          <p class="help" part="help" id="fd-ce-copay-only-help">${t.copayOnlyHelp}</p>
        </div>
        ${outOfPocket}
      </fieldset>
      <div class="actions"><button class="fd-button" part="submit" type="submit">${t.submit}</button></div>`;
  }

  private renderPlanSelect(plans: Plan[]): TemplateResult {
    const t = this.host.strings();
    const chosen = this.chosenPlanId();
    return html`<div class="field" part="field">
      <label for="fd-ce-plan">${t.planLabel}</label>
      <p class="help" part="help" id="fd-ce-plan-help">${t.planHelp}</p>
      <select
        id="fd-ce-plan"
        aria-describedby="fd-ce-plan-help"
        @change=${(event: Event) => {
          this.chosenPlan = (event.target as HTMLSelectElement).value;
          this.host.element.requestUpdate();
        }}
      >
        <option value="" ?selected=${chosen === ''}>${t.planNone}</option>
        ${plans.map((plan) => html`<option value=${plan.id} ?selected=${plan.id === chosen}>${plan.name}</option>`)}
      </select>
    </div>`;
  }

  private renderField(field: CostField): TemplateResult {
    const t = this.host.strings();
    const id = `fd-ce-${field}`;
    const error = this.fieldErrors[field];
    return html`<div class="field" part="field">
      <label for=${id}>${t[`${field}Label`]}</label>
      <p class="help" part="help" id="${id}-help">${t[`${field}Help`]}</p>
      ${error === undefined ? nothing : html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>`}
      <input
        id=${id}
        part="input"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        spellcheck="false"
        aria-describedby=${error === undefined ? `${id}-help` : `${id}-help ${id}-error`}
        aria-invalid=${error === undefined ? 'false' : 'true'}
        .value=${this.texts[field] ?? ''}
        @input=${(event: Event) => this.onFieldInput(field, event)}
        @change=${() => this.onFieldChange(field)}
      />
    </div>`;
  }
}
