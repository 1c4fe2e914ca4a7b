import {
  FrontdeskError,
  type FrontdeskErrorKind,
  type QuestionnaireResponse,
  type SurveyModel,
  toFrontdeskError,
} from '@frontdesk/core';
import {
  baseStyles,
  FrontdeskElement,
  fieldStyles,
  internals,
  LazyModule,
  LazyPart,
  LocalizeController,
  mixinFormAssociated,
  syncForm,
} from '@frontdesk/core/element';
import { html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { FormView, type SurveyFormHost, type SurveyPhase } from './form-view.js';
import type { Outbox, OutboxHost } from './outbox.js';
import { simpleSurveyModel } from './simple-model.js';
import { loadDraft, loadQueued, saveDraft } from './storage.js';
import { surveyStrings } from './strings.js';
import { surveyStyles } from './survey.styles.js';

/** A canonical URL (`https://clinic.example/Questionnaire/intake|2`, `Questionnaire/intake`): no JSON, no spaces. */
const isCanonical = (text: string) => /^[^\s{[]\S*$/.test(text.trim());

/** The survey engine and its form: fetched once per page, for the first form the small model leaves to it. */
const engineModule = new LazyModule(() => import('./engine.js'));
/**
 * Sending the answers (the outbox), the summary of errors and the end states: not needed to show the form, so fetched
 * just after it shows, long before the patient can press Submit (which waits for it if need be).
 */
const finishModule = new LazyModule(() => import('./finish.js'));

/**
 * A FHIR R4 Questionnaire as an accessible form that produces a QuestionnaireResponse: after-visit feedback (NPS,
 * CSAT, Likert) or a clinical intake form such as PHQ-9. Load it by id through the adapter (`survey="phq-9"`) or
 * give it directly (`questionnaire` property: an object or JSON text). Every item type of the supported subset gets
 * its native control; pages (the `page` item control, or `paged`) get a progress indicator; validation messages are
 * tied to their fields and announced, and a summary of errors with links to each field opens on submit.
 *
 * A scale as short as NPS (0 to 10) is a row of numbered choices with nothing chosen; longer sliders show no thumb
 * until answered. Calculated items (totals) are read-only outputs that follow the answers and go into the response;
 * an `answerValueSet` by canonical URL is looked up through the adapter's terminology (choices, or a type-ahead for a
 * large list); `attachment` items read a file into the response. A required item that cannot be answered here says
 * so in place and keeps the form from being completed. A simple form (NPS, CSAT, Likert) needs only a small model
 * that comes with the element; the survey engine loads for any other form.
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
 * @csspart input - A text, number, date, time or file input, a text area, a drop-down, a slider or a type-ahead.
 * @csspart listbox - The suggestions of a type-ahead (an answer list on the clinic's terminology server).
 * @csspart output - The value of a calculated item (a total), read-only.
 * @csspart file - The file chosen for a file question, with its remove button.
 * @csspart scale-labels - The labels at the two ends of a scale or slider.
 * @csspart help - Help text of a question.
 * @csspart field-error - A question's validation message.
 * @csspart display - A display (text only) item.
 * @csspart unsupported - Why an item cannot be answered here (which feature, and why), in its place.
 * @csspart blocked - Above Submit: the form cannot be sent from here (a required item cannot be answered).
 * @csspart save-button - In the blocked notice, with `save-draft`: keeps the answers on this device.
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
export class FdSurvey extends mixinFormAssociated(FrontdeskElement) {
  static override styles = [baseStyles, fieldStyles, surveyStyles];

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
  /**
   * A FHIR R4 Questionnaire (object or JSON text) to render instead of loading one; wins over `survey`. Text that is
   * not JSON is instead the canonical URL of the form (`https://clinic.example/Questionnaire/intake|2`): responses
   * point at it (`QuestionnaireResponse.questionnaire`) when the loaded form has no `url` of its own.
   */
  questionnaire: unknown;
  /** One page per top-level group, even without the `page` item control. */
  paged = false;
  /** Keep the answers in this browser's localStorage until the server acknowledges them, restoring them on reload. */
  saveDraft = false;
  /** Show the total score (ordinalValue / itemWeight), for forms such as PHQ-9. */
  showScore = false;
  /** Level of the survey title, 1 to 6 (default 2); page and group headings follow it. */
  headingLevel = 2;

  protected phase: SurveyPhase = 'loading';
  /** Index of the screen shown. */
  protected page = 0;

  protected readonly i18n = new LocalizeController(this, surveyStrings);

  readonly #engine = new LazyPart(this, engineModule, { styles: (engine) => engine.engineStyles });
  readonly #finish = new LazyPart(this, finishModule);
  /** Created with the finish part: a submitted response on its way to the clinic. */
  #outbox: Outbox | undefined;
  #model: SurveyModel | undefined;
  #source: unknown;
  #sourceKind: FrontdeskErrorKind = 'invalid-input';
  /** The rendered form, built once a Questionnaire is read. */
  #view: FormView | undefined;
  #loadError: FrontdeskError | undefined;
  #generation = 0;
  #abort: AbortController | undefined;
  #started = false;
  #focusNext: string | undefined;

  readonly #outboxHost: OutboxHost = {
    key: () => this.#surveyKey(),
    connected: () => this.isConnected,
    deliver: async ({ response, key }) => (await this.resolveAdapter()).submitSurvey(response, { idempotencyKey: key }),
    sending: () => {
      this.phase = 'sending';
    },
    queued: (error, first) => {
      this.phase = 'queued';
      if (first) {
        this.#focusNext = '.state-title';
        this.announce(`${this.i18n.t.queuedTitle}. ${this.i18n.t.queuedText}`);
      }
      this.reportError(error, true);
    },
    acknowledged: () => this.#acknowledged(),
    refused: (error) => {
      // Retrying the same response cannot help; the answers stay in the form (and the draft) to try again.
      this.phase = 'failed';
      this.#focusNext = '.failed';
      this.reportError(error, true);
    },
  };
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #formSyncQueued = false;

  /** A new adapter (property or enclosing `<fd-clinic>`) loads the survey through it. */
  protected override adapterChanged(): void {
    super.adapterChanged();
    void this.#load(true);
  }

  /** The live survey model (answers, validation, scores), once a Questionnaire is loaded. */
  get model(): SurveyModel | undefined {
    return this.#model;
  }

  /** The response as it stands (status `in-progress`), for hosts that save progress themselves. */
  response(): QuestionnaireResponse | undefined {
    return this.#model?.toResponse({ status: 'in-progress' });
  }

  /** Send a queued submission now instead of waiting for the next retry. Resolves when this attempt settled. */
  async retrySubmission(): Promise<void> {
    await (await this.#outboxReady()).send();
  }

  /** The outbox, once the finish part is here. */
  async #outboxReady(): Promise<Outbox> {
    const { Outbox } = await this.#finish.load();
    this.#outbox ??= new Outbox(this.#outboxHost);
    return this.#outbox;
  }

  readonly #onOnline = (): void => this.#outbox?.onOnline();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('pagehide', this.#flushDraft);
    this.#outbox?.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('pagehide', this.#flushDraft);
    this.#outbox?.pause();
    this.#flushDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.#started || changed.has('survey') || changed.has('questionnaire')) {
      this.#started = true;
      void this.#load(false);
    } else if (changed.has('paged') && this.#model) this.#view?.relayout();
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

  /** `questionnaire` as the canonical URL of the form (text that is not JSON), or undefined. */
  #canonical(): string | undefined {
    const value = this.questionnaire;
    return typeof value === 'string' && isCanonical(value) ? value.trim() : undefined;
  }

  async #load(fromAdapterChange: boolean): Promise<void> {
    const input = this.questionnaire;
    const given = input !== undefined && input !== null && input !== '' && this.#canonical() === undefined;
    // A questionnaire given directly does not depend on the adapter: keep the patient's answers.
    if (fromAdapterChange && given) return;
    const generation = ++this.#generation;
    this.#abort?.abort();
    this.#abort = undefined;
    if (given) {
      await this.#show(generation, input, 'invalid-input');
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
      const adapter = await this.resolveAdapter();
      const questionnaire = await adapter.getSurvey(id, { signal: controller.signal });
      if (generation === this.#generation) await this.#show(generation, questionnaire, 'invalid-response');
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      if (generation !== this.#generation || (error.kind === 'aborted' && controller.signal.aborted)) return;
      this.#setupFailed(error);
    }
  }

  /**
   * Builds the model and its form for load `generation`: the small model when it takes the form (at once, in this
   * update), else the survey engine, fetched once per page, whose expressions are ready before the form shows.
   */
  async #show(generation: number, input: unknown, kind: FrontdeskErrorKind, initial?: QuestionnaireResponse) {
    const questionnaire = this.#canonical();
    const simple = initial ? undefined : simpleSurveyModel(input, { questionnaire });
    if (simple) {
      this.#useModel(simple, new FormView(this.#formHost, simple), input, kind);
      return;
    }
    this.phase = 'loading';
    const loaded = await this.#engine.settle();
    if (generation !== this.#generation) return;
    if ('error' in loaded) {
      this.#setupFailed(loaded.error);
      return;
    }
    const { createSurveyModel, EngineForm } = loaded.module;
    const model = createSurveyModel(input, { questionnaire, ...(initial ? { initialAnswers: initial } : {}) });
    await model.ready;
    if (generation === this.#generation)
      this.#useModel(model, new EngineForm(this.#formHost, model), input, kind, initial);
  }

  #setupFailed(error: FrontdeskError): void {
    this.#detach();
    this.#loadError = error;
    this.phase = 'setup';
    this.reportError(error, false);
  }

  #detach(): void {
    this.#view?.stop();
    this.#view = undefined;
    this.#model = undefined;
  }

  #useModel(
    model: SurveyModel,
    view: FormView,
    input: unknown,
    kind: FrontdeskErrorKind,
    initial?: QuestionnaireResponse,
  ): void {
    this.#detach();
    this.#source = input;
    this.#sourceKind = kind;
    this.#view = view;
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
    // A response an earlier visit could not deliver is sent first (the outbox comes with the finish part).
    const queued = loadQueued(key) !== undefined;
    this.phase = queued ? 'loading' : 'form';
    if (!queued && this.saveDraft && !initial) {
      const draft = loadDraft(key);
      if (draft !== undefined && model.restoreAnswers(draft).restored > 0) this.announce(this.i18n.t.draftRestored);
    }
    view.start();
    this.#syncFormSoon();
    this.requestUpdate();
    if (queued) void this.#resumeQueued(model);
    else void this.#finish.settle();
  }

  async #resumeQueued(model: SurveyModel): Promise<void> {
    const outbox = await this.#outboxReady().catch(() => undefined);
    if (this.#model === model) this.phase = outbox?.restore() ? 'queued' : 'form';
  }

  /** How the lazily loaded form reaches this element's state (private fields stay private to the class). */
  readonly #formHost: SurveyFormHost = {
    element: this,
    strings: () => this.i18n.t,
    lang: () => this.i18n.lang,
    phase: () => this.phase,
    page: () => this.page,
    setPage: (index) => {
      this.page = index;
    },
    paged: () => this.paged,
    showScore: () => this.showScore,
    headingLevel: () => this.headingLevel,
    saveDraft: () => this.saveDraft,
    inHostForm: () => this[internals].form !== null,
    root: () => this.renderRoot,
    focus: (selector) => {
      this.#focusNext = selector;
    },
    announce: (text) => this.announce(text),
    pageShown: (detail) => void this.emit('fd-survey-page', detail),
    update: () => this.requestUpdate(),
    updateComplete: () => this.updateComplete,
    changed: () => {
      this.#saveDraftSoon();
      this.#syncFormSoon();
      this.requestUpdate();
    },
    finishing: () => this.#finish.load(),
    finished: () => this.#finish.value,
    submit: () => void this.#submit(),
    retry: () => void this.retrySubmission(),
    saveNow: () => {
      this.#flushDraft();
      this.announce(this.i18n.t.draftSaved);
    },
    adapter: () => this.resolveAdapter(),
    reportError: (error) => this.reportError(error, true),
  };

  // ---- answers ---------------------------------------------------------------------------------------------------

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
    queueMicrotask(() => this[syncForm]());
  }

  /** Brings the host form's value and validity up to date (the form asks before it reads them). @internal */
  override [syncForm](): void {
    this.#formSyncQueued = false;
    const model = this.#model;
    if (!this[internals].form) return;
    if (!model) {
      this[internals].setFormValue(null);
      this[internals].setValidity({});
      return;
    }
    this.#view!.syncForm(this[internals]);
  }

  formAssociatedCallback(): void {
    this.#syncFormSoon();
    this.requestUpdate();
  }

  formResetCallback(): void {
    // A source is only kept once a model was built from it.
    if (this.#source !== undefined) void this.#show(++this.#generation, this.#source, this.#sourceKind);
  }

  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string' || this.#source === undefined) return;
    try {
      const initial = JSON.parse(state) as QuestionnaireResponse;
      void this.#show(++this.#generation, this.#source, this.#sourceKind, initial);
    } catch {
      // A state that is not our JSON: keep the form as it is.
    }
  }

  // ---- submitting ------------------------------------------------------------------------------------------------

  async #submit(): Promise<void> {
    const model = this.#model;
    if (!model) return;
    const response = model.toResponse({ status: 'completed' });
    // Cancelable: a host that prevents it delivers the response itself.
    if (!this.emit('fd-survey-submit', response)) {
      this.#acknowledged();
      return;
    }
    try {
      (await this.#outboxReady()).submit(response);
    } catch (error) {
      // The code that sends could not be fetched (offline before it came): the answers stay, to send again.
      this.phase = 'failed';
      this.#focusNext = '.failed';
      this.reportError(toFrontdeskError(error), true);
    }
  }

  #acknowledged(): void {
    const key = this.#surveyKey();
    this.#outbox?.clear();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    saveDraft(key, undefined);
    this.phase = 'done';
    this.#focusNext = '.state-title';
    this.announce(`${this.i18n.t.thanksTitle}. ${this.i18n.t.thanksText}`);
  }

  // ---- rendering -------------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="fd-root" part="base">${this.renderAnnouncer()}${this.#renderBody()}</div>`;
  }

  #renderBody(): unknown {
    const t = this.i18n.t;
    if (this.phase === 'setup') {
      const error = this.#loadError!;
      const retry = error.kind === 'invalid-input' ? undefined : () => void this.#load(false);
      return this.renderError(error, retry, t.setupTitle);
    }
    return (this.phase !== 'loading' && this.#view?.render()) || this.renderLoading(t.loading);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-survey': FdSurvey;
  }
}
