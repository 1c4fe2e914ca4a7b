import { createStaff, listStaff, updateStaff } from './accounts.js';
import { listAudit } from './audit.js';
import { auditEventOf, bundleOf } from './fhir.js';
import { auditedList, notFound, type StaffAnswer, type StaffRequest } from './http.js';
import { invalid, pathId, queryCursor, queryDays, queryId, queryLimit, queryTimeZone, readFields } from './params.js';
import { checkRetentionMonths, getRetentionMonths, runRetention, setRetentionMonths } from './retention.js';
import { baseOf } from './routes-exports.js';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.js';
import { viewZone } from './zone.js';

const ACTION = /^[a-z-]+\.[a-z-]+$/;

async function auditQuery(request: StaffRequest, maxLimit: number, defaultLimit: number) {
  const { api, c, now } = request;
  const snapshot = await api.store.snapshot();
  const timeZone = viewZone(snapshot, queryTimeZone(c));
  const hasRange = ['date', 'from', 'to'].some((name) => c.req.query(name) !== undefined);
  const days = hasRange ? queryDays(c, timeZone, now, { defaultDays: 1, maxDays: 3_660 }) : undefined;
  const action = c.req.query('action');
  if (action !== undefined && action !== '' && !ACTION.test(action)) {
    throw invalid('query.action', 'an action such as booking.read');
  }
  const cursor = queryCursor(c, /^\d{1,18}$/);
  return {
    fromMs: days?.startMs,
    toMs: days?.endMs,
    actorId: queryId(c, 'actorId'),
    action: action || undefined,
    resourceId: queryId(c, 'resourceId'),
    beforeSeq: cursor === undefined ? undefined : Number(cursor),
    limit: queryLimit(c, defaultLimit, maxLimit),
  };
}

/** `GET /api/staff/audit`: newest first, by days, actor, action and resource id; pages with `cursor`. */
export async function listAuditEvents(request: StaffRequest): Promise<StaffAnswer> {
  const page = await listAudit(request.api.db, await auditQuery(request, 1_000, 100));
  await request.audit({ action: 'audit.search', details: { returned: page.events.length } });
  return { status: 200, body: { data: page.events, nextCursor: page.nextCursor } };
}

/** `GET /api/staff/audit/fhir`: the same entries as FHIR R4 AuditEvents in a `collection` Bundle. */
export async function exportAuditEvents(request: StaffRequest): Promise<StaffAnswer> {
  const page = await listAudit(request.api.db, await auditQuery(request, 10_000, 1_000));
  await request.audit({ action: 'audit.export', details: { returned: page.events.length } });
  const base = baseOf(request);
  const bundle = bundleOf(
    page.events.map((event) => auditEventOf(event, base)),
    request.now,
  );
  return { status: 200, body: { ...bundle, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) } };
}

/** `GET /api/staff/settings` */
export async function getSettings(request: StaffRequest): Promise<StaffAnswer> {
  await request.audit({ action: 'settings.read' });
  return { status: 200, body: { retentionMonths: await getRetentionMonths(request.api.db) } };
}

/** `PUT /api/staff/settings`: `retentionMonths` (null keeps everything). */
export async function putSettings(request: StaffRequest): Promise<StaffAnswer> {
  const { c, now } = request;
  const body = await readFields(c, ['retentionMonths']);
  if (!('retentionMonths' in body)) throw invalid('request.retentionMonths', 'required');
  const months = checkRetentionMonths(body.retentionMonths, 'request.retentionMonths');
  await request.audited(
    (tx) => setRetentionMonths(tx, months, request.actor.id ?? '', now),
    () => ({
      action: 'settings.update',
      resourceType: 'Setting',
      resourceIds: ['retentionMonths'],
      details: { retentionMonths: months },
    }),
  );
  return { status: 200, body: { retentionMonths: months } };
}

/** `POST /api/staff/retention/run`: applies the retention setting now (the server also does it every hour). */
export async function runRetentionNow(request: StaffRequest): Promise<StaffAnswer> {
  await request.audit({ action: 'retention.run' });
  return { status: 200, body: await runRetention(request.api.db, request.now) };
}

/** `GET /api/staff/accounts` */
export async function listAccounts(request: StaffRequest): Promise<StaffAnswer> {
  return auditedList(request, 'staff.list', 'StaffAccount', await listStaff(request.api.db));
}

/** `POST /api/staff/accounts`: e-mail, name, role and a first password (at least 12 characters). */
export async function createAccount(request: StaffRequest): Promise<StaffAnswer> {
  const { c, now } = request;
  const body = await readFields(c, ['email', 'name', 'role', 'password']);
  const account = await request.audited(
    (tx) => createStaff(tx, { email: body.email, name: body.name, role: body.role, password: body.password }, now),
    (created) => ({
      action: 'staff.create',
      resourceType: 'StaffAccount',
      resourceIds: [created.id],
      details: { role: created.role },
    }),
  );
  return { status: 201, body: account };
}

/** `PATCH /api/staff/accounts/{staffId}`: name, role, disabled, or a new password (ending their sessions). */
export async function updateAccount(request: StaffRequest): Promise<StaffAnswer> {
  const { c, now } = request;
  const id = pathId(c, 'staffId', 'staff account');
  const body = await readFields(c, ['name', 'role', 'disabled', 'password']);
  if (id === request.actor.id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
    throw invalid('request', 'an admin cannot disable or demote their own account');
  }
  const account = await request.audited(
    async (tx) => {
      const updated = await updateStaff(tx, id, body, now);
      if (!updated) throw notFound('staff account', 'staffId');
      return updated;
    },
    () => ({
      action: 'staff.update',
      resourceType: 'StaffAccount',
      resourceIds: [id],
      details: {
        role: typeof body.role === 'string' ? body.role : null,
        disabled: typeof body.disabled === 'boolean' ? body.disabled : null,
        passwordChanged: body.password !== undefined,
      },
    }),
  );
  return { status: 200, body: account };
}

/** `GET /api/staff/tokens` */
export async function listTokens(request: StaffRequest): Promise<StaffAnswer> {
  return auditedList(request, 'token.list', 'ApiToken', await listApiTokens(request.api.db));
}

/** `POST /api/staff/tokens`: name, scopes, days valid; the answer holds the token, shown this once. */
export async function createToken(request: StaffRequest): Promise<StaffAnswer> {
  const { c, now } = request;
  const body = await readFields(c, ['name', 'scopes', 'expiresInDays']);
  const token = await request.audited(
    (tx) => createApiToken(tx, body as { name: unknown; scopes: unknown }, request.actor.id ?? '', now),
    (created) => ({
      action: 'token.create',
      resourceType: 'ApiToken',
      resourceIds: [created.id],
      details: { scopes: created.scopes.join(' ') },
    }),
  );
  return { status: 201, body: token };
}

/** `DELETE /api/staff/tokens/{tokenId}`: revoked at once, for good. */
export async function revokeToken(request: StaffRequest): Promise<StaffAnswer> {
  const { c, now } = request;
  const id = pathId(c, 'tokenId', 'API token');
  const token = await request.audited(
    async (tx) => {
      const revoked = await revokeApiToken(tx, id, now);
      if (!revoked) throw notFound('API token', 'tokenId');
      return revoked;
    },
    () => ({ action: 'token.revoke', resourceType: 'ApiToken', resourceIds: [id] }),
  );
  return { status: 200, body: token };
}
