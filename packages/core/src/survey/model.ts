import { FrontdeskError } from '../errors.js';
import type { FhirCoding, Questionnaire, QuestionnaireResponse } from '../schemas/questionnaire.js';
import {
  affectedBy,
  analyzeQuestionnaire,
  type ItemCondition,
  type ItemDef,
  type QuestionnaireAnalysis,
} from './analyze.js';
import { answersFromTexts } from './answer-texts.js';
import {
  isRecord,
  normalizeSurveyAnswer,
  parseSurveyAnswerText,
  type SurveyAnswer,
  surveyAnswersEqual,
} from './answers.js';
import { emptySurveyDraft, isSurveyDraft, readSurveyDraft } from './draft.js';
import { enableWhenMet } from './enable-when.js';
import { type ExpressionRuntime, loadExpressions, runExpressionPass } from './expressions.js';
import { SurveyListeners } from './listeners.js';
import { loadQuestionnaire, problemsOfLoadedQuestionnaire } from './load.js';
import { CLEAN, COMPUTING, createNodeView, DIRTY, escapeKeySegment, type NodeState, walkStates } from './node-state.js';
import { makeOption, optionNamed } from './options.js';
import { type SurveyProblem, surveyProblem } from './problems.js';
import { buildResponse, questionnaireCanonical } from './response.js';
import { applyResponseItems, type IssueSink, type ResponseTarget } from './restore.js';
import { scoreSurveyItems } from './score.js';
import type {
  SurveyBlocker,
  SurveyChange,
  SurveyDraft,
  SurveyFeature,
  SurveyFieldError,
  SurveyModel,
  SurveyModelOptions,
  SurveyNode,
  SurveyPage,
  SurveyResponseOptions,
  SurveyScore,
  SurveyValidation,
} from './types.js';
import { validateState } from './validation.js';
import { collectSurveyValidation } from './validation-summary.js';

const EMPTY_ANALYSIS: QuestionnaireAnalysis = {
  title: '',
  roots: [],
  ordered: [],
  byLinkId: new Map(),
  problems: [],
  rootVariables: [],
  expressions: [],
};

/** Passes of expression evaluation before giving up on a form whose expressions never settle. */
const MAX_EXPRESSION_PASSES = 8;

/** Incoming-response issues that mean an answer was not kept. */
const DROPPING_ISSUES = new Set([
  'invalid-item',
  'unknown-link-id',
  'wrong-nesting',
  'invalid-answer',
  'answer-type',
  'answer-not-in-options',
  'too-many-answers',
]);

export class SurveyModelImpl implements SurveyModel, ResponseTarget {
  readonly title: string;
  readonly renderable: boolean;
  readonly questionnaire: Questionnaire | undefined;
  readonly analysis: QuestionnaireAnalysis;
  roots: NodeState[] = [];
  #byKey = new Map<string, NodeState>();
  #byDef = new Map<ItemDef, NodeState[]>();
  /** Repeat key -> where the instances of a repeating group live. */
  #slots = new Map<string, { parent: NodeState | undefined; def: ItemDef }>();
  #evaluationOrder: NodeState[] = [];
  #items: SurveyNode[] = [];
  #pages: SurveyPage[] = [];
  #nextInstance = new Map<string, number>();
  readonly #listeners = new SurveyListeners();
  #problems: SurveyProblem[];
  #expressions: ExpressionRuntime | undefined;
  #reportedExpressionErrors = new Set<string>();
  /** Value sets given by the renderer (`resolveValueSet`), by URL, so new repeat instances get them too. */
  #valueSets = new Map<string, readonly FhirCoding[] | 'search' | 'unreachable'>();
  #canonical: string | undefined;
  readonly ready: Promise<void>;

