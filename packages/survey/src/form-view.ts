import {
  type FdSurveyPageDetail,
  type SurveyAnswer,
  type SurveyChange,
  type SurveyFieldError,
  type SurveyModel,
  type SurveyNode,
  type SurveyOption,
  type SurveyProblem,
  surveyAnswersEqual,
} from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  answerText,
  isShown,
  layoutSurvey,
  quantityAnswer,
  type SurveyLayout,
  type SurveyScreen,
  screenEnabled,
  sliderValueText,
  unitLabel,
} from './layout.js';
import type { SurveyStrings } from './strings.js';

// The rendered form of <fd-survey>: its controls, pages, validation, error summary and end states. Loaded with the
// survey engine (engine.ts) on first use, because nothing of it can show before a Questionnaire is there; the element
// itself (survey.ts) stays a small shell: loading, adapter lookup, submission outbox and form association.

export type SurveyPhase = 'loading' | 'setup' | 'invalid' | 'form' | 'sending' | 'failed' | 'queued' | 'done';

/** What the form needs from its element: settings, state it shares, and the element's live region and events. */
export interface SurveyFormHost {
  strings(): SurveyStrings;
  phase(): SurveyPhase;
  page(): number;
  setPage(index: number): void;
  paged(): boolean;
  showScore(): boolean;
  headingLevel(): number;
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
  /** Every answer is valid: deliver the response. */
  submit(): void;
  /** Send the queued response now. */
  retry(): void;
}

/** Problems already shown in place (an item's "not supported here" line), so not listed again at the top. */
const SHOWN_IN_PLACE = new Set(['unsupported-item', 'value-set-unresolved', 'initial-answer-dropped']);

const INPUT_TYPES: Record<string, string> = {
  integer: 'number',
  decimal: 'number',
  quantity: 'number',
  date: 'date',
  dateTime: 'datetime-local',
  time: 'time',
  url: 'url',
};

const plainLabel = (node: SurveyNode) => (node.prefix ? `${node.prefix} ${node.text}` : node.text);

/** Shared by every form on the page, so a form built for a new Questionnaire never matches an old render (`guard`). */
let epochs = 0;

export class SurveyForm {
  readonly #host: SurveyFormHost;
  readonly #model: SurveyModel;
  readonly #problems: readonly SurveyProblem[];
  #unsubscribe: (() => void) | undefined;
  #layout: SurveyLayout | undefined;
  #ids = new Map<string, string>();
  /** Bumped per item when what it shows changes, so only those items re-render (lit `guard`). */
  #versions = new Map<string, number>();
  #epoch = ++epochs;
  /** The item whose input event is being handled: its input already shows what was typed. */
  #typing: string | undefined;
  #errors = new Map<string, SurveyFieldError[]>();
  /** Number inputs holding text the browser cannot read as a number (value is then ''). */
  #badInput = new Set<string>();
  /** Empty extra inputs a patient added to a repeating question. */
  #extra = new Map<string, number>();
  #summaryOpen = false;

  constructor(host: SurveyFormHost, model: SurveyModel) {
    this.#host = host;
    this.#model = model;
    this.#problems = model.problems;
  }

  /** Follow the model and lay it out, showing its first page (a renderable model, after any draft is restored). */
  start(): void {
    this.#unsubscribe = this.#model.subscribe((change) => this.#onChange(change));
    this.relayout();
    this.#host.setPage(this.#firstScreen());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  relayout(): void {
    this.#layout = layoutSurvey(this.#model.items, this.#host.paged());
  }

  /** Validates every answer, opening the summary of errors when one is wrong; true when all are valid. */
  validateAll(): boolean {
    if (this.#validateAll(this.#model.items)) {
      this.#openSummary();
      return false;
    }
    return true;
  }

