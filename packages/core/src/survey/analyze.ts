import type { FhirCoding, Questionnaire, QuestionnaireItem, QuestionnaireItemType } from '../schemas/questionnaire.js';
import {
  ANSWER_KIND_BY_TYPE,
  isFhirDate,
  isFhirDateTime,
  isFhirTime,
  isRecord,
  makeSurveyAnswer,
  OPTION_KINDS_BY_TYPE,
  readFhirValue,
  type SurveyAnswer,
  type SurveyAnswerKind,
  surveyAnswerKind,
} from './answers.js';
import {
  expressionOf,
  extensionBoolean,
  extensionNumber,
  extensionString,
  extensionValue,
  findExtension,
  findExtensions,
  itemControlCode,
  renderingXhtmlOf,
  type SurveyExpression,
  SURVEY_EXTENSION_URLS as URLS,
} from './extensions.js';
import { markdownTokens } from './markdown.js';
import { readAnswerOptions, resolveAnswerValueSet, type SurveyOption } from './options.js';
import { type SurveyProblem, surveyProblem } from './problems.js';
import type { SurveyControl, SurveyFeature, SurveyItemView, SurveyUnsupported } from './types.js';
import { xhtmlToText } from './xhtml.js';

export type EnableOperator = 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';

export interface ItemCondition {
  question: string;
  operator: EnableOperator;
  /** The enableWhen answer as an answer value; undefined when malformed (the condition is then never met). */
  expected: SurveyAnswer | undefined;
  target: ItemDef | undefined;
}

/** Everything known about one Questionnaire item, shared by all its instances. */
export interface ItemDef {
  item: QuestionnaireItem;
  linkId: string;
  type: QuestionnaireItemType;
  parent: ItemDef | undefined;
  /** Rendered children (display children used as labels are left out). */
  children: ItemDef[];
  /** A display child consumed as a label or help text of its parent. */
  isLabel: boolean;
  depth: number;
  /** Document order. */
  order: number;
  /** Evaluation order: parents and enableWhen targets before the items that depend on them. */
  rank: number;
  /** Part of an enableWhen cycle: always disabled. */
  inCycle: boolean;
  view: SurveyItemView;
  /** Answer kinds the item accepts. */
  allowedKinds: readonly SurveyAnswerKind[];
  /** Answers must be among the options (a free-text string on open-choice excepted). */
  restrictToOptions: boolean;
  conditions: ItemCondition[];
  behavior: 'all' | 'any';
  dependants: ItemDef[];
  initial: SurveyAnswer[];
  isGroup: boolean;
  isRepeatingGroup: boolean;
  /** A supported question that takes answers. */
  answerable: boolean;
  pattern: RegExp | undefined;
  /** Items whose enabled state may change when this one's answers change; computed on first use. */
  affected: ItemDef[] | undefined;
  /** FHIRPath: `variable`s defined on the item (in order), and its calculated, enable and answer expressions. */
  variables: SurveyExpression[];
  calculated: SurveyExpression | undefined;
  enableExpression: SurveyExpression | undefined;
  answerExpression: SurveyExpression | undefined;
}

export interface QuestionnaireAnalysis {
  title: string;
  roots: ItemDef[];
  /** Every def, labels included, in document order. */
  ordered: ItemDef[];
  byLinkId: Map<string, ItemDef>;
  problems: SurveyProblem[];
  /** `variable`s on the Questionnaire itself. */
  rootVariables: SurveyExpression[];
  /** Every FHIRPath expression of the form: empty for a form that needs no evaluator. */
  expressions: string[];
}

const FHIRPATH = 'text/fhirpath';

const LABEL_CONTROLS = new Set(['lower', 'upper', 'help', 'flyover']);
const CHOICE_CONTROLS = new Set(['radio-button', 'check-box', 'drop-down', 'slider']);
const UNSUPPORTED_TYPES = new Set<QuestionnaireItemType>(['reference', 'question']);
const ORDERED_OPERATORS = new Set<EnableOperator>(['>', '<', '>=', '<=']);
/** Options beyond this count read better as a drop-down than as a wall of radio buttons. */
const DROP_DOWN_THRESHOLD = 12;

