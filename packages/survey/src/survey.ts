import {
  FrontdeskError,
  type FrontdeskErrorKind,
  type QuestionnaireResponse,
  type SurveyAnswer,
  type SurveyChange,
  type SurveyFieldError,
  type SurveyModel,
  type SurveyNode,
  type SurveyOption,
  type SurveyProblem,
  toFrontdeskError,
} from '@frontdesk/core';
import { baseStyles, FrontdeskElement, LocalizeController, type Resource } from '@frontdesk/core/element';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FdSurveyPageDetail } from './events.js';
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
import { loadDraft, loadQueued, newIdempotencyKey, type QueuedSubmission, saveDraft, saveQueued } from './storage.js';
import { type SurveyStrings, stringsEn } from './strings.js';
import { surveyStyles } from './survey.styles.js';

type Phase = 'loading' | 'setup' | 'invalid' | 'form' | 'sending' | 'failed' | 'queued' | 'done';

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

const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 60_000;

const worthRetrying = (e: FrontdeskError) =>
  e.kind === 'network' || e.kind === 'timeout' || (e.kind === 'http' && (e.status ?? 0) >= 500);

const plainLabel = (node: SurveyNode) => (node.prefix ? `${node.prefix} ${node.text}` : node.text);

type Engine = typeof import('./engine.js');

/** The survey engine, set once loaded: fetched on first use, once per page (see engine.ts). */
let engine: Engine | undefined;
let engineLoad: Promise<Engine> | undefined;
function loadEngine(): Promise<Engine> {
  engineLoad ??= import('./engine.js').then(
    (module) => {
      engine = module;
      return module;
    },
    (error: unknown) => {
      engineLoad = undefined; // a failed chunk download is retried on the next load
      throw error;
    },
  );
  return engineLoad;
}

/** For rendering a model's options, so only ever called once the engine has loaded. */
const surveyAnswersEqual = (a: SurveyAnswer, b: SurveyAnswer): boolean => engine?.surveyAnswersEqual(a, b) ?? false;

/**
 * A FHIR R4 Questionnaire as an accessible form that produces a QuestionnaireResponse: after-visit feedback (NPS,
 * CSAT, Likert) or a clinical intake form such as PHQ-9. Load it by id through the adapter (`survey="phq-9"`) or
 * give it directly (`questionnaire` property: an object or JSON text). Every item type of the supported subset gets
 * its native control; pages (the `page` item control, or `paged`) get a progress indicator; validation messages are
 * tied to their fields and announced, and a summary of errors with links to each field opens on submit.
 *
 * Nothing is lost: with `save-draft` the answers are kept in localStorage (under the survey id) and restored after a
 * reload; a submission that fails for network reasons is queued in localStorage and retried with the same
 * idempotency key (with backoff, and at once when the browser comes back online) until the server acknowledges it;
 * only then are the draft and the queued copy removed.
 *
 * Form-associated: inside a host `<form>` its value (under the `name` attribute) is the QuestionnaireResponse JSON and
 * its validity is the engine's, and it leaves submitting to the host form.
 *
 * @summary A FHIR Questionnaire as a fast, accessible feedback or intake form.
 *
 * @fires fd-survey-submit - The patient submitted a valid form. Detail: the `QuestionnaireResponse`. Cancelable:
 *   `preventDefault()` means the host delivers it (the element does not call the adapter and shows its thank-you).
 * @fires fd-survey-page - Another page is shown. Detail: `FdSurveyPageDetail` (`index` among enabled pages, `count`).
 * @fires fd-error - A bad Questionnaire (named problems), a failed load or a failed submission. Detail: `FdErrorDetail`.
 *
 * @csspart base - The outer box.
 * @csspart form - The form.
 * @csspart title - The survey title.
 * @csspart progress - The "Page 2 of 4" text and bar.
 * @csspart page-title - The heading of the current page.
 * @csspart group - A group of questions (a fieldset).
 * @csspart field - One question: label, help, control and error.
 * @csspart options - The row or column of radio buttons or checkboxes.
 * @csspart option - One radio button or checkbox with its label.
 * @csspart input - A text, number, date or time input, a text area, a drop-down or a slider.
 * @csspart scale-labels - The labels at the two ends of a scale or slider.
 * @csspart help - Help text of a question.
 * @csspart field-error - A question's validation message.
 * @csspart display - A display (text only) item.
 * @csspart unsupported - The "not supported here" line of an item that cannot be answered here.
 * @csspart problems - The notice listing the Questionnaire's problems.
 * @csspart error-summary - The summary of errors shown on submit.
 * @csspart add-button - Adds an answer or a repeat of a group.
 * @csspart remove-button - Removes an answer or a repeat of a group.
 * @csspart nav - The Back, Next and Submit buttons.
 * @csspart back-button - The Back button.
 * @csspart next-button - The Next button.
 * @csspart submit-button - The Submit button.
 * @csspart score - The total score (with `show-score`).
 * @csspart thanks - The thank-you state.
 * @csspart queued - The "your answers will be sent" state.
 * @csspart failed - The "your answers were not sent" message.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 * @csspart retry-button - The retry button of an error or queued state.
 *
 * @cssprop --fd-survey-accent - Radio buttons, checkboxes, sliders and the progress bar (default `--fd-color-accent`).
 * @cssprop --fd-survey-border - Borders of the form and its groups (default `--fd-color-divider`).
 * @cssprop --fd-survey-gap - Space between questions (default `--fd-space`).
 * @cssprop --fd-survey-error - Colour of validation messages (default `--fd-color-danger`).
 * @cssprop --fd-survey-option-size - Minimum size of a scale box such as an NPS score (default `2.75em`).
 */
