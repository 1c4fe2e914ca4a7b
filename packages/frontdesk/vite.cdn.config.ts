import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import type { ChunkMap } from './src/cdn-chunks.js';

/**
 * The CDN / script-tag builds, in two steps (`pnpm run build:cdn`):
 *
 * 1. The chunks: one entry per element module named in `src/elements.ts`, and `frontdesk.all.js` (every element at
 *    once). Beside them, `.vite/chunk-map.json`: for each tag, its module and every chunk it needs before it can show
 *    content; for each adapter, its chunks.
 * 2. `--mode loader`: the autoloader (`src/cdn-loader.ts`) with that map built in, twice: `frontdesk.js` (a module
 *    script) and `frontdesk.classic.iife.js` (a classic script for CMSs that strip module scripts). Both import the
 *    same chunks, so a CMS page loads what a module page loads.
 *
 * Built from source through the `source` export condition, fully minified (no whitespace, no comments but licences).
 */
const here = import.meta.dirname;
const outDir = resolve(here, 'dist/cdn');
const chunkMapFile = '.vite/chunk-map.json';

/** Parts a widget imports lazily but needs before it can show anything: preloaded with its tag. */
const STARTUP_PARTS: Record<string, string[]> = {
  'fd-cost-estimate': ['cost-estimate/src/estimator.ts'],
};

/**
 * Fewer, larger chunks: what every widget and the REST adapter need in one (each file compressed on its own costs
 * more, and each is one more request). Widgets and the other adapters keep their own chunks.
 */
const CHUNK_GROUPS = [
  {
    name: 'base',
    priority: 2,
    // Lit itself (its directives stay with the widgets that use them), core's element layer, and what a remote
    // adapter needs: what completes an adapter, the HTTP client (not its failure paths) and the compact checks (not those of a patient's actions); the events, the string registry,
    // on-demand loading and the formatting every widget shows with (not the Spanish table: it loads when asked for). `<fd-clinic>`'s own module too (every widget defines it
    // anyway), so a page with a widget makes no request for it.
    test: /frontdesk[\\/]src[\\/]define-clinic|node_modules[\\/](lit[\\/]index|lit-html[\\/](lit-html|is-server)|lit-element[\\/]|@lit[\\/]reactive-element[\\/])|core[\\/]src[\\/](element[\\/](?!strings\.es|form-associated|field-styles)|events[\\/]|i18n[\\/]|lazy-module|errors|config|dev|adapter\.|complete-adapter|adapters[\\/]registry|http[\\/](?!failures|status)|format[\\/](errors|intl-cache|instant|phone)|schemas[\\/](compact(?!-actions)|refinements|validate))/,
  },
  // What form widgets share (form association and field styles): the provider card, which has no form, skips it.
  { name: 'form-fields', priority: 2, test: /core[\\/]src[\\/]element[\\/](form-associated|field-styles)/ },
  // zod and the zod schemas, for the parts that validate with them (not the REST adapter: see base).
  {
    name: 'schemas',
    priority: 1,
    test: /node_modules[\\/]zod[\\/]|core[\\/]src[\\/]schemas[\\/](?!compact|refinements|validate)/,
  },
];

/** The module of each adapter `<fd-clinic adapter="...">` can name (loaded by core's adapter registry). */
const ADAPTER_MODULES: Record<string, string> = {
  memory: 'core/src/adapters/memory/index.ts',
  rest: 'core/src/adapters/rest/index.ts',
  fhir: 'core/src/adapters/fhir/index.ts',
  'smart-scheduling-links': 'core/src/adapters/smart-scheduling-links/index.ts',
};

/** The source file behind a package export such as `@frontdesk/survey/define` (its `source` condition). */
function exportSource(spec: string): string {
  const [, name, subpath] = /^(@[^/]+\/[^/]+)(\/.*)?$/.exec(spec) ?? [];
  if (!name) throw new Error(`vite.cdn.config.ts: not a scoped package export: ${spec}`);
  const manifest = createRequire(here).resolve(`${name}/package.json`);
  const target = JSON.parse(readFileSync(manifest, 'utf8')).exports?.[`.${subpath ?? ''}`]?.source;
  if (typeof target !== 'string') throw new Error(`vite.cdn.config.ts: ${spec} has no source export`);
  return resolve(dirname(manifest), target);
}

