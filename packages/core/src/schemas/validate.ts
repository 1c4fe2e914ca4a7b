import { FrontdeskError, type FrontdeskErrorKind } from '../errors.js';

type Issue = { path: readonly PropertyKey[]; code?: string; message: string };

/** What validation needs of a schema: zod's `safeParse` (a zod schema, or a compact one from compact.ts). */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

/** `providers[3].photoUrl`: the path of a failed check, as a developer would write it. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

function describe(issue: Issue): string {
  const detail = issue.message && issue.message !== 'Invalid input' ? issue.message : (issue.code ?? 'invalid');
  return detail.replaceAll('_', ' ');
}

/** A readable one-line summary of what failed; values are never echoed, since they may be patient data. */
export function describeIssues(issues: readonly Issue[], root = ''): { field: string; message: string } {
  const first = issues[0];
  if (!first) return { field: root || '(root)', message: 'invalid' };
  const field = formatPath(first.path, root);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return { field, message: `${field}: ${describe(first)}${more}` };
}

/** Parse or throw a FrontdeskError that names the first offending field. */
export function parseOrThrow<T>(
  schema: Parser<T>,
  value: unknown,
  root: string,
  kind: FrontdeskErrorKind = 'invalid-response',
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = describeIssues(result.error.issues, root);
  throw new FrontdeskError(kind, message, { field });
}

/** A record left out of a listing because it failed validation. */
export interface DroppedRecord {
  /** Where it was: `slots[12]`. */
  field: string;
  /** Why, naming the offending field: `slots[12].end: end is not after start`. */
  reason: string;
  /** The record's id when it had a readable one. */
  id?: string;
}

/**
 * What a source said about a listing besides its records: a widget reports each as an `fd-error` (recoverable) and
 * keeps showing the records. Codes are stable; messages are for developers and never carry patient data.
 */
export type ListingIssueCode =
  /** A SMART Scheduling Links manifest listed `error` outputs (OperationOutcomes): the publisher's own problems. */
  | 'publisher-error'
  /** Paging stopped early (a `next` link leaving the server, or the page limit): the records read are kept. */
  | 'paging-stopped'
  /** Photos were left out because the server's pages were larger than the response limit. */
  | 'photos-left-out'
  /** The last refresh failed; the listing is the previous data. */
  | 'stale';

export interface ListingIssue {
  code: ListingIssueCode;
  message: string;
}

/** Validated records plus those that were dropped, so one bad record never hides the rest. */
export interface Listing<T> {
  items: T[];
  dropped: DroppedRecord[];
  /** What the source reported about the listing as a whole; absent when nothing. */
  issues?: ListingIssue[] | undefined;
}

/** Validate each record on its own; a top-level value that is not an array is an `invalid-response` error. */
export function parseListing<T>(schema: Parser<T>, value: unknown, root: string): Listing<T> {
  if (!Array.isArray(value))
    throw new FrontdeskError('invalid-response', `${root}: expected an array`, { field: root });
  const items: T[] = [];
  const dropped: DroppedRecord[] = [];
  value.forEach((record: unknown, index) => {
    const result = schema.safeParse(record);
    if (result.success) {
      items.push(result.data);
      return;
    }
    const at = `${root}[${index}]`;
    const id = (record as { id?: unknown } | null)?.id;
    dropped.push({
      field: at,
      reason: describeIssues(result.error.issues, at).message,
      ...(typeof id === 'string' && id.length <= 200 ? { id } : {}),
    });
  });
  return { items, dropped };
}