function plainText(owner: QuestionnaireItem | Questionnaire, element: 'text' | 'prefix' | 'title'): string | undefined {
  const xhtml = renderingXhtmlOf(owner, element);
  if (xhtml !== undefined) {
    const text = xhtmlToText(xhtml);
    if (text !== '') return text;
  }
  const raw = owner[element];
  return typeof raw === 'string' ? raw : undefined;
}

function isLabelItem(item: QuestionnaireItem, parent: QuestionnaireItem | undefined): boolean {
  if (item.type !== 'display' || !parent || parent.type === 'display') return false;
  const code = itemControlCode(item);
  return code !== undefined && LABEL_CONTROLS.has(code);
}

interface Context {
  questionnaire: Questionnaire;
  problems: SurveyProblem[];
  ordered: ItemDef[];
  byLinkId: Map<string, ItemDef>;
}

const EMPTY_VIEW: SurveyItemView = {
  text: '',
  textTokens: undefined,
  prefix: undefined,
  control: 'input',
  orientation: undefined,
  options: [],
  allowsFreeText: false,
  required: false,
  readOnly: false,
  repeats: false,
  hidden: false,
  min: undefined,
  max: undefined,
  step: undefined,
  maxLength: undefined,
  minLength: undefined,
  maxDecimalPlaces: undefined,
  regex: undefined,
  entryFormat: undefined,
  units: [],
  lowerLabel: undefined,
  upperLabel: undefined,
  help: undefined,
  unsupported: undefined,
  calculated: false,
  valueSet: undefined,
  attachment: undefined,
};

function createDefs(items: readonly QuestionnaireItem[] | undefined, parent: ItemDef | undefined, ctx: Context) {
  const defs: ItemDef[] = [];
  for (const item of items ?? []) {
    if (ctx.byLinkId.has(item.linkId)) continue; // loadQuestionnaire reports duplicates; keep the first
    const isLabel = isLabelItem(item, parent?.item);
    const def: ItemDef = {
      item,
      linkId: item.linkId,
      type: item.type,
      parent,
      children: [],
      isLabel,
      depth: parent ? parent.depth + 1 : 0,
      order: ctx.ordered.length,
      rank: 0,
      inCycle: false,
      view: EMPTY_VIEW,
      allowedKinds: [],
      restrictToOptions: false,
      conditions: [],
      behavior: item.enableBehavior === 'any' ? 'any' : 'all',
      dependants: [],
      initial: [],
      isGroup: item.type === 'group',
      isRepeatingGroup: item.type === 'group' && item.repeats === true,
      answerable: false,
      pattern: undefined,
      affected: undefined,
      variables: findExtensions(item, URLS.variable).flatMap((e) => expressionOf(e) ?? []),
      calculated: expressionOf(findExtension(item, URLS.calculatedExpression)),
      enableExpression: expressionOf(findExtension(item, URLS.enableWhenExpression)),
      answerExpression: expressionOf(findExtension(item, URLS.answerExpression)),
    };
    ctx.byLinkId.set(def.linkId, def);
    ctx.ordered.push(def);
    if (!isLabel) defs.push(def);
    def.children = createDefs(item.item, def, ctx);
  }
  return defs;
}

function unsupported(code: SurveyUnsupported['code'], feature: SurveyFeature, message: string): SurveyUnsupported {
  return { code, feature, message };
}

