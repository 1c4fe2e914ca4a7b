import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff.js';
import { kindForStatus, parseRetryAfter, serverError } from './status.js';

const settings = { baseMs: 100, maxMs: 1_000, maxRetryAfterMs: 5_000 };

describe('backoffDelay', () => {
  it('draws a full-jitter wait below an exponentially growing ceiling', () => {
    expect(backoffDelay(0, settings, undefined, () => 0)).toBe(0);
    expect(backoffDelay(0, settings, undefined, () => 0.999)).toBe(99);
    expect(backoffDelay(2, settings, undefined, () => 0.5)).toBe(200);
    expect(backoffDelay(10, settings, undefined, () => 0.999)).toBe(999);
  });

  it('waits at least Retry-After, but never longer than the cap', () => {
    expect(backoffDelay(0, settings, 2_000, () => 0.5)).toBe(2_000);
    expect(backoffDelay(0, settings, 60_000, () => 0.5)).toBe(5_000);
    expect(backoffDelay(4, settings, 10, () => 0.999)).toBe(999);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-03-08T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Sun, 08 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 08 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('status helpers', () => {
  it('maps statuses to error kinds', () => {
    expect([400, 401, 403, 404, 409, 412, 422, 429, 500].map(kindForStatus)).toEqual([
      'invalid-input',
      'unauthorized',
      'unauthorized',
      'not-found',
      'conflict',
      'conflict',
      'invalid-input',
      'http',
      'http',
    ]);
  });

  it('takes only string message and field from a JSON error body, without control characters', () => {
    expect(serverError('{"error":{"message":"slot\\ntaken","field":"slotId"}}')).toEqual({
      message: 'slot taken',
      field: 'slotId',
    });
    expect(serverError(`{"error":{"message":42,"field":"${'f'.repeat(201)}"}}`)).toEqual({});
    expect(serverError('<html>')).toEqual({});
    expect(serverError('null')).toEqual({});
  });
});

describe('sleep', () => {
  it('rejects with aborted as soon as the signal fires', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
