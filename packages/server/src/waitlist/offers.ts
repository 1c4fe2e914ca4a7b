import type { Queryable } from '../db/database.js';

export interface FreedSlot {
  providerId: string;
  startMs: number;
  slotId: string;
}

/** A slot was freed (a cancellation, a move): waitlisted patients are offered it. Filled in with the waitlist. */
export async function slotFreed(_tx: Queryable, _slot: FreedSlot, _nowMs: number): Promise<void> {}