  constructor(
    questionnaire: Questionnaire | undefined,
    problems: readonly SurveyProblem[],
    options: { questionnaire?: string | undefined } = {},
  ) {
    this.questionnaire = questionnaire;
    this.analysis = questionnaire ? analyzeQuestionnaire(questionnaire) : EMPTY_ANALYSIS;
    this.#problems = [...problems];
    this.renderable = questionnaire !== undefined && !problems.some((p) => p.fatal);
    this.#canonical = questionnaire?.url
      ? questionnaireCanonical(questionnaire)
      : (options.questionnaire ?? questionnaireCanonical(questionnaire));
    this.title = this.analysis.title;
    this.roots = this.#createRoots();
    this.#rebuild();
    this.#recomputeAll();
    this.ready = this.renderable && this.analysis.expressions.length > 0 ? this.#loadExpressions() : Promise.resolve();
  }

  // ---- expressions -----------------------------------------------------------------------------------------------

  async #loadExpressions(): Promise<void> {
    let runtime: ExpressionRuntime;
    try {
      runtime = await loadExpressions(this.analysis);
    } catch {
      runtime = { compiled: new Map(), failed: new Map(this.analysis.expressions.map((e) => [e, 'not loaded'])) };
    }
    this.#expressions = runtime;
    for (const def of this.analysis.ordered) {
      const uses: Array<[SurveyFeature, string | undefined]> = [
        ['calculatedExpression', def.calculated?.expression],
        ['enableWhenExpression', def.enableExpression?.expression],
        ['answerExpression', def.answerExpression?.expression],
      ];
      const broken = uses.find(([, expression]) => expression !== undefined && runtime.failed.has(expression));
      if (!broken || def.view.unsupported) continue;
      const reason = runtime.failed.get(broken[1]!) ?? 'failed';
      const unsupported = {
        code: 'expression-failed' as const,
        feature: broken[0],
        message: `${broken[0]}: ${reason}`,
      };
      (def.view as { unsupported: unknown }).unsupported = unsupported;
      def.answerable = false;
      for (const state of this.#byDef.get(def) ?? []) state.view.unsupported = unsupported;
      this.#problems.push(surveyProblem('unsupported-item', unsupported.message, { linkId: def.linkId }));
    }
    const { enabledChanged, calculated } = this.#applyExpressions(this.#evaluationOrder.map((s) => s.view.enabled));
    this.#listeners.emit({ kind: 'structure', enabledChanged, calculated });
  }

  /** Evaluate the expressions until they settle; returns what changed against `before` (enabled per evaluation order). */
  #applyExpressions(before: boolean[]): { enabledChanged: string[]; calculated: string[] } {
    const runtime = this.#expressions;
    const calculated = new Set<string>();
    if (runtime) {
      for (let pass = 0; pass < MAX_EXPRESSION_PASSES; pass++) {
        const result = runExpressionPass(runtime, this.analysis, this.questionnaire, this.roots, this.#canonical);
        for (const key of result.calculated) calculated.add(key);
        for (const [expression, reason] of result.errors) {
          if (this.#reportedExpressionErrors.has(expression) || this.#reportedExpressionErrors.size > 50) continue;
          this.#reportedExpressionErrors.add(expression);
          this.#problems.push(surveyProblem('expression-error', `a FHIRPath expression failed: ${reason}`));
        }
        if (result.calculated.size === 0 && !result.enableChanged) break;
        this.#recomputeAll();
      }
    }
    const enabledChanged = this.#evaluationOrder
      .filter((state, i) => before[i] !== undefined && state.view.enabled !== before[i])
      .map((state) => state.view.key);
    return { enabledChanged, calculated: [...calculated] };
  }

  /** After a change: re-run the expressions (when the form has any) and merge what they changed. */
  #afterChange(enabledChanged: string[], before: boolean[]): { enabledChanged: string[]; calculated?: string[] } {
    if (!this.#expressions) return { enabledChanged };
    const result = this.#applyExpressions(before);
    return {
      enabledChanged: [...new Set([...enabledChanged, ...result.enabledChanged])],
      ...(result.calculated.length > 0 ? { calculated: result.calculated } : {}),
    };
  }

  #enabledSnapshot(): boolean[] {
    return this.#evaluationOrder.map((s) => s.view.enabled);
  }

