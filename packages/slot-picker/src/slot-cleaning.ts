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

const two = (value: string, at: number) => value.charCodeAt(at) * 10 + value.charCodeAt(at + 1) - 528;

// Date.parse costs about a microsecond, most of a 10,000-slot list's cleaning, and neighbouring slots share a date: in
// the UTC shapes servers write ("…T09:30:00Z", "…T09:30:00.000Z") the date is parsed once per run of slots on it and
// the time read by hand. Any other shape, or a time out of range, is left to Date.parse.
let lastDate = ' ';
let lastDateMs = 0;

function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const length = value.length;
  const hours = two(value, 11);
  const minutes = two(value, 14);
  const seconds = two(value, 17);
  if (!value.startsWith(lastDate)) {
    lastDate = value.slice(0, 11);
    lastDateMs = Date.parse(`${lastDate}00:00Z`);
  }
  const ms =
    (length === 20 || length === 24) && value[length - 1] === 'Z' && hours < 24 && minutes < 60 && seconds < 60
      ? lastDateMs +
        ((hours * 60 + minutes) * 60 + seconds) * 1000 +
        (length > 20 ? two(value, 20) * 10 + value.charCodeAt(22) - 48 : 0)
      : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function readId(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** Why a record cannot be offered, or undefined when its own fields are sound. */
function problemOf(
  record: unknown,
  id: string | undefined,
  startMs: number | undefined,
  endMs: number | undefined,
): string | undefined {
  if (typeof record !== 'object' || record === null) return 'not an object';
  const slot = record as Partial<Slot>;
  if (id === undefined) return 'id: missing';
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

  // Field paths are built only for the records left out: building 10,000 of them costs more than the checks.
  const at = (index: number) => `${root}[${index}]`;
  const drop = (index: number, problem: string, id: string | undefined) =>
    dropped.push({ field: at(index), reason: at(index) + problem, ...(id === undefined ? {} : { id }) });

  records.forEach((record, index) => {
    const id = readId(record);
    const startMs = parseInstant((record as { start?: unknown } | null)?.start);
    const endMs = parseInstant((record as { end?: unknown } | null)?.end);
    const problem = problemOf(record, id, startMs, endMs);
    if (problem !== undefined) {
      drop(index, `.${problem}`, id);
      return;
    }
    const slot = record as Slot;
    const first = seen.get(slot.id);
    if (first !== undefined) {
      drop(index, `: duplicate of ${at(first)} (same id)`, slot.id);
      return;
    }
    seen.set(slot.id, index);
    // A free slot with no openings left (SMART Scheduling Links `slot-capacity` 0) cannot be booked.
    if (slot.status === 'free' && slot.capacity !== 0)
      candidates.push({ slot, startMs: startMs!, endMs: endMs!, index });
  });

  // Sorting is stable: slots starting together stay in list order.
  candidates.sort((a, b) => a.startMs - b.startMs);

  // Per provider, the kept slots that may still overlap what comes next (sorted by start, so only those ending later).
  const open = new Map<string, (CleanSlot & { index: number })[]>();
  const free: CleanSlot[] = [];
  for (const candidate of candidates) {
    const provider = candidate.slot.providerId;
    // Slots of a location without a provider (a vaccine clinic's lines) run side by side: no overlap to find.
    if (provider === undefined) {
      free.push(candidate);
      continue;
    }
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
      drop(candidate.index, `: overlaps ${at(clash.index)} of the same provider and visit type`, candidate.slot.id);
    } else {
      active.push(candidate);
      free.push(candidate);
    }
  }
  return { free, dropped };
}
