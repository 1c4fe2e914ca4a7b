import { describe, expect, it } from 'vitest';
import { AttemptKeys } from './idempotency.js';

describe('idempotency keys', () => {
  it('stay the same for retries of one attempt and change for a new one', () => {
    const attempts = new AttemptKeys();
    const first = attempts.keyFor({ slotId: 's1', patient: { givenName: 'Ana' } });
    expect(attempts.keyFor({ slotId: 's1', patient: { givenName: 'Ana' } })).toBe(first);
    const other = attempts.keyFor({ slotId: 's2', patient: { givenName: 'Ana' } });
    expect(other).not.toBe(first);
    attempts.reset();
    expect(attempts.keyFor({ slotId: 's2', patient: { givenName: 'Ana' } })).not.toBe(other);
  });
});