export class FdSurvey extends FrontdeskElement {
  static override styles = [baseStyles, surveyStyles];
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    ...FrontdeskElement.properties,
    survey: { reflect: true },
    questionnaire: {},
    paged: { type: Boolean, reflect: true },
    saveDraft: { type: Boolean, attribute: 'save-draft' },
    showScore: { type: Boolean, attribute: 'show-score' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    phase: { state: true },
    page: { state: true },
  };

  /** Id of the survey to load through the adapter (`getSurvey`); also the key of the draft in localStorage. */
  survey: string | undefined;
  /** A FHIR R4 Questionnaire (object or JSON text) to render instead of loading one; wins over `survey`. */
  questionnaire: unknown;
  /** One page per top-level group, even without the `page` item control. */
  paged = false;
  /** Keep the answers in this browser's localStorage until the server acknowledges them, restoring them on reload. */
  saveDraft = false;
  /** Show the total score (ordinalValue / itemWeight), for forms such as PHQ-9. */
  showScore = false;
  /** Level of the survey title, 1 to 6 (default 2); page and group headings follow it. */
  headingLevel = 2;

  protected phase: Phase = 'loading';
  /** Index of the screen shown. */
  protected page = 0;

  protected readonly i18n = new LocalizeController<SurveyStrings>(this, {
    en: stringsEn,
    es: () => import('./strings.es.js').then((module) => module.stringsEs),
  });

  readonly #internals: ElementInternals;
  #model: SurveyModel | undefined;
  #source: unknown;
  #sourceKind: FrontdeskErrorKind = 'invalid-input';
  #unsubscribe: (() => void) | undefined;
  #layout: SurveyLayout | undefined;
  #problems: readonly SurveyProblem[] = [];
  #loadError: FrontdeskError | undefined;
  #generation = 0;
  #abort: AbortController | undefined;
  #started = false;
  /** Set while a questionnaire given directly waits for the engine; `updateComplete` waits for it too. */
  #engineWait: Promise<unknown> | undefined;