/** `src/elements.ts`'s tags and the module each imports: one list for the npm autoloader and the CDN build. */
function elementModules(): Array<{ tag: string; spec: string; entry: string; path: string }> {
  const source = readFileSync(resolve(here, 'src/elements.ts'), 'utf8');
  const found = [...source.matchAll(/'(fd-[a-z-]+)':\s*\(\)\s*=>\s*import\('([^']+)'\)/g)];
  if (found.length === 0) throw new Error('vite.cdn.config.ts: no tags found in src/elements.ts');
  return found.map(([, tag, spec]) => {
    const local = spec!.startsWith('.');
    const path = local ? resolve(here, 'src', spec!.replace(/\.js$/, '.ts')) : exportSource(spec!);
    const name = local ? spec!.replace(/^.*\/(define-)?|\.js$/g, '') : spec!.replace(/^@frontdesk\/|\/define$/g, '');
    // <fd-clinic>'s module is grouped into the base chunk (CHUNK_GROUPS), which then carries its name.
    const entry = tag === 'fd-clinic' ? 'base' : name;
    return { tag: tag!, spec: spec!, entry, path };
  });
}

const minified = {
  minify: true,
  // Licence comments stay (Lit's BSD licence asks for it); everything else goes, node_modules paths included.
  comments: { legal: true, annotation: false, jsdoc: false },
} as const;

/**
 * Lit's `html` and `css` templates are strings the JavaScript minifier leaves alone: minify them too (Lightning CSS
 * for styles; for markup only whitespace runs and comments, never a space that separates words or an empty `alt`).
 * A module that builds styles with `unsafeCSS` may hold partial CSS Lightning CSS cannot parse: its `css` templates
 * only lose whitespace runs and the spaces around braces and semicolons, which CSS never needs.
 */
function minifyTemplates(): Plugin {
  const html = { collapseWhitespace: true, conservativeCollapse: true, removeEmptyAttributes: false };
  const collapse = (css: string) =>
    css
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};]) ?/g, '$1')
      .trim();
  return {
    name: 'frontdesk-minify-templates',
    async transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      // minify-literals skips every style of a module that mentions unsafeCSS; the name is hidden from it here.
      const partial = code.includes('unsafeCSS');
      const hidden = partial ? code.replaceAll('unsafeCSS', 'unsafeCs_') : code;
      const result = await minifyHTMLLiterals(hidden, { fileName: id, html, ...(partial ? { css: collapse } : {}) });
      if (!result || !partial) return result;
      return { code: result.code.replaceAll('unsafeCs_', 'unsafeCSS'), map: result.map };
    },
  };
}

const common: UserConfig = {
  resolve: { conditions: ['source'] },
  define: { 'import.meta.env.DEV': 'false' },
  plugins: [minifyTemplates()],
};

/** Step 1's plugin: the chunk map, from the bundle's own import graph. */
function chunkMap(elements: ReturnType<typeof elementModules>): Plugin {
  return {
    name: 'frontdesk-chunk-map',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const files: string[] = [];
      const indexOf = (file: string) => {
        const at = files.indexOf(file);
        return at >= 0 ? at : files.push(file) - 1;
      };
      const closure = (file: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(file)) return seen;
        seen.add(file);
        const chunk = chunks.find((c) => c.fileName === file);
        for (const dependency of chunk?.imports ?? []) closure(dependency, seen);
        return seen;
      };
      const byModule = (path: string) => {
        const at = (id: string | null) => id?.replaceAll('\\', '/').endsWith(path);
        // Its own chunk, or the chunk it was grouped into.
        const chunk = chunks.find((c) => at(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds.some(at));
        if (!chunk) throw new Error(`vite.cdn.config.ts: no chunk is built from ${path}; update the map`);
        return chunk.fileName;
      };
      const map: ChunkMap = { files, tags: {}, adapters: {} };
      for (const { tag, entry } of elements) {
        const module = chunks.find((c) => c.isEntry && c.name === entry);
        if (!module) throw new Error(`vite.cdn.config.ts: no entry chunk for <${tag}>`);
        const needed = closure(module.fileName);
        for (const part of STARTUP_PARTS[tag] ?? []) closure(byModule(part), needed);
        // The module itself first: the loader imports it and preloads the rest.
        map.tags[tag] = [...needed].map(indexOf);
      }
      for (const [name, path] of Object.entries(ADAPTER_MODULES)) {
        map.adapters[name] = [...closure(byModule(path))].map(indexOf);
      }
      this.emitFile({ type: 'asset', fileName: chunkMapFile, source: `${JSON.stringify(map, null, 1)}\n` });
      this.emitFile({ type: 'asset', fileName: 'frontdesk.all.js', source: allInOne(map) });
    },
  };
}

