import { describeIssues, FrontdeskError, Provider } from '@frontdesk/core';

/** A Provider object checked: the provider to show, or why it cannot be shown; `pending` while the check loads. */
export interface Checked {
  provider?: Provider;
  error?: FrontdeskError;
  /** Why optional fields were left out. */
  warning?: FrontdeskError;
  pending?: boolean;
}

/** Optional fields a card can do without: when only these are bad, the card shows the rest. */
const OPTIONAL = ['name', 'photoUrl', 'gender', 'bio', 'npi', 'nextAvailable'];

/**
 * A Provider object is checked like any API payload (an id is the adapter's to check). Bad optional fields (a
 * `javascript:` photo, a bio of a megabyte) are left out and reported; a bad required field is an error.
 */
export function checkProvider(value: unknown): Checked {
  const first = Provider.safeParse(value);
  if (first.success) return { provider: first.data };
  const problem = describeIssues(first.error.issues, 'provider');
  const bad = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  if (typeof value === 'object' && [...bad].every((key) => OPTIONAL.includes(key))) {
    const rest: Record<string, unknown> = { ...value };
    for (const key of bad) delete rest[key];
    const second = Provider.safeParse(rest);
    if (second.success) {
      const message = `${problem.message}; left out`;
      return { provider: second.data, warning: new FrontdeskError('invalid-input', message, { field: problem.field }) };
    }
  }
  return { error: new FrontdeskError('invalid-input', problem.message, { field: problem.field }) };
}