  /** The host form's view of the survey: the response as its value, the first error as its validity. */
  syncForm(internals: ElementInternals): void {
    const model = this.#model;
    const validation = model.validate();
    const badKey = [...this.#badInput].find((k) => model.isEnabled(k));
    const firstKey = validation.firstErrorKey ?? badKey;
    internals.setFormValue(JSON.stringify(model.toResponse({ status: firstKey ? 'in-progress' : 'completed' })));
    if (!firstKey) {
      internals.setValidity({});
      return;
    }
    const node = model.getItem(firstKey)!;
    const error = validation.errors[firstKey]?.[0] ?? { code: 'invalid-format' as const, params: {} };
    const t = this.#host.strings();
    const message = t.fieldError(plainLabel(node), t.error(error.code, error.params));
    const anchor = this.#host.root()?.querySelector<HTMLElement>(`#${this.#id(firstKey)}`) ?? undefined;
    internals.setValidity(error.code === 'required' ? { valueMissing: true } : { customError: true }, message, anchor);
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#host.phase() === 'sending') return;
    if (this.#step(1) !== undefined) this.#next();
    else if (this.validateAll()) this.#host.submit();
  };

  #bump(key: string): void {
    this.#versions.set(key, (this.#versions.get(key) ?? 0) + 1);
  }

  #onChange(change: SurveyChange): void {
    const model = this.#model;
    if (change.kind === 'answer') {
      if (change.key !== this.#typing) this.#bump(change.key);
      if (this.#errors.has(change.key)) this.#setErrors(change.key, this.#validate(change.key));
    } else {
      this.#epoch++;
      this.relayout();
      for (const key of this.#errors.keys()) if (!model.getItem(key)) this.#errors.delete(key);
    }
    for (const key of change.enabledChanged) {
      this.#bump(key);
      if (!model.isEnabled(key)) this.#errors.delete(key);
    }
    this.#host.changed();
  }

  #validate(key: string): SurveyFieldError[] {
    const model = this.#model;
    const errors = model.validateItem(key);
    const node = model.getItem(key);
    if (this.#badInput.has(key) && node?.enabled && !errors.some((e) => e.code === 'invalid-format')) {
      errors.unshift({ code: 'invalid-format', params: { expected: node.type } });
    }
    return errors;
  }

  #setErrors(key: string, errors: SurveyFieldError[]): void {
    const before = (this.#errors.get(key) ?? []).map((e) => e.code).join();
    if (errors.length > 0) this.#errors.set(key, errors);
    else this.#errors.delete(key);
    if (before !== errors.map((e) => e.code).join()) this.#bump(key);
  }

  /** Validates the enabled items given; returns the first with an error. */
  #validateAll(nodes: readonly SurveyNode[]): SurveyNode | undefined {
    let first: SurveyNode | undefined;
    for (const node of nodes) {
      if (!isShown(node) || node.type === 'display') continue;
      const errors = this.#validate(node.key);
      this.#setErrors(node.key, errors);
      if (errors.length > 0) first ??= node;
    }
    return first;
  }

  #screens(): SurveyScreen[] {
    return this.#layout?.screens ?? [];
  }

