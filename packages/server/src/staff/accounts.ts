import { Email, FrontdeskError } from '@frontdesk/core';
import { type Queryable, sqlState } from '../db/database.js';
import { randomId } from '../idempotency.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { isRole, type Role } from './roles.js';

/** A staff account as the API shows it: never its password hash. */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface StaffRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
}

export function accountOf(row: StaffRow): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

function invalid(field: string, problem: string): FrontdeskError {
  return new FrontdeskError('invalid-input', `${field}: ${problem}`, { field });
}

/** The address as stored and looked up: trimmed and lower-cased. Throws when it is not an address. */
export function normalizeEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw invalid(field, 'expected an e-mail address');
  const email = value.trim().toLowerCase();
  if (!Email.safeParse(email).success) throw invalid(field, 'not an e-mail address');
  return email;
}

function displayName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw invalid(field, 'expected a name of 1 to 200 characters');
  }
  return value.trim();
}

export interface NewStaff {
  email: unknown;
  name: unknown;
  role: unknown;
  password: unknown;
}

/** Creates an account; a second account with the same address is a conflict. */
export async function createStaff(db: Queryable, input: NewStaff, nowMs: number): Promise<StaffAccount> {
  const email = normalizeEmail(input.email);
  const name = displayName(input.name ?? email.split('@')[0]);
  if (!isRole(input.role)) throw invalid('role', 'one of front-desk, clinician, admin');
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalid('password', problem);
  const at = new Date(nowMs);
  try {
    const rows = await db.query<StaffRow>(
      `insert into staff_accounts (id, email, display_name, role, password_hash, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $6) returning *`,
      [randomId('st'), email, name, input.role, await hashPassword(input.password as string), at],
    );
    return accountOf(rows.rows[0]!);
  } catch (error) {
    if (sqlState(error) === '23505') {
      throw new FrontdeskError('conflict', 'an account with this e-mail address exists', { field: 'email' });
    }
    throw error;
  }
}

export async function findStaffByEmail(db: Queryable, email: string): Promise<StaffRow | undefined> {
  return (await db.query<StaffRow>('select * from staff_accounts where email = $1', [email])).rows[0];
}

export async function getStaff(db: Queryable, id: string): Promise<StaffRow | undefined> {
  return (await db.query<StaffRow>('select * from staff_accounts where id = $1', [id])).rows[0];
}

export async function listStaff(db: Queryable): Promise<StaffAccount[]> {
  const rows = await db.query<StaffRow>('select * from staff_accounts order by created_at, id');
  return rows.rows.map(accountOf);
}

export interface StaffChange {
  name?: unknown;
  role?: unknown;
  disabled?: unknown;
  password?: unknown;
}

/**
 * Changes an account. A new password or a disabled account ends every session of that person (they sign in again,
 * or cannot). Returns undefined when there is no such account.
 */
export async function updateStaff(
  db: Queryable,
  id: string,
  change: StaffChange,
  nowMs: number,
): Promise<StaffAccount | undefined> {
  const current = await getStaff(db, id);
  if (!current) return undefined;
  if (change.role !== undefined && !isRole(change.role)) throw invalid('role', 'one of front-desk, clinician, admin');
  if (change.disabled !== undefined && typeof change.disabled !== 'boolean')
    throw invalid('disabled', 'expected a boolean');
  let passwordHash: string | null = null;
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password, current.email);
    if (problem) throw invalid('password', problem);
    passwordHash = await hashPassword(change.password as string);
  }
  const at = new Date(nowMs);
  const rows = await db.query<StaffRow>(
    `update staff_accounts set
       display_name = coalesce($2, display_name),
       role = coalesce($3, role),
       disabled_at = case when $4::boolean is null then disabled_at when $4 then coalesce(disabled_at, $6) else null end,
       password_hash = coalesce($5, password_hash),
       updated_at = $6
     where id = $1 returning *`,
    [
      id,
      change.name === undefined ? null : displayName(change.name),
      change.role ?? null,
      change.disabled ?? null,
      passwordHash,
      at,
    ],
  );
  if (change.disabled === true || passwordHash !== null) {
    await db.query('delete from staff_sessions where staff_id = $1', [id]);
  }
  return accountOf(rows.rows[0]!);
}
