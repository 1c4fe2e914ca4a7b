import {
  type SurveyAnswer,
  type SurveyModel,
  type SurveyNode,
  type SurveyProblem,
  surveyAnswersEqual,
} from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { renderCheckbox, renderChoices } from './controls/choices.js';
import type { Control, EntryActions } from './controls/control.js';
import { renderRepeatedInputs } from './controls/entries.js';
import { renderOther } from './controls/other.js';
import { quantityAnswer, renderQuantity } from './controls/quantity.js';
import { renderSelect } from './controls/select.js';
import { renderSlider } from './controls/slider.js';
import { FormView, plainLabel, type SurveyFormHost } from './form-view.js';
import { layoutSurvey, type SurveyLayout, type SurveyScreen, screenEnabled } from './layout.js';
import { renderInvalid, renderProblems } from './notices.js';

// The form of a Questionnaire the survey engine renders (loaded with it, engine.ts): what a simple form has
// (form-view.ts), plus pages with progress, repeating questions and groups, open choices, drop-downs, long sliders,
// quantities, and the notices about items that cannot be answered here.

export class EngineForm extends FormView {
  readonly #problems: readonly SurveyProblem[];
  #layout: SurveyLayout | undefined;
  /** Empty extra inputs a patient added to a repeating question. */
  #extra = new Map<string, number>();

  constructor(host: SurveyFormHost, model: SurveyModel) {
    super(host, model);
    this.#problems = model.problems;
  }

