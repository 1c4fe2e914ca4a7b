import type {
  FdSurveyPageDetail,
  FrontdeskAdapter,
  FrontdeskError,
  SurveyChange,
  SurveyFieldError,
  SurveyModel,
  SurveyNode,
  SurveyOption,
} from '@frontdesk/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderChoices } from './controls/choices.js';
import type { Control, ControlActions } from './controls/control.js';
import { isScale, optionsOf } from './controls/options.js';
import { renderInput, renderTextarea } from './controls/text.js';
import type { SurveyStrings } from './strings.js';

// The rendered form of <fd-survey> for every Questionnaire: its questions, validation, summary of errors and end
// states. What a simple form needs (docs/design.md section 8) is all here, so an NPS page downloads this and the small
// model (simple-model.ts) and nothing more; the engine's form (engine-form.ts) extends it with pages, repeats and the
// controls only the engine's forms use. The element itself (survey.ts) keeps loading, the outbox and form association.

export type SurveyPhase = 'loading' | 'setup' | 'invalid' | 'form' | 'sending' | 'failed' | 'queued' | 'done';

/** What the form needs from its element: settings, state it shares, and the element's live region and events. */
export interface SurveyFormHost {
  /** The element, for the engine form's own words (a controller on it). */
  readonly element: ReactiveControllerHost & HTMLElement;
  strings(): SurveyStrings;
  /** The element's language as Intl takes it. */
  lang(): string;
  phase(): SurveyPhase;
  page(): number;
  setPage(index: number): void;
  paged(): boolean;
  showScore(): boolean;
  headingLevel(): number;
  saveDraft(): boolean;
  inHostForm(): boolean;
  root(): ParentNode | undefined;
  /** Focus the element matching `selector` after the next render. */
  focus(selector: string): void;
  announce(text: string): void;
  /** Another page is shown (the element fires `fd-survey-page`). */
  pageShown(detail: FdSurveyPageDetail): void;
  /** Request a render. */
  update(): void;
  updateComplete(): Promise<unknown>;
  /** The answers changed: save the draft, update the form value, render. */
  changed(): void;
  /** Fetch the finish part (the summary of errors, the end states, sending); resolves when it is here. */
  finishing(): Promise<unknown>;
  /** The finish part, once fetched. */
  finished(): typeof import('./finish.js') | undefined;
  /** Every answer is valid: deliver the response. */
  submit(): void;
  /** Send the queued response now. */
  retry(): void;
  /** Keep the answers in this browser now (with `save-draft`). */
  saveNow(): void;
  /** The element's adapter (for answer lists on the clinic's terminology server). */
  adapter(): Promise<FrontdeskAdapter>;
  /** A problem for the developer (`fd-error`); the form carries on. */
  reportError(error: FrontdeskError): void;
}

export const plainLabel = (node: SurveyNode) => (node.prefix ? `${node.prefix} ${node.text}` : node.text);

export const isShown = (node: SurveyNode): boolean => node.enabled && !node.hidden;

/** Shared by every form on the page, so a form built for a new Questionnaire never matches an old render (`guard`). */
let epochs = 0;

export class FormView {
  protected readonly host: SurveyFormHost;
  protected readonly model: SurveyModel;
  #unsubscribe: (() => void) | undefined;
  #ids = new Map<string, string>();
  /** Bumped per item when what it shows changes, so only those items re-render (lit `guard`). */
  protected readonly versions = new Map<string, number>();
  protected epoch = ++epochs;
  /** The item whose input event is being handled: its input already shows what was typed. */
  protected typing: string | undefined;
  protected readonly errors = new Map<string, SurveyFieldError[]>();
  /** Number inputs holding text the browser cannot read as a number (value is then ''). */
  protected readonly badInput = new Set<string>();
  protected summaryOpen = false;

  constructor(host: SurveyFormHost, model: SurveyModel) {
    this.host = host;
    this.model = model;
  }

  /** What the controls (./controls) may do: answer, type and leave a field. */
  protected readonly actions: ControlActions = {
    strings: () => this.host.strings(),
    label: (node) => this.renderLabel(node),
    setAnswer: (node, answers) => this.model.setAnswer(node.key, answers),
    setAnswerText: (node, text) => this.model.setAnswerText(node.key, text),
    // Options of the question itself are picked by id; Yes, No and the points of a short scale are answers as such.
    choose: (node, option, selected) => {
      if (node.options.includes(option)) this.model.selectOption(node.key, option.id, selected);
      else if (selected) this.model.setAnswer(node.key, [option.value]);
      else this.model.clearAnswer(node.key);
    },
    typeText: (node, event) => this.typeText(node, event),
    touch: (node) => this.touch(node),
  };

