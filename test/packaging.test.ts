import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What npm would publish for each library package: built code, sources for source maps, the manifest and a README,
// never the tests beside the sources.
const root = join(import.meta.dirname, '..');
const PACKAGES = ['core', 'provider-card', 'slot-picker', 'cost-estimate', 'survey', 'frontdesk', 'server'];

function packedFiles(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: join(root, 'packages', dir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path);
}

describe('published packages', () => {
  for (const dir of PACKAGES) {
    it(`${dir} holds a README and no tests`, () => {
      const files = packedFiles(dir);
      expect(files).toContain('README.md');
      expect(files.filter((file) => /\.test\.|tsbuildinfo|test-support/.test(file))).toEqual([]);
    });
  }
});
