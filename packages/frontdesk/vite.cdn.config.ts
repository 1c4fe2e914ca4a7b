import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The CDN / script-tag builds: `frontdesk.js` (the autoloader, ES module, one chunk per widget) and
 * `frontdesk.all.js` (everything defined at once); with `--mode classic`, `frontdesk.classic.js`, a single classic
 * script for CMSs that strip module scripts. Built from source through the `source` export condition.
 */
export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  return {
    resolve: { conditions: ['source'] },
    define: { 'import.meta.env.DEV': 'false' },
    build: {
      outDir: resolve(import.meta.dirname, 'dist/cdn'),
      emptyOutDir: !classic,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      manifest: !classic,
      lib: classic
        ? {
            entry: { 'frontdesk.classic': resolve(import.meta.dirname, 'src/define-all.ts') },
            formats: ['iife'],
            name: 'Frontdesk',
          }
        : {
            entry: {
              frontdesk: resolve(import.meta.dirname, 'src/autoload.ts'),
              'frontdesk.all': resolve(import.meta.dirname, 'src/define-all.ts'),
            },
            formats: ['es'],
          },
      rollupOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
});
