import type { AdapterCapabilities, FrontdeskAdapter } from './adapter.js';
import { FrontdeskError, isFrontdeskError } from './errors.js';

/** What every adapter answers: the clinic's directory and its slots. */
type DirectoryMethod =
  | 'getOrganization'
  | 'listLocations'
  | 'listProviders'
  | 'getProvider'
  | 'listVisitTypes'
  | 'listSlots';
/** What a backend may lack: present on every complete adapter, rejecting with `unsupported` when missing. */
type FeatureMethod = 'book' | 'getPrice' | 'listPlans' | 'listSurveys' | 'getSurvey' | 'submitSurvey';
/** What only some backends offer: absent when missing, each group announced by a capability. */
type OptionalMethod =
  | 'expandValueSet'
  | 'getBooking'
  | 'cancelBooking'
  | 'rescheduleBooking'
  | 'holdSlot'
  | 'releaseHold'
  | 'joinWaitlist'
  | 'leaveWaitlist'
  | 'getWaitlistOffer'
  | 'claimWaitlistOffer';
type AdapterMethod = DirectoryMethod | FeatureMethod | OptionalMethod;

/**
 * An adapter as written: the directory and slots, plus whichever other methods its backend supports. It declares no
 * capabilities: they follow from the methods present, so they can never disagree with them.
 */
export type PartialAdapter = Pick<FrontdeskAdapter, 'name' | DirectoryMethod> &
  Partial<Pick<FrontdeskAdapter, FeatureMethod | OptionalMethod>> & {
    /** Without `book`: slots carry a booking deep link or phone number (`link`), or nothing (`none`, the default). */
    readonly bookingWithoutApi?: 'link' | 'none' | undefined;
  };

const DIRECTORY: readonly DirectoryMethod[] = [
  'getOrganization',
  'listLocations',
  'listProviders',
  'getProvider',
  'listVisitTypes',
  'listSlots',
];
const FEATURES: readonly FeatureMethod[] = [
  'book',
  'getPrice',
  'listPlans',
  'listSurveys',
  'getSurvey',
  'submitSurvey',
];
/** Each optional capability and the methods that must all be present for it. */
const OPTIONAL: Readonly<Record<'terminology' | 'manage' | 'reschedule' | 'holds' | 'waitlist', OptionalMethod[]>> = {
  terminology: ['expandValueSet'],
  manage: ['getBooking', 'cancelBooking'],
  reschedule: ['rescheduleBooking'],
  holds: ['holdSlot', 'releaseHold'],
  waitlist: ['joinWaitlist', 'leaveWaitlist', 'getWaitlistOffer', 'claimWaitlistOffer'],
};
const COMPLETED = Symbol.for('frontdesk.completed-adapter');

type Method = (...args: unknown[]) => Promise<unknown>;

const has = (partial: PartialAdapter, method: AdapterMethod) => typeof partial[method] === 'function';

/** `surveys` needs all three survey methods: a form that cannot be submitted is not offered. */
function capabilitiesOf(partial: PartialAdapter): AdapterCapabilities {
  return {
    booking: has(partial, 'book') ? 'api' : (partial.bookingWithoutApi ?? 'none'),
    prices: has(partial, 'getPrice'),
    plans: has(partial, 'listPlans'),
    surveys: has(partial, 'listSurveys') && has(partial, 'getSurvey') && has(partial, 'submitSurvey'),
    terminology: OPTIONAL.terminology.every((method) => has(partial, method)),
    manage: OPTIONAL.manage.every((method) => has(partial, method)),
    reschedule: OPTIONAL.reschedule.every((method) => has(partial, method)),
    holds: OPTIONAL.holds.every((method) => has(partial, method)),
    waitlist: OPTIONAL.waitlist.every((method) => has(partial, method)),
  };
}

/**
 * Anything an adapter method threw, as a `FrontdeskError`. An unexpected error (a TypeError from a response shaped
 * unlike any seen, a RangeError from one nested too deeply, a string thrown by a host callback) counts as an answer
 * the adapter could not use. Its text is not quoted: platform messages may echo response text, which is patient data.
 */
export function adapterFailure(error: unknown, adapter: string, method: string, signal?: AbortSignal): FrontdeskError {
  if (isFrontdeskError(error)) return error;
  if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
    return new FrontdeskError('aborted', 'the request was aborted', { cause: error });
  }
  const what = error instanceof Error ? error.name : typeof error;
  return new FrontdeskError('invalid-response', `${adapter}.${method}(): failed unexpectedly (${what.slice(0, 40)})`, {
    cause: error,
  });
}

/** The `signal` in a method's options argument, wherever the method takes it; reading it never throws. */
function signalOf(args: readonly unknown[]): AbortSignal | undefined {
  for (const arg of args) {
    try {
      const signal = typeof arg === 'object' && arg !== null ? (arg as { signal?: unknown }).signal : undefined;
      if (signal instanceof AbortSignal) return signal;
    } catch {
      // An argument whose getters throw is what failed in the first place.
    }
  }
  return undefined;
}

/**
 * A whole `FrontdeskAdapter` from one that implements only what its backend can: a missing booking, price, plan or
 * survey method rejects with `unsupported`, a missing optional method (`expandValueSet`, the manage, hold and
 * waitlist methods) stays absent, `capabilities` follow from the methods
 * present, and every failure reaches the caller as a `FrontdeskError` (the one place unexpected errors are wrapped).
 * Every built-in adapter is made this way, and a custom one may be. Completing a complete adapter returns it.
 */
export function completeAdapter<N extends string>(
  partial: PartialAdapter & { readonly name: N },
): FrontdeskAdapter & { readonly name: N } {
  if (Object.hasOwn(partial, COMPLETED)) return partial as FrontdeskAdapter & { readonly name: N };
  const name = partial.name;
  const guarded = (method: AdapterMethod): Method => {
    const implementation = partial[method] as Method;
    return async (...args) => {
      try {
        return await implementation.apply(partial, args);
      } catch (error) {
        throw adapterFailure(error, name, method, signalOf(args));
      }
    };
  };
  const adapter: Record<string | symbol, unknown> = { [COMPLETED]: true, name, capabilities: capabilitiesOf(partial) };
  for (const method of DIRECTORY) {
    if (!has(partial, method)) {
      throw new FrontdeskError('invalid-input', `the ${String(name).slice(0, 50)} adapter lacks ${method}()`, {
        field: method,
      });
    }
    adapter[method] = guarded(method);
  }
  for (const method of FEATURES) {
    adapter[method] = has(partial, method)
      ? guarded(method)
      : async () => {
          throw new FrontdeskError('unsupported', `the ${name} adapter does not support ${method}()`);
        };
  }
  for (const method of Object.values(OPTIONAL).flat()) {
    if (has(partial, method)) adapter[method] = guarded(method);
  }
  return adapter as unknown as FrontdeskAdapter & { readonly name: N };
}
