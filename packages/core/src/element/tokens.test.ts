import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKENS } from './tokens.js';

const packagesDir = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const packages = readdirSync(packagesDir).filter((name) => {
  try {
    return statSync(join(packagesDir, name, 'src')).isDirectory();
  } catch {
    return false;
  }
});

describe('the custom-property contract (docs/design.md section 9.6)', () => {
  it('defines every private --_fd-* token that any widget reads', () => {
    const defined = new Set(Object.keys(TOKENS).map((name) => name.replace('--fd-', '--_fd-')));
    const used = new Map<string, string>();
    for (const pkg of packages) {
      for (const file of sources(join(packagesDir, pkg, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const [, name] of text.matchAll(/(--_fd-[a-z0-9-]+)\s*:/g)) defined.add(name!);
        for (const [, name] of text.matchAll(/var\(\s*(--_fd-[a-z0-9-]+)/g)) used.set(name!, file);
      }
    }
    const undefinedTokens = [...used]
      .filter(([name]) => !defined.has(name))
      .map(([name, file]) => `${name} in ${file}`);
    expect(undefinedTokens).toEqual([]);
  });

  it('documents every public --fd-* property a widget reads, or it is a global token', () => {
    const problems: string[] = [];
    for (const pkg of packages) {
      const files = sources(join(packagesDir, pkg, 'src'));
      const all = files.map((file) => readFileSync(file, 'utf8')).join('\n');
      const documented = new Set([...all.matchAll(/@cssprop\s+\{?[^}\s]*\}?\s*(--fd-[a-z0-9-]+)/g)].map((m) => m[1]));
      for (const [, name] of all.matchAll(/var\(\s*(--fd-[a-z0-9-]+)/g)) {
        if (!(name! in TOKENS) && !documented.has(name) && pkg !== 'core') {
          problems.push(`${pkg}: ${name} is read but has no @cssprop`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('gives every token a light and a dark default', () => {
    for (const [name, token] of Object.entries(TOKENS)) {
      expect(name).toMatch(/^--fd-[a-z-]+$/);
      expect(token.light.length).toBeGreaterThan(0);
      expect(token.dark.length).toBeGreaterThan(0);
    }
  });
});
