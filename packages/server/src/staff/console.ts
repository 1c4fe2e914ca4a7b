import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { PAGE_POLICY } from '../http/site.js';

/** packages/server/staff-console: the console's pages (what is built into its `dist/` first), from src and dist. */
export const STAFF_CONSOLE_DIR = fileURLToPath(new URL('../../staff-console/', import.meta.url));

/**
 * The staff console at `/staff/`: static pages under the strict page policy, never cached by a shared cache, never
 * indexed, never used by another origin. Everything they show comes from `/api/staff/`, behind sign-in.
 */
export function staffConsoleRoutes(dir: string = STAFF_CONSOLE_DIR): Hono {
  const app = new Hono();
  const root = resolve(dir);
  app.get('/staff', (c) => c.redirect('/staff/', 308));
  app.use('/staff/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-cache, private');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('X-Robots-Tag', 'noindex');
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.header('Content-Security-Policy', PAGE_POLICY);
  });
  const strip = (path: string) => path.slice('/staff'.length);
  for (const folder of [join(root, 'dist'), root]) {
    if (existsSync(folder)) app.use('/staff/*', serveStatic({ root: folder, rewriteRequestPath: strip }));
  }
  return app;
}
