import { describe, expect, it } from 'vitest';
import { AttemptKeys, newIdempotencyKey } from './idempotency.js';

describe('idempotency keys', () => {
  it('are 32 hex digits, different every time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

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