  get problems(): readonly SurveyProblem[] {
    return this.#problems;
  }

  get items(): readonly SurveyNode[] {
    return this.#items;
  }

  get pages(): readonly SurveyPage[] {
    return this.#pages;
  }

  // ---- structure -------------------------------------------------------------------------------------------------

  #takeInstanceId(repeatKey: string): number {
    const id = this.#nextInstance.get(repeatKey) ?? 1;
    this.#nextInstance.set(repeatKey, id + 1);
    return id;
  }

  #createRoots(): NodeState[] {
    return this.analysis.roots.map((def) => this.#createState(def, undefined));
  }

  #createState(def: ItemDef, parent: NodeState | undefined, instanceId?: number): NodeState {
    const repeatKey = (parent ? `${parent.view.key}/` : '') + escapeKeySegment(def.linkId);
    const id = def.isRepeatingGroup ? (instanceId ?? this.#takeInstanceId(repeatKey)) : undefined;
    const view = createNodeView(def, id === undefined ? repeatKey : `${repeatKey}#${id}`, parent?.view.key);
    const state: NodeState = {
      view,
      def,
      parent,
      children: [],
      repeatKey,
      instanceId: id,
      phase: DIRTY,
      targets: undefined,
      expressionEnabled: undefined,
    };
    this.#applyValueSet(state);
    state.children = def.children.map((child) => this.#createState(child, state));
    return state;
  }

  #siblings(parent: NodeState | undefined): NodeState[] {
    return parent ? parent.children : this.roots;
  }

  /** Re-derives the flat list, lookups, repeat positions and pages after the tree changed. */
  #rebuild(): void {
    this.#byKey.clear();
    this.#byDef.clear();
    this.#slots.clear();
    const items: SurveyNode[] = [];
    const order: NodeState[] = [];
    const visit = (states: NodeState[]) => {
      for (const state of states) {
        const { def, view } = state;
        if (def.isRepeatingGroup) {
          const instances = states.filter((s) => s.def === def);
          view.repeat = { repeatKey: state.repeatKey, index: instances.indexOf(state), count: instances.length };
          this.#slots.set(state.repeatKey, { parent: state.parent, def });
        }
        state.targets = undefined;
        items.push(view);
        order.push(state);
        this.#byKey.set(view.key, state);
        const same = this.#byDef.get(def);
        if (same) same.push(state);
        else this.#byDef.set(def, [state]);
        visit(state.children);
      }
    };
    visit(this.roots);
    this.#items = items;
    const position = new Map(order.map((s, i) => [s, i]));
    this.#evaluationOrder = order.sort((a, b) => a.def.rank - b.def.rank || position.get(a)! - position.get(b)!);
    this.#pages = this.#buildPages();
  }

  #buildPages(): SurveyPage[] {
    const subtree = (state: NodeState) => [...walkStates([state])].map((s) => s.view as SurveyNode);
    if (!this.roots.some((s) => s.view.control === 'page')) {
      const items = this.#items;
      return [{ index: 0, key: undefined, title: this.title, items, enabled: true }];
    }
    const pages: Array<{ states: NodeState[]; key: string | undefined; title: string; items: SurveyNode[] }> = [];
    for (const state of this.roots) {
      const current = pages[pages.length - 1];
      const isPage = state.view.control === 'page';
      if (isPage && current?.states[0]?.def === state.def) current.states.push(state);
      else if (!isPage && current && current.key === undefined) current.states.push(state);
      else
        pages.push({
          states: [state],
          key: isPage ? state.view.key : undefined,
          title: isPage ? state.view.text : '',
          items: [],
        });
    }
    return pages.map((page, index) => ({
      index,
      key: page.key,
      title: page.title,
      items: page.states.flatMap(subtree),
      get enabled() {
        return page.states.some((s) => s.view.enabled);
      },
    }));
  }

  // ---- enabled state ---------------------------------------------------------------------------------------------

  /** Instances of `def` that an enableWhen on `state` refers to: within the same repeat instance when shared. */
  #targetsOf(state: NodeState, def: ItemDef): NodeState[] {
    let cached = state.targets?.get(def);
    if (cached) return cached;
    if (def === state.def) cached = [state];
    else {
      for (let p = state.parent; p && !cached; p = p.parent) if (p.def === def) cached = [p];
      if (!cached) {
        const isAncestorOfDef = (candidate: ItemDef) => {
          for (let d = def.parent; d; d = d.parent) if (d === candidate) return true;
          return false;
        };
        let anchor = state.parent;
        while (anchor && !isAncestorOfDef(anchor.def)) anchor = anchor.parent;
        const all = this.#byDef.get(def) ?? [];
        const inside = (target: NodeState) => {
          for (let p = target.parent; p; p = p.parent) if (p === anchor) return true;
          return false;
        };
        cached = anchor ? all.filter(inside) : all;
      }
    }
    state.targets ??= new Map();
    state.targets.set(def, cached);
    return cached;
  }

  #conditionMet(state: NodeState, condition: ItemCondition): boolean {
    const answers: SurveyAnswer[] = [];
    if (condition.target) {
      for (const target of this.#targetsOf(state, condition.target)) {
        if (this.#evaluate(target) && target.def.answerable) answers.push(...target.view.answers);
      }
    }
    return enableWhenMet(condition.operator, condition.expected, answers);
  }

  /**
   * Enabled = not in an enableWhen cycle, parent enabled (and supported), own enableWhen met. Targets are evaluated on
   * demand; evaluation runs in rank order so they are usually clean already. Meeting an instance that is still being
   * evaluated can only happen through a cycle, which analysis has already marked; it counts as disabled regardless,
   * so evaluation always terminates.
   */
  #evaluate(state: NodeState): boolean {
    if (state.phase === CLEAN) return state.view.enabled;
    if (state.phase === COMPUTING) return false;
    state.phase = COMPUTING;
    let enabled = !state.def.inCycle;
    if (enabled && state.parent) enabled = this.#evaluate(state.parent) && !state.parent.view.unsupported;
    const { conditions, behavior } = state.def;
    // Until its expression is evaluated (the evaluator loads), an item shown by enableWhenExpression stays hidden.
    if (enabled && state.def.enableExpression && !state.view.unsupported) enabled = state.expressionEnabled === true;
    if (enabled && conditions.length > 0) {
      const met = (c: ItemCondition) => this.#conditionMet(state, c);
      enabled = behavior === 'any' ? conditions.some(met) : conditions.every(met);
    }
    state.view.enabled = enabled;
    state.phase = CLEAN;
    return enabled;
  }

  #recompute(states: readonly NodeState[]): string[] {
    const before = states.map((s) => s.view.enabled);
    for (const state of states) state.phase = DIRTY;
    for (const state of states) this.#evaluate(state);
    return states.filter((s, i) => s.view.enabled !== before[i]).map((s) => s.view.key);
  }

  #recomputeAll(): string[] {
    return this.#recompute(this.#evaluationOrder);
  }

  /** Only the items that can depend on `def` (precomputed closure over enableWhen and nesting). */
  #recomputeAfterAnswer(def: ItemDef): string[] {
    const affected = affectedBy(def);
    if (affected.length === 0) return [];
    return this.#recompute(affected.flatMap((d) => this.#byDef.get(d) ?? []));
  }

  // ---- answers ---------------------------------------------------------------------------------------------------

  #answerable(key: string): NodeState | undefined {
    const state = this.#byKey.get(key);
    // Calculated items are read-only: their answers come from their expression only.
    return state?.def.answerable && !state.def.calculated && !state.view.unsupported ? state : undefined;
  }

  #commit(state: NodeState, answers: SurveyAnswer[], invalidText: string[]): void {
    const repeats = state.def.view.repeats;
    const before = this.#expressions ? this.#enabledSnapshot() : [];
    state.view.answers = repeats ? answers : answers.slice(0, 1);
    state.view.invalidText = repeats || answers.length === 0 ? invalidText : [];
    if (!repeats && state.view.invalidText.length > 1) state.view.invalidText = state.view.invalidText.slice(0, 1);
    const changed = this.#afterChange(this.#recomputeAfterAnswer(state.def), before);
    this.#listeners.emit({ kind: 'answer', key: state.view.key, ...changed });
  }

  getItem(key: string): SurveyNode | undefined {
    return this.#byKey.get(key)?.view;
  }

  itemsByLinkId(linkId: string): SurveyNode[] {
    const def = this.analysis.byLinkId.get(linkId);
    return def ? (this.#byDef.get(def) ?? []).map((s) => s.view) : [];
  }

  isEnabled(key: string): boolean {
    return this.#byKey.get(key)?.view.enabled ?? false;
  }

  setAnswer(key: string, values: readonly SurveyAnswer[]): boolean {
    const state = this.#answerable(key);
    if (!state || !Array.isArray(values)) return false;
    const answers: SurveyAnswer[] = [];
    for (const value of values) {
      const answer = normalizeSurveyAnswer(value);
      if (!answer) return false;
      answers.push(answer);
    }
    this.#commit(state, answers, []);
    return true;
  }

  #parseText(state: NodeState, text: string): SurveyAnswer | undefined {
    const { def } = state;
    const { options, units } = def.view;
    if (def.restrictToOptions) {
      const option = optionNamed(options, text);
      if (option) return option.value;
      return def.type === 'open-choice' ? { valueString: text } : undefined;
    }
    const answer = parseSurveyAnswerText(def.type, text);
    const [unit] = units;
    if (answer && 'valueQuantity' in answer && units.length === 1 && unit) {
      const { code, system, display } = unit;
      answer.valueQuantity = {
        ...answer.valueQuantity,
        ...(display || code ? { unit: display ?? code } : {}),
        ...(system ? { system } : {}),
        ...(code ? { code } : {}),
      };
    }
    return answer;
  }

  setAnswerText(key: string, text: string | readonly string[]): boolean {
    const state = this.#answerable(key);
    const parsed = state && answersFromTexts(text, (t) => this.#parseText(state, t));
    if (!parsed) return false;
    this.#commit(state, parsed.answers, parsed.invalid);
    return true;
  }

  selectOption(key: string, optionId: string, selected = true): boolean {
    const state = this.#answerable(key);
    const options = state?.def.view.options ?? [];
    const option = options.find((o) => o.id === optionId);
    if (!state || !option) return false;
    const current = state.view.answers;
    let next: SurveyAnswer[];
    if (state.def.view.repeats) {
      const isChosen = (o: (typeof options)[number]) =>
        o === option ? selected : current.some((a) => surveyAnswersEqual(a, o.value));
      const others = current.filter((a) => !options.some((o) => surveyAnswersEqual(a, o.value)));
      next = [...options.filter(isChosen).map((o) => o.value), ...others];
    } else if (selected) next = [option.value];
    else next = current.filter((a) => !surveyAnswersEqual(a, option.value));
    this.#commit(state, next, state.def.view.repeats ? [...state.view.invalidText] : []);
    return true;
  }

  clearAnswer(key: string): boolean {
    const state = this.#answerable(key);
    if (!state) return false;
    this.#commit(state, [], []);
    return true;
  }

  // ---- repeats ---------------------------------------------------------------------------------------------------

  addRepeat(repeatKey: string): string | undefined {
    const slot = this.#slots.get(repeatKey);
    if (!slot) return undefined;
    const siblings = this.#siblings(slot.parent);
    let last = siblings.length - 1;
    while (last >= 0 && siblings[last]!.def !== slot.def) last--;
    const state = this.#createState(slot.def, slot.parent);
    siblings.splice(last + 1, 0, state);
    const before = this.#enabledSnapshot();
    this.#rebuild();
    this.#listeners.emit({ kind: 'structure', ...this.#afterChange(this.#recomputeAll(), before) });
    return state.view.key;
  }

  removeRepeat(instanceKey: string): boolean {
    const state = this.#byKey.get(instanceKey);
    if (!state?.def.isRepeatingGroup) return false;
    const siblings = this.#siblings(state.parent);
    if (siblings.filter((s) => s.def === state.def).length > 1) siblings.splice(siblings.indexOf(state), 1);
    else {
      for (const s of walkStates([state])) {
        s.view.answers = [];
        s.view.invalidText = [];
      }
    }
    const before = this.#enabledSnapshot();
    this.#rebuild();
    this.#listeners.emit({ kind: 'structure', ...this.#afterChange(this.#recomputeAll(), before) });
    return true;
  }

  // ---- results ---------------------------------------------------------------------------------------------------

  validate(page?: number): SurveyValidation {
    const scope = page === undefined ? this.#items : (this.#pages[page]?.items ?? []);
    return collectSurveyValidation(scope, (key) => this.validateItem(key));
  }

  validateItem(key: string): SurveyFieldError[] {
    const state = this.#byKey.get(key);
    return state ? validateState(state) : [];
  }

  score(): SurveyScore {
    return scoreSurveyItems([...walkStates(this.roots)].filter((s) => s.def.answerable).map((s) => s.view));
  }

  toResponse(options: SurveyResponseOptions = {}): QuestionnaireResponse {
    if (options.status !== 'in-progress') {
      const [blocker] = this.completionBlockers();
      if (blocker) {
        throw new FrontdeskError(
          'invalid-input',
          `required item "${blocker.linkId}" cannot be answered here (${blocker.reason}); save the response as in-progress`,
          { field: blocker.linkId },
        );
      }
    }
    return buildResponse(this.questionnaire, this.roots, {
      ...options,
      questionnaire: options.questionnaire ?? this.#canonical,
    });
  }

  completionBlockers(): SurveyBlocker[] {
    const blockers: SurveyBlocker[] = [];
    for (const state of walkStates(this.roots)) {
      const { view } = state;
      if (view.required && view.enabled && view.unsupported && !view.hidden) {
        blockers.push({
          key: view.key,
          linkId: state.def.linkId,
          code: 'cannot-answer',
          reason: view.unsupported.code,
        });
      }
    }
    return blockers;
  }

  // ---- value sets the renderer expands ---------------------------------------------------------------------------

  #applyValueSet(state: NodeState): void {
    const url = state.def.view.valueSet;
    const given = url === undefined ? undefined : this.#valueSets.get(url);
    if (given === undefined) return;
    if (given === 'unreachable') {
      state.view.unsupported = {
        code: 'value-set-unreachable',
        feature: 'answerValueSet',
        message: 'The terminology server that expands this answer list could not be reached',
      };
      return;
    }
    state.view.unsupported = undefined;
    state.view.options =
      given === 'search'
        ? []
        : given.flatMap((coding, i) => {
            const answer = normalizeSurveyAnswer({ valueCoding: coding });
            return answer ? [makeOption(i, answer, undefined)] : [];
          });
  }

  resolveValueSet(url: string, options: readonly FhirCoding[] | 'search'): boolean {
    const defs = this.analysis.ordered.filter((def) => def.view.valueSet === url);
    if (defs.length === 0 || (options !== 'search' && !Array.isArray(options))) return false;
    this.#valueSets.set(url, options === 'search' ? 'search' : [...options]);
    for (const def of defs) {
      def.answerable = true;
      def.restrictToOptions = options !== 'search';
      def.allowedKinds = def.type === 'open-choice' ? ['valueCoding', 'valueString'] : ['valueCoding'];
      (def.view as { unsupported: unknown }).unsupported = undefined;
      const first = this.#byDef.get(def)?.[0];
      for (const state of this.#byDef.get(def) ?? []) this.#applyValueSet(state);
      if (first) (def.view as { options: unknown }).options = first.view.options;
    }
    const before = this.#enabledSnapshot();
    this.#listeners.emit({ kind: 'structure', ...this.#afterChange(this.#recomputeAll(), before) });
    return true;
  }

  valueSetUnreachable(url: string): void {
    const defs = this.analysis.ordered.filter((def) => def.view.valueSet === url);
    if (defs.length === 0) return;
    this.#valueSets.set(url, 'unreachable');
    for (const def of defs) for (const state of this.#byDef.get(def) ?? []) this.#applyValueSet(state);
    this.#listeners.emit({ kind: 'structure', enabledChanged: [] });
  }

  // ---- drafts and earlier responses ------------------------------------------------------------------------------

  serializeAnswers(): SurveyDraft {
    const draft = emptySurveyDraft(this.#canonical);
    for (const [repeatKey, slot] of this.#slots) {
      draft.instances[repeatKey] = this.#siblings(slot.parent)
        .filter((s) => s.def === slot.def)
        .map((s) => s.instanceId!);
    }
    for (const state of walkStates(this.roots)) {
      if (!state.def.answerable) continue;
      // Every answerable item is listed, empty ones too, so a restore clears initial values the patient removed.
      draft.answers[state.view.key] = state.view.answers.map((a) => normalizeSurveyAnswer(a)!);
      if (state.view.invalidText.length > 0) draft.invalidText[state.view.key] = [...state.view.invalidText];
    }
    return draft;
  }

  restoreAnswers(draft: unknown): { restored: number; dropped: number } {
    try {
      const before = this.#enabledSnapshot();
      const result = this.#restoreDraft(draft);
      this.#listeners.emit({ kind: 'restore', ...this.#afterChange(this.#recomputeAll(), before) });
      return result;
    } catch {
      return { restored: 0, dropped: 0 };
    }
  }

  #restoreDraft(raw: unknown): { restored: number; dropped: number } {
    const read = readSurveyDraft(raw);
    if (!read) return { restored: 0, dropped: 0 };
    const { draft } = read;
    let { dropped } = read;
    const canonical = this.#canonical;
    if (draft.questionnaire !== undefined && canonical !== undefined && draft.questionnaire !== canonical) {
      return { restored: 0, dropped: dropped + Object.keys(draft.answers).length };
    }
    this.#nextInstance.clear();
    this.roots = this.#createRoots();
    this.#rebuild();
    // Parents before children: a nested repeat key only exists once its enclosing instance does.
    const repeatKeys = Object.keys(draft.instances).sort((a, b) => a.split('/').length - b.split('/').length);
    for (const repeatKey of repeatKeys) {
      const slot = this.#slots.get(repeatKey);
      if (!slot) continue;
      const ids = draft.instances[repeatKey]!;
      const siblings = this.#siblings(slot.parent);
      const first = siblings.findIndex((s) => s.def === slot.def);
      const fresh = ids.map((id) => this.#createState(slot.def, slot.parent, id));
      siblings.splice(first, siblings.filter((s) => s.def === slot.def).length, ...fresh);
      this.#nextInstance.set(repeatKey, Math.max(...ids) + 1);
      this.#rebuild();
    }
    let restored = 0;
    for (const [key, answers] of Object.entries(draft.answers)) {
      const state = this.#answerable(key);
      if (!state) {
        dropped += answers.length;
        continue;
      }
      const kept = state.def.view.repeats ? answers : answers.slice(0, 1);
      state.view.answers = kept;
      state.view.invalidText = draft.invalidText[key] ?? [];
      restored += kept.length;
      dropped += answers.length - kept.length;
    }
    this.#rebuild();
    return { restored, dropped };
  }

  /** @internal The `occurrence`-th instance of `def` under `parent`, adding repeat instances as a response needs them. */
  instanceOf(def: ItemDef, parent: NodeState | undefined, occurrence: number): NodeState | undefined {
    const siblings = this.#siblings(parent);
    const instances = siblings.filter((s) => s.def === def);
    if (!def.isRepeatingGroup) return instances[0];
    if (occurrence < instances.length) return instances[occurrence];
    const state = this.#createState(def, parent);
    siblings.splice(siblings.lastIndexOf(instances[instances.length - 1]!) + 1, 0, state);
    return state;
  }

  /** @internal */
  setRestoredAnswers(state: NodeState, answers: SurveyAnswer[]): void {
    state.view.answers = answers;
    state.view.invalidText = [];
  }

  /** @internal Loads an earlier response: answers it does not hold are cleared, repeat instances follow it. */
  applyResponse(response: unknown, report: IssueSink): Array<{ state: NodeState; path: string }> {
    const placed: Array<{ state: NodeState; path: string }> = [];
    this.#nextInstance.clear();
    this.roots = this.#createRoots();
    for (const state of walkStates(this.roots)) state.view.answers = [];
    const items = isRecord(response) ? response.item : undefined;
    if (items !== undefined) applyResponseItems(this, items, undefined, 'item', report, placed);
    this.#rebuild();
    this.#recomputeAll();
    return placed;
  }

  /** Starts from an earlier response or a draft; what no longer fits is dropped and listed in `problems`. */
  restoreInitialAnswers(initial: QuestionnaireResponse | SurveyDraft): void {
    if (!isSurveyDraft(initial) && (!isRecord(initial) || initial.resourceType !== 'QuestionnaireResponse')) {
      this.#problems.push(
        surveyProblem(
          'initial-answer-dropped',
          'initialAnswers is neither a QuestionnaireResponse nor a draft; ignored',
        ),
      );
      return;
    }
    if (isSurveyDraft(initial)) {
      const { dropped } = this.#restoreDraft(initial);
      this.#recomputeAll();
      if (dropped > 0) {
        this.#problems.push(
          surveyProblem('initial-answer-dropped', `${dropped} saved answers no longer fit the Questionnaire`),
        );
      }
      return;
    }
    this.applyResponse(initial, (issue) => {
      if (DROPPING_ISSUES.has(issue.code)) {
        this.#problems.push(
          surveyProblem('initial-answer-dropped', `initial answers: ${issue.message}`, {
            linkId: issue.linkId,
            path: issue.path,
          }),
        );
      }
    });
  }

  subscribe(listener: (change: SurveyChange) => void): () => void {
    return this.#listeners.subscribe(listener);
  }
}

