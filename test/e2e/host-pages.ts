// A clinic's own website for the end-to-end tests: a plain static server on another origin (127.0.0.1, any free
// port, reached as `localhost`) that knows nothing of Frontdesk but the snippet pasted into its pages.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPages {
  /** The page's address: `http://localhost:PORT/path`. */
  url(path?: string): string;
  close(): Promise<void>;
}

/** An empty page around `body`, as a CMS renders a pasted snippet; `head` adds styles or scripts. */
export function hostPage(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Our clinic</title><link rel="icon" href="data:,">${head}</head><body><main><h1>Our doctors</h1>${body}</main></body></html>`;
}

/** Serves `pages` (path to HTML, or a function of the request path); anything else is a 404. */
export async function serveHostPages(pages: Record<string, string>): Promise<HostPages> {
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/') => `http://localhost:${port}${path}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The snippet the README tells a CMS user to paste (its first HTML block), pointing at `frontdeskOrigin`: the tests
 * run exactly what the README shows.
 */
export function readmeSnippet(frontdeskOrigin: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /## Paste this[^\n]*\n+```html\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no "## Paste this" section with an html block');
  return block.replaceAll('https://YOUR-FRONTDESK-HOST', frontdeskOrigin);
}
