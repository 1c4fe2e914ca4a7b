import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Widget pages format money and dates as soon as they render, while zod (about 9.5 KB gzip) is loaded only by the
// adapters that validate with it and by the checks widgets import on first use. So the format helpers, estimating a
// cost, loading a survey and the REST adapter (which check with the compact shapes, schemas/compact.ts) must not reach
// zod or a zod schema through a static runtime import.

/** `import ... from`, `export ... from` and bare `import '...'`, with the clause when there is one. */
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/g;

/** True when the clause imports values at run time (not `import type`, not only `type` specifiers). */
function isRuntime(clause: string | undefined): boolean {
  if (clause === undefined) return true;
  if (/^type\b/.test(clause)) return false;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return true;
  const names = (braces[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.some((name) => !name.startsWith('type '));
}

/** Every module reached from `entry` through static runtime imports: relative paths resolved, packages as named. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return;
    for (const [, clause, specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!isRuntime(clause)) continue;
      visit(specifier.startsWith('.') ? resolve(dirname(file), specifier).replace(/\.js$/, '.ts') : specifier);
    }
  };
  visit(entry);
  return seen;
}

const here = import.meta.dirname;
/** zod, and the schema modules built with it (the compact checks, the shared rules and value lists are free of it). */
const forbidden = (graph: Set<string>) =>
  [...graph].filter(
    (id) => /^zod(\/|$)/.test(id) || /\/schemas\/(?!compact|refinements|validate|value-lists)/.test(id),
  );

describe('modules a widget page loads up front stay free of zod', () => {
  it('the graph walker sees what it should', () => {
    const memory = staticGraph(resolve(here, '../adapters/memory/index.ts'));
    expect(forbidden(memory)).toContain(resolve(here, '../schemas/scheduling.ts'));
    expect(memory.has('zod/mini')).toBe(true);
    expect(isRuntime('type { A }')).toBe(false);
    expect(isRuntime('{ type A, type B }')).toBe(false);
    expect(isRuntime('{ type A, b }')).toBe(true);
  });

  it('the format helpers (money, dates, time zones)', () => {
    const graph = staticGraph(resolve(here, 'index.ts'));
    expect(graph.has(resolve(here, 'money.ts'))).toBe(true);
    expect(forbidden(graph)).toEqual([]);
  });

  it('reading a computed estimate', () => {
    expect(forbidden(staticGraph(resolve(here, '../cost/balance.ts')))).toEqual([]);
  });

  it('estimating a cost, loading a survey, and the REST adapter', () => {
    for (const entry of ['../cost/estimate.ts', '../survey/load.ts', '../adapters/rest/index.ts']) {
      const graph = staticGraph(resolve(here, entry));
      expect(graph.has(resolve(here, '../schemas/compact-shapes.ts'))).toBe(true);
      expect(forbidden(graph)).toEqual([]);
    }
  });
});
