import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into the server's console folder, which the server serves at /staff/ under the strict page policy: no inline
// script or style, so no module-preload polyfill either.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/staff/',
  build: {
    outDir: fileURLToPath(new URL('../server/staff-console/dist', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  resolve: { conditions: ['source'] },
});
