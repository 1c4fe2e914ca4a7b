import { FUNCTIONS, type Node } from './parse.js';

/** What an expression sees: `%resource`, `%questionnaire`, `%context` and the form's own variables. */
export interface FhirPathEnvironment {
  variables: Readonly<Record<string, unknown[]>>;
  /** The item an expression belongs to (its `%context`): evaluation starts here. */
  context: unknown[];
  /** The score of one answered value, for `ordinal()` / `weight()`; undefined when the value has none. */
  scoreOf(value: unknown): number | undefined;
}

/** An expression that cannot be evaluated on this data (wrong types, several values where one is needed). */
export class FhirPathEvaluationError extends Error {
  override readonly name = 'FhirPathEvaluationError';
}

type Collection = unknown[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new FhirPathEvaluationError(message);
}

/** One value, or none; more than one is an error where a single value is needed. */
function single(collection: Collection, what: string): unknown {
  if (collection.length > 1) fail(`${what}: expected one value, got ${collection.length}`);
  return collection[0];
}

/** A collection read as a boolean: empty is unknown; one boolean is itself; any other single value is true. */
function truth(collection: Collection, what: string): boolean | undefined {
  const value = single(collection, what);
  if (value === undefined) return undefined;
  return typeof value === 'boolean' ? value : true;
}

function number(collection: Collection, what: string): number | undefined {
  const value = single(collection, what);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') fail(`${what}: expected a number`);
  return value;
}