  #ids = new Map<string, string>();
  /** Bumped per item when what it shows changes, so only those items re-render (lit `guard`). */
  #versions = new Map<string, number>();
  #epoch = 0;
  /** The item whose input event is being handled: its input already shows what was typed. */
  #typing: string | undefined;
  #errors = new Map<string, SurveyFieldError[]>();
  /** Number inputs holding text the browser cannot read as a number (value is then ''). */
  #badInput = new Set<string>();
  /** Empty extra inputs a patient added to a repeating question. */
  #extra = new Map<string, number>();
  #summaryOpen = false;
  #focusNext: string | undefined;

  #queued: QueuedSubmission | undefined;
  #sendingNow: Promise<void> | undefined;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #formSyncQueued = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // Adapter changes (property or enclosing <fd-clinic>) reload the survey like a tracked resource would.
    this.track({ reload: () => this.#load(true) } as unknown as Resource<unknown>);
  }

  /** The live survey model (answers, validation, scores), once a Questionnaire is loaded. */
  get model(): SurveyModel | undefined {
    return this.#model;
  }

  /** The host form, when the element sits inside one. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    this.#syncForm();
    return this.#internals.validity;
  }

  get validationMessage(): string {
    this.#syncForm();
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    this.#syncForm();
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    this.#syncForm();
    return this.#internals.reportValidity();
  }

  /** The response as it stands (status `in-progress`), for hosts that save progress themselves. */
  response(): QuestionnaireResponse | undefined {
    return this.#model?.toResponse({ status: 'in-progress' });
  }

  /** Send a queued submission now instead of waiting for the next retry. Resolves when this attempt settled. */
  retrySubmission(): Promise<void> {
    return this.#send();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('pagehide', this.#flushDraft);
    if (this.#queued && this.phase === 'queued') this.#scheduleRetry(0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('pagehide', this.#flushDraft);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#flushDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.#started || changed.has('survey') || changed.has('questionnaire')) {
      this.#started = true;
      void this.#load(false);
    } else if (changed.has('paged') && this.#model) this.#relayout();
  }

  /** Includes the first load of the engine, so a questionnaire given directly is rendered when this resolves. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#engineWait) {
      await this.#engineWait;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(): void {
    const target = this.#focusNext;
    if (!target) return;
    this.#focusNext = undefined;
    const element = this.renderRoot.querySelector<HTMLElement>(target);
    element?.focus();
  }

  // ---- loading ---------------------------------------------------------------------------------------------------

  #surveyKey(): string {
    return this.survey?.trim() || this.#model?.toResponse({ status: 'in-progress' }).questionnaire || 'questionnaire';
  }

  async #load(fromAdapterChange: boolean): Promise<void> {
    const input = this.questionnaire;
    const given = input !== undefined && input !== null && input !== '';
    // A questionnaire given directly does not depend on the adapter: keep the patient's answers.
    if (fromAdapterChange && given) return;
    const generation = ++this.#generation;
    this.#abort?.abort();
    this.#abort = undefined;
    if (given) {
      // Once the engine is loaded this stays synchronous: the form is built in this update, as before.
      const ready = engine ?? (await this.#engineFor(generation));
      if (ready) this.#useQuestionnaire(ready, input, 'invalid-input');
      return;
    }
    const id = this.survey?.trim();
    if (!id) {
      this.#setupFailed(
        new FrontdeskError('invalid-input', '<fd-survey> needs a survey attribute or a questionnaire property', {
          field: 'survey',
        }),
      );
      return;
    }
    this.phase = 'loading';
    const controller = new AbortController();
    this.#abort = controller;
    try {
      const [adapter, loaded] = await Promise.all([this.resolveAdapter(), loadEngine()]);
      const questionnaire = await adapter.getSurvey(id, { signal: controller.signal });
      if (generation === this.#generation) this.#useQuestionnaire(loaded, questionnaire, 'invalid-response');
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      if (generation !== this.#generation || (error.kind === 'aborted' && controller.signal.aborted)) return;
      this.#setupFailed(error);
    }
  }

  /** The engine for load `generation`, or undefined when that load was superseded or the engine failed to load. */
  async #engineFor(generation: number): Promise<Engine | undefined> {
    this.phase = 'loading';
    const load = loadEngine();
    const waiting = load.then(
      () => undefined,
      () => undefined,
    );
    this.#engineWait = waiting;
    try {
      const loaded = await load;
      return generation === this.#generation ? loaded : undefined;
    } catch (thrown) {
      if (generation === this.#generation) this.#setupFailed(toFrontdeskError(thrown));
      return undefined;
    } finally {
      if (this.#engineWait === waiting) this.#engineWait = undefined;
    }
  }

  #setupFailed(error: FrontdeskError): void {
    this.#detach();
    this.#loadError = error;
    this.phase = 'setup';
    this.reportError(error, false);
  }

  #detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#model = undefined;
    this.#layout = undefined;
  }

  #useQuestionnaire(
    { createSurveyModel }: Engine,
    input: unknown,
    kind: FrontdeskErrorKind,
    initial?: QuestionnaireResponse,
  ): void {
    this.#detach();
    this.#source = input;
    this.#sourceKind = kind;
    const model = createSurveyModel(input, initial ? { initialAnswers: initial } : {});
    this.#problems = model.problems;
    this.#ids.clear();
    this.#errors.clear();
    this.#badInput.clear();
    this.#extra.clear();
    this.#summaryOpen = false;
    this.#epoch++;
    if (!model.renderable) {
      const first = model.problems.find((p) => p.fatal) ?? model.problems[0];
      this.phase = 'invalid';
      this.reportError(
        new FrontdeskError(kind, `questionnaire: ${first?.message ?? 'nothing to render'}`, {
          field: first?.path ? `questionnaire.${first.path}` : 'questionnaire',
        }),
        false,
      );
      return;
    }
    this.#model = model;
    if (model.problems.length > 0) {
      const [first] = model.problems;
      const more = model.problems.length > 1 ? ` (and ${model.problems.length - 1} more)` : '';
      this.reportError(
        new FrontdeskError(kind, `questionnaire: ${first!.message}${more}`, {
          field: first!.linkId ? `item ${first!.linkId}` : 'questionnaire',
        }),
        true,
      );
    }
    const key = this.#surveyKey();
    const queued = loadQueued(key);
    this.#queued = queued;
    if (queued) {
      this.phase = 'queued';
      this.#scheduleRetry(0);
    } else {
      this.phase = 'form';
      if (this.saveDraft && !initial) {
        const draft = loadDraft(key);
        if (draft !== undefined && model.restoreAnswers(draft).restored > 0) this.announce(this.i18n.t.draftRestored);
      }
    }
    this.#unsubscribe = model.subscribe((change) => this.#onChange(change));
    this.#relayout();
    this.page = this.#firstScreen();
    this.#syncFormSoon();
    this.requestUpdate();
  }

