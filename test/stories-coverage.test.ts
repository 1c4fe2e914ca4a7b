import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every element a widget package defines has stories (docs/design.md section 14.1, step 9): the story check then
// renders each of its states in Chromium with axe.
const root = join(import.meta.dirname, '..');

function definedTags(): string[] {
  const tags: string[] = [];
  for (const dir of readdirSync(join(root, 'packages'))) {
    let source = '';
    try {
      source = readFileSync(join(root, 'packages', dir, 'src', 'define.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const [, tag] of source.matchAll(/defineWithClinic\('([a-z0-9-]+)'/g)) tags.push(tag!);
  }
  return tags;
}

describe('stories', () => {
  it('cover every element the widget packages define', () => {
    const stories = readdirSync(join(root, 'stories'))
      .filter((file) => file.endsWith('.stories.ts'))
      .map((file) => readFileSync(join(root, 'stories', file), 'utf8'))
      .join('\n');
    const tags = definedTags();
    expect(tags.length).toBeGreaterThanOrEqual(5);
    expect(tags.filter((tag) => !stories.includes(`component: '${tag}'`))).toEqual([]);
  });
});
