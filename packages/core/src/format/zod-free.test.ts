import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Widget pages format money and dates as soon as they render, while zod (about 9.5 KB gzip) is loaded only with the
// data, by the adapters and by the checks that widgets import on first use. So the format helpers, and reading an
// estimate that is already computed, must not reach zod or a schema through a static runtime import.

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
const forbidden = (graph: Set<string>) => [...graph].filter((id) => /^zod(\/|$)/.test(id) || id.includes('/schemas/'));

describe('modules a widget page loads up front stay free of zod', () => {
  it('the graph walker sees what it should', () => {
    const estimate = staticGraph(resolve(here, '../cost/estimate.ts'));
    expect(forbidden(estimate)).toContain(resolve(here, '../schemas/pricing.ts'));
    expect(estimate.has('zod/mini')).toBe(true);
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
});