  #firstScreen(): number {
    const index = this.#screens().findIndex(screenEnabled);
    return Math.max(0, index);
  }

  #step(direction: 1 | -1): number | undefined {
    const screens = this.#screens();
    for (let i = this.#host.page() + direction; i >= 0 && i < screens.length; i += direction) {
      if (screenEnabled(screens[i]!)) return i;
    }
    return undefined;
  }

  #goTo(index: number): void {
    this.#host.setPage(index);
    this.#summaryOpen = false;
    this.#host.focus('.page-title');
    const enabled = this.#screens().filter(screenEnabled);
    const position = enabled.indexOf(this.#screens()[index]!);
    this.#host.pageShown({ index: position, count: enabled.length });
  }

  #next(): void {
    const model = this.#model;
    const page = this.#host.page();
    const first = this.#validateAll(model.items.filter((n) => this.#layout?.screenOf.get(n.key) === page));
    if (first) {
      this.#openSummary();
      return;
    }
    const next = this.#step(1);
    if (next !== undefined) this.#goTo(next);
  }

  #back(): void {
    const previous = this.#step(-1);
    if (previous !== undefined) this.#goTo(previous);
  }

  #openSummary(): void {
    this.#summaryOpen = true;
    this.#host.focus('.summary');
    this.#host.update();
  }

  /** Move focus to an item's first control, switching page when it is on another one. */
  async #focusItem(key: string): Promise<void> {
    const screen = this.#layout?.screenOf.get(key);
    if (screen !== undefined && screen !== this.#host.page()) {
      this.#host.setPage(screen);
      await this.#host.updateComplete();
    }
    this.#host
      .root()
      ?.querySelector<HTMLElement>(`#${this.#id(key)}`)
      ?.focus();
  }

  #id(key: string): string {
    let id = this.#ids.get(key);
    if (!id) {
      id = `q${this.#ids.size + 1}`;
      this.#ids.set(key, id);
    }
    return id;
  }

  #level(offset: number): number {
    const base = Number.isInteger(this.#host.headingLevel()) ? Math.min(6, Math.max(1, this.#host.headingLevel())) : 2;
    return Math.min(6, base + offset);
  }

  /** The form, or the invalid, thank-you or queued state, for every phase after loading. */
  render(): unknown {
    const t = this.#host.strings();
    switch (this.#host.phase()) {
      case 'invalid':
        return html`<div class="fd-state error" part="error" role="alert">
          <p class="fd-state-title">${t.setupTitle}</p>
          <p>${t.setupHint}</p>
          <ul class="problems">${this.#problems.map((p) => html`<li>${p.message}</li>`)}</ul>
        </div>`;
      case 'done':
        return this.#renderState('thanks', t.thanksTitle, t.thanksText);
      case 'queued':
        return this.#renderState('queued', t.queuedTitle, t.queuedText);
      default:
        return this.#renderForm();
    }
  }

  #renderState(part: 'thanks' | 'queued', title: string, text: string): TemplateResult {
    return html`<section class="state ${part}" part=${part} aria-labelledby="state-title">
      <div id="state-title" class="state-title" role="heading" aria-level=${this.#level(0)} tabindex="-1">
        ${title}
      </div>
      <p>${text}</p>
      ${this.#renderScore()}
      ${
        part === 'queued'
          ? html`<button class="fd-button secondary" part="retry-button" type="button" @click=${() => this.#host.retry()}>
            ${this.#host.strings().retryNow}
          </button>`
          : nothing
      }
    </section>`;
  }

  #renderScore(): unknown {
    if (!this.#host.showScore() || !this.#model) return nothing;
    const score = this.#model.score();
    if (score.scoredItems === 0) return nothing;
    return html`<p class="score" part="score">${this.#host.strings().score(score.total, score.max)}</p>`;
  }

  #renderForm(): TemplateResult {
    const t = this.#host.strings();
    const model = this.#model;
    const layout = this.#layout!;
    const screens = layout.screens;
    const screen = screens[this.#host.page()] ?? screens[0]!;
    const enabled = screens.filter(screenEnabled);
    const position = enabled.indexOf(screen);
    const last = this.#step(1) === undefined;
    const inHostForm = this.#host.inHostForm();
    const roots = screen.isGroupPage
      ? screen.roots.flatMap((root) => (root.repeat ? [root] : (layout.children.get(root.key) ?? [])))
      : screen.roots;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${model.title ? html`<div class="title" part="title" role="heading" aria-level=${this.#level(0)}>${model.title}</div>` : nothing}
      ${this.#renderProblems()}
      ${
        this.#host.phase() === 'failed'
          ? html`<div class="failed" part="failed" role="alert" tabindex="-1">
            <p class="fd-state-title">${t.failedTitle}</p>
            <p>${t.failedText}</p>
          </div>`
          : nothing
      }
      ${this.#renderSummary()}
      ${
        layout.paged
          ? html`<div class="progress" part="progress">
              <span id="progress-text">${t.page(position + 1, enabled.length)}</span>
              <progress max=${enabled.length} .value=${position + 1} aria-labelledby="progress-text"></progress>
            </div>
            <div class="page-title" part="page-title" role="heading" aria-level=${this.#level(1)} tabindex="-1">
              ${screen.title || model.title || t.page(position + 1, enabled.length)}
            </div>`
          : nothing
      }
      <div class="items">${this.#renderNodes(roots)}</div>
      ${this.#renderScore()}
      <div class="nav" part="nav">
        ${
          position > 0
            ? html`<button class="fd-button secondary" part="back-button" type="button" @click=${() => this.#back()}>
              ${t.back}
            </button>`
            : nothing
        }
        ${
          !last
            ? html`<button class="fd-button" part="next-button" type="submit">${t.next}</button>`
            : inHostForm
              ? nothing
              : html`<button class="fd-button" part="submit-button" type="submit"
                  aria-disabled=${this.#host.phase() === 'sending' ? 'true' : 'false'}>${t.submit}</button>`
        }
        ${this.#host.phase() === 'sending' ? html`<span class="sending">${t.sending}</span>` : nothing}
      </div>
    </form>`;
  }

  #renderProblems(): unknown {
    const listed = this.#problems.filter((p) => !SHOWN_IN_PLACE.has(p.code));
    if (listed.length === 0) return nothing;
    const t = this.#host.strings();
    return html`<div class="problems-notice" part="problems">
      <p>${t.problemsTitle}</p>
      <details>
        <summary>${t.technicalDetails}</summary>
        <ul class="problems">${listed.map((p) => html`<li>${p.message}</li>`)}</ul>
      </details>
    </div>`;
  }

  #renderSummary(): unknown {
    if (!this.#summaryOpen || !this.#model) return nothing;
    const t = this.#host.strings();
    const entries = this.#model.items.filter((n) => this.#errors.has(n.key));
    if (entries.length === 0) return nothing;
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title" class="summary-title">${t.summaryTitle}</p>
      <p>${t.summaryIntro(entries.length)}</p>
      <ul>
        ${entries.map((node) => {
          const error = this.#errors.get(node.key)![0]!;
          return html`<li>
            <button type="button" class="link" @click=${() => void this.#focusItem(node.key)}>
              ${t.fieldError(plainLabel(node) || t.entry, t.error(error.code, error.params))}
            </button>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderNodes(nodes: readonly SurveyNode[]): unknown {
    return repeat(
      nodes.filter(isShown),
      (node) => node.key,
      (node) =>
        node.type === 'group'
          ? this.#renderGroup(node)
          : guard([this.#versions.get(node.key) ?? 0, this.#epoch, this.#host.strings()], () => this.#renderItem(node)),
    );
  }

  #renderGroup(node: SurveyNode): TemplateResult {
    const t = this.#host.strings();
    const id = this.#id(node.key);
    const errors = this.#errors.get(node.key);
    const rep = node.repeat;
    const label = rep && rep.count > 1 ? `${plainLabel(node)} ${rep.index + 1}` : plainLabel(node);
    const addButton =
      rep && rep.index === rep.count - 1 && !node.readOnly
        ? html`<button class="fd-button secondary add" part="add-button" type="button" @click=${() => this.#addRepeat(node)}>
          ${t.addRepeat(plainLabel(node) || t.entry)}
        </button>`
        : nothing;
    return html`<fieldset class="group" part="group" id=${id} tabindex="-1"
        aria-describedby=${errors ? `${id}-e` : nothing}>
        ${
          label
            ? html`<legend><span class="group-title" role="heading" aria-level=${this.#level(1 + node.depth)}>${label}</span></legend>`
            : nothing
        }
        ${node.help ? html`<p class="help" part="help">${node.help}</p>` : nothing}
        ${node.unsupported ? html`<p class="unsupported" part="unsupported">${t.unsupported}</p>` : nothing}
        ${this.#renderErrors(id, errors)}
        ${this.#renderNodes(this.#layout?.children.get(node.key) ?? [])}
        ${
          rep && rep.count > 1 && !node.readOnly
            ? html`<button class="fd-button secondary" part="remove-button" type="button"
                @click=${() => this.#removeRepeat(node)}>${t.removeRepeat(plainLabel(node) || t.entry, rep.index + 1)}</button>`
            : nothing
        }
      </fieldset>
      ${addButton}`;
  }

  #addRepeat(node: SurveyNode): void {
    const key = this.#model.addRepeat(node.repeat!.repeatKey);
    if (key) this.#host.focus(`#${this.#id(key)}`);
  }

  #removeRepeat(node: SurveyNode): void {
    const { repeatKey, index } = node.repeat!;
    this.#model.removeRepeat(node.key);
    const remaining = this.#model.items.filter((n) => n.repeat?.repeatKey === repeatKey) ?? [];
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    if (neighbour) this.#host.focus(`#${this.#id(neighbour.key)}`);
  }

  #renderErrors(id: string, errors: readonly SurveyFieldError[] | undefined): unknown {
    if (!errors?.length) return nothing;
    const t = this.#host.strings();
    return html`<p class="error" id="${id}-e" part="field-error">
      ${errors.map((e) => t.error(e.code, e.params)).join(' ')}
    </p>`;
  }

  #renderLabel(node: SurveyNode): TemplateResult {
    return html`${node.prefix ? html`<span class="prefix">${node.prefix}</span> ` : nothing}${node.text}${
      node.required ? html` <span class="required">${this.#host.strings().required}</span>` : nothing
    }`;
  }

  #renderItem(node: SurveyNode): TemplateResult {
    if (node.type === 'display') {
      return html`<p class="display" part="display">${node.prefix ? `${node.prefix} ` : ''}${node.text}</p>`;
    }
    const t = this.#host.strings();
    const id = this.#id(node.key);
    if (node.unsupported) {
      return html`<div class="field" part="field" id=${id} tabindex="-1">
        <p class="label">${this.#renderLabel(node)}</p>
        <p class="unsupported" part="unsupported">${t.unsupported}</p>
      </div>`;
    }
    const errors = this.#errors.get(node.key);
    const hasEnds = node.lowerLabel !== undefined || node.upperLabel !== undefined;
    const describedBy =
      [node.help && `${id}-h`, hasEnds && node.control !== 'slider' && `${id}-s`, errors && `${id}-e`]
        .filter(Boolean)
        .join(' ') || undefined;
    const help = node.help ? html`<p class="help" id="${id}-h" part="help">${node.help}</p>` : nothing;
    const ctx: Control = { node, id, describedBy, invalid: errors !== undefined };
    const isChoiceSet = node.control === 'radio-button' || node.control === 'check-box';
    const singleCheckbox = node.type === 'boolean' && node.control === 'check-box';
    if (isChoiceSet && !singleCheckbox) {
      return html`<fieldset class="field" part="field" aria-describedby=${describedBy ?? nothing}>
        <legend class="label">${this.#renderLabel(node)}</legend>
        ${help} ${this.#renderChoices(ctx)} ${this.#renderErrors(id, errors)}
      </fieldset>`;
    }
    if (node.repeats && node.control === 'input') {
      return html`<fieldset class="field" part="field" aria-describedby=${describedBy ?? nothing}>
        <legend class="label">${this.#renderLabel(node)}</legend>
        ${help} ${this.#renderRepeatedInputs(ctx)} ${this.#renderErrors(id, errors)}
      </fieldset>`;
    }
    const control = singleCheckbox
      ? this.#renderCheckbox(ctx)
      : node.control === 'drop-down'
        ? this.#renderSelect(ctx)
        : node.control === 'slider'
          ? this.#renderSlider(ctx)
          : node.control === 'text-area'
            ? this.#renderTextarea(ctx)
            : this.#renderInput(ctx);
    return html`<div class="field" part="field">
      ${singleCheckbox ? nothing : html`<label class="label" for=${id}>${this.#renderLabel(node)}</label>`}
      ${help} ${control} ${this.#renderErrors(id, errors)}
    </div>`;
  }

  // ---- controls --------------------------------------------------------------------------------------------------

  #options(node: SurveyNode): readonly SurveyOption[] {
    if (node.type !== 'boolean') return node.options;
    const t = this.#host.strings();
    return [
      { id: 'true', label: t.yes, value: { valueBoolean: true }, score: undefined, initialSelected: false },
      { id: 'false', label: t.no, value: { valueBoolean: false }, score: undefined, initialSelected: false },
    ];
  }

  #chosen(node: SurveyNode, option: SurveyOption): boolean {
    return node.answers.some((a) => surveyAnswersEqual(a, option.value));
  }

  /** The open-choice answer that is not one of the options. */
  #freeText(node: SurveyNode): string {
    const options = node.options;
    const free = node.answers.find((a) => 'valueString' in a && !options.some((o) => surveyAnswersEqual(o.value, a)));
    return free && 'valueString' in free ? free.valueString : '';
  }

  #choose(node: SurveyNode, option: SurveyOption, selected: boolean): void {
    const model = this.#model;
    if (node.type === 'boolean') {
      if (selected) model.setAnswer(node.key, [option.value]);
      else model.clearAnswer(node.key);
    } else model.selectOption(node.key, option.id, selected);
  }

  #renderEnds(id: string, lower: string | undefined, upper: string | undefined): unknown {
    if (lower === undefined && upper === undefined) return nothing;
    return html`<div class="ends" id="${id}-s" part="scale-labels">
      <span>${lower ?? ''}</span> <span>${upper ?? ''}</span>
    </div>`;
  }

  #renderChoices({ node, id, invalid }: Control): TemplateResult {
    const options = this.#options(node);
    const multiple = node.control === 'check-box';
    const scale = node.orientation === 'horizontal' && options.length >= 7;
    const layout = scale ? 'scale' : node.orientation === 'horizontal' ? 'horizontal' : 'vertical';
    const otherId = `${id}-o`;
    return html`<div class="options ${layout}" part="options">
        ${options.map(
          (option, i) => html`<label class="option" part="option">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              id=${i === 0 ? id : `${id}-${i}`}
              name=${id}
              value=${option.id}
              .checked=${live(this.#chosen(node, option))}
              ?disabled=${node.readOnly}
              aria-invalid=${invalid ? 'true' : nothing}
              @change=${(e: Event) => this.#choose(node, option, (e.target as HTMLInputElement).checked)}
            /><span>${option.label}</span>
          </label>`,
        )}
      </div>
      ${this.#renderEnds(id, node.lowerLabel, node.upperLabel)}
      ${
        node.allowsFreeText
          ? html`<label class="other" for=${otherId}>${this.#host.strings().other}</label>
            <input class="text" part="input" id=${otherId} type="text" .value=${live(this.#freeText(node))}
              ?readonly=${node.readOnly} @input=${(e: Event) => this.#typeFreeText(node, e)} />`
          : nothing
      }`;
  }

  #typeFreeText(node: SurveyNode, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const model = this.#model;
    const chosen = node.repeats
      ? node.answers.filter((a) => node.options.some((o) => surveyAnswersEqual(o.value, a)))
      : [];
    const free: SurveyAnswer[] = text.trim() ? [{ valueString: text }] : [];
    this.#typing = node.key;
    try {
      model.setAnswer(node.key, [...chosen, ...free]);
    } finally {
      this.#typing = undefined;
    }
  }

  #renderCheckbox({ node, id, describedBy, invalid }: Control): TemplateResult {
    const checked = node.answers.some((a) => 'valueBoolean' in a && a.valueBoolean);
    return html`<label class="option single" part="option">
      <input type="checkbox" id=${id} .checked=${live(checked)} ?disabled=${node.readOnly}
        aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
        @change=${(e: Event) => this.#model.setAnswer(node.key, [{ valueBoolean: (e.target as HTMLInputElement).checked }])} />
      <span>${this.#renderLabel(node)}</span>
    </label>`;
  }

  #renderSelect({ node, id, describedBy, invalid }: Control): TemplateResult {
    const options = this.#options(node);
    const onChange = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      const chosen = [...select.selectedOptions].map((o) => options.find((opt) => opt.id === o.value)?.value);
      const free = node.allowsFreeText && this.#freeText(node) ? [{ valueString: this.#freeText(node) }] : [];
      this.#model.setAnswer(node.key, [...(chosen.filter(Boolean) as SurveyAnswer[]), ...free]);
    };
    return html`<select class="input" part="input" id=${id} ?multiple=${node.repeats} ?disabled=${node.readOnly}
        aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing} @change=${onChange}>
        ${node.repeats ? nothing : html`<option value="" .selected=${live(node.answers.length === 0)}>${this.#host.strings().choose}</option>`}
        ${options.map((o) => html`<option value=${o.id} .selected=${live(this.#chosen(node, o))}>${o.label}</option>`)}
      </select>
      ${
        node.allowsFreeText
          ? html`<label class="other" for="${id}-o">${this.#host.strings().other}</label>
            <input class="text" part="input" id="${id}-o" type="text" .value=${live(this.#freeText(node))}
              @input=${(e: Event) => this.#typeFreeText(node, e)} />`
          : nothing
      }`;
  }

  #renderSlider({ node, id, describedBy, invalid }: Control): TemplateResult {
    const t = this.#host.strings();
    const options = node.options;
    const byOption = options.length > 0;
    const min = byOption ? 0 : typeof node.min === 'number' ? node.min : 0;
    const max = byOption ? options.length - 1 : typeof node.max === 'number' ? node.max : 100;
    const step = byOption ? 1 : (node.step ?? 1);
    const answer = node.answers[0];
    let value: number | undefined;
    if (answer && byOption) value = options.findIndex((o) => surveyAnswersEqual(o.value, answer));
    else if (answer && 'valueInteger' in answer) value = answer.valueInteger;
    else if (answer && 'valueDecimal' in answer) value = answer.valueDecimal;
    const answered = value !== undefined && value >= 0;
    const lower = node.lowerLabel ?? (byOption ? options[0]?.label : String(min));
    const upper = node.upperLabel ?? (byOption ? options[options.length - 1]?.label : String(max));
    const text = !answered
      ? t.notAnswered
      : byOption
        ? (options[value!]?.label ?? '')
        : sliderValueText(value!, min, max, node.lowerLabel, node.upperLabel);
    const onInput = (event: Event) => {
      const n = Number((event.target as HTMLInputElement).value);
      if (byOption) this.#model.selectOption(node.key, options[n]!.id);
      else this.#model.setAnswerText(node.key, String(n));
    };
    return html`<div class="slider">
      <input class="range" part="input" type="range" id=${id} min=${min} max=${max} step=${step}
        .value=${live(String(answered ? value : (min + max) / 2))} aria-valuetext=${text} ?disabled=${node.readOnly}
        aria-describedby=${[describedBy, `${id}-s`].filter(Boolean).join(' ')} aria-invalid=${invalid ? 'true' : nothing}
        @input=${onInput} @change=${onInput} />
      <div class="ends" id="${id}-s" part="scale-labels"><span>${lower}</span> <span>${upper}</span></div>
      <p class="slider-value" aria-hidden="true">${text}</p>
    </div>`;
  }

  #renderTextarea({ node, id, describedBy, invalid }: Control): TemplateResult {
    const value = node.invalidText[0] ?? (node.answers[0] ? answerText(node.answers[0]) : '');
    return html`<textarea class="input" part="input" id=${id} rows="4" .value=${live(value)}
      maxlength=${node.maxLength ?? nothing} placeholder=${node.entryFormat ?? nothing} ?readonly=${node.readOnly}
      aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
      @input=${(e: Event) => this.#typeText(node, e)} @change=${() => this.#touch(node)}></textarea>`;
  }

  #inputAttributes(node: SurveyNode) {
    const type = INPUT_TYPES[node.type] ?? 'text';
    const bound = (b: number | string | undefined) =>
      b === undefined ? nothing : node.type === 'time' && typeof b === 'string' ? b.slice(0, 5) : String(b);
    const dated = node.type === 'dateTime';
    return {
      type,
      min: dated ? nothing : bound(node.min),
      max: dated ? nothing : bound(node.max),
      step: node.type === 'integer' ? '1' : type === 'number' ? String(node.step ?? 'any') : nothing,
    };
  }

  #renderInput(ctx: Control): TemplateResult {
    const { node, id, describedBy, invalid } = ctx;
    const a = this.#inputAttributes(node);
    const value = node.invalidText[0] ?? (node.answers[0] ? answerText(node.answers[0]) : '');
    const input = html`<input class="input" part="input" id=${id} type=${a.type} min=${a.min} max=${a.max}
      step=${a.step} .value=${live(value)} maxlength=${node.maxLength ?? nothing}
      placeholder=${node.entryFormat ?? nothing} ?readonly=${node.readOnly}
      aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
      @input=${(e: Event) => this.#typeText(node, e)} @change=${() => this.#touch(node)} />`;
    if (node.type !== 'quantity' || node.units.length === 0) return input;
    if (node.units.length === 1)
      return html`<span class="quantity">${input}<span class="unit">${unitLabel(node.units[0]!)}</span></span>`;
    const answer = node.answers[0];
    const current = answer && 'valueQuantity' in answer ? answer.valueQuantity : undefined;
    return html`<span class="quantity">${input}
      <select class="input unit" part="input" id="${id}-u" aria-label=${this.#host.strings().unit}
        @change=${(e: Event) => this.#typeText(node, e)}>
        ${node.units.map(
          (
            u,
            i,
          ) => html`<option value=${i} .selected=${live(current ? current.code === u.code && current.unit === unitLabel(u) : i === 0)}>
            ${unitLabel(u)}
          </option>`,
        )}
      </select></span>`;
  }

  #renderRepeatedInputs(ctx: Control): TemplateResult {
    const { node, id, describedBy, invalid } = ctx;
    const t = this.#host.strings();
    const a = this.#inputAttributes(node);
    const texts = [...node.answers.map(answerText), ...node.invalidText];
    const count = Math.max(1, texts.length + (this.#extra.get(node.key) ?? 0));
    const slots = Array.from({ length: count }, (_, i) => texts[i] ?? '');
    return html`<div class="entries" data-entries=${node.key}>
        ${slots.map(
          (text, i) => html`<div class="entry">
            <input class="input" part="input" id=${i === 0 ? id : `${id}-${i}`} data-entry type=${a.type} min=${a.min}
              max=${a.max} step=${a.step} .value=${live(text)} aria-label="${t.entry} ${i + 1}"
              maxlength=${node.maxLength ?? nothing} ?readonly=${node.readOnly}
              aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing}
              @input=${(e: Event) => this.#typeText(node, e)} @change=${() => this.#touch(node)} />
            ${
              count > 1
                ? html`<button class="fd-button secondary" part="remove-button" type="button"
                    @click=${() => this.#removeEntry(node, i)}>${t.removeAnswer(i + 1)}</button>`
                : nothing
            }
          </div>`,
        )}
      </div>
      <button class="fd-button secondary add" part="add-button" type="button" @click=${() => this.#addEntry(node)}>
        ${t.addAnswer}
      </button>`;
  }

  #entryTexts(node: SurveyNode): string[] {
    const box = this.#host
      .root()
      ?.querySelector(`#${this.#id(node.key)}`)
      ?.closest('.entries');
    return [...(box?.querySelectorAll<HTMLInputElement>('[data-entry]') ?? [])].map((input) => input.value);
  }

  #setEntries(node: SurveyNode, texts: string[]): void {
    this.#extra.set(node.key, texts.filter((text) => text.trim() === '').length);
    this.#model.setAnswerText(node.key, texts);
  }

  #addEntry(node: SurveyNode): void {
    const texts = this.#entryTexts(node);
    this.#extra.set(node.key, (this.#extra.get(node.key) ?? 0) + 1);
    this.#bump(node.key);
    const id = this.#id(node.key);
    this.#host.focus(`#${id}-${texts.length}`);
    this.#host.update();
  }

  #removeEntry(node: SurveyNode, index: number): void {
    const texts = this.#entryTexts(node);
    texts.splice(index, 1);
    this.#setEntries(node, texts);
    this.#bump(node.key);
    this.#host.focus(`#${this.#id(node.key)}`);
    this.#host.update();
  }

  /** Typing: the model follows every keystroke (enableWhen and drafts stay live); errors wait for `change`. */
  #typeText(node: SurveyNode, event: Event): void {
    const model = this.#model;
    const input = event.target as HTMLInputElement;
    this.#typing = node.key;
    try {
      if (node.repeats) {
        this.#setEntries(node, this.#entryTexts(node));
        return;
      }
      const field = this.#host.root()?.querySelector<HTMLInputElement>(`#${this.#id(node.key)}`) ?? input;
      if (field.validity.badInput) {
        this.#badInput.add(node.key);
        model.clearAnswer(node.key);
        return;
      }
      this.#badInput.delete(node.key);
      const text = field.value;
      if (node.type === 'quantity' && node.units.length > 1) {
        const select = this.#host.root()?.querySelector<HTMLSelectElement>(`#${this.#id(node.key)}-u`);
        const answer = quantityAnswer(text, node.units[Number(select?.value ?? 0)]);
        if (answer) model.setAnswer(node.key, [answer]);
        else model.setAnswerText(node.key, text);
      } else model.setAnswerText(node.key, text);
    } finally {
      this.#typing = undefined;
    }
  }

  /** The patient left a field: show its errors now, and say them. */
  #touch(node: SurveyNode): void {
    const errors = this.#validate(node.key);
    const had = this.#errors.has(node.key);
    this.#setErrors(node.key, errors);
    const [first] = errors;
    if (first && !had) {
      const t = this.#host.strings();
      this.#host.announce(t.fieldError(plainLabel(node), t.error(first.code, first.params)));
    }
    this.#host.update();
  }
}

interface Control {
  node: SurveyNode;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}