/** FHIR's choice elements: `value` finds `valueCoding`, `valueInteger`, ... */
function member(item: unknown, name: string, out: Collection): void {
  if (!isObject(item)) return;
  const push = (value: unknown) => {
    if (Array.isArray(value)) out.push(...value);
    else if (value !== undefined && value !== null) out.push(value);
  };
  if (name in item) {
    push(item[name]);
    return;
  }
  for (const key of Object.keys(item)) {
    if (key.length > name.length && key.startsWith(name) && /[A-Z]/.test(key[name.length] ?? '')) push(item[key]);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  const ak = Object.keys(a as object).sort();
  const bk = Object.keys(b as object).sort();
  return (
    ak.length === bk.length &&
    ak.every(
      (key, i) => key === bk[i] && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

function tidy(n: number): number {
  return Number.isInteger(n) ? n : Math.round(n * 1e12) / 1e12;
}

function compare(op: string, left: Collection, right: Collection): Collection {
  const a = single(left, op);
  const b = single(right, op);
  if (a === undefined || b === undefined) return [];
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string'))
    fail(`${op}: values cannot be ordered`);
  const order =
    (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  return [op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0];
}

function arithmetic(op: string, left: Collection, right: Collection): Collection {
  if (op === '&') {
    const text = (c: Collection) => {
      const value = single(c, '&');
      if (value !== undefined && typeof value !== 'string') fail('&: expected strings');
      return value ?? '';
    };
    return [`${text(left)}${text(right)}`];
  }
  const a = single(left, op);
  const b = single(right, op);
  if (a === undefined || b === undefined) return [];
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return [a + b];
  if (typeof a !== 'number' || typeof b !== 'number') fail(`${op}: expected numbers`);
  switch (op) {
    case '+':
      return [tidy(a + b)];
    case '-':
      return [tidy(a - b)];
    case '*':
      return [tidy(a * b)];
    case '/':
      return b === 0 ? [] : [tidy(a / b)];
    case 'div':
      return b === 0 ? [] : [Math.trunc(a / b)];
    default:
      return b === 0 ? [] : [tidy(a % b)];
  }
}

function logic(op: string, left: Collection, right: Collection): Collection {
  const a = truth(left, op);
  const b = truth(right, op);
  if (op === 'and') {
    if (a === false || b === false) return [false];
    return a === true && b === true ? [true] : [];
  }
  if (a === true || b === true) return [true];
  return a === false && b === false ? [false] : [];
}

function equality(op: string, left: Collection, right: Collection): Collection {
  if (left.length === 0 || right.length === 0) return [];
  const same = left.length === right.length && left.every((value, i) => deepEqual(value, right[i]));
  return [op === '=' ? same : !same];
}

/** All answers in the subtree of QuestionnaireResponse items (SDC's `answers()`). */
function answersOf(items: Collection, out: Collection): void {
  for (const item of items) {
    if (!isObject(item)) continue;
    const answers = Array.isArray(item.answer) ? item.answer : [];
    for (const answer of answers) {
      out.push(answer);
      if (isObject(answer)) answersOf(Array.isArray(answer.item) ? answer.item : [], out);
    }
    answersOf(Array.isArray(item.item) ? item.item : [], out);
  }
}

/** Evaluates a parsed expression; the result is a FHIRPath collection. */
export function evaluateFhirPath(tree: Node, env: FhirPathEnvironment): Collection {
  const run = (node: Node, focus: Collection, atRoot: boolean): Collection => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'variable': {
        const value = node.name === 'context' ? env.context : env.variables[node.name];
        if (value === undefined) fail(`%${node.name} is not defined`);
        return value;
      }
      case 'this':
        return focus;
      case 'member': {
        const out: Collection = [];
        for (const item of focus) {
          // A path may start with the type of its focus: `QuestionnaireResponse.item`.
          if (atRoot && isObject(item) && item.resourceType === node.name) out.push(item);
          else member(item, node.name, out);
        }
        return out;
      }
      case 'path':
        return run(node.step, run(node.target, focus, atRoot), false);
      case 'index': {
        const index = number(run(node.index, focus, true), '[]');
        const target = run(node.target, focus, atRoot);
        return index === undefined || target[index] === undefined ? [] : [target[index]];
      }
      case 'unary': {
        const value = number(run(node.operand, focus, atRoot), 'unary minus');
        return value === undefined ? [] : [node.op === '-' ? -value : value];
      }
      case 'binary': {
        const left = run(node.left, focus, true);
        const right = run(node.right, focus, true);
        if (node.op === 'and' || node.op === 'or') return logic(node.op, left, right);
        if (node.op === '=' || node.op === '!=') return equality(node.op, left, right);
        if (['<', '>', '<=', '>='].includes(node.op)) return compare(node.op, left, right);
        return arithmetic(node.op, left, right);
      }
      case 'call':
        return call(node.name, node.args, focus);
    }
  };

  /** `input` is the collection the function is invoked on; arguments are evaluated per item where the spec says so. */
  const call = (name: string, args: Node[], input: Collection): Collection => {
    const focus = input;
    if (!FUNCTIONS[name]) fail(`${name}() is not supported`);
    const perItem = (arg: Node, item: unknown) => run(arg, [item], true);
    switch (name) {
      case 'where':
        return input.filter((item) => truth(perItem(args[0]!, item), 'where') === true);
      case 'select':
        return input.flatMap((item) => perItem(args[0]!, item));
      case 'exists':
        return [
          (args[0] ? input.filter((item) => truth(perItem(args[0]!, item), 'exists') === true) : input).length > 0,
        ];
      case 'empty':
        return [input.length === 0];
      case 'count':
        return [input.length];
      case 'sum': {
        const values = args[0] ? input.flatMap((item) => perItem(args[0]!, item)) : input;
        if (values.length === 0) return [];
        let total = 0;
        for (const value of values) {
          if (typeof value !== 'number') fail('sum(): expected numbers');
          total += value;
        }
        return [tidy(total)];
      }
      case 'iif': {
        const condition = truth(run(args[0]!, focus, true), 'iif');
        if (condition === true) return run(args[1]!, focus, true);
        return args[2] ? run(args[2], focus, true) : [];
      }
      case 'first':
        return input.slice(0, 1);
      case 'last':
        return input.slice(-1);
      case 'not': {
        const value = truth(input, 'not');
        return value === undefined ? [] : [!value];
      }
      case 'round': {
        const value = number(input, 'round');
        const places = args[0] ? (number(run(args[0], focus, true), 'round') ?? 0) : 0;
        if (value === undefined) return [];
        const factor = 10 ** places;
        return [tidy(Math.round(Math.abs(value) * factor) / factor) * Math.sign(value)];
      }
      case 'power': {
        const base = number(input, 'power');
        const exponent = number(run(args[0]!, focus, true), 'power');
        if (base === undefined || exponent === undefined) return [];
        const result = base ** exponent;
        return Number.isFinite(result) ? [tidy(result)] : [];
      }
      case 'abs': {
        const value = number(input, 'abs');
        return value === undefined ? [] : [Math.abs(value)];
      }
      case 'ordinal':
      case 'weight':
        return input.flatMap((value) => {
          const score = env.scoreOf(value);
          return score === undefined ? [] : [score];
        });
      case 'answers': {
        const out: Collection = [];
        answersOf(input, out);
        return out;
      }
      case 'toInteger': {
        const value = single(input, 'toInteger');
        if (typeof value === 'number') return Number.isInteger(value) ? [value] : [];
        if (typeof value === 'string' && /^[+-]?\d+$/.test(value)) return [Number(value)];
        if (typeof value === 'boolean') return [value ? 1 : 0];
        return [];
      }
      default: {
        const value = single(input, 'toDecimal');
        if (typeof value === 'number') return [value];
        if (typeof value === 'string' && /^[+-]?\d+(\.\d+)?$/.test(value)) return [Number(value)];
        if (typeof value === 'boolean') return [value ? 1 : 0];
        return [];
      }
    }
  };

  return run(tree, env.context, true);
}
