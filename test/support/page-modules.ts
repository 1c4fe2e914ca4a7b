import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

// What a widget page downloads up front versus on demand, for the page-weight tests that keep heavy modules (zod, the
// schemas, engines) out of the first download (docs/design.md section 8 budgets).

const root = resolve(import.meta.dirname, '../..');

/** Module ids a page downloads up front (the entry chunk and its static imports) and those it loads on demand. */
export async function pageModules(entry: string): Promise<{ eager: string[]; lazy: string[] }> {
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

export const isZod = (id: string) => /[\\/]node_modules[\\/](\.pnpm[\\/].*[\\/])?zod[\\/]/.test(id);
export const isSchema = (id: string) => id.includes('/core/src/schemas/');
