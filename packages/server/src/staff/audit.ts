import type { Database, Queryable } from '../db/database.js';
import { randomId } from '../idempotency.js';

/** Who acted: a person (staff id), an integration (token id), the server itself, or someone not signed in. */
export interface Actor {
  kind: 'staff' | 'token' | 'system' | 'anonymous';
  id: string | null;
}

export const SYSTEM: Actor = { kind: 'system', id: 'frontdesk-server' };

/** Where a request came from: the client's address (as the rate limits see it) and its User-Agent. */
export interface RequestSource {
  address: string | null;
  userAgent: string | null;
}

/**
 * One line of the audit trail. `details` holds ids, counts and filters, never what a patient or a person typed
 * (no names, no notes, no passwords, no e-mail addresses).
 */
export interface AuditEntry {
  actor: Actor;
  action: string;
  outcome?: 'success' | 'failure';
  resourceType?: string;
  resourceIds?: readonly string[];
  from?: RequestSource;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  outcome: 'success' | 'failure';
  resourceType: string | null;
  resourceIds: string[];
  clientAddress: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** Appends an entry in the caller's transaction, if any: a read whose entry cannot be written is not answered. */
export async function appendAudit(db: Queryable, entry: AuditEntry, nowMs: number): Promise<void> {
  await db.query(
    `insert into audit_events (id, at, actor_kind, actor_id, action, outcome, resource_type, resource_ids,
                               client_address, user_agent, details)
     values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11::jsonb)`,
    [
      randomId('ae'),
      new Date(nowMs),
      entry.actor.kind,
      entry.actor.id,
      entry.action,
      entry.outcome ?? 'success',
      entry.resourceType ?? null,
      [...(entry.resourceIds ?? [])],
      entry.from?.address?.slice(0, 100) ?? null,
      entry.from?.userAgent?.slice(0, 500) ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/** Runs `change` in one transaction with the audit entry made from its result: both are written, or neither. */
export function auditedChange<T>(
  db: Database,
  change: (tx: Queryable) => Promise<T>,
  entry: (result: T) => AuditEntry,
  nowMs: number,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    await appendAudit(tx, entry(result), nowMs);
    return result;
  });
}

export interface AuditFilter {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  resourceId?: string | undefined;
  /** Entries before this sequence number (the cursor of the previous page). */
  beforeSeq?: number | undefined;
  limit: number;
}

interface AuditRow {
  seq: string;
  id: string;
  at: Date;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  action: string;
  outcome: 'success' | 'failure';
  resource_type: string | null;
  resource_ids: string[];
  client_address: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
}

/** The newest entries first, filtered; `nextCursor` pages on to older ones. */
export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const rows = await db.query<AuditRow>(
    `select seq::text as seq, id, at, actor_kind, actor_id, action, outcome, resource_type, resource_ids,
            client_address, user_agent, details
     from audit_events
     where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2)
       and ($3::text is null or actor_id = $3) and ($4::text is null or action = $4)
       and ($5::text is null or resource_ids @> array[$5::text]) and ($6::bigint is null or seq < $6)
     order by seq desc limit $7`,
    [
      filter.fromMs === undefined ? null : new Date(filter.fromMs),
      filter.toMs === undefined ? null : new Date(filter.toMs),
      filter.actorId ?? null,
      filter.action ?? null,
      filter.resourceId ?? null,
      filter.beforeSeq ?? null,
      filter.limit + 1,
    ],
  );
  const page = rows.rows.slice(0, filter.limit);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: { kind: row.actor_kind, id: row.actor_id },
      action: row.action,
      outcome: row.outcome,
      resourceType: row.resource_type,
      resourceIds: row.resource_ids,
      clientAddress: row.client_address,
      userAgent: row.user_agent,
      details: row.details,
    })),
    nextCursor: rows.rows.length > filter.limit ? page.at(-1)!.seq : null,
  };
}
