import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as schemas from '../schemas/index.js';
import { ROUTES } from './routes.js';

/**
 * docs/openapi.yaml must not drift from what the reference server serves and from the zod schemas. The workspace
 * has no YAML parser, so this reads the document's fixed two-space layout line by line; the document itself is
 * checked with an OpenAPI 3.1 validator when it changes.
 */
const yaml = readFileSync(new URL('../../../../docs/openapi.yaml', import.meta.url), 'utf8');
const lines = yaml.split('\n');

function section(name: string, indent: number): string[] {
  const start = lines.indexOf(`${' '.repeat(indent - 2)}${name}:`);
  expect(start, `${name} section`).toBeGreaterThanOrEqual(0);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() && !line.startsWith(' '.repeat(indent))) break;
    body.push(line);
  }
  return body;
}

function documentedOperations(): string[] {
  const operations: string[] = [];
  let path = '';
  for (const line of section('paths', 2)) {
    const pathMatch = /^ {2}(\/\S*):$/.exec(line);
    if (pathMatch) path = pathMatch[1]!.replace(/\{[^}]+\}/g, ':id');
    const methodMatch = /^ {4}(get|post|put|patch|delete):$/.exec(line);
    if (methodMatch) operations.push(`${methodMatch[1]!.toUpperCase()} ${path}`);
  }
  return operations.sort();
}

describe('docs/openapi.yaml', () => {
  it('is OpenAPI 3.1', () => {
    expect(lines[0]).toBe('openapi: 3.1.0');
    expect(yaml).not.toContain('\t');
  });

  it('documents exactly the operations the reference server serves', () => {
    const served = ROUTES.map(
      (route) => `${route.method} /${route.path.map((p) => (p.startsWith(':') ? ':id' : p)).join('/')}`,
    );
    expect(documentedOperations()).toEqual(served.sort());
  });

  it('has a component schema for every exported zod schema', () => {
    const components = new Set(
      section('schemas', 4)
        .map((line) => /^ {4}([A-Za-z]\w*):$/.exec(line)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    // Enums only used inside one object are written inline there.
    const inline = new Set(['AcceptingNewPatients', 'SlotStatus', 'QuestionnaireItemType']);
    const exported = Object.entries(schemas)
      .filter(
        ([name, value]) => typeof (value as { safeParse?: unknown }).safeParse === 'function' && !inline.has(name),
      )
      .map(([name]) => name);
    expect(exported.filter((name) => !components.has(name))).toEqual([]);
  });

  it('requires an Idempotency-Key on every POST and no-store on booking and survey responses', () => {
    const posts = yaml.split(/\n {4}post:\n/).slice(1);
    expect(posts).toHaveLength(ROUTES.filter((route) => route.method === 'POST').length);
    for (const post of posts) {
      const operation = post.split(/\n {2}\/|\ncomponents:/)[0]!;
      expect(operation).toContain("$ref: '#/components/parameters/IdempotencyKey'");
      expect(operation).toContain("Cache-Control: { $ref: '#/components/headers/NoStore' }");
    }
  });
});
