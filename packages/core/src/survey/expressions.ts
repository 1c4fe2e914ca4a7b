import type { Questionnaire } from '../schemas/questionnaire.js';
import type { ItemDef, QuestionnaireAnalysis } from './analyze.js';
import { isRecord, makeSurveyAnswer, type SurveyAnswer, surveyAnswerKind, surveyAnswersEqual } from './answers.js';
import type { CompiledExpression } from './fhirpath/index.js';
import type { NodeState } from './node-state.js';
import { makeOption, type SurveyOption } from './options.js';
import { copyAnswer } from './response.js';

/** The compiled expressions of one form. */
export interface ExpressionRuntime {
  compiled: ReadonlyMap<string, CompiledExpression>;
  /** Expressions neither engine could compile, with the reason. */
  failed: ReadonlyMap<string, string>;
}

/** Loads the evaluator (and, for expressions outside its subset, the reference engine): only forms with expressions. */
export async function loadExpressions(analysis: QuestionnaireAnalysis): Promise<ExpressionRuntime> {
  const { compileExpressions } = await import('./fhirpath/index.js');
  return compileExpressions(analysis.expressions);
}

type Json = Record<string, unknown>;

/** The response as expressions see it: every enabled instance, answered or not, with the answers' owners. */
interface EvaluationResponse {
  resource: Json;
  itemOf: Map<NodeState, Json>;
  ownerOf: WeakMap<object, ItemDef>;
}

function evaluationResponse(roots: readonly NodeState[], canonical: string | undefined): EvaluationResponse {
  const itemOf = new Map<NodeState, Json>();
  const ownerOf = new WeakMap<object, ItemDef>();
  const items = (states: readonly NodeState[]): Json[] => {
    const out: Json[] = [];
    for (const state of states) {
      const { def, view } = state;
      if (!view.enabled || def.type === 'display') continue;
      const item: Json = { linkId: def.linkId };
      itemOf.set(state, item);
      const children = items(state.children);
      if (def.isGroup) {
        if (children.length > 0) item.item = children;
      } else if (view.answers.length > 0) {
        const answers = view.answers.map((answer) => {
          const copy = copyAnswer(answer);
          const value = Object.values(copy)[0];
          if (typeof value === 'object' && value !== null) ownerOf.set(value, def);
          ownerOf.set(copy, def);
          return copy;
        });
        if (children.length > 0) answers[0]!.item = children;
        item.answer = answers;
      }
      out.push(item);
    }
    return out;
  };
  const resource: Json = { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: items(roots) };
  if (canonical !== undefined) resource.questionnaire = canonical;
  return { resource, itemOf, ownerOf };
}

function scoreOfCoding(options: readonly SurveyOption[], coding: Json): number | undefined {
  const answer = makeSurveyAnswer('valueCoding', coding);
  return answer ? options.find((o) => surveyAnswersEqual(o.value, answer))?.score : undefined;
}

const near = (n: number) => Math.abs(n - Math.round(n)) < 1e-9;

/** A computed value as an answer of the item's type; undefined when it cannot be one. */
function toAnswer(def: ItemDef, value: unknown): SurveyAnswer | undefined {
  const { type, view } = def;
  if (typeof value === 'number') {
    if (type === 'integer') return near(value) ? makeSurveyAnswer('valueInteger', Math.round(value)) : undefined;
    if (type === 'decimal') return makeSurveyAnswer('valueDecimal', value);
    if (type === 'quantity') {
      const unit = view.units[0];
      return {
        valueQuantity: {
          value,
          ...(unit?.display || unit?.code ? { unit: unit.display ?? unit.code } : {}),
          ...(unit?.system ? { system: unit.system } : {}),
          ...(unit?.code ? { code: unit.code } : {}),
        },
      };
    }
    if (type === 'string' || type === 'text') return makeSurveyAnswer('valueString', String(value));
  }
  if (typeof value === 'string') {
    if (type === 'choice' || type === 'open-choice') {
      const option = view.options.find(
        (o) => ('valueCoding' in o.value && o.value.valueCoding.code === value) || o.label === value,
      );
      if (option) return option.value;
      return type === 'open-choice' ? makeSurveyAnswer('valueString', value) : undefined;
    }
    const kind = {
      string: 'valueString',
      text: 'valueString',
      url: 'valueUri',
      date: 'valueDate',
      dateTime: 'valueDateTime',
      time: 'valueTime',
    }[type as string] as Parameters<typeof makeSurveyAnswer>[0] | undefined;
    return kind ? makeSurveyAnswer(kind, value) : undefined;
  }
  if (typeof value === 'boolean') return type === 'boolean' ? { valueBoolean: value } : undefined;
  if (isRecord(value)) {
    if (type === 'choice' || type === 'open-choice') return makeSurveyAnswer('valueCoding', value);
    if (type === 'quantity') return makeSurveyAnswer('valueQuantity', value);
  }
  return undefined;
}