  /** Follow the model and lay it out, showing its first page (a renderable model, after any draft is restored). */
  start(): void {
    this.#unsubscribe = this.model.subscribe((change) => this.onChange(change));
    this.relayout();
    this.host.setPage(this.firstScreen());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** After a change of structure (or of `paged`). A simple form has one screen: nothing to lay out. */
  relayout(): void {}

  protected firstScreen(): number {
    return 0;
  }

  /** Validates every answer, opening the summary of errors when one is wrong; true when all are valid. */
  validateAll(): boolean {
    if (this.validateNodes(this.model.items)) {
      this.openSummary();
      return false;
    }
    return true;
  }

  /** The host form's view of the survey: the response as its value, the first error as its validity. */
  syncForm(internals: ElementInternals): void {
    const model = this.model;
    const validation = model.validate();
    const badKey = [...this.badInput].find((k) => model.isEnabled(k));
    const firstKey = validation.firstErrorKey ?? badKey;
    internals.setFormValue(JSON.stringify(model.toResponse({ status: firstKey ? 'in-progress' : 'completed' })));
    if (!firstKey) {
      internals.setValidity({});
      return;
    }
    const node = model.getItem(firstKey)!;
    const error = validation.errors[firstKey]?.[0] ?? { code: 'invalid-format' as const, params: {} };
    const t = this.host.strings();
    const message = t.fieldError(plainLabel(node), t.error(error.code, error.params));
    const anchor = this.host.root()?.querySelector<HTMLElement>(`#${this.id(firstKey)}`) ?? undefined;
    internals.setValidity(error.code === 'required' ? { valueMissing: true } : { customError: true }, message, anchor);
  }

  protected readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.host.phase() === 'sending') return;
    // The summary of errors and sending come with the finish part, fetched as the form showed; rarely still on its way.
    const go = () => this.submitOrNext();
    void this.host.finishing().then(go, go);
  };

  /** Submit (a form with pages goes to its next page first). */
  protected submitOrNext(): void {
    if (this.validateAll()) this.host.submit();
  }

  protected bump(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  protected onChange(change: SurveyChange): void {
    const model = this.model;
    if (change.kind === 'answer') {
      if (change.key !== this.typing) this.bump(change.key);
      if (this.errors.has(change.key)) this.setErrors(change.key, this.validate(change.key));
    } else {
      this.epoch++;
      this.relayout();
      for (const key of this.errors.keys()) if (!model.getItem(key)) this.errors.delete(key);
    }
    for (const key of [...change.enabledChanged, ...(change.calculated ?? [])]) {
      this.bump(key);
      if (!model.isEnabled(key)) this.errors.delete(key);
    }
    this.host.changed();
  }

  protected validate(key: string): SurveyFieldError[] {
    const model = this.model;
    const errors = model.validateItem(key);
    const node = model.getItem(key);
    if (this.badInput.has(key) && node?.enabled && !errors.some((e) => e.code === 'invalid-format')) {
      errors.unshift({ code: 'invalid-format', params: { expected: node.type } });
    }
    return errors;
  }

  protected setErrors(key: string, errors: SurveyFieldError[]): void {
    const before = (this.errors.get(key) ?? []).map((e) => e.code).join();
    if (errors.length > 0) this.errors.set(key, errors);
    else this.errors.delete(key);
    if (before !== errors.map((e) => e.code).join()) this.bump(key);
  }

  /** Validates the enabled items given; returns the first with an error. */
  protected validateNodes(nodes: readonly SurveyNode[]): SurveyNode | undefined {
    let first: SurveyNode | undefined;
    for (const node of nodes) {
      if (!isShown(node) || node.type === 'display') continue;
      const errors = this.validate(node.key);
      this.setErrors(node.key, errors);
      if (errors.length > 0) first ??= node;
    }
    return first;
  }

  protected openSummary(): void {
    this.summaryOpen = true;
    this.host.focus('.summary');
    this.host.update();
  }

  /** Show the screen an item is on (one screen here). */
  protected async reveal(_key: string): Promise<void> {}

  /** Move focus to an item's first control, switching page when it is on another one. */
  protected async focusItem(key: string): Promise<void> {
    await this.reveal(key);
    this.host
      .root()
      ?.querySelector<HTMLElement>(`#${this.id(key)}`)
      ?.focus();
  }

  protected id(key: string): string {
    let id = this.#ids.get(key);
    if (!id) {
      id = `q${this.#ids.size + 1}`;
      this.#ids.set(key, id);
    }
    return id;
  }

  protected level(offset: number): number {
    const base = Number.isInteger(this.host.headingLevel()) ? Math.min(6, Math.max(1, this.host.headingLevel())) : 2;
    return Math.min(6, base + offset);
  }

  /** The form, or the thank-you or queued state (only ever reached once the finish part is here). */
  render(): unknown {
    const t = this.host.strings();
    const phase = this.host.phase();
    if (phase !== 'done' && phase !== 'queued') return this.renderForm();
    const part = phase === 'done' ? 'thanks' : 'queued';
    const [title, text] = phase === 'done' ? [t.thanksTitle, t.thanksText] : [t.queuedTitle, t.queuedText];
    const retry = part === 'queued' ? () => this.host.retry() : undefined;
    const state = { part, title, text, level: this.level(0), score: this.renderScore(), retry } as const;
    return this.host.finished()?.renderEndState(state, t);
  }

  protected renderScore(): unknown {
    if (!this.host.showScore()) return nothing;
    const score = this.model.score();
    if (score.scoredItems === 0) return nothing;
    return html`<p class="score" part="score">${this.host.strings().score(score.total, score.max)}</p>`;
  }

  /** The items of the screen shown. */
  protected screenNodes(): readonly SurveyNode[] {
    return this.model.items.filter((node) => node.parentKey === undefined);
  }

  protected childrenOf(node: SurveyNode): readonly SurveyNode[] {
    return this.model.items.filter((child) => child.parentKey === node.key);
  }

  /** Shown above the questions: the notices about the form and its pages (none in a simple form). */
  protected renderTop(): unknown {
    return nothing;
  }

  /** Shown under the questions, above the buttons (the engine's form says there when it cannot be sent). */
  protected renderEnd(): unknown {
    return nothing;
  }

  /** Submit, unless the form is part of a host form (whose own button submits it). */
  protected renderButtons(): unknown {
    if (this.host.inHostForm()) return nothing;
    const sending = this.host.phase() === 'sending';
    return html`<button class="fd-button" part="submit-button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
      ${this.host.strings().submit}
    </button>`;
  }

  protected renderForm(): TemplateResult {
    const t = this.host.strings();
    const model = this.model;
    const sending = this.host.phase() === 'sending';
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${model.title ? html`<div class="title" part="title" role="heading" aria-level=${this.level(0)}>${model.title}</div>` : nothing}
      ${this.renderTop()}
      ${
        this.host.phase() === 'failed'
          ? html`<div class="failed" part="failed" role="alert" tabindex="-1">
            <p class="fd-state-title">${t.failedTitle}</p>
            <p>${t.failedText}</p>
          </div>`
          : nothing
      }
      ${this.renderSummary()}
      <div class="items">${this.renderNodes(this.screenNodes())}</div>
      ${this.renderScore()} ${this.renderEnd()}
      <div class="nav" part="nav">
        ${this.renderButtons()} ${sending ? html`<span class="sending">${t.sending}</span>` : nothing}
      </div>
    </form>`;
  }

  protected renderSummary(): unknown {
    const finish = this.host.finished();
    if (!this.summaryOpen || !finish) return nothing;
    const entries = this.model.items.flatMap((node) => {
      const error = this.errors.get(node.key)?.[0];
      return error ? [{ label: plainLabel(node), error, focus: () => void this.focusItem(node.key) }] : [];
    });
    return finish.renderErrorSummary(this.host.strings(), entries);
  }

  protected renderNodes(nodes: readonly SurveyNode[]): unknown {
    return repeat(
      nodes.filter(isShown),
      (node) => node.key,
      (node) =>
        node.type === 'group'
          ? this.renderGroup(node)
          : guard([this.versions.get(node.key) ?? 0, this.epoch, this.host.strings()], () => this.renderItem(node)),
    );
  }

  /** A group's own parts after its heading: its help and notices, and (on a repeating group) its remove button. */
  protected renderGroupParts(_node: SurveyNode, _label: string): { top: unknown; bottom: unknown; after: unknown } {
    return { top: nothing, bottom: nothing, after: nothing };
  }

  protected groupLabel(node: SurveyNode): string {
    return plainLabel(node);
  }

  protected renderGroup(node: SurveyNode): TemplateResult {
    const id = this.id(node.key);
    const errors = this.errors.get(node.key);
    const label = this.groupLabel(node);
    const parts = this.renderGroupParts(node, label);
    return html`<fieldset class="group" part="group" id=${id} tabindex="-1"
        aria-describedby=${errors ? `${id}-e` : nothing}>
        ${
          label
            ? html`<legend><span class="group-title" role="heading" aria-level=${this.level(1 + node.depth)}>${this.renderText(node, label)}</span></legend>`
            : nothing
        }
        ${parts.top}
        ${this.renderErrors(node.key, id)}
        ${this.renderNodes(this.childrenOf(node))}
        ${parts.bottom}
      </fieldset>
      ${parts.after}`;
  }

  /** A question's messages, tied to its control by `aria-describedby` (`${id}-e`). */
  protected renderErrors(key: string, id: string): unknown {
    const errors = this.errors.get(key);
    if (!errors?.length) return nothing;
    const t = this.host.strings();
    return html`<p class="error" id="${id}-e" part="field-error">
      ${errors.map((e) => t.error(e.code, e.params)).join(' ')}
    </p>`;
  }

  /** An item's text as shown (plain text here; the engine's form also draws markdown). */
  protected renderText(node: SurveyNode, text = node.text): unknown {
    return text;
  }

  protected renderLabel(node: SurveyNode): TemplateResult {
    return html`${node.prefix ? html`<span class="prefix">${node.prefix}</span> ` : nothing}${this.renderText(node)}${
      node.required ? html` <span class="required">${this.host.strings().required}</span>` : nothing
    }`;
  }

  /** How a question is laid out: a fieldset for a set of choices, else a label and one control. */
  protected renderItem(node: SurveyNode): TemplateResult {
    if (node.type === 'display') {
      return html`<p class="display" part="display">${node.prefix ? `${node.prefix} ` : ''}${this.renderText(node)}</p>`;
    }
    const id = this.id(node.key);
    const errors = this.errors.get(node.key);
    const hasEnds = node.lowerLabel !== undefined || node.upperLabel !== undefined;
    const scale = isScale(node);
    const describedBy =
      [node.help && `${id}-h`, hasEnds && (node.control !== 'slider' || scale) && `${id}-s`, errors && `${id}-e`]
        .filter(Boolean)
        .join(' ') || undefined;
    const control: Control = { node, id, describedBy, invalid: errors !== undefined, options: this.optionsOf(node) };
    const fieldset = scale || node.control === 'radio-button' || node.control === 'check-box';
    return this.renderField(control, fieldset, fieldset ? this.renderChoiceSet(control) : this.renderControl(control));
  }

  /** The answers a question offers (its options, or the points of a short scale). */
  protected optionsOf(node: SurveyNode): readonly SurveyOption[] {
    return optionsOf(node);
  }

  /** Radio buttons or checkboxes (and, in the engine's form, an open choice's "other" box). */
  protected renderChoiceSet(control: Control): unknown {
    return renderChoices(this.actions, control);
  }

  /** One question: its label (a legend for a fieldset), help, control and messages. */
  protected renderField({ node, id, describedBy }: Control, fieldset: boolean, control: unknown): TemplateResult {
    const help = node.help ? html`<p class="help" id="${id}-h" part="help">${node.help}</p>` : nothing;
    const messages = this.renderErrors(node.key, id);
    if (fieldset) {
      return html`<fieldset class="field" part="field" aria-describedby=${describedBy ?? nothing}>
        <legend class="label">${this.renderLabel(node)}</legend>
        ${help} ${control} ${messages}
      </fieldset>`;
    }
    return html`<div class="field" part="field">
      <label class="label" for=${id}>${this.renderLabel(node)}</label>
      ${help} ${control} ${messages}
    </div>`;
  }

  /** The one control of a question that is not a set of choices. */
  protected renderControl(control: Control): unknown {
    return control.node.control === 'text-area'
      ? renderTextarea(this.actions, control)
      : renderInput(this.actions, control);
  }

  /** Typing: the model follows every keystroke (enableWhen and drafts stay live); errors wait for `change`. */
  protected typeText(node: SurveyNode, event: Event): void {
    this.typing = node.key;
    try {
      const field =
        this.host.root()?.querySelector<HTMLInputElement>(`#${this.id(node.key)}`) ??
        (event.target as HTMLInputElement);
      this.readField(node, field);
    } finally {
      this.typing = undefined;
    }
  }

  /** Reads a question's input into the model: a number the browser cannot read is kept as bad input. */
  protected readField(node: SurveyNode, field: HTMLInputElement): void {
    if (field.validity.badInput) {
      this.badInput.add(node.key);
      this.model.clearAnswer(node.key);
      return;
    }
    this.badInput.delete(node.key);
    this.model.setAnswerText(node.key, field.value);
  }

  /** The patient left a field: show its errors now, and say them. */
  protected touch(node: SurveyNode): void {
    const errors = this.validate(node.key);
    const had = this.errors.has(node.key);
    this.setErrors(node.key, errors);
    const [first] = errors;
    if (first && !had) {
      const t = this.host.strings();
      this.host.announce(t.fieldError(plainLabel(node), t.error(first.code, first.params)));
    }
    this.host.update();
  }
}