/**
 * `frontdesk.all.js`, every element at once: it first adds a `modulepreload` for the chunks of each adapter a
 * `<fd-clinic adapter="...">` in the page names, then imports every tag's chunks, so the browser asks for the widgets
 * and their adapter in one wave (static imports would run nothing until every widget chunk had arrived, and the
 * adapter would follow one round trip later). Written minified: it is served as is.
 */
function allInOne(map: ChunkMap): string {
  const tagFiles = new Set(Object.values(map.tags).flat());
  const adapters = Object.fromEntries(
    Object.entries(map.adapters).map(([name, indexes]) => [
      name,
      indexes.filter((index) => !tagFiles.has(index)).map((index) => `./${map.files[index]}`),
    ]),
  );
  const files = [...tagFiles].map((index) => `./${map.files[index]}`);
  return `${['const u=f=>new URL(f,import.meta.url).href', `a=${JSON.stringify(adapters)};`].join(',')}${[
    'for(const c of document.querySelectorAll("fd-clinic[adapter]")){const n=c.getAttribute("adapter").trim();',
    'if(Object.hasOwn(a,n))for(const f of a[n]){const l=document.createElement("link");',
    'l.rel="modulepreload";l.href=u(f);document.head.append(l)}}',
    `for(const f of ${JSON.stringify(files)})import(u(f));`,
  ].join('')}\n`;
}

/** Step 2's plugin: builds the chunk map into the loader (`src/cdn-chunks.ts`). */
function withChunkMap(): Plugin {
  const target = resolve(here, 'src/cdn-chunks.ts');
  return {
    name: 'frontdesk-with-chunk-map',
    load(id) {
      if (resolve(id) !== target) return null;
      const map = readFileSync(resolve(outDir, chunkMapFile), 'utf8');
      return `export const CHUNKS = ${map.trim()};`;
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'loader') {
    return {
      ...common,
      plugins: [...(common.plugins ?? []), withChunkMap()],
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        reportCompressedSize: false,
        lib: {
          entry: resolve(here, 'src/cdn-loader.ts'),
          formats: ['es', 'iife'],
          name: 'FrontdeskLoader',
          fileName: (format) => (format === 'es' ? 'frontdesk.js' : 'frontdesk.classic.iife.js'),
        },
        rolldownOptions: {
          output: { ...minified },
          // The classic build's `import.meta` is empty by design: the loader reads `document.currentScript` there.
          onLog: (level, log, handler) => (log.code === 'EMPTY_IMPORT_META' ? undefined : handler(level, log)),
        },
      },
    };
  }
  const elements = elementModules();
  const input = Object.fromEntries(elements.map(({ entry, path }) => [entry, path]));
  return {
    ...common,
    plugins: [...(common.plugins ?? []), chunkMap(elements)],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      manifest: true,
      lib: { entry: input, formats: ['es'] },
      rolldownOptions: {
        // Element modules export nothing the loader uses: a module shared by two tags stays in its own tag's chunk.
        preserveEntrySignatures: false,
        output: {
          ...minified,
          format: 'es',
          entryFileNames: 'chunks/[name]-[hash].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting: { groups: CHUNK_GROUPS },
        },
      },
    },
  };
});
