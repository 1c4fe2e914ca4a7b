/**
 * Every time-based decision of the server (the bookable window, rate limits, timestamps) asks a `Clock`, so tests
 * can move time instead of waiting for it.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until a test moves it. */
export interface ManualClock extends Clock {
  set(instant: number | string | Date): void;
  advance(ms: number): void;
}

export function createManualClock(start: number | string | Date): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => current,
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(ms) {
      current += ms;
    },
  };
}