  #relayout(): void {
    if (this.#model) this.#layout = layoutSurvey(this.#model.items, this.paged);
  }

  // ---- model changes ---------------------------------------------------------------------------------------------

  #bump(key: string): void {
    this.#versions.set(key, (this.#versions.get(key) ?? 0) + 1);
  }

  #onChange(change: SurveyChange): void {
    const model = this.#model!;
    if (change.kind === 'answer') {
      if (change.key !== this.#typing) this.#bump(change.key);
      if (this.#errors.has(change.key)) this.#setErrors(change.key, this.#validate(change.key));
    } else {
      this.#epoch++;
      this.#relayout();
      for (const key of this.#errors.keys()) if (!model.getItem(key)) this.#errors.delete(key);
    }
    for (const key of change.enabledChanged) {
      this.#bump(key);
      if (!model.isEnabled(key)) this.#errors.delete(key);
    }
    this.#saveDraftSoon();
    this.#syncFormSoon();
    this.requestUpdate();
  }

  #validate(key: string): SurveyFieldError[] {
    const model = this.#model!;
    const errors = model.validateItem(key);
    const node = model.getItem(key);
    if (this.#badInput.has(key) && node?.enabled && !errors.some((e) => e.code === 'invalid-format')) {
      errors.unshift({ code: 'invalid-format', params: { expected: node.type }, message: 'not a number' });
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

  #saveDraftSoon(): void {
    if (!this.saveDraft || this.#saveTimer !== undefined) return;
    this.#saveTimer = setTimeout(this.#flushDraft, 0);
  }

  #flushDraft = (): void => {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const model = this.#model;
    if (!this.saveDraft || !model || this.phase === 'done') return;
    saveDraft(this.#surveyKey(), model.serializeAnswers());
  };

  // ---- form association ------------------------------------------------------------------------------------------

  #syncFormSoon(): void {
    if (this.#formSyncQueued) return;
    this.#formSyncQueued = true;
    queueMicrotask(() => this.#syncForm());
  }

  #syncForm(): void {
    this.#formSyncQueued = false;
    const model = this.#model;
    if (!this.#internals.form) return;
    if (!model) {
      this.#internals.setFormValue(null);
      this.#internals.setValidity({});
      return;
    }
    const validation = model.validate();
    const badKey = [...this.#badInput].find((k) => model.isEnabled(k));
    const firstKey = validation.firstErrorKey ?? badKey;
    this.#internals.setFormValue(JSON.stringify(model.toResponse({ status: firstKey ? 'in-progress' : 'completed' })));
    if (!firstKey) {
      this.#internals.setValidity({});
      return;
    }
    const node = model.getItem(firstKey)!;
    const error = validation.errors[firstKey]?.[0] ?? { code: 'invalid-format' as const, params: {} };
    const message = this.i18n.t.fieldError(plainLabel(node), this.i18n.t.error(error.code, error.params));
    const anchor = this.renderRoot?.querySelector<HTMLElement>(`#${this.#id(firstKey)}`) ?? undefined;
    this.#internals.setValidity(
      error.code === 'required' ? { valueMissing: true } : { customError: true },
      message,
      anchor,
    );
  }

  formAssociatedCallback(): void {
    this.#syncFormSoon();
    this.requestUpdate();
  }

  formResetCallback(): void {
    // A source is only kept once the engine has built a model from it.
    if (this.#source === undefined || !engine) return;
    this.#useQuestionnaire(engine, this.#source, this.#sourceKind);
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string' || this.#source === undefined || !engine) return;
    try {
      this.#useQuestionnaire(engine, this.#source, this.#sourceKind, JSON.parse(state) as QuestionnaireResponse);
    } catch {
      // A state that is not our JSON: keep the form as it is.
    }
  }

  // ---- paging ----------------------------------------------------------------------------------------------------

  #screens(): SurveyScreen[] {
    return this.#layout?.screens ?? [];
  }

  #firstScreen(): number {
    const index = this.#screens().findIndex(screenEnabled);
    return Math.max(0, index);
  }

  #step(direction: 1 | -1): number | undefined {
    const screens = this.#screens();
    for (let i = this.page + direction; i >= 0 && i < screens.length; i += direction) {
      if (screenEnabled(screens[i]!)) return i;
    }
    return undefined;
  }

  #goTo(index: number): void {
    this.page = index;
    this.#summaryOpen = false;
    this.#focusNext = '.page-title';
    const enabled = this.#screens().filter(screenEnabled);
    const position = enabled.indexOf(this.#screens()[index]!);
    this.emit<FdSurveyPageDetail>('fd-survey-page', { index: position, count: enabled.length });
  }

  #next(): void {
    const model = this.#model!;
    const page = this.page;
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
    this.#focusNext = '.summary';
    this.requestUpdate();
  }

  /** Move focus to an item's first control, switching page when it is on another one. */
  async #focusItem(key: string): Promise<void> {
    const screen = this.#layout?.screenOf.get(key);
    if (screen !== undefined && screen !== this.page) {
      this.page = screen;
      await this.updateComplete;
    }
    this.renderRoot.querySelector<HTMLElement>(`#${this.#id(key)}`)?.focus();
  }

  // ---- submitting ------------------------------------------------------------------------------------------------

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.phase === 'sending') return;
    if (this.#step(1) !== undefined) this.#next();
    else this.#submit();
  };

  #submit(): void {
    const model = this.#model;
    if (!model) return;
    if (this.#validateAll(model.items)) {
      this.#openSummary();
      return;
    }
    const response = model.toResponse({ status: 'completed' });
    const event = new CustomEvent('fd-survey-submit', {
      detail: response,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(event)) {
      this.#acknowledged();
      return;
    }
    this.#queued = { format: 'frontdesk-survey-outbox', key: newIdempotencyKey(), response };
    // Stored before the first attempt: a tab closed mid-request still has it for the next visit.
    saveQueued(this.#surveyKey(), this.#queued);
    this.#attempt = 0;
    void this.#send();
  }

  #send(): Promise<void> {
    this.#sendingNow ??= this.#attemptSend().finally(() => {
      this.#sendingNow = undefined;
    });
    return this.#sendingNow;
  }

  async #attemptSend(): Promise<void> {
    const queued = this.#queued;
    if (!queued) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    const firstTry = this.phase !== 'queued';
    if (firstTry) this.phase = 'sending';
    try {
      const adapter = await this.resolveAdapter();
      await adapter.submitSurvey(queued.response, { idempotencyKey: queued.key });
      if (this.#queued === queued) this.#acknowledged();
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      if (worthRetrying(error)) {
        this.phase = 'queued';
        this.#scheduleRetry(++this.#attempt);
        if (firstTry) {
          this.#focusNext = '.state-title';
          this.announce(`${this.i18n.t.queuedTitle}. ${this.i18n.t.queuedText}`);
        }
        this.reportError(error, true);
      } else {
        // The server refused this response: retrying the same one cannot help, so it leaves the outbox; the answers
        // stay in the form (and the draft) for the patient to try again.
        this.#queued = undefined;
        saveQueued(this.#surveyKey(), undefined);
        this.phase = 'failed';
        this.#focusNext = '.failed';
        this.reportError(error, true);
      }
    }
  }

  #scheduleRetry(attempt: number): void {
    clearTimeout(this.#retryTimer);
    if (!this.isConnected) return;
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
    const delay = attempt === 0 ? 0 : ceiling / 2 + Math.random() * (ceiling / 2);
    this.#retryTimer = setTimeout(() => void this.#send(), delay);
  }

  #onOnline = (): void => {
    if (this.#queued) void this.#send();
  };

  #acknowledged(): void {
    const key = this.#surveyKey();
    this.#queued = undefined;
    saveQueued(key, undefined);
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    saveDraft(key, undefined);
    this.phase = 'done';
    this.#focusNext = '.state-title';
    this.announce(`${this.i18n.t.thanksTitle}. ${this.i18n.t.thanksText}`);
  }

  // ---- rendering -------------------------------------------------------------------------------------------------

  #id(key: string): string {
    let id = this.#ids.get(key);
    if (!id) {
      id = `q${this.#ids.size + 1}`;
      this.#ids.set(key, id);
    }
    return id;
  }

  #level(offset: number): number {
    const base = Number.isInteger(this.headingLevel) ? Math.min(6, Math.max(1, this.headingLevel)) : 2;
    return Math.min(6, base + offset);
  }

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">${this.renderAnnouncer()}${this.#renderBody()}</div>`;
  }

  #renderBody(): unknown {
    const t = this.i18n.t;
    switch (this.phase) {
      case 'loading':
        return this.renderLoading(t.loading);
      case 'setup': {
        const error = this.#loadError!;
        const retry = error.kind === 'invalid-input' ? undefined : () => void this.#load(false);
        return this.renderError(error, retry, t.setupTitle);
      }
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
          ? html`<button class="fd-button secondary" part="retry-button" type="button" @click=${() => void this.#send()}>
            ${this.i18n.t.retryNow}
          </button>`
          : nothing
      }
    </section>`;
  }

  #renderScore(): unknown {
    if (!this.showScore || !this.#model) return nothing;
    const score = this.#model.score();
    if (score.scoredItems === 0) return nothing;
    return html`<p class="score" part="score">${this.i18n.t.score(score.total, score.max)}</p>`;
  }

  #renderForm(): TemplateResult {
    const t = this.i18n.t;
    const model = this.#model!;
    const layout = this.#layout!;
    const screens = layout.screens;
    const screen = screens[this.page] ?? screens[0]!;
    const enabled = screens.filter(screenEnabled);
    const position = enabled.indexOf(screen);
    const last = this.#step(1) === undefined;
    const inHostForm = this.#internals.form !== null;
    const roots = screen.isGroupPage
      ? screen.roots.flatMap((root) => (root.repeat ? [root] : (layout.children.get(root.key) ?? [])))
      : screen.roots;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${model.title ? html`<div class="title" part="title" role="heading" aria-level=${this.#level(0)}>${model.title}</div>` : nothing}
      ${this.#renderProblems()}
      ${
        this.phase === 'failed'
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
                  aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}>${t.submit}</button>`
        }
        ${this.phase === 'sending' ? html`<span class="sending">${t.sending}</span>` : nothing}
      </div>
    </form>`;
  }

  #renderProblems(): unknown {
    const listed = this.#problems.filter((p) => !SHOWN_IN_PLACE.has(p.code));
    if (listed.length === 0) return nothing;
    const t = this.i18n.t;
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
    const t = this.i18n.t;
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
          : guard([this.#versions.get(node.key) ?? 0, this.#epoch, this.i18n.t], () => this.#renderItem(node)),
    );
  }

  #renderGroup(node: SurveyNode): TemplateResult {
    const t = this.i18n.t;
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
    const key = this.#model?.addRepeat(node.repeat!.repeatKey);
    if (key) this.#focusNext = `#${this.#id(key)}`;
  }

  #removeRepeat(node: SurveyNode): void {
    const { repeatKey, index } = node.repeat!;
    this.#model?.removeRepeat(node.key);
    const remaining = this.#model?.items.filter((n) => n.repeat?.repeatKey === repeatKey) ?? [];
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    if (neighbour) this.#focusNext = `#${this.#id(neighbour.key)}`;
  }

  #renderErrors(id: string, errors: readonly SurveyFieldError[] | undefined): unknown {
    if (!errors?.length) return nothing;
    const t = this.i18n.t;
    return html`<p class="error" id="${id}-e" part="field-error">
      ${errors.map((e) => t.error(e.code, e.params)).join(' ')}
    </p>`;
  }

  #renderLabel(node: SurveyNode): TemplateResult {
    return html`${node.prefix ? html`<span class="prefix">${node.prefix}</span> ` : nothing}${node.text}${
      node.required ? html` <span class="required">${this.i18n.t.required}</span>` : nothing
    }`;
  }

  #renderItem(node: SurveyNode): TemplateResult {
    if (node.type === 'display') {
      return html`<p class="display" part="display">${node.prefix ? `${node.prefix} ` : ''}${node.text}</p>`;
    }
    const t = this.i18n.t;
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
    const t = this.i18n.t;
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
    const model = this.#model!;
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
          ? html`<label class="other" for=${otherId}>${this.i18n.t.other}</label>
            <input class="text" part="input" id=${otherId} type="text" .value=${live(this.#freeText(node))}
              ?readonly=${node.readOnly} @input=${(e: Event) => this.#typeFreeText(node, e)} />`
          : nothing
      }`;
  }

  #typeFreeText(node: SurveyNode, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const model = this.#model!;
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
        @change=${(e: Event) => this.#model!.setAnswer(node.key, [{ valueBoolean: (e.target as HTMLInputElement).checked }])} />
      <span>${this.#renderLabel(node)}</span>
    </label>`;
  }

  #renderSelect({ node, id, describedBy, invalid }: Control): TemplateResult {
    const options = this.#options(node);
    const onChange = (event: Event) => {
      const select = event.target as HTMLSelectElement;
      const chosen = [...select.selectedOptions].map((o) => options.find((opt) => opt.id === o.value)?.value);
      const free = node.allowsFreeText && this.#freeText(node) ? [{ valueString: this.#freeText(node) }] : [];
      this.#model!.setAnswer(node.key, [...(chosen.filter(Boolean) as SurveyAnswer[]), ...free]);
    };
    return html`<select class="input" part="input" id=${id} ?multiple=${node.repeats} ?disabled=${node.readOnly}
        aria-describedby=${describedBy ?? nothing} aria-invalid=${invalid ? 'true' : nothing} @change=${onChange}>
        ${node.repeats ? nothing : html`<option value="" .selected=${live(node.answers.length === 0)}>${this.i18n.t.choose}</option>`}
        ${options.map((o) => html`<option value=${o.id} .selected=${live(this.#chosen(node, o))}>${o.label}</option>`)}
      </select>
      ${
        node.allowsFreeText
          ? html`<label class="other" for="${id}-o">${this.i18n.t.other}</label>
            <input class="text" part="input" id="${id}-o" type="text" .value=${live(this.#freeText(node))}
              @input=${(e: Event) => this.#typeFreeText(node, e)} />`
          : nothing
      }`;
  }

  #renderSlider({ node, id, describedBy, invalid }: Control): TemplateResult {
    const t = this.i18n.t;
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
      if (byOption) this.#model!.selectOption(node.key, options[n]!.id);
      else this.#model!.setAnswerText(node.key, String(n));
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
      <select class="input unit" part="input" id="${id}-u" aria-label=${this.i18n.t.unit}
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
    const t = this.i18n.t;
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
    const box = this.renderRoot.querySelector(`#${this.#id(node.key)}`)?.closest('.entries');
    return [...(box?.querySelectorAll<HTMLInputElement>('[data-entry]') ?? [])].map((input) => input.value);
  }

  #setEntries(node: SurveyNode, texts: string[]): void {
    this.#extra.set(node.key, texts.filter((text) => text.trim() === '').length);
    this.#model!.setAnswerText(node.key, texts);
  }

  #addEntry(node: SurveyNode): void {
    const texts = this.#entryTexts(node);
    this.#extra.set(node.key, (this.#extra.get(node.key) ?? 0) + 1);
    this.#bump(node.key);
    const id = this.#id(node.key);
    this.#focusNext = `#${id}-${texts.length}`;
    this.requestUpdate();
  }

  #removeEntry(node: SurveyNode, index: number): void {
    const texts = this.#entryTexts(node);
    texts.splice(index, 1);
    this.#setEntries(node, texts);
    this.#bump(node.key);
    this.#focusNext = `#${this.#id(node.key)}`;
    this.requestUpdate();
  }

  /** Typing: the model follows every keystroke (enableWhen and drafts stay live); errors wait for `change`. */
  #typeText(node: SurveyNode, event: Event): void {
    const model = this.#model!;
    const input = event.target as HTMLInputElement;
    this.#typing = node.key;
    try {
      if (node.repeats) {
        this.#setEntries(node, this.#entryTexts(node));
        return;
      }
      const field = this.renderRoot.querySelector<HTMLInputElement>(`#${this.#id(node.key)}`) ?? input;
      if (field.validity.badInput) {
        this.#badInput.add(node.key);
        model.clearAnswer(node.key);
        return;
      }
      this.#badInput.delete(node.key);
      const text = field.value;
      if (node.type === 'quantity' && node.units.length > 1) {
        const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${this.#id(node.key)}-u`);
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
      const t = this.i18n.t;
      this.announce(t.fieldError(plainLabel(node), t.error(first.code, first.params)));
    }
    this.requestUpdate();
  }
}

interface Control {
  node: SurveyNode;
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-survey': FdSurvey;
  }
}
