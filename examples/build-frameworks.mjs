// Builds the React and Vue example apps (examples/react, examples/vue) into examples/dist/{react,vue}, as a clinic's
// own Vite project would: the Frontdesk packages come from this workspace, resolved from source through the `source`
// export condition. examples/serve.mjs serves them at /react/ and /vue/.
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';

const examples = import.meta.dirname;

/** The frameworks built, each served under `/<name>/`. */
export const FRAMEWORKS = ['react', 'vue'];

function config(name) {
  return {
    configFile: false,
    root: resolve(examples, name),
    base: `/${name}/`,
    publicDir: false,
    logLevel: 'warn',
    resolve: { conditions: ['source'] },
    define: { 'import.meta.env.DEV': 'false' },
    // React: Vite's own transform (oxc) compiles JSX for the automatic runtime; no plugin needed.
    oxc: { jsx: { runtime: 'automatic' } },
    plugins:
      name === 'vue'
        ? [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fd-') } } })]
        : [],
    build: {
      outDir: resolve(examples, 'dist', name),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
    },
  };
}

/** Builds both examples (or the ones named). */
export async function buildFrameworkExamples(names = FRAMEWORKS) {
  // Production builds of React and Vue (no dev warnings, no source paths) even under Vitest, which sets NODE_ENV to
  // `test`: Vite and the Vue plugin read NODE_ENV itself, not only the build mode.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    for (const name of names) await build(config(name));
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await buildFrameworkExamples(process.argv.slice(2).length ? process.argv.slice(2) : FRAMEWORKS);