function sameAnswers(a: readonly SurveyAnswer[], b: readonly SurveyAnswer[]): boolean {
  return a.length === b.length && a.every((answer, i) => surveyAnswersEqual(answer, b[i]!));
}

function optionsFrom(values: unknown[]): SurveyOption[] {
  const options: SurveyOption[] = [];
  for (const value of values) {
    const answer = isRecord(value)
      ? makeSurveyAnswer('valueCoding', value)
      : typeof value === 'string'
        ? makeSurveyAnswer('valueString', value)
        : Number.isInteger(value)
          ? makeSurveyAnswer('valueInteger', value)
          : undefined;
    if (answer && !options.some((o) => surveyAnswersEqual(o.value, answer))) {
      options.push(makeOption(options.length, answer, undefined));
    }
  }
  return options;
}

export interface ExpressionPass {
  /** Keys of items whose computed answers changed. */
  calculated: Set<string>;
  /** True when an enableWhenExpression changed its verdict (enabled states must be recomputed). */
  enableChanged: boolean;
  /** Expressions that failed on this data, with the reason (reported once by the model). */
  errors: Map<string, string>;
}

/**
 * One pass over the form in document order: variables (the Questionnaire's, then each item's, visible to its
 * subtree), calculated answers, enableWhenExpression verdicts and answerExpression options, all against the response
 * as it stands. The model repeats passes until nothing changes.
 */
export function runExpressionPass(
  runtime: ExpressionRuntime,
  analysis: QuestionnaireAnalysis,
  questionnaire: Questionnaire | undefined,
  roots: readonly NodeState[],
  canonical: string | undefined,
): ExpressionPass {
  const pass: ExpressionPass = { calculated: new Set(), enableChanged: false, errors: new Map() };
  const { resource, itemOf, ownerOf } = evaluationResponse(roots, canonical);
  const allOptions = analysis.ordered.flatMap((def) => def.view.options);
  // `weight()` may be asked of an answer (`answer.weight()`) or of its value (`answer.value.weight()`).
  const scoreOf = (value: unknown): number | undefined => {
    if (!isRecord(value)) return undefined;
    const owner = ownerOf.get(value);
    const coding = isRecord(value.valueCoding) ? value.valueCoding : value;
    return scoreOfCoding(owner ? owner.view.options : allOptions, coding);
  };
  const run = (expression: string, variables: Record<string, unknown[]>, context: unknown[]): unknown[] => {
    const compiled = runtime.compiled.get(expression);
    if (!compiled) return [];
    try {
      return compiled.evaluate({ variables, context, scoreOf });
    } catch (error) {
      pass.errors.set(expression, error instanceof Error ? error.message.slice(0, 200) : 'failed');
      return [];
    }
  };
  const base: Record<string, unknown[]> = { resource: [resource], questionnaire: questionnaire ? [questionnaire] : [] };
  const define = (into: Record<string, unknown[]>, defs: ItemDef['variables'], context: unknown[]) => {
    for (const variable of defs) {
      if (variable.name !== undefined && variable.language === 'text/fhirpath') {
        into[variable.name] = run(variable.expression, into, context);
      }
    }
  };
  const rootVariables = { ...base };
  define(rootVariables, analysis.rootVariables, [resource]);

  const visit = (states: readonly NodeState[], inherited: Record<string, unknown[]>) => {
    for (const state of states) {
      const { def, view } = state;
      const own = itemOf.get(state);
      const context = own ? [own] : [];
      let variables = inherited;
      if (def.variables.length > 0) {
        variables = { ...inherited };
        define(variables, def.variables, context);
      }
      if (def.enableExpression && !view.unsupported) {
        const verdict = run(def.enableExpression.expression, variables, context);
        const enabled = verdict.length === 1 && verdict[0] === true;
        if (state.expressionEnabled !== enabled) {
          state.expressionEnabled = enabled;
          pass.enableChanged = true;
        }
      }
      if (def.answerExpression && !view.unsupported && view.enabled) {
        const options = optionsFrom(run(def.answerExpression.expression, variables, context));
        const same =
          options.length === view.options.length &&
          options.every((o, i) => surveyAnswersEqual(o.value, view.options[i]!.value));
        if (!same) view.options = options;
      }
      if (def.calculated && !view.unsupported && view.enabled) {
        const values = run(def.calculated.expression, variables, context);
        const answers = values.flatMap((value) => toAnswer(def, value) ?? []);
        const kept = (view.repeats ? answers : answers.slice(0, 1)).filter(
          (a) => def.allowedKinds.includes(surveyAnswerKind(a)) || def.allowedKinds.length === 0,
        );
        if (!sameAnswers(kept, view.answers)) {
          view.answers = kept;
          pass.calculated.add(view.key);
        }
      }
      if (view.enabled) visit(state.children, variables);
    }
  };
  visit(roots, rootVariables);
  return pass;
}
