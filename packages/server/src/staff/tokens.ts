import { randomBytes } from 'node:crypto';
import { FrontdeskError } from '@frontdesk/core';
import type { Queryable } from '../db/database.js';
import { randomId, sha256 } from '../idempotency.js';
import { isTokenScope, type Permission, TOKEN_SCOPES } from './roles.js';

const DAY_MS = 86_400_000;
export const MAX_TOKEN_DAYS = 3_650;
export const DEFAULT_TOKEN_DAYS = 90;
/** `fdt_` and 43 base64url characters (256 random bits). */
const TOKEN_FORMAT = /^fdt_[A-Za-z0-9_-]{43}$/;

/** An API token as listed: never its secret, which is shown once, when created. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: Permission[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

function tokenOf(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter(isTokenScope),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

export interface NewToken {
  name: unknown;
  scopes: unknown;
  expiresInDays?: unknown;
}

/** Creates a token; returns it with its secret (`fdt_…`), which is stored only as a SHA-256 and never shown again. */
export async function createApiToken(
  db: Queryable,
  input: NewToken,
  createdBy: string,
  nowMs: number,
): Promise<ApiToken & { token: string }> {
  if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.length > 100) {
    throw invalid('name', 'expected a name of 1 to 100 characters');
  }
  if (!Array.isArray(input.scopes) || input.scopes.length === 0) throw invalid('scopes', 'expected a list of scopes');
  for (const [index, scope] of input.scopes.entries()) {
    if (!isTokenScope(scope)) throw invalid(`scopes[${index}]`, `one of ${TOKEN_SCOPES.join(', ')}`);
  }
  const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw invalid('expiresInDays', `a whole number of days from 1 to ${MAX_TOKEN_DAYS}`);
  }
  const token = `fdt_${randomBytes(32).toString('base64url')}`;
  const rows = await db.query<TokenRow>(
    `insert into staff_api_tokens (id, name, secret_sha256, scopes, created_by, created_at, expires_at)
     values ($1, $2, $3, $4::text[], $5, $6, $7) returning *`,
    [
      randomId('tk'),
      input.name.trim(),
      sha256(token),
      [...new Set(input.scopes as string[])],
      createdBy,
      new Date(nowMs),
      new Date(nowMs + days * DAY_MS),
    ],
  );
  return { ...tokenOf(rows.rows[0]!), token };
}

export async function listApiTokens(db: Queryable): Promise<ApiToken[]> {
  const rows = await db.query<TokenRow>('select * from staff_api_tokens order by created_at, id');
  return rows.rows.map(tokenOf);
}

/** Revokes a token for good; undefined when there is no such token. Revoking twice keeps the first time. */
export async function revokeApiToken(db: Queryable, id: string, nowMs: number): Promise<ApiToken | undefined> {
  const rows = await db.query<TokenRow>(
    'update staff_api_tokens set revoked_at = coalesce(revoked_at, $2) where id = $1 returning *',
    [id, new Date(nowMs)],
  );
  return rows.rows[0] && tokenOf(rows.rows[0]);
}

/** The live token behind a bearer secret: undefined when unknown, expired or revoked. Marks when it was last used. */
export async function resolveApiToken(db: Queryable, secret: string, nowMs: number): Promise<ApiToken | undefined> {
  if (!TOKEN_FORMAT.test(secret)) return undefined;
  const rows = await db.query<TokenRow>(
    `update staff_api_tokens set last_used_at = $2
     where secret_sha256 = $1 and revoked_at is null and expires_at > $2 returning *`,
    [sha256(secret), new Date(nowMs)],
  );
  return rows.rows[0] && tokenOf(rows.rows[0]);
}
