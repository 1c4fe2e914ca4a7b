// What the element base keeps about each widget for its controllers (Resource, LazyPart), held here instead of in
// public members: a widget's public API is what its manifest lists, and these are not part of it.

interface HostState {
  /** Run when the adapter changes. */
  reloads: Set<() => unknown>;
  /** Data loads in flight (`loadComplete` waits for them). */
  loads: Set<Promise<unknown>>;
  /** Parts whose code is downloading (`updateComplete` waits for them). */
  parts: Set<Promise<unknown>>;
  /** How to load again each of the widget's data that failed. */
  failed: Set<() => unknown>;
}

const states = new WeakMap<Element, HostState>();

function stateOf(host: Element): HostState {
  const state = states.get(host) ?? { reloads: new Set(), loads: new Set(), parts: new Set(), failed: new Set() };
  states.set(host, state);
  return state;
}

function hold(set: Set<Promise<unknown>>, work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  set.add(settled);
  void settled.then(() => set.delete(settled));
}

async function drain(set: Set<Promise<unknown>>): Promise<void> {
  while (set.size > 0) await Promise.all(set);
}

/** Run `reload` when the widget's adapter changes (its property, or the enclosing `<fd-clinic>`). */
export const reloadOnAdapterChange = (host: Element, reload: () => unknown): void => {
  stateOf(host).reloads.add(reload);
};

export const reloadAll = (host: Element): void => {
  for (const reload of stateOf(host).reloads) reload();
};

/** A load of the widget's data failed (`reload` tries it again), or no longer has (`failed` false). */
export const markFailed = (host: Element, reload: () => unknown, failed: boolean): void => {
  const set = stateOf(host).failed;
  if (failed) set.add(reload);
  else set.delete(reload);
};

/**
 * Load again everything of the widget that failed (after an outage, each part of its data may have): returns false
 * when nothing had failed.
 */
export const retryFailed = (host: Element): boolean => {
  const failed = [...stateOf(host).failed];
  for (const reload of failed) reload();
  return failed.length > 0;
};

/** A load the widget is waiting for (data through its adapter): `loadComplete` waits for it. */
export const holdLoad = (host: Element, work: Promise<unknown>): void => hold(stateOf(host).loads, work);
export const loadsSettled = (host: Element): Promise<void> => drain(stateOf(host).loads);

/** A part of the widget whose code is downloading: `updateComplete` waits for it. */
export const holdUpdate = (host: Element, work: Promise<unknown>): void => hold(stateOf(host).parts, work);
export const partsSettled = (host: Element): Promise<void> => drain(stateOf(host).parts);
export const partsPending = (host: Element): boolean => stateOf(host).parts.size > 0;
