import {
  type FdSurveyPageDetail,
  type SurveyAnswer,
  type SurveyChange,
  type SurveyFieldError,
  type SurveyModel,
  type SurveyNode,
  type SurveyProblem,
  surveyAnswersEqual,
} from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  type Control,
  type ControlActions,
  renderCheckbox,
  renderChoices,
  renderInput,
  renderRepeatedInputs,
  renderSelect,
  renderSlider,
  renderTextarea,
} from './controls/index.js';
import { renderEndState, renderErrorSummary, renderFieldErrors, renderInvalid, renderProblems } from './form-parts.js';
import {
  isShown,
  layoutSurvey,
  quantityAnswer,
  type SurveyLayout,
  type SurveyScreen,
  screenEnabled,
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

  /** What the controls (./controls) may do: answer, type, leave a field, add and remove entries. */
  readonly #actions: ControlActions = {
    strings: () => this.#host.strings(),
    label: (node) => this.#renderLabel(node),
    setAnswer: (node, answers) => this.#model.setAnswer(node.key, answers),
    setAnswerText: (node, text) => this.#model.setAnswerText(node.key, text),
    choose: (node, option, selected) => {
      if (node.type !== 'boolean') this.#model.selectOption(node.key, option.id, selected);
      else if (selected) this.#model.setAnswer(node.key, [option.value]);
      else this.#model.clearAnswer(node.key);
    },
    typeText: (node, event) => this.#typeText(node, event),
    typeFreeText: (node, event) => this.#typeFreeText(node, event),
    touch: (node) => this.#touch(node),
    extraEntries: (node) => this.#extra.get(node.key) ?? 0,
    addEntry: (node) => this.#addEntry(node),
    removeEntry: (node, index) => this.#removeEntry(node, index),
  };

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
        return renderInvalid(t, this.#problems);
      case 'done':
        return this.#renderState('thanks', t.thanksTitle, t.thanksText);
      case 'queued':
        return this.#renderState('queued', t.queuedTitle, t.queuedText);
      default:
        return this.#renderForm();
    }
  }

  #renderState(part: 'thanks' | 'queued', title: string, text: string): TemplateResult {
    const retry = part === 'queued' ? () => this.#host.retry() : undefined;
    return renderEndState(
      { part, title, text, level: this.#level(0), score: this.#renderScore(), retry },
      this.#host.strings(),
    );
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
      ${renderProblems(this.#host.strings(), this.#problems)}
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

  #renderSummary(): unknown {
    if (!this.#summaryOpen || !this.#model) return nothing;
    const entries = this.#model.items.flatMap((node) => {
      const error = this.#errors.get(node.key)?.[0];
      return error ? [{ label: plainLabel(node), error, focus: () => void this.#focusItem(node.key) }] : [];
    });
    return renderErrorSummary(this.#host.strings(), entries);
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
    return renderFieldErrors(this.#host.strings(), id, errors);
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
        ${help} ${renderChoices(this.#actions, ctx)} ${this.#renderErrors(id, errors)}
      </fieldset>`;
    }
    if (node.repeats && node.control === 'input') {
      return html`<fieldset class="field" part="field" aria-describedby=${describedBy ?? nothing}>
        <legend class="label">${this.#renderLabel(node)}</legend>
        ${help} ${renderRepeatedInputs(this.#actions, ctx)} ${this.#renderErrors(id, errors)}
      </fieldset>`;
    }
    const render = singleCheckbox
      ? renderCheckbox
      : node.control === 'drop-down'
        ? renderSelect
        : node.control === 'slider'
          ? renderSlider
          : node.control === 'text-area'
            ? renderTextarea
            : renderInput;
    const control = render(this.#actions, ctx);
    return html`<div class="field" part="field">
      ${singleCheckbox ? nothing : html`<label class="label" for=${id}>${this.#renderLabel(node)}</label>`}
      ${help} ${control} ${this.#renderErrors(id, errors)}
    </div>`;
  }

  /** The "other" text of an open choice: kept beside the options chosen (when the question takes several). */
  #typeFreeText(node: SurveyNode, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const chosen = node.repeats
      ? node.answers.filter((a) => node.options.some((o) => surveyAnswersEqual(o.value, a)))
      : [];
    const free: SurveyAnswer[] = text.trim() ? [{ valueString: text }] : [];
    this.#typing = node.key;
    try {
      this.#model.setAnswer(node.key, [...chosen, ...free]);
    } finally {
      this.#typing = undefined;
    }
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
