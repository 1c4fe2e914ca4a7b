import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/server.js';
import { PAGE_POLICY } from './site.js';

describe('the site and the CDN bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-site-'));
  let server: TestServer;
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>source</title>');
    mkdirSync(join(dir, 'dist', 'app'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'app', 'index.html'), '<!doctype html><title>built</title>');
    mkdirSync(join(dir, 'cdn'));
    writeFileSync(join(dir, 'cdn', 'frontdesk.js'), `export const x = ${JSON.stringify('x'.repeat(4000))};`);
    server = await startTestServer('pglite', { site: { dir, cdnDir: join(dir, 'cdn') } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages under the strict policy with Trusted Types, never framed', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves built output before sources, and redirects a folder to its slash but never off the site', async () => {
    const folder = await fetch(`${server.origin}/app`, { redirect: 'manual' });
    expect(folder.status).toBe(308);
    expect(folder.headers.get('location')).toBe('/app/');
    expect(await (await fetch(`${server.origin}/app/`)).text()).toContain('built');
    for (const path of ['//evil.example', '/%2F%2Fevil.example', '/..%2f..%2fetc/passwd']) {
      const answer = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
      expect(answer.status, path).toBe(404);
    }
  });

  it('serves the bundles to any origin, compressed', async () => {
    const bundle = await fetch(`${server.origin}/cdn/frontdesk.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*');
    expect(bundle.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(bundle.headers.get('content-encoding')).toBe('gzip');
  });
});
