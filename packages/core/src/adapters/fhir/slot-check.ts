import type { Slot } from '../../schemas/scheduling.js';

/**
 * The domain `Slot` schema's rules written out by hand, for the hot path: feeds and searches bring tens of thousands
 * of slots, and a schema walk per slot costs more than parsing them. It only ever says yes to what the schema accepts
 * (a property test holds it to that); anything it doubts, including slots with booking links or phones, goes through
 * the schema, which also words the reason a slot is dropped.
 */
const ID = /^[A-Za-z0-9._:\-/|]{1,200}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_VISIT_TYPES = 50;
const MAX_CAPACITY = 100_000;

const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

function instantMs(value: unknown): number {
  return typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
}

export function isPlainValidSlot(value: unknown): value is Slot {
  if (typeof value !== 'object' || value === null) return false;
  const slot = value as Record<string, unknown>;
  if (slot.bookingLink !== undefined || slot.bookingPhone !== undefined) return false;
  if (!isId(slot.id) || (slot.status !== 'free' && slot.status !== 'busy')) return false;
  if (slot.providerId !== undefined && !isId(slot.providerId)) return false;
  if (slot.locationId !== undefined && !isId(slot.locationId)) return false;
  const visitTypeIds = slot.visitTypeIds;
  if (!Array.isArray(visitTypeIds) || visitTypeIds.length > MAX_VISIT_TYPES || !visitTypeIds.every(isId)) return false;
  const capacity = slot.capacity;
  if (
    capacity !== undefined &&
    !(Number.isInteger(capacity) && (capacity as number) >= 0 && (capacity as number) <= MAX_CAPACITY)
  ) {
    return false;
  }
  const start = instantMs(slot.start);
  const end = instantMs(slot.end);
  return !Number.isNaN(start) && !Number.isNaN(end) && end > start;
}
