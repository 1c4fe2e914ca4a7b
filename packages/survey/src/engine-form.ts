import {
  expandForSurvey,
  type FhirCoding,
  SURVEY_ATTACHMENT_MAX_BYTES,
  type SurveyAnswer,
  type SurveyChange,
  type SurveyFieldError,
  type SurveyModel,
  type SurveyNode,
  type SurveyOption,
  type SurveyProblem,
  surveyAnswersEqual,
  surveyAttachmentAnswer,
  toFrontdeskError,
} from '@frontdesk/core';
import { LocalizeController } from '@frontdesk/core/element';
import { html, nothing, type TemplateResult } from 'lit';
import { renderAttachment } from './controls/attachment.js';
import { renderCheckbox, renderChoices } from './controls/choices.js';
import type { Control, EngineActions } from './controls/control.js';
import { renderRepeatedInputs } from './controls/entries.js';
import { renderOther } from './controls/other.js';
import { outputText, renderOutput } from './controls/output.js';
import { quantityAnswer, renderQuantity } from './controls/quantity.js';
import { renderTokens } from './controls/rich-text.js';
import { renderSelect } from './controls/select.js';
import { renderSlider } from './controls/slider.js';
import { TypeAhead } from './controls/type-ahead.js';
import { type EngineStrings, engineStrings } from './engine-strings.js';
import { FormView, isShown, plainLabel, type SurveyFormHost } from './form-view.js';
import { layoutSurvey, type SurveyLayout, type SurveyScreen, screenEnabled } from './layout.js';
import { renderInvalid, renderProblems } from './notices.js';

// The form of a Questionnaire the survey engine renders (loaded with it, engine.ts): what a simple form has
// (form-view.ts), plus pages with progress, repeating questions and groups, open choices, drop-downs, long sliders,
// quantities, calculated answers (totals), answer lists from the clinic's terminology server, files, markdown text,
// and a notice in place of every item that cannot be answered here (saying which feature and why).

/** A new calculated value is said once the patient has paused this long, not on every keystroke. */
const ANNOUNCE_CALCULATED_MS = 1_000;

/** The engine's words, one controller per element (a form is built again on every load). */
const localizers = new WeakMap<HTMLElement, LocalizeController<EngineStrings>>();

