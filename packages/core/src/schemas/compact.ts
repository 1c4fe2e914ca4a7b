import type { Parser } from './validate.js';

/**
 * The domain schemas in compact form, for code where zod's runtime would be most of the download (the REST adapter
 * on a widget's page: zod/mini is about 9 KB gzip there, this and the shapes about 2). Each shape is generated from
 * its zod schema (`compact.test.ts` writes `compact-shapes.ts` and proves that both accept and refuse the same values
 * and name the same field), so the zod schemas stay the one definition; this file only runs them: the same checks in
 * the same order, issues with the same paths, unknown keys dropped from closed objects, and the rules of
 * `refinements.ts` called by reference.
 */

type Literal = string | number | boolean | null;
type Path = readonly PropertyKey[];

/**
 * One check, in the schema's order: a length bound (`L>=`, `L<=`), a number bound (`>=`, `<=`, `>`, `<`), a pattern,
 * or a refinement `ok` with its message and, for an object, the field it reports.
 */
export type Check =
  | readonly ['L>=' | 'L<=' | '>=' | '<=' | '>' | '<', number]
  | readonly ['re', RegExp]
  | readonly ['ok', (value: never) => boolean, string, Path?];

/** A compact schema. */
export type Shape =
  | { k: 'string' | 'boolean' | 'unknown'; c?: readonly Check[] }
  | { k: 'number'; int?: true; c?: readonly Check[] }
  | { k: 'enum'; of: readonly Literal[] }
  | { k: 'array'; of: Shape; c?: readonly Check[] }
  | { k: 'object'; of: Readonly<Record<string, Shape>>; loose?: true; c?: readonly Check[] }
  | { k: 'optional'; of: Shape }
  | { k: 'union'; key: string; of: Readonly<Record<string, Shape>> }
  | { k: 'pipe'; in: Shape; out: Shape }
  | { k: 'lazy'; get: () => Shape };

interface Issue {
  path: PropertyKey[];
  /** zod's issue code (`invalid_type`, `too_big`, ...); the message is zod's untranslated one or the rule's own. */
  code: string;
  message: string;
  /** A failed check; other issues (a wrong type, a value not allowed) stop the checks that need a sound value. */
  soft?: true;
}

const issue = (path: PropertyKey[], code: string, soft?: true, message = 'Invalid input'): Issue =>
  soft ? { path, code, message, soft } : { path, code, message };

const hasLength = (value: unknown) => typeof (value as { length?: unknown } | null | undefined)?.length === 'number';

/** Run the checks after the type, as zod does: length bounds on anything with a length, the rest on sound values. */
function runChecks(checks: readonly Check[], value: unknown, path: PropertyKey[], issues: Issue[], from: number): void {
  const sound = !issues.slice(from).some((found) => !found.soft);
  for (const check of checks) {
    const [kind, bound] = check;
    let failed: Issue | undefined;
    if (kind === 'L>=' || kind === 'L<=') {
      if (!hasLength(value)) continue;
      const length = (value as { length: number }).length;
      if (kind === 'L>=' ? length < bound : length > bound)
        failed = issue(path, kind === 'L>=' ? 'too_small' : 'too_big', true);
    } else if (!sound) {
      continue;
    } else if (kind === 're') {
      if (!check[1].test(value as string)) failed = issue(path, 'invalid_format', true);
    } else if (kind === 'ok') {
      if (!check[1](value as never)) failed = issue([...path, ...(check[3] ?? [])], 'custom', true, check[2]);
    } else {
      const n = value as number;
      const within = kind === '>=' ? n >= bound : kind === '<=' ? n <= bound : kind === '>' ? n > bound : n < bound;
      if (!within) failed = issue(path, kind[0] === '>' ? 'too_small' : 'too_big', true);
    }
    if (failed) issues.push(failed);
  }
}

/** Check `value` against `shape`, appending issues; returns the parsed value (closed objects lose unknown keys). */
function run(shape: Shape, value: unknown, path: PropertyKey[], issues: Issue[]): unknown {
  const from = issues.length;
  let out: unknown = value;
  switch (shape.k) {
    case 'lazy':
      return run(shape.get(), value, path, issues);
    case 'optional':
      return value === undefined ? undefined : run(shape.of, value, path, issues);
    case 'pipe': {
      const left = run(shape.in, value, path, issues);
      return issues.length > from ? left : run(shape.out, left, path, issues);
    }
    case 'union': {
      // A discriminated union: the option named by the value's discriminator, as zod picks it.
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push(issue(path, 'invalid_type'));
        return value;
      }
      const tag = (value as Record<string, unknown>)[shape.key];
      if (typeof tag !== 'string' || !Object.hasOwn(shape.of, tag)) {
        issues.push(issue([...path, shape.key], 'invalid_union'));
        return value;
      }
      return run(shape.of[tag]!, value, path, issues);
    }
    case 'enum':
      if (!shape.of.includes(value as Literal)) issues.push(issue(path, 'invalid_value'));
      return value;
    case 'string':
    case 'boolean':
      if (typeof value !== shape.k) issues.push(issue(path, 'invalid_type'));
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (shape.int && !Number.isInteger(value))) {
        issues.push(issue(path, 'invalid_type'));
      } else if (shape.int && !Number.isSafeInteger(value)) {
        issues.push(issue(path, value > 0 ? 'too_big' : 'too_small', true));
      }
      break;
    case 'unknown':
      break;
    case 'array': {
      if (!Array.isArray(value)) {
        issues.push(issue(path, 'invalid_type'));
        break;
      }
      // An over-long array is refused before its items are looked at (zod's guard against huge input).
      const cap = shape.c?.find((c) => c[0] === 'L<=' && value.length > c[1]);
      if (cap) {
        issues.push(issue(path, 'too_big'));
        return value;
      }
      out = value.map((item, index) => run(shape.of, item, [...path, index], issues));
      break;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push(issue(path, 'invalid_type'));
        break;
      }
      const input = value as Record<string, unknown>;
      const object: Record<string, unknown> = shape.loose ? { ...input } : {};
      for (const [key, field] of Object.entries(shape.of)) {
        const before = issues.length;
        const parsed = run(field, input[key], [...path, key], issues);
        if (parsed !== undefined || key in input) object[key] = parsed;
        // A required key may not be missing even where any value would do.
        else if (field.k !== 'optional' && issues.length === before) issues.push(issue([...path, key], 'invalid_type'));
      }
      out = object;
      break;
    }
  }
  if ('c' in shape && shape.c) runChecks(shape.c, out, path, issues, from);
  return out;
}

/**
 * A compact shape with zod's `safeParse` interface, so `parseOrThrow` and `parseListing` (validate.ts) take it as they
 * take a zod schema.
 */
export function compactSchema<T>(shape: Shape): Parser<T> {
  return {
    safeParse(value) {
      const issues: Issue[] = [];
      const data = run(shape, value, [], issues);
      return issues.length === 0 ? { success: true, data: data as T } : { success: false, error: { issues } };
    },
  };
}
