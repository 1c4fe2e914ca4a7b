// Adapters for tests: the memory adapter (the demo clinic) at a fixed moment, and ways to make it misbehave or record
// what a widget asked of it. Used by the Node and the browser tests alike.
import type { AdapterCapabilities, FrontdeskAdapter } from '@frontdesk/core';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@frontdesk/core/memory';

/** The demo clinic's fixed "now": Monday 2 March 2026, 07:00 in New York. */
export const NOW = '2026-03-02T12:00:00Z';
/** The first day of the demo clinic's calendar at `NOW`. */
export const START = '2026-03-02';

/** A patient as a booking form sends them: made up, and valid for every adapter. */
export const PATIENT = {
  givenName: 'Ana',
  familyName: 'Reyes',
  birthDate: '1988-04-12',
  phone: '(615) 555-0199',
  email: 'ana.reyes@example.com',
  reason: 'Persistent cough',
  patientType: 'new' as const,
};

/** The memory adapter at `NOW` (or at `options.now`). */
export const memory = (options: MemoryAdapterOptions = {}): MemoryAdapter =>
  createMemoryAdapter({ now: NOW, ...options });

/** An adapter with some methods replaced: a backend that misbehaves in one particular way. */
export function withOverrides<A extends FrontdeskAdapter>(base: A, overrides: Partial<FrontdeskAdapter>): A {
  return new Proxy(base, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof FrontdeskAdapter];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

type Method = Exclude<keyof FrontdeskAdapter, 'name' | 'capabilities'>;

/** Every call a widget made, by method, with its arguments (the options object last). */
export type Calls = { [M in Method]?: Parameters<NonNullable<FrontdeskAdapter[M]>>[] };

/** `base`, recording every call made through it. */
export function recording<A extends FrontdeskAdapter>(base: A): { adapter: A; calls: Calls } {
  const calls: Calls = {};
  const adapter = new Proxy(base, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[property as Method] ??= [];
        (calls[property as Method] as unknown[][]).push(args);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter, calls };
}

/** The capabilities of a backend that serves only its directory; spread it and name what an adapter adds. */
export const DIRECTORY_ONLY: AdapterCapabilities = {
  booking: 'none',
  prices: false,
  plans: false,
  surveys: false,
  terminology: false,
  manage: false,
  reschedule: false,
  holds: false,
  waitlist: false,
};

/** The capabilities of a backend that does all a widget asks, bar terminology (the memory and REST adapters). */
export const EVERY_CAPABILITY: AdapterCapabilities = {
  booking: 'api',
  prices: true,
  plans: true,
  surveys: true,
  terminology: false,
  manage: true,
  reschedule: true,
  holds: true,
  waitlist: true,
};