/** minValue / maxValue as a number or a FHIR date/time string matching the item type; undefined when unusable. */
function boundOf(def: ItemDef, url: string, ctx: Context): number | string | undefined {
  const ext = findExtension(def.item, url);
  if (!ext) return undefined;
  const found = extensionValue(ext, ['Integer', 'Decimal', 'Date', 'DateTime', 'Time', 'Quantity']);
  const numeric =
    def.type === 'integer' || def.type === 'decimal' || def.type === 'quantity' || def.view.control === 'slider';
  let bound: number | string | undefined;
  if (found && numeric) {
    const raw = found.type === 'Quantity' && isRecord(found.value) ? found.value.value : found.value;
    if (typeof raw === 'number' && Number.isFinite(raw)) bound = raw;
  } else if (found && typeof found.value === 'string') {
    const ok =
      (def.type === 'date' && found.type === 'Date' && isFhirDate(found.value)) ||
      (def.type === 'dateTime' &&
        (found.type === 'DateTime' || found.type === 'Date') &&
        isFhirDateTime(found.value)) ||
      (def.type === 'time' && found.type === 'Time' && isFhirTime(found.value));
    if (ok) bound = found.value;
  }
  if (bound === undefined) {
    ctx.problems.push(
      surveyProblem('invalid-extension', `${url.split('/').pop()} does not fit a ${def.type} item; ignored`, {
        linkId: def.linkId,
      }),
    );
  }
  return bound;
}

