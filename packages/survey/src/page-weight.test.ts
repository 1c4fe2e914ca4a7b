import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

// DESIGN.md section 8 gives a survey page 25 KB gzip. Its two heaviest parts, zod (about 9.5 KB) and the survey
// engine, are loaded on first use through engine.ts; this keeps a static import from pulling them back into the page.

const root = resolve(import.meta.dirname, '../../..');

/** Module ids a page downloads up front (the entry chunk and its static imports) and those it loads on demand. */
async function pageModules(entry: string): Promise<{ eager: string[]; lazy: string[] }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { conditions: ['source'] },
    define: { 'import.meta.env.DEV': 'false' },
    build: { write: false, minify: false, target: 'es2022', lib: { entry, formats: ['es'] } },
  });
  const { output } = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  const chunks = new Map(output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
  const eager = new Set<string>();
  const visit = (name: string) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const ids = (names: Iterable<string>) => [...names].flatMap((name) => chunks.get(name)?.moduleIds ?? []);
  return { eager: ids(eager), lazy: ids([...chunks.keys()].filter((name) => !eager.has(name))) };
}

const isZod = (id: string) => /[\\/]node_modules[\\/](\.pnpm[\\/].*[\\/])?zod[\\/]/.test(id);
const isSchema = (id: string) => id.includes('/core/src/schemas/');
const isEngine = (id: string) => id.includes('/core/src/survey/model.ts');

describe('fd-survey page weight', () => {
  it('loads zod, the schemas and the survey engine on first use, not with the page', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    expect(eager.some((id) => id.endsWith('/survey/src/survey.ts'))).toBe(true);
    expect(eager.filter((id) => isZod(id) || isSchema(id) || isEngine(id))).toEqual([]);
    // Still there, one dynamic import away: a Questionnaire is always checked before it is rendered.
    expect(lazy.some(isZod)).toBe(true);
    expect(lazy.some(isEngine)).toBe(true);
  });
});