export class EngineForm extends FormView {
  readonly #problems: readonly SurveyProblem[];
  readonly #l10n: LocalizeController<EngineStrings>;
  #layout: SurveyLayout | undefined;
  /** Empty extra inputs a patient added to a repeating question. */
  #extra = new Map<string, number>();
  /** Answer lists being looked up on the terminology server, and those already asked for, by ValueSet URL. */
  #lookups = new Set<string>();
  #asked = new Set<string>();
  #abort = new AbortController();
  #typeAheads = new Map<string, TypeAhead>();
  /** A file the form refused (wrong type, too large), by question: said until another file is chosen. */
  #fileErrors = new Map<string, SurveyFieldError>();
  #reading = new Set<string>();
  /** Calculated items whose new value is still to be said. */
  #calculated = new Set<string>();
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: SurveyFormHost, model: SurveyModel) {
    super(host, model);
    this.#problems = model.problems;
    let l10n = localizers.get(host.element);
    if (!l10n) {
      l10n = new LocalizeController(host.element, engineStrings);
      localizers.set(host.element, l10n);
    }
    this.#l10n = l10n;
  }

  #words(): EngineStrings {
    return this.#l10n.t;
  }

  /** The controls' actions, with the engine's words, open-choice text and the entries of repeating questions. */
  readonly #engineActions: EngineActions = {
    ...this.actions,
    words: () => this.#words(),
    typeFreeText: (node, event) => this.#typeFreeText(node, event),
    extraEntries: (node) => this.#extra.get(node.key) ?? 0,
    addEntry: (node) => this.#addEntry(node),
    removeEntry: (node, index) => this.#removeEntry(node, index),
  };

  override start(): void {
    super.start();
    this.#lookUpAnswerLists();
  }

  override stop(): void {
    super.stop();
    this.#abort.abort();
    clearTimeout(this.#announceTimer);
    for (const typeAhead of this.#typeAheads.values()) typeAhead.stop();
  }

  override relayout(): void {
    this.#layout = layoutSurvey(this.model.items, this.host.paged());
  }

  protected override onChange(change: SurveyChange): void {
    super.onChange(change);
    if (change.kind !== 'answer') this.#lookUpAnswerLists();
    if (change.calculated?.length) this.#sayCalculatedSoon(change.calculated);
  }

  // ---- pages -----------------------------------------------------------------------------------------------------

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

  protected override renderButtons(): unknown {
    const words = this.#words();
    const previous = this.#step(-1);
    const back =
      previous === undefined
        ? nothing
        : html`<button class="fd-button secondary" part="back-button" type="button" @click=${() => this.#goTo(previous)}>
          ${words.back}
        </button>`;
    const next =
      this.#step(1) === undefined
        ? super.renderButtons()
        : html`<button class="fd-button" part="next-button" type="submit">${words.next}</button>`;
    return html`${back} ${next}`;
  }

  protected override async reveal(key: string): Promise<void> {
    const screen = this.#layout?.screenOf.get(key);
    if (screen !== undefined && screen !== this.host.page()) {
      this.host.setPage(screen);
      await this.host.updateComplete();
    }
  }

  override render(): unknown {
    return this.host.phase() === 'invalid'
      ? renderInvalid(this.host.strings(), this.#words(), this.#problems)
      : super.render();
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
    const words = this.#words();
    const problems = renderProblems(words, this.#problems);
    if (!this.#layout?.paged) return problems;
    const screen = this.#screen();
    const enabled = this.#screens().filter(screenEnabled);
    const position = enabled.indexOf(screen);
    return html`${problems}
      <div class="progress" part="progress">
        <span id="progress-text">${words.page(position + 1, enabled.length)}</span>
        <progress max=${enabled.length} .value=${position + 1} aria-labelledby="progress-text"></progress>
      </div>
      <div class="page-title" part="page-title" role="heading" aria-level=${this.level(1)} tabindex="-1">
        ${screen.title || this.model.title || words.page(position + 1, enabled.length)}
      </div>`;
  }

  /** Required questions that cannot be answered here: the form cannot be completed, and says so before Submit. */
  protected override renderEnd(): unknown {
    const blockers = this.model.completionBlockers();
    if (blockers.length === 0) return nothing;
    const words = this.#words();
    return html`<div class="blocked" part="blocked">
      <p class="fd-state-title">${words.blockedTitle}</p>
      <p>${words.blockedText(blockers.length)}</p>
      ${
        this.host.saveDraft()
          ? html`<button class="fd-button secondary" part="save-button" type="button" @click=${() => this.host.saveNow()}>
            ${words.saveForLater}
          </button>`
          : nothing
      }
    </div>`;
  }

  // ---- repeats ---------------------------------------------------------------------------------------------------

  protected override groupLabel(node: SurveyNode): string {
    const rep = node.repeat;
    return rep && rep.count > 1 ? `${plainLabel(node)} ${rep.index + 1}` : plainLabel(node);
  }

  protected override renderGroupParts(node: SurveyNode) {
    const words = this.#words();
    const rep = node.repeat;
    const what = plainLabel(node) || this.host.strings().entry;
    return {
      top: html`${node.help ? html`<p class="help" part="help">${node.help}</p>` : nothing}
        ${node.unsupported ? this.#renderNotice(node) : nothing}`,
      bottom:
        rep && rep.count > 1 && !node.readOnly
          ? html`<button class="fd-button secondary" part="remove-button" type="button"
              @click=${() => this.#removeRepeat(node)}>${words.removeRepeat(what, rep.index + 1)}</button>`
          : nothing,
      after:
        rep && rep.index === rep.count - 1 && !node.readOnly
          ? html`<button class="fd-button secondary add" part="add-button" type="button"
              @click=${() => this.#addRepeat(node)}>${words.addRepeat(what)}</button>`
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

  // ---- questions -------------------------------------------------------------------------------------------------

  protected override renderText(node: SurveyNode, text = node.text): unknown {
    return node.textTokens && text === node.text ? renderTokens(node.textTokens, this.#words().opensInNewTab) : text;
  }

  protected override optionsOf(node: SurveyNode): readonly SurveyOption[] {
    if (node.type !== 'boolean') return super.optionsOf(node);
    const words = this.#words();
    return [
      { id: 'true', label: words.yes, value: { valueBoolean: true }, score: undefined, initialSelected: false },
      { id: 'false', label: words.no, value: { valueBoolean: false }, score: undefined, initialSelected: false },
    ];
  }

  /** Why an item cannot be answered here, in the patient's words; a required one also says the form cannot end. */
  #renderNotice(node: SurveyNode): TemplateResult {
    const words = this.#words();
    const reason = node.unsupported!;
    const loading = reason.code === 'value-set-unresolved' && this.#lookups.has(node.valueSet ?? '');
    const blocked = node.required && node.enabled;
    return html`<div class="unsupported" part="unsupported">
      <p>${loading ? words.loadingAnswers : words.unsupported(reason.code, reason.feature)}</p>
      ${loading ? nothing : html`<p>${blocked ? this.host.strings().error('cannot-answer', {}) : words.otherQuestions}</p>`}
      ${
        reason.code === 'value-set-unreachable'
          ? html`<button class="fd-button secondary" part="retry-button" type="button"
              @click=${() => this.#lookUp(node, true)}>${words.tryAgain}</button>`
          : nothing
      }
    </div>`;
  }

  protected override renderItem(node: SurveyNode): TemplateResult {
    if (node.type === 'display') return super.renderItem(node);
    const id = this.id(node.key);
    const errors = this.errors.get(node.key);
    if (node.unsupported) {
      return html`<div class="field" part="field" id=${id} tabindex="-1">
        <p class="label">${this.renderLabel(node)}</p>
        ${this.#renderNotice(node)} ${this.renderErrors(node.key, id)}
      </div>`;
    }
    const describedBy = [node.help && `${id}-h`, errors && `${id}-e`].filter(Boolean).join(' ') || undefined;
    const control: Control = { node, id, describedBy, invalid: errors !== undefined, options: this.optionsOf(node) };
    if (node.type === 'boolean' && node.control === 'check-box') {
      return html`<div class="field" part="field">
        ${node.help ? html`<p class="help" id="${id}-h" part="help">${node.help}</p>` : nothing}
        ${renderCheckbox(this.actions, control)} ${this.renderErrors(node.key, id)}
      </div>`;
    }
    if (node.repeats && node.control === 'input') {
      return this.renderField(control, true, renderRepeatedInputs(this.#engineActions, control));
    }
    // An answer list from the terminology server: a type-ahead when large, a drop-down past a dozen answers.
    if (node.valueSet !== undefined && node.options.length === 0) {
      return this.renderField(control, false, this.#typeAhead(node).render(control, node.text));
    }
    if (node.valueSet !== undefined && node.options.length > 12 && !node.repeats) {
      return this.renderField(control, false, renderSelect(this.#engineActions, control));
    }
    return super.renderItem(node);
  }

  protected override renderChoiceSet(control: Control): unknown {
    return html`${renderChoices(this.actions, control)} ${renderOther(this.#engineActions, control)}`;
  }

  protected override renderControl(control: Control): unknown {
    const { node } = control;
    const words = this.#words();
    if (node.calculated) {
      return renderOutput(control, outputText(node.answers[0], this.host.lang()), words.notWorkedOut, words.workedOut);
    }
    if (node.type === 'attachment') {
      return renderAttachment(control, words, this.#reading.has(node.key), {
        chosen: (file) => void this.#attach(node, file),
        removed: () => this.#detachFile(node),
      });
    }
    if (node.valueSet !== undefined && node.options.length === 0)
      return this.#typeAhead(node).render(control, node.text);
    switch (node.control) {
      case 'drop-down':
        return renderSelect(this.#engineActions, control);
      case 'slider':
        return renderSlider(this.#engineActions, control);
      default:
        return node.type === 'quantity' ? renderQuantity(this.#engineActions, control) : super.renderControl(control);
    }
  }

  // ---- calculated items ------------------------------------------------------------------------------------------

  /** Says the new values of calculated items (a total) once the patient pauses, politely, never per keystroke. */
  #sayCalculatedSoon(keys: readonly string[]): void {
    for (const key of keys) this.#calculated.add(key);
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const lang = this.host.lang();
      const said = [...this.#calculated].flatMap((key) => {
        const node = this.model.getItem(key);
        const value = node && isShown(node) ? outputText(node.answers[0], lang) : undefined;
        return value === undefined ? [] : [this.host.strings().fieldError(plainLabel(node!), value)];
      });
      this.#calculated.clear();
      if (said.length > 0) this.host.announce(said.join('. '));
    }, ANNOUNCE_CALCULATED_MS);
  }

  // ---- answer lists on the terminology server --------------------------------------------------------------------

  /** Looks up, once per list, the answers of every shown item whose `answerValueSet` only the server can expand. */
  #lookUpAnswerLists(): void {
    for (const node of this.model.items) {
      if (node.unsupported?.code === 'value-set-unresolved' && node.valueSet && isShown(node))
        this.#lookUp(node, false);
    }
  }

  #lookUp(node: SurveyNode, again: boolean): void {
    const url = node.valueSet!;
    if (this.#lookups.has(url) || (!again && this.#asked.has(url))) return;
    this.#asked.add(url);
    this.#lookups.add(url);
    this.#bumpList(url);
    const signal = this.#abort.signal;
    void (async () => {
      try {
        const adapter = await this.host.adapter();
        const result = await expandForSurvey(adapter, this.model, node, '', { signal });
        if (result.error) this.host.reportError(result.error);
      } catch (error) {
        if (!signal.aborted) this.host.reportError(toFrontdeskError(error));
      } finally {
        this.#lookups.delete(url);
        if (!signal.aborted) {
          this.#bumpList(url);
          this.host.update();
        }
      }
    })();
  }

  #bumpList(url: string): void {
    for (const node of this.model.items) if (node.valueSet === url) this.bump(node.key);
    this.host.update();
  }

  #typeAhead(node: SurveyNode): TypeAhead {
    let typeAhead = this.#typeAheads.get(node.key);
    if (typeAhead) return typeAhead;
    const shown = () => {
      const answer = this.model.getItem(node.key)?.answers[0];
      return answer ? (outputText(answer, this.host.lang()) ?? '') : '';
    };
    typeAhead = new TypeAhead(
      {
        words: () => this.#words(),
        search: async (text, signal) => {
          const adapter = await this.host.adapter();
          const result = await expandForSurvey(adapter, this.model, node, text, { signal });
          if (result.mode === 'unreachable') throw result.error ?? new Error('unreachable');
          return result.codings;
        },
        answer: (choice: FhirCoding | string | undefined) => {
          if (choice === undefined) this.model.clearAnswer(node.key);
          else
            this.model.setAnswer(node.key, [
              typeof choice === 'string' ? { valueString: choice } : { valueCoding: choice },
            ]);
        },
        shown,
        announce: (text) => this.host.announce(text),
        changed: () => {
          this.bump(node.key);
          this.host.update();
        },
      },
      node.allowsFreeText,
    );
    this.#typeAheads.set(node.key, typeAhead);
    return typeAhead;
  }

  // ---- files -----------------------------------------------------------------------------------------------------

  protected override validate(key: string): SurveyFieldError[] {
    const errors = super.validate(key);
    const refused = this.#fileErrors.get(key);
    return refused && !errors.some((e) => e.code === refused.code) ? [refused, ...errors] : errors;
  }

  /** Reads a chosen file into the answer, or refuses it (wrong type, too large) with a message in place. */
  async #attach(node: SurveyNode, file: File | undefined): Promise<void> {
    if (!file) return;
    const rules = node.attachment;
    const accepted = rules?.mimeTypes ?? [];
    const type = file.type.toLowerCase();
    const typeOk =
      accepted.length === 0 ||
      accepted.some((m) => m === type || (m.endsWith('/*') && type.startsWith(m.slice(0, -1))));
    const max = rules?.maxSize ?? SURVEY_ATTACHMENT_MAX_BYTES;
    this.#fileErrors.delete(node.key);
    if (!typeOk) this.#fileErrors.set(node.key, { code: 'attachment-type', params: { accepted: accepted.join(', ') } });
    else if (file.size > max) this.#fileErrors.set(node.key, { code: 'attachment-size', params: { max } });
    if (this.#fileErrors.has(node.key)) {
      this.touch(node);
      return;
    }
    this.#reading.add(node.key);
    this.bump(node.key);
    this.host.update();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const answer = surveyAttachmentAnswer({ bytes, contentType: type, title: file.name });
      if (answer) this.model.setAnswer(node.key, [answer]);
    } finally {
      this.#reading.delete(node.key);
      this.touch(node);
    }
  }

  #detachFile(node: SurveyNode): void {
    this.#fileErrors.delete(node.key);
    this.model.clearAnswer(node.key);
    const input = this.host.root()?.querySelector<HTMLInputElement>(`#${this.id(node.key)}`);
    if (input) input.value = '';
    this.host.focus(`#${this.id(node.key)}`);
    this.touch(node);
  }

  // ---- typing ----------------------------------------------------------------------------------------------------

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
