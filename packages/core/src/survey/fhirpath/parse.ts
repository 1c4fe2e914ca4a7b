/**
 * A parser for the FHIRPath subset that scored instruments use: paths, indexers, literals, `%variables`, function
 * calls, arithmetic (`+ - * / div mod &`), comparison, equality and `and`/`or`/`xor`/`implies`. Anything else (a
 * function outside the subset, `is`/`as`, `|`, date literals, quantities) is `OutOfSubset`, and the form evaluates
 * that expression with the reference engine instead.
 */

export type Node =
  | { kind: 'literal'; value: unknown[] }
  | { kind: 'variable'; name: string }
  | { kind: 'this' }
  | { kind: 'member'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'path'; target: Node; step: Node }
  | { kind: 'index'; target: Node; index: Node }
  | { kind: 'unary'; op: '-' | '+'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export class OutOfSubset extends Error {
  override readonly name = 'OutOfSubset';
}

/** The functions the small evaluator implements, with how many arguments each takes. */
export const FUNCTIONS: Readonly<Record<string, readonly [min: number, max: number]>> = {
  where: [1, 1],
  select: [1, 1],
  exists: [0, 1],
  empty: [0, 0],
  count: [0, 0],
  sum: [0, 1],
  iif: [2, 3],
  first: [0, 0],
  last: [0, 0],
  not: [0, 0],
  round: [0, 1],
  power: [1, 1],
  abs: [0, 0],
  ordinal: [0, 0],
  weight: [0, 0],
  answers: [0, 0],
  toInteger: [0, 0],
  toDecimal: [0, 0],
};

type Token = { type: 'num' | 'str' | 'id' | 'var' | 'op' | 'end'; text: string; value?: unknown };

const OPERATORS = [
  '<=',
  '>=',
  '!=',
  '!~',
  '=',
  '~',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '&',
  '|',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
];

function unescapeText(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.startsWith('u')) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ type: 'num', text: number[0], value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const string = /^'((?:[^'\\]|\\.)*)'/.exec(rest);
    if (string) {
      tokens.push({ type: 'str', text: string[0], value: unescapeText(string[1] ?? '') });
      i += string[0].length;
      continue;
    }
    const variable = /^%([A-Za-z_][A-Za-z0-9_]*|`[^`]*`|'(?:[^'\\]|\\.)*')/.exec(rest);
    if (variable) {
      const raw = variable[1] ?? '';
      const name = raw.startsWith("'") || raw.startsWith('`') ? unescapeText(raw.slice(1, -1)) : raw;
      tokens.push({ type: 'var', text: variable[0], value: name });
      i += variable[0].length;
      continue;
    }
    const identifier = /^(\$?[A-Za-z_][A-Za-z0-9_]*|`[^`]*`)/.exec(rest);
    if (identifier) {
      const raw = identifier[0];
      tokens.push({ type: 'id', text: raw, value: raw.startsWith('`') ? raw.slice(1, -1) : raw });
      i += raw.length;
      continue;
    }
    if (rest.startsWith('{}')) {
      tokens.push({ type: 'op', text: '{}' });
      i += 2;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new OutOfSubset(`unexpected character at ${i}`);
    tokens.push({ type: 'op', text: op });
    i += op.length;
  }
  tokens.push({ type: 'end', text: '' });
  return tokens;
}

const BINARY_LEVELS: ReadonlyArray<readonly string[]> = [
  ['implies'],
  ['or', 'xor'],
  ['and'],
  ['=', '!=', '~', '!~'],
  ['<', '>', '<=', '>='],
  ['+', '-', '&'],
  ['*', '/', 'div', 'mod'],
];

/** Parses `source`, or throws `OutOfSubset` for anything the small evaluator does not implement. */
export function parseFhirPath(source: string): Node {
  if (source.length > 10_000) throw new OutOfSubset('expression too long');
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at]!;
  const next = () => tokens[at++]!;
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text) throw new OutOfSubset(`expected ${text}`);
  };
  const isOperator = (token: Token, ops: readonly string[]) =>
    (token.type === 'op' || token.type === 'id') && ops.includes(token.text);

  const binary = (level: number): Node => {
    if (level >= BINARY_LEVELS.length) return unary();
    const ops = BINARY_LEVELS[level]!;
    let left = binary(level + 1);
    while (isOperator(peek(), ops)) {
      const op = next().text;
      if (op === '~' || op === '!~' || op === 'implies' || op === 'xor') throw new OutOfSubset(`operator ${op}`);
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
    return left;
  };

  const unary = (): Node => {
    const token = peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '+')) {
      next();
      return { kind: 'unary', op: token.text, operand: unary() };
    }
    return postfix();
  };

  const invocation = (): Node => {
    const token = next();
    if (token.type !== 'id') throw new OutOfSubset(`unexpected ${token.text || 'end'}`);
    const name = String(token.value);
    if (name === '$this') return { kind: 'this' };
    if (name.startsWith('$')) throw new OutOfSubset(name);
    if (peek().text === '(' && peek().type === 'op') {
      next();
      const args: Node[] = [];
      if (peek().text !== ')') {
        args.push(binary(0));
        while (peek().text === ',') {
          next();
          args.push(binary(0));
        }
      }
      expect(')');
      const arity = FUNCTIONS[name];
      if (!arity || args.length < arity[0] || args.length > arity[1]) throw new OutOfSubset(`function ${name}()`);
      return { kind: 'call', name, args };
    }
    if (['is', 'as', 'div', 'mod'].includes(name)) throw new OutOfSubset(name);
    return { kind: 'member', name };
  };

  const term = (): Node => {
    const token = peek();
    if (token.type === 'num' || token.type === 'str') {
      next();
      return { kind: 'literal', value: [token.value] };
    }
    if (token.type === 'var') {
      next();
      return { kind: 'variable', name: String(token.value) };
    }
    if (token.type === 'op' && token.text === '{}') {
      next();
      return { kind: 'literal', value: [] };
    }
    if (token.type === 'op' && token.text === '(') {
      next();
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (token.type === 'id' && (token.text === 'true' || token.text === 'false')) {
      next();
      return { kind: 'literal', value: [token.text === 'true'] };
    }
    return invocation();
  };

  const postfix = (): Node => {
    let node = term();
    for (;;) {
      const token = peek();
      if (token.type === 'op' && token.text === '.') {
        next();
        node = { kind: 'path', target: node, step: invocation() };
      } else if (token.type === 'op' && token.text === '[') {
        next();
        const index = binary(0);
        expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };

  const tree = binary(0);
  if (peek().type !== 'end') throw new OutOfSubset(`unexpected ${peek().text}`);
  return tree;
}