  /** The controls' actions, with open-choice text and the entries of repeating questions. */
  readonly #entryActions: EntryActions = {
    ...this.actions,
    typeFreeText: (node, event) => this.#typeFreeText(node, event),
    extraEntries: (node) => this.#extra.get(node.key) ?? 0,
    addEntry: (node) => this.#addEntry(node),
    removeEntry: (node, index) => this.#removeEntry(node, index),
  };

  override relayout(): void {
    this.#layout = layoutSurvey(this.model.items, this.host.paged());
  }

  #screens(): SurveyScreen[] {
    return this.#layout?.screens ?? [];
  }

  protected override firstScreen(): number {
    return Math.max(0, this.#screens().findIndex(screenEnabled));
  }

  #step(direction: 1 | -1): number | undefined {
    const screens = this.#screens();
    for (let i = this.host.page() + direction; i >= 0 && i < screens.length; i += direction) {
      if (screenEnabled(screens[i]!)) return i;
    }
    return undefined;
  }

  #goTo(index: number): void {
    this.host.setPage(index);
    this.summaryOpen = false;
    this.host.focus('.page-title');
    const enabled = this.#screens().filter(screenEnabled);
    const position = enabled.indexOf(this.#screens()[index]!);
    this.host.pageShown({ index: position, count: enabled.length });
  }

  protected override submitOrNext(): void {
    if (this.#step(1) === undefined) {
      super.submitOrNext();
      return;
    }
    const page = this.host.page();
    const first = this.validateNodes(this.model.items.filter((n) => this.#layout?.screenOf.get(n.key) === page));
    if (first) {
      this.openSummary();
      return;
    }
    const next = this.#step(1);
    if (next !== undefined) this.#goTo(next);
  }

  protected override isLastScreen(): boolean {
    return this.#step(1) === undefined;
  }

  protected override renderBack(): unknown {
    const previous = this.#step(-1);
    if (previous === undefined) return nothing;
    return html`<button class="fd-button secondary" part="back-button" type="button" @click=${() => this.#goTo(previous)}>
      ${this.host.strings().back}
    </button>`;
  }

  protected override async reveal(key: string): Promise<void> {
    const screen = this.#layout?.screenOf.get(key);
    if (screen !== undefined && screen !== this.host.page()) {
      this.host.setPage(screen);
      await this.host.updateComplete();
    }
  }

  override render(): unknown {
    return this.host.phase() === 'invalid' ? renderInvalid(this.host.strings(), this.#problems) : super.render();
  }

  #screen(): SurveyScreen {
    const screens = this.#screens();
    return screens[this.host.page()] ?? screens[0]!;
  }

  protected override screenNodes(): readonly SurveyNode[] {
    const screen = this.#screen();
    const children = this.#layout!.children;
    return screen.isGroupPage
      ? screen.roots.flatMap((root) => (root.repeat ? [root] : (children.get(root.key) ?? [])))
      : screen.roots;
  }

  protected override childrenOf(node: SurveyNode): readonly SurveyNode[] {
    return this.#layout?.children.get(node.key) ?? [];
  }

  protected override renderTop(): unknown {
    const t = this.host.strings();
    const problems = renderProblems(t, this.#problems);
    if (!this.#layout?.paged) return problems;
    const screen = this.#screen();
    const enabled = this.#screens().filter(screenEnabled);
    const position = enabled.indexOf(screen);
    return html`${problems}
      <div class="progress" part="progress">
        <span id="progress-text">${t.page(position + 1, enabled.length)}</span>
        <progress max=${enabled.length} .value=${position + 1} aria-labelledby="progress-text"></progress>
      </div>
      <div class="page-title" part="page-title" role="heading" aria-level=${this.level(1)} tabindex="-1">
        ${screen.title || this.model.title || t.page(position + 1, enabled.length)}
      </div>`;
  }

  protected override groupLabel(node: SurveyNode): string {
    const rep = node.repeat;
    return rep && rep.count > 1 ? `${plainLabel(node)} ${rep.index + 1}` : plainLabel(node);
  }

  protected override renderGroupParts(node: SurveyNode) {
    const t = this.host.strings();
    const rep = node.repeat;
    const what = plainLabel(node) || t.entry;
    return {
      top: html`${node.help ? html`<p class="help" part="help">${node.help}</p>` : nothing}
        ${node.unsupported ? html`<p class="unsupported" part="unsupported">${t.unsupported}</p>` : nothing}`,
      bottom:
        rep && rep.count > 1 && !node.readOnly
          ? html`<button class="fd-button secondary" part="remove-button" type="button"
              @click=${() => this.#removeRepeat(node)}>${t.removeRepeat(what, rep.index + 1)}</button>`
          : nothing,
      after:
        rep && rep.index === rep.count - 1 && !node.readOnly
          ? html`<button class="fd-button secondary add" part="add-button" type="button"
              @click=${() => this.#addRepeat(node)}>${t.addRepeat(what)}</button>`
          : nothing,
    };
  }

  #addRepeat(node: SurveyNode): void {
    const key = this.model.addRepeat(node.repeat!.repeatKey);
    if (key) this.host.focus(`#${this.id(key)}`);
  }

  #removeRepeat(node: SurveyNode): void {
    const { repeatKey, index } = node.repeat!;
    this.model.removeRepeat(node.key);
    const remaining = this.model.items.filter((n) => n.repeat?.repeatKey === repeatKey) ?? [];
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    if (neighbour) this.host.focus(`#${this.id(neighbour.key)}`);
  }

  protected override renderItem(node: SurveyNode): TemplateResult {
    if (node.type === 'display') return super.renderItem(node);
    const t = this.host.strings();
    const id = this.id(node.key);
    if (node.unsupported) {
      return html`<div class="field" part="field" id=${id} tabindex="-1">
        <p class="label">${this.renderLabel(node)}</p>
        <p class="unsupported" part="unsupported">${t.unsupported}</p>
      </div>`;
    }
    if (node.type === 'boolean' && node.control === 'check-box') {
      const errors = this.errors.get(node.key);
      const describedBy = [node.help && `${id}-h`, errors && `${id}-e`].filter(Boolean).join(' ') || undefined;
      const control: Control = { node, id, describedBy, invalid: errors !== undefined };
      return html`<div class="field" part="field">
        ${node.help ? html`<p class="help" id="${id}-h" part="help">${node.help}</p>` : nothing}
        ${renderCheckbox(this.actions, control)} ${this.renderErrors(node.key, id)}
      </div>`;
    }
    if (node.repeats && node.control === 'input') {
      const errors = this.errors.get(node.key);
      const describedBy = [node.help && `${id}-h`, errors && `${id}-e`].filter(Boolean).join(' ') || undefined;
      const control: Control = { node, id, describedBy, invalid: errors !== undefined };
      return this.renderField(control, true, renderRepeatedInputs(this.#entryActions, control));
    }
    return super.renderItem(node);
  }

  protected override renderChoiceSet(control: Control): unknown {
    return html`${renderChoices(this.actions, control)} ${renderOther(this.#entryActions, control)}`;
  }

  protected override renderControl(control: Control): unknown {
    switch (control.node.control) {
      case 'drop-down':
        return renderSelect(this.#entryActions, control);
      case 'slider':
        return renderSlider(this.actions, control);
      default:
        return control.node.type === 'quantity' ? renderQuantity(this.actions, control) : super.renderControl(control);
    }
  }

  /** The "other" text of an open choice: kept beside the options chosen (when the question takes several). */
  #typeFreeText(node: SurveyNode, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const chosen = node.repeats
      ? node.answers.filter((a) => node.options.some((o) => surveyAnswersEqual(o.value, a)))
      : [];
    const free: SurveyAnswer[] = text.trim() ? [{ valueString: text }] : [];
    this.typing = node.key;
    try {
      this.model.setAnswer(node.key, [...chosen, ...free]);
    } finally {
      this.typing = undefined;
    }
  }

  #entryTexts(node: SurveyNode): string[] {
    const box = this.host
      .root()
      ?.querySelector(`#${this.id(node.key)}`)
      ?.closest('.entries');
    return [...(box?.querySelectorAll<HTMLInputElement>('[data-entry]') ?? [])].map((input) => input.value);
  }

  #setEntries(node: SurveyNode, texts: string[]): void {
    this.#extra.set(node.key, texts.filter((text) => text.trim() === '').length);
    this.model.setAnswerText(node.key, texts);
  }

  #addEntry(node: SurveyNode): void {
    const texts = this.#entryTexts(node);
    this.#extra.set(node.key, (this.#extra.get(node.key) ?? 0) + 1);
    this.bump(node.key);
    this.host.focus(`#${this.id(node.key)}-${texts.length}`);
    this.host.update();
  }

  #removeEntry(node: SurveyNode, index: number): void {
    const texts = this.#entryTexts(node);
    texts.splice(index, 1);
    this.#setEntries(node, texts);
    this.bump(node.key);
    this.host.focus(`#${this.id(node.key)}`);
    this.host.update();
  }

  /** Repeated entries are read together; a quantity with several units is read with its chosen unit. */
  protected override readField(node: SurveyNode, field: HTMLInputElement): void {
    if (node.repeats) {
      this.#setEntries(node, this.#entryTexts(node));
      return;
    }
    if (node.type !== 'quantity' || node.units.length < 2 || field.validity.badInput) {
      super.readField(node, field);
      return;
    }
    this.badInput.delete(node.key);
    const select = this.host.root()?.querySelector<HTMLSelectElement>(`#${this.id(node.key)}-u`);
    const answer = quantityAnswer(field.value, node.units[Number(select?.value ?? 0)]);
    if (answer) this.model.setAnswer(node.key, [answer]);
    else this.model.setAnswerText(node.key, field.value);
  }
}
