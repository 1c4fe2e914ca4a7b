// What the element base keeps about each widget for its controllers (Resource, LazyPart), held here instead of in
// public members: a widget's public API is what its manifest lists, and these are not part of it.

const reloaders = new WeakMap<Element, Set<() => unknown>>();
const loads = new WeakMap<Element, Set<Promise<unknown>>>();
const parts = new WeakMap<Element, Set<Promise<unknown>>>();

/** The set `map` keeps for `host`, made on first use. */
function setOf<T>(map: WeakMap<Element, Set<T>>, host: Element): Set<T> {
  const set = map.get(host) ?? new Set<T>();
  map.set(host, set);
  return set;
}

/** Run `reload` when the widget's adapter changes (its property, or the enclosing `<fd-clinic>`). */
export function reloadOnAdapterChange(host: Element, reload: () => unknown): void {
  setOf(reloaders, host).add(reload);
}

export function reloadAll(host: Element): void {
  for (const reload of reloaders.get(host) ?? []) reload();
}

function hold(map: WeakMap<Element, Set<Promise<unknown>>>, host: Element, work: Promise<unknown>): void {
  const set = setOf(map, host);
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  set.add(settled);
  void settled.then(() => set.delete(settled));
}

async function drain(map: WeakMap<Element, Set<Promise<unknown>>>, host: Element): Promise<void> {
  for (let set = map.get(host); set && set.size > 0; set = map.get(host)) await Promise.all(set);
}

/** A load the widget is waiting for (data through its adapter): `loadComplete` waits for it. */
export const holdLoad = (host: Element, work: Promise<unknown>): void => hold(loads, host, work);
export const loadsSettled = (host: Element): Promise<void> => drain(loads, host);

/** A part of the widget whose code is downloading: `updateComplete` waits for it. */
export const holdUpdate = (host: Element, work: Promise<unknown>): void => hold(parts, host, work);
export const partsSettled = (host: Element): Promise<void> => drain(parts, host);
export const partsPending = (host: Element): boolean => (parts.get(host)?.size ?? 0) > 0;
