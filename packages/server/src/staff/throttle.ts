import type { Queryable } from '../db/database.js';
import { sha256 } from '../idempotency.js';

/**
 * Failed sign-ins, counted in the database (so every instance sees them) per account and per client. After
 * `slowAfter` failures each further try must wait longer (1 s, 2 s, 4 s … up to a minute); at `lockAfter` the key is
 * locked for `lockMs`. Counts are forgotten `forgetMs` after the last failure and an account's on a good sign-in.
 * The account key is the hash of the address typed, whether or not an account has it: a locked "account" tells an
 * attacker nothing about who works at the clinic.
 */
export interface ThrottleRule {
  slowAfter: number;
  lockAfter: number;
  lockMs: number;
}

export interface ThrottlePolicy {
  account: ThrottleRule;
  client: ThrottleRule;
  forgetMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account: { slowAfter: 3, lockAfter: 10, lockMs: 15 * 60_000 },
  client: { slowAfter: 10, lockAfter: 30, lockMs: 15 * 60_000 },
  forgetMs: 24 * 3_600_000,
};

const MAX_DELAY_MS = 60_000;

export interface ThrottleKeys {
  account: string;
  client: string;
}

export function throttleKeys(email: string, client: string): ThrottleKeys {
  return { account: `account:${sha256(email)}`, client: `client:${sha256(client)}` };
}

interface FailureRow {
  key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

function waitFor(row: FailureRow | undefined, rule: ThrottleRule, policy: ThrottlePolicy, nowMs: number): number {
  if (!row) return 0;
  const last = row.last_failure_at.getTime();
  if (nowMs - last >= policy.forgetMs) return 0;
  const locked = row.locked_until?.getTime() ?? 0;
  if (locked > nowMs) return locked - nowMs;
  if (row.failures < rule.slowAfter) return 0;
  const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (row.failures - rule.slowAfter));
  return Math.max(0, last + delay - nowMs);
}

/** Milliseconds to wait before this account may be tried from this client; 0 when a try is allowed now. */
export async function signInWait(
  db: Queryable,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
  nowMs: number,
): Promise<number> {
  const rows = await db.query<FailureRow>('select * from staff_sign_in_failures where key = any($1::text[])', [
    [keys.account, keys.client],
  ]);
  const byKey = new Map(rows.rows.map((row) => [row.key, row]));
  return Math.max(
    waitFor(byKey.get(keys.account), policy.account, policy, nowMs),
    waitFor(byKey.get(keys.client), policy.client, policy, nowMs),
  );
}

export async function recordSignInFailure(
  db: Queryable,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
  nowMs: number,
): Promise<void> {
  const now = new Date(nowMs);
  for (const [key, rule] of [
    [keys.account, policy.account],
    [keys.client, policy.client],
  ] as const) {
    // A count whose last failure is older than `forgetMs` starts again at 1 (every SET reads the row as it was).
    const count = `case when f.last_failure_at <= $2::timestamptz - $3::int * interval '1 millisecond'
                   then 1 else f.failures + 1 end`;
    await db.query(
      `insert into staff_sign_in_failures as f (key, failures, last_failure_at, locked_until)
       values ($1, 1, $2::timestamptz,
               case when 1 >= $4::int then $2::timestamptz + $5::int * interval '1 millisecond' end)
       on conflict (key) do update set
         failures = ${count},
         last_failure_at = $2::timestamptz,
         locked_until = case when ${count} >= $4::int then $2::timestamptz + $5::int * interval '1 millisecond' end`,
      [key, now, policy.forgetMs, rule.lockAfter, rule.lockMs],
    );
  }
}

/** A good sign-in clears the account's count (the client's stays: it may be trying many accounts). */
export async function clearAccountFailures(db: Queryable, keys: ThrottleKeys): Promise<void> {
  await db.query('delete from staff_sign_in_failures where key = $1', [keys.account]);
}
