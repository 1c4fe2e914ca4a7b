import type { AdapterConfig, FrontdeskAdapter } from './adapter.js';
import { createAdapter } from './adapters/registry.js';

// Shared through a global symbol so two copies of Frontdesk on one page see the same default.
const KEY = Symbol.for('frontdesk.default-adapter');
type Holder = { [KEY]?: Promise<FrontdeskAdapter> | undefined };
const holder = globalThis as Holder;

/** Set the adapter every widget uses when neither its own `adapter` property nor an `fd-clinic` supplies one. */
export function configure(adapter: FrontdeskAdapter | AdapterConfig | undefined): void {
  if (adapter === undefined) holder[KEY] = undefined;
  else if ('capabilities' in adapter) holder[KEY] = Promise.resolve(adapter);
  else holder[KEY] = createAdapter(adapter);
}

/** The adapter set with `configure()`, if any. */
export function defaultAdapter(): Promise<FrontdeskAdapter> | undefined {
  return holder[KEY];
}
