import type { DroppedRecord, Slot } from '@frontdesk/core';

/** A free slot that passed every check, with its start and end parsed once. */
export interface CleanSlot {
  slot: Slot;
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
}

export interface CleanedSlots {
  /** Free, bookable slots in start order. */
  free: CleanSlot[];
  /** Slots left out, each with the reason, for `fd-error`. */
  dropped: DroppedRecord[];
}

// An instant must carry its offset: a bare local time would be read in the machine's zone, which is a guess.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function readId(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** Why a record cannot be offered, or undefined when its own fields are sound. */
function problemOf(record: unknown, startMs: number | undefined, endMs: number | undefined): string | undefined {
  if (typeof record !== 'object' || record === null) return 'not an object';
  const slot = record as Partial<Slot>;
  if (readId(record) === undefined) return 'id: missing';
  if (slot.status !== 'free' && slot.status !== 'busy') return 'status: unknown status';
  if (startMs === undefined) return 'start: missing, or without a time zone offset';
  if (endMs === undefined) return 'end: missing, or without a time zone offset';
  if (endMs <= startMs) return 'end: end is not after start';
  if (!Array.isArray(slot.visitTypeIds)) return 'visitTypeIds: missing';
  return undefined;
}

function sharesVisitType(a: Slot, b: Slot): boolean {
  // A slot that names no visit type serves all of them.
  if (a.visitTypeIds.length === 0 || b.visitTypeIds.length === 0) return true;
  return a.visitTypeIds.some((id) => b.visitTypeIds.includes(id));
}

/**
 * Keep the free slots that can be offered. Adapters validate, but a slot list is the one payload the patient acts
 * on, so the checks the picker relies on are repeated cheaply here (10,000 slots in a few milliseconds) and the
 * list-level faults no per-record schema can see are added: a repeated id, and free slots of the same provider that
 * overlap for the same visit type (the patient could not tell them apart, and booking one would clash with the other).
 * The first slot by start time wins.
 */
export function cleanSlots(records: readonly unknown[], root = 'slots'): CleanedSlots {
  const dropped: DroppedRecord[] = [];
  const candidates: (CleanSlot & { index: number })[] = [];
  const seen = new Map<string, number>();

  records.forEach((record, index) => {
    const field = `${root}[${index}]`;
    const id = readId(record);
    const startMs = parseInstant((record as { start?: unknown } | null)?.start);
    const endMs = parseInstant((record as { end?: unknown } | null)?.end);
    const problem = problemOf(record, startMs, endMs);
    if (problem !== undefined) {
      dropped.push({ field, reason: `${field}.${problem}`, ...(id === undefined ? {} : { id }) });
      return;
    }
    const slot = record as Slot;
    const first = seen.get(slot.id);
    if (first !== undefined) {
      dropped.push({ field, reason: `${field}: duplicate of ${root}[${first}] (same id)`, id: slot.id });
      return;
    }
    seen.set(slot.id, index);
    if (slot.status === 'free') candidates.push({ slot, startMs: startMs!, endMs: endMs!, index });
  });

  candidates.sort((a, b) => a.startMs - b.startMs || a.index - b.index);

  // Per provider, the kept slots that may still overlap what comes next (sorted by start, so only those ending later).
  const open = new Map<string, (CleanSlot & { index: number })[]>();
  const free: CleanSlot[] = [];
  for (const candidate of candidates) {
    const provider = candidate.slot.providerId ?? '';
    let active = open.get(provider);
    if (!active) {
      active = [];
      open.set(provider, active);
    }
    // Drop, in place, the kept slots that end before this one starts: they can overlap nothing from here on.
    let write = 0;
    for (const kept of active) if (kept.endMs > candidate.startMs) active[write++] = kept;
    active.length = write;
    const clash = active.find((kept) => sharesVisitType(kept.slot, candidate.slot));
    if (clash) {
      const field = `${root}[${candidate.index}]`;
      dropped.push({
        field,
        reason: `${field}: overlaps ${root}[${clash.index}] of the same provider and visit type`,
        id: candidate.slot.id,
      });
    } else {
      active.push(candidate);
      free.push({ slot: candidate.slot, startMs: candidate.startMs, endMs: candidate.endMs });
    }
  }
  return { free, dropped };
}