function compilePattern(def: ItemDef, source: string, ctx: Context): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${source})$`, flags);
    } catch {
      // try without the unicode flag: some authored patterns escape characters that `u` rejects
    }
  }
  ctx.problems.push(
    surveyProblem('invalid-extension', 'regex is not a valid regular expression; ignored', { linkId: def.linkId }),
  );
  return undefined;
}

function unitsOf(item: QuestionnaireItem): FhirCoding[] {
  const units: FhirCoding[] = [];
  for (const ext of [...findExtensions(item, URLS.unit), ...findExtensions(item, URLS.unitOption)]) {
    const answer = makeSurveyAnswer('valueCoding', ext.valueCoding);
    if (answer && 'valueCoding' in answer) units.push(answer.valueCoding);
  }
  return units;
}

function defaultControl(def: ItemDef, options: readonly SurveyOption[], hasOptionList: boolean): SurveyControl {
  const code = itemControlCode(def.item);
  const repeats = def.item.repeats === true;
  switch (def.type) {
    case 'group':
      return code === 'page' && def.depth === 0 ? 'page' : 'group';
    case 'display':
      return 'display';
    case 'boolean':
      return code === 'check-box' ? 'check-box' : 'radio-button';
    case 'text':
      return 'text-area';
    default:
      break;
  }
  if (hasOptionList && !(def.type === 'open-choice' && options.length === 0)) {
    if (code !== undefined && CHOICE_CONTROLS.has(code) && !(code === 'slider' && repeats))
      return code as SurveyControl;
    if (repeats) return 'check-box';
    return options.length > DROP_DOWN_THRESHOLD ? 'drop-down' : 'radio-button';
  }
  if ((def.type === 'integer' || def.type === 'decimal') && code === 'slider') return 'slider';
  return 'input';
}

function analyzeOptions(def: ItemDef, ctx: Context) {
  const { item } = def;
  const optionKinds = OPTION_KINDS_BY_TYPE[def.type] ?? [];
  const isChoice = def.type === 'choice' || def.type === 'open-choice';
  let options: SurveyOption[] = [];
  let problem: SurveyUnsupported | undefined;
  let valueSet: string | undefined;
  const hasOptions = (item.answerOption?.length ?? 0) > 0;
  if (hasOptions) {
    const read = readAnswerOptions(item, optionKinds);
    options = read.options;
    for (const bad of read.bad) {
      ctx.problems.push(
        surveyProblem(
          'answer-option-type',
          bad.kind
            ? `answerOption ${bad.kind} does not fit a ${def.type} item`
            : 'answerOption has no single valid value[x]',
          { linkId: def.linkId, path: `answerOption[${bad.index}]` },
        ),
      );
    }
    if (read.bad.length > 0) {
      problem = unsupported(
        'answer-type-mismatch',
        'answerOption',
        `Some answer options do not fit a ${def.type} item`,
      );
    }
    if (item.answerValueSet !== undefined) {
      ctx.problems.push(
        surveyProblem('invalid-field', 'answerOption and answerValueSet are both set; answerValueSet ignored', {
          linkId: def.linkId,
        }),
      );
    }
  } else if (item.answerValueSet !== undefined) {
    if (!isChoice) {
      problem = unsupported('answer-type-mismatch', 'answerValueSet', `A ${def.type} item cannot take answerValueSet`);
      ctx.problems.push(surveyProblem('answer-option-type', problem.message, { linkId: def.linkId }));
    } else {
      const resolved = resolveAnswerValueSet(ctx.questionnaire, item.answerValueSet);
      if (resolved.ok) options = resolved.options;
      else {
        const why = {
          external: 'is not contained in the Questionnaire and cannot be resolved here',
          'not-found': 'points at no contained ValueSet',
          'not-expanded': 'has no expansion and no enumerated concepts',
          empty: 'has no selectable concepts',
        }[resolved.reason];
        problem = unsupported('value-set-unresolved', 'answerValueSet', `The answer list (answerValueSet) ${why}`);
        if (resolved.reason === 'external') valueSet = item.answerValueSet;
        ctx.problems.push(surveyProblem('value-set-unresolved', problem.message, { linkId: def.linkId }));
      }
    }
  } else if (def.type === 'choice' && !def.answerExpression) {
    problem = unsupported(
      'no-options',
      'answerOption',
      'A choice item without answerOption or answerValueSet cannot be answered',
    );
    ctx.problems.push(surveyProblem('unsupported-item', problem.message, { linkId: def.linkId }));
  }
  const hasOptionList = isChoice || hasOptions;
  if (hasOptions && optionKinds.length === 0) {
    problem = unsupported('answer-type-mismatch', 'answerOption', `A ${def.type} item cannot list answer options`);
  }
  return { options, problem, hasOptionList, valueSet };
}

function analyzeItem(def: ItemDef, ctx: Context): void {
  const { item, type } = def;
  let reason: SurveyUnsupported | undefined;
  if (UNSUPPORTED_TYPES.has(type)) {
    reason = unsupported('unsupported-type', 'item-type', `Item type "${type}" is not supported`);
    ctx.problems.push(surveyProblem('unsupported-item', reason.message, { linkId: def.linkId }));
  }
  const expressions: Array<[SurveyFeature, SurveyExpression | undefined]> = [
    ['calculatedExpression', def.calculated],
    ['enableWhenExpression', def.enableExpression],
    ['answerExpression', def.answerExpression],
    ...def.variables.map((v): [SurveyFeature, SurveyExpression] => ['variable', v]),
  ];
  const foreign = expressions.find(([, e]) => e && e.language !== FHIRPATH);
  if (foreign && !reason) {
    reason = unsupported(
      'expression-language',
      foreign[0],
      `${foreign[0]} in ${foreign[1]!.language} is not evaluated here`,
    );
    ctx.problems.push(surveyProblem('unsupported-item', reason.message, { linkId: def.linkId }));
  }
  if (findExtension(item, URLS.initialExpression)) {
    ctx.problems.push(
      surveyProblem('unsupported-item', 'initialExpression (FHIRPath) is not supported; the item starts empty', {
        linkId: def.linkId,
      }),
    );
  }
  const isQuestion = type !== 'group' && type !== 'display';
  const { options, problem, hasOptionList, valueSet } = isQuestion
    ? analyzeOptions(def, ctx)
    : { options: [], problem: undefined, hasOptionList: false, valueSet: undefined };
  reason ??= problem;

  const kind = ANSWER_KIND_BY_TYPE[type];
  const optionKinds = [...new Set(options.map((o) => surveyAnswerKind(o.value)))];
  const allowed: SurveyAnswerKind[] =
    type === 'choice' || type === 'open-choice'
      ? optionKinds.length
        ? optionKinds
        : kind
          ? [kind]
          : []
      : kind
        ? [kind]
        : [];
  if (type === 'open-choice' && !allowed.includes('valueString')) allowed.push('valueString');
  def.allowedKinds = isQuestion ? allowed : [];
  def.restrictToOptions = isQuestion && options.length > 0;
  def.answerable = isQuestion && !reason && allowed.length > 0;

  const control = defaultControl(def, options, hasOptionList);
  const repeats = isQuestion || def.isGroup ? item.repeats === true : false;
  const orientation = extensionString(item, URLS.choiceOrientation);
  const regexSource = extensionString(item, URLS.regex);
  const step = extensionNumber(item, URLS.sliderStepValue);
  const minLength = extensionNumber(item, URLS.minLength);
  const maxDecimalPlaces = extensionNumber(item, URLS.maxDecimalPlaces);
  // Every field spelled out (no spread): one fixed object shape, cheap to build and to copy per instance.
  const markdown = extensionString(item._text, URLS.renderingMarkdown);
  const view: { -readonly [K in keyof SurveyItemView]: SurveyItemView[K] } = {
    text: plainText(item, 'text') ?? '',
    textTokens: markdown === undefined ? undefined : markdownTokens(markdown),
    prefix: plainText(item, 'prefix'),
    control,
    orientation: orientation === 'horizontal' || orientation === 'vertical' ? orientation : undefined,
    options,
    allowsFreeText: type === 'open-choice',
    required: type !== 'display' && item.required === true,
    readOnly: item.readOnly === true || def.calculated !== undefined,
    repeats,
    hidden: extensionBoolean(item, URLS.hidden) === true,
    step: step !== undefined && step > 0 ? step : undefined,
    maxLength: item.maxLength,
    minLength: minLength !== undefined && Number.isInteger(minLength) && minLength >= 0 ? minLength : undefined,
    maxDecimalPlaces:
      maxDecimalPlaces !== undefined && Number.isInteger(maxDecimalPlaces) && maxDecimalPlaces >= 0
        ? maxDecimalPlaces
        : undefined,
    min: undefined,
    max: undefined,
    regex: undefined,
    entryFormat: extensionString(item, URLS.entryFormat),
    units: type === 'quantity' ? unitsOf(item) : [],
    lowerLabel: undefined,
    upperLabel: undefined,
    help: undefined,
    unsupported: reason,
    calculated: def.calculated !== undefined,
    valueSet,
    attachment: type === 'attachment' ? attachmentRules(item) : undefined,
  };
  def.view = view;
  if (isQuestion) {
    view.min = boundOf(def, URLS.minValue, ctx);
    view.max = boundOf(def, URLS.maxValue, ctx);
  }
  if (regexSource !== undefined && isQuestion) {
    def.pattern = compilePattern(def, regexSource, ctx);
    if (def.pattern) view.regex = regexSource;
  }
  for (const child of item.item ?? []) {
    if (!isLabelItem(child, item)) continue;
    const text = plainText(child, 'text');
    const code = itemControlCode(child);
    if (code === 'lower') view.lowerLabel = text;
    else if (code === 'upper') view.upperLabel = text;
    else view.help = view.help === undefined ? text : `${view.help}\n${text ?? ''}`;
  }
  if (def.answerable) def.initial = initialAnswers(def, ctx);
}

function attachmentRules(item: QuestionnaireItem) {
  const mimeTypes = findExtensions(item, URLS.mimeType).flatMap((e) =>
    typeof e.valueCode === 'string' && /^[\w.+-]+\/[\w.+*-]+$/.test(e.valueCode) ? [e.valueCode.toLowerCase()] : [],
  );
  const size = extensionNumber(item, URLS.maxSize);
  return { mimeTypes, maxSize: size !== undefined && size > 0 ? Math.floor(size) : undefined };
}

function initialAnswers(def: ItemDef, ctx: Context): SurveyAnswer[] {
  const answers: SurveyAnswer[] = [];
  (def.item.initial ?? []).forEach((raw, index) => {
    const read = readFhirValue(raw);
    if (read.ok && def.allowedKinds.includes(surveyAnswerKind(read.answer))) answers.push(read.answer);
    else {
      ctx.problems.push(
        surveyProblem('initial-type', `initial value does not fit a ${def.type} item; ignored`, {
          linkId: def.linkId,
          path: `initial[${index}]`,
        }),
      );
    }
  });
  for (const option of def.view.options) if (option.initialSelected) answers.push(option.value);
  return def.view.repeats ? answers : answers.slice(0, 1);
}

function kindsComparable(a: SurveyAnswerKind, b: SurveyAnswerKind): boolean {
  const family = (k: SurveyAnswerKind) =>
    k === 'valueInteger' || k === 'valueDecimal'
      ? 'number'
      : k === 'valueDate' || k === 'valueDateTime'
        ? 'date'
        : k === 'valueString' || k === 'valueUri'
          ? 'text'
          : k;
  return family(a) === family(b);
}

function analyzeConditions(def: ItemDef, ctx: Context): void {
  (def.item.enableWhen ?? []).forEach((raw, index) => {
    const path = `enableWhen[${index}]`;
    const where = { linkId: def.linkId, path };
    const operator = raw.operator as EnableOperator;
    const target = ctx.byLinkId.get(raw.question);
    const read = readFhirValue(raw, 'answer');
    let expected = read.ok ? read.answer : undefined;
    if (!target) {
      ctx.problems.push(
        surveyProblem('enable-when-unknown-question', `enableWhen refers to unknown item "${raw.question}"`, where),
      );
    } else if (target.type === 'group' || target.type === 'display') {
      ctx.problems.push(
        surveyProblem(
          'enable-when-invalid',
          `enableWhen refers to ${target.type} "${raw.question}", which has no answers`,
          where,
        ),
      );
    }
    if (!read.ok) {
      ctx.problems.push(
        surveyProblem(
          'enable-when-invalid',
          read.reason === 'several'
            ? 'enableWhen has more than one answer[x]'
            : read.reason === 'unsupported-kind'
              ? `enableWhen ${read.kind?.replace('value', 'answer')} is not supported; the condition is never met`
              : 'enableWhen has no valid answer[x]; the condition is never met',
          where,
        ),
      );
    } else if (operator === 'exists' && !('valueBoolean' in read.answer)) {
      ctx.problems.push(surveyProblem('enable-when-invalid', 'enableWhen "exists" needs answerBoolean', where));
      expected = undefined;
    } else if (ORDERED_OPERATORS.has(operator) && ('valueBoolean' in read.answer || 'valueCoding' in read.answer)) {
      ctx.problems.push(
        surveyProblem(
          'enable-when-operator',
          `enableWhen "${operator}" cannot order ${surveyAnswerKind(read.answer)} values`,
          where,
        ),
      );
    } else if (operator !== 'exists' && target && target.allowedKinds.length > 0) {
      const kind = surveyAnswerKind(read.answer);
      if (!target.allowedKinds.some((k) => kindsComparable(k, kind))) {
        ctx.problems.push(
          surveyProblem('enable-when-invalid', `enableWhen answer type does not match item "${raw.question}"`, where),
        );
        // A malformed condition is never met: not even `!=`, which would otherwise hold for every answer.
        expected = undefined;
      }
    }
    def.conditions.push({ question: raw.question, operator, expected, target });
    if (target && !target.dependants.includes(def)) target.dependants.push(def);
  });
}

/**
 * Strongly connected components (Tarjan, iterative so a long chain of conditions cannot overflow the stack) over
 * "depends on" edges: parent and enableWhen targets. Components come out dependencies first, which gives the
 * evaluation rank; a component with more than one item, or an item conditioned on itself, is a cycle: its items can
 * never be consistently enabled, so they are marked to stay disabled.
 */
function rankAndFindCycles(ctx: Context): void {
  const dependencies = (def: ItemDef) => {
    const out: ItemDef[] = def.parent ? [def.parent] : [];
    for (const c of def.conditions) if (c.target) out.push(c.target);
    return out;
  };
  const index = new Map<ItemDef, number>();
  const low = new Map<ItemDef, number>();
  const onStack = new Set<ItemDef>();
  const stack: ItemDef[] = [];
  let counter = 0;
  let rank = 0;
  const enter = (def: ItemDef) => {
    index.set(def, counter);
    low.set(def, counter);
    counter++;
    stack.push(def);
    onStack.add(def);
    return { def, next: dependencies(def), i: 0 };
  };
  for (const start of ctx.ordered) {
    if (index.has(start)) continue;
    const calls = [enter(start)];
    while (calls.length > 0) {
      const frame = calls[calls.length - 1]!;
      const dep = frame.next[frame.i++];
      if (dep !== undefined) {
        if (!index.has(dep)) calls.push(enter(dep));
        else if (onStack.has(dep)) low.set(frame.def, Math.min(low.get(frame.def)!, index.get(dep)!));
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller) low.set(caller.def, Math.min(low.get(caller.def)!, low.get(frame.def)!));
      if (low.get(frame.def) !== index.get(frame.def)) continue;
      const component: ItemDef[] = [];
      let member: ItemDef;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        member.rank = rank++;
        component.push(member);
      } while (member !== frame.def);
      if (component.length > 1 || frame.next.includes(frame.def)) reportCycle(component, ctx);
    }
  }
}

function reportCycle(component: ItemDef[], ctx: Context): void {
  component.sort((a, b) => a.order - b.order);
  for (const def of component) def.inCycle = true;
  const names = component.slice(0, 8).map((d) => `"${d.linkId}"`);
  if (component.length > 8) names.push('...');
  ctx.problems.push(
    surveyProblem(
      'enable-when-cycle',
      `enableWhen conditions form a cycle among ${names.join(', ')}; these items stay disabled`,
      { linkId: component[0]!.linkId },
    ),
  );
}

/** Builds the item definitions of an already loaded Questionnaire and reports what cannot render as written. */
export function analyzeQuestionnaire(questionnaire: Questionnaire): QuestionnaireAnalysis {
  const ctx: Context = { questionnaire, problems: [], ordered: [], byLinkId: new Map() };
  const roots = createDefs(questionnaire.item, undefined, ctx);
  for (const def of ctx.ordered) analyzeItem(def, ctx);
  for (const def of ctx.ordered) analyzeConditions(def, ctx);
  rankAndFindCycles(ctx);
  const rootVariables = findExtensions(questionnaire, URLS.variable).flatMap((e) => expressionOf(e) ?? []);
  const expressions: string[] = [];
  for (const e of rootVariables) if (e.language === FHIRPATH) expressions.push(e.expression);
  for (const def of ctx.ordered) {
    for (const e of [def.calculated, def.enableExpression, def.answerExpression, ...def.variables]) {
      if (e?.language === FHIRPATH) expressions.push(e.expression);
    }
  }
  return {
    title: plainText(questionnaire, 'title') ?? '',
    roots,
    ordered: ctx.ordered,
    byLinkId: ctx.byLinkId,
    problems: ctx.problems,
    rootVariables,
    expressions,
  };
}

/** Items whose enabled state may change when `def`'s answers change: dependants, their subtrees, and onwards. */
export function affectedBy(def: ItemDef): ItemDef[] {
  if (def.affected) return def.affected;
  const seen = new Set<ItemDef>();
  const queue = [...def.dependants];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...next.dependants, ...next.children);
  }
  def.affected = [...seen].sort((a, b) => a.rank - b.rank);
  return def.affected;
}
