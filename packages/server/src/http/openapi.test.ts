import { readFileSync } from 'node:fs';
import * as schemas from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { API_ROUTES } from './api.js';

/** docs/openapi.yaml and the routes the server serves must not drift apart, in either direction. */
const document = parse(readFileSync(new URL('../../../../docs/openapi.yaml', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, unknown>; parameters?: { $ref?: string }[] }>
  >;
  components: { schemas: Record<string, unknown> };
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The public contract; the staff paths (`/staff/…`) are held to STAFF_ROUTES by src/staff/openapi.test.ts. */
const documented = Object.entries(document.paths)
  .filter(([path]) => !path.startsWith('/staff/'))
  .flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
/** `/providers/:providerId` as OpenAPI spells it. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('docs/openapi.yaml', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('documents every route the server serves, under the same operationId', () => {
    for (const route of API_ROUTES) {
      const found = documented.find((op) => op.method === route.method && op.path === openApiPath(route.path));
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      expect(found?.operation.operationId).toBe(route.operationId);
    }
  });

  it('documents nothing the server does not serve', () => {
    for (const { method, path, operation } of documented) {
      const served = API_ROUTES.find((route) => route.method === method && openApiPath(route.path) === path);
      expect(served, `${method} ${path} (${operation.operationId})`).toBeDefined();
    }
    expect(documented).toHaveLength(API_ROUTES.length);
  });

  it('documents the answers the server gives: 429 everywhere, the POSTs with their refusals', () => {
    for (const { method, path, operation } of documented) {
      expect(Object.keys(operation.responses), `${method} ${path}`).toContain('429');
      if (method !== 'POST') continue;
      for (const status of ['201', '200', '400', '403', '404', '413', '415', '422']) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain(status);
      }
      expect(operation.parameters?.map((p) => p.$ref)).toContain('#/components/parameters/IdempotencyKey');
      const created = operation.responses['201'] as { headers?: Record<string, unknown> };
      expect(created.headers?.['Cache-Control']).toEqual({ $ref: '#/components/headers/NoStore' });
    }
    for (const route of API_ROUTES.filter((r) => r.noStore)) {
      const op = documented.find((o) => o.method === route.method && o.path === openApiPath(route.path))!;
      const ok = (op.operation.responses['200'] ?? op.operation.responses['201']) as {
        headers?: Record<string, unknown>;
      };
      expect(ok.headers?.['Cache-Control'], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('has a component schema for every exported zod schema of @frontdesk/core', () => {
    // Enums only used inside one object are written inline there.
    const inline = new Set(['AcceptingNewPatients', 'SlotStatus', 'QuestionnaireItemType']);
    const exported = Object.entries(schemas)
      .filter(
        ([name, value]) =>
          typeof (value as { safeParse?: unknown } | null)?.safeParse === 'function' && !inline.has(name),
      )
      .map(([name]) => name);
    expect(exported.length).toBeGreaterThan(10);
    expect(exported.filter((name) => !(name in document.components.schemas))).toEqual([]);
  });
});
