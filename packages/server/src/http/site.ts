import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';

/**
 * The policy every served page runs under: the strictest the widgets promise to work with, Trusted Types enforced
 * (any string reaching an HTML sink is blocked and reported). Pages are never framed (X-Frame-Options, set with the
 * other security headers).
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

export interface SiteOptions {
  /** The site's folder, served at `/`; what is built into `<dir>/dist/` is served at `/` too, before the sources. */
  dir?: string | undefined;
  /** The script-tag bundles, served at `/cdn/` to any origin. */
  cdnDir?: string | undefined;
  /** Rewrites each HTML page before it is sent (the FHIR demo points the pages at another backend). */
  transformHtml?: ((html: string) => string) | undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const siteHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  // Images and scripts of a public site may be used by pages elsewhere; pages themselves stay same-origin.
  if (!c.res.headers.get('Content-Type')?.startsWith('text/html'))
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
};

function pageHeaders(path: string, c: Context): void {
  if (path.endsWith('.html')) c.header('Content-Security-Policy', PAGE_POLICY);
}

/** Static files: the demo site (or any site folder) and the CDN build. Nothing here reads the database. */
export function siteRoutes(options: SiteOptions): Hono {
  const app = new Hono();
  app.use('*', siteHeaders);
  if (options.cdnDir && existsSync(options.cdnDir)) {
    const root = resolve(options.cdnDir);
    app.use(
      '/cdn/*',
      serveStatic({
        root,
        rewriteRequestPath: (path) => path.slice('/cdn'.length),
        onFound: (_path, c) => {
          // The bundles are a CDN for other sites too: a pasted snippet on any origin loads them as module scripts.
          c.header('Access-Control-Allow-Origin', '*');
          c.header('Cross-Origin-Resource-Policy', 'cross-origin');
        },
      }),
    );
  }
  const dir = options.dir;
  if (dir && existsSync(dir)) {
    const root = resolve(dir);
    // A folder asked for without its slash: redirect, so the page's relative links resolve inside it.
    app.get('*', async (c, next) => {
      const path = c.req.path;
      // Plain names only, and never `//host`: the redirect must stay on this site.
      if (/^\/[A-Za-z0-9_-][A-Za-z0-9._\-/]*$/.test(path) && !path.endsWith('/') && !path.includes('..')) {
        const inSite = join(root, path);
        const inDist = join(root, 'dist', path);
        if ((inSite.startsWith(root) && isDirectory(inSite)) || (inDist.startsWith(root) && isDirectory(inDist))) {
          return c.redirect(`${path}/`, 308);
        }
      }
      return next();
    });
    const transform = options.transformHtml;
    if (transform) {
      app.get('*', async (c, next) => {
        await next();
        if (c.res.status === 200 && c.res.headers.get('Content-Type')?.startsWith('text/html')) {
          const html = transform(await c.res.text());
          c.res = new Response(html, c.res);
          c.res.headers.delete('Content-Length');
        }
      });
    }
    // Built output first: `/react/` is the app built into dist/react/, not its sources in react/.
    app.use('*', serveStatic({ root: join(root, 'dist'), onFound: pageHeaders }));
    app.use('*', serveStatic({ root, onFound: pageHeaders }));
  }
  return app;
}
