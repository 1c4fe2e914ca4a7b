import { evaluateFhirPath, type FhirPathEnvironment, FhirPathEvaluationError } from './evaluate.js';
import { OutOfSubset, parseFhirPath } from './parse.js';

export type { FhirPathEnvironment } from './evaluate.js';
export { FhirPathEvaluationError } from './evaluate.js';

/** A compiled expression: the small evaluator's, or the reference engine's for one outside the subset. */
export interface CompiledExpression {
  readonly engine: 'subset' | 'fhirpath.js';
  evaluate(env: FhirPathEnvironment): unknown[];
}

type Reference = {
  evaluate(resource: unknown, expression: string, env: Record<string, unknown>, model?: unknown): unknown[];
};

let reference: Promise<{ fhirpath: Reference; model: unknown }> | undefined;

/** The reference implementation (`fhirpath` on npm, with its R4 model): loaded on first need only. */
function loadReference() {
  reference ??= Promise.all([import('fhirpath'), import('fhirpath/fhir-context/r4')]).then(([engine, r4]) => ({
    fhirpath: ((engine as { default?: Reference }).default ?? engine) as Reference,
    model: (r4 as { default?: unknown }).default ?? r4,
  }));
  return reference;
}

/** True when the small evaluator handles `expression`; false means the reference engine is needed. */
export function inSubset(expression: string): boolean {
  try {
    parseFhirPath(expression);
    return true;
  } catch (error) {
    if (error instanceof OutOfSubset) return false;
    throw error;
  }
}

/**
 * Compile every expression: the subset ones synchronously with the small evaluator, and, only when some fall
 * outside it, the rest with `fhirpath` (one dynamic import). An expression neither can compile is reported in
 * `failed` with the reason.
 */
export async function compileExpressions(
  expressions: readonly string[],
): Promise<{ compiled: Map<string, CompiledExpression>; failed: Map<string, string> }> {
  const compiled = new Map<string, CompiledExpression>();
  const failed = new Map<string, string>();
  const outside: string[] = [];
  for (const expression of new Set(expressions)) {
    try {
      const tree = parseFhirPath(expression);
      compiled.set(expression, { engine: 'subset', evaluate: (env) => evaluateFhirPath(tree, env) });
    } catch (error) {
      if (error instanceof OutOfSubset) outside.push(expression);
      else failed.set(expression, error instanceof Error ? error.message : 'cannot be parsed');
    }
  }
  if (outside.length === 0) return { compiled, failed };
  let engine: Awaited<ReturnType<typeof loadReference>>;
  try {
    engine = await loadReference();
  } catch {
    for (const expression of outside) failed.set(expression, 'the FHIRPath engine could not be loaded');
    return { compiled, failed };
  }
  for (const expression of outside) {
    compiled.set(expression, {
      engine: 'fhirpath.js',
      evaluate(env) {
        const { context, variables } = env;
        try {
          const vars: Record<string, unknown> = { context: context[0] };
          for (const [name, value] of Object.entries(variables)) vars[name] = value.length === 1 ? value[0] : value;
          return engine.fhirpath.evaluate(context[0] ?? {}, expression, vars, engine.model);
        } catch (error) {
          throw new FhirPathEvaluationError(error instanceof Error ? error.message.slice(0, 200) : 'failed');
        }
      },
    });
  }
  return { compiled, failed };
}
