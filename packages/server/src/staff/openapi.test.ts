import { describe, expect, it } from 'vitest';
import { OPENAPI, OPENAPI_TEXT, STAFF_OPERATIONS } from '../test-support/staff.js';
import { PERMISSIONS } from './roles.js';
import { STAFF_ROUTES } from './routes.js';

/** docs/openapi.yaml's staff paths and STAFF_ROUTES must not drift apart, in either direction. */
const openApiPath = (path: string) => `/staff${path.replace(/:(\w+)/g, '{$1}')}`;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('docs/openapi.yaml, the staff API', () => {
  it('documents every staff route under the same operationId and permission, and nothing more', () => {
    expect(STAFF_OPERATIONS.length).toBe(STAFF_ROUTES.length);
    for (const route of STAFF_ROUTES) {
      const found = STAFF_OPERATIONS.find((op) => op.method === route.method && op.path === openApiPath(route.path));
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      expect(found?.operation.operationId).toBe(route.operationId);
      expect(found?.operation['x-permission']).toBe(route.permission);
    }
    expect(new Set(STAFF_ROUTES.map((route) => route.operationId)).size).toBe(STAFF_ROUTES.length);
  });

  it('names the credentials of every operation: the cookie (with the CSRF header on changes) or a token', () => {
    expect(Object.keys(OPENAPI.components.securitySchemes!)).toEqual(
      expect.arrayContaining(['staffSession', 'csrfToken', 'staffToken']),
    );
    for (const { method, path, operation } of STAFF_OPERATIONS) {
      const where = `${method} ${path}`;
      if (operation['x-permission'] === 'public') {
        expect(operation.security, where).toEqual([]);
        continue;
      }
      expect(operation.security?.length, where).toBeGreaterThan(0);
      for (const requirement of operation.security ?? []) {
        const schemes = Object.keys(requirement);
        expect(
          schemes.some((name) => name === 'staffSession' || name === 'staffToken'),
          where,
        ).toBe(true);
        if (schemes.includes('staffSession') && UNSAFE.has(method)) expect(schemes, where).toContain('csrfToken');
      }
      expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['401', '429']));
      if (operation['x-permission'] !== 'signed-in' || UNSAFE.has(method)) {
        expect(Object.keys(operation.responses), where).toContain('403');
      }
      if (operation['x-permission'] !== 'signed-in') {
        expect(PERMISSIONS, where).toContain(operation['x-permission']);
      }
    }
  });

  it('refers only to components that exist', () => {
    const refs = [...OPENAPI_TEXT.matchAll(/\$ref: '#\/components\/(\w+)\/(\w+)'/g)];
    expect(refs.length).toBeGreaterThan(100);
    const missing = refs.filter(([, kind, name]) => !(name! in (OPENAPI.components[kind!] ?? {})));
    expect(missing.map(([ref]) => ref)).toEqual([]);
  });
});
