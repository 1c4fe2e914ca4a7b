/**
 * Index of the first entry starting at or after `startMs` in entries sorted by start (a binary search): where the
 * memory and SMART Scheduling Links adapters begin reading a time range.
 */
export function firstAtOrAfter(entries: readonly { startMs: number }[], startMs: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid]?.startMs ?? Number.POSITIVE_INFINITY) < startMs) low = mid + 1;
    else high = mid;
  }
  return low;
}