/** The model behind `createSurveyModel`, exposed to the response checker. */
export function createSurveyModelImpl(
  questionnaire: unknown,
  options: { questionnaire?: string | undefined } = {},
): SurveyModelImpl {
  const known = isRecord(questionnaire) ? problemsOfLoadedQuestionnaire(questionnaire) : undefined;
  if (known) return new SurveyModelImpl(questionnaire as Questionnaire, known, options);
  const { questionnaire: loaded, problems } = loadQuestionnaire(questionnaire);
  return new SurveyModelImpl(loaded, problems, options);
}

/**
 * A live model of a Questionnaire for a renderer: a flat list of item instances with their enabled state, pages,
 * answers, repeats, validation, scores and the QuestionnaireResponse. Never throws: a Questionnaire with fatal
 * problems gives a model with no items, `renderable` false and the problems listed.
 */
export function createSurveyModel(
  questionnaire: Questionnaire | unknown,
  options: SurveyModelOptions = {},
): SurveyModel {
  try {
    const model = createSurveyModelImpl(questionnaire, { questionnaire: options.questionnaire });
    if (options.initialAnswers !== undefined && model.renderable) model.restoreInitialAnswers(options.initialAnswers);
    return model;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown error';
    return new SurveyModelImpl(undefined, [
      surveyProblem('internal-error', `could not build the survey model (${detail})`, { fatal: true }),
    ]);
  }
}
