import { type FrontdeskAdapter, type Hold, newIdempotencyKey, toFrontdeskError } from '@frontdesk/core';

/** A hold is minutes long; more than this by the device's clock means the clocks disagree. */
const MAX_PLAUSIBLE_MS = 60 * 60_000;

/** What a hold attempt came to: held until `expiresAt`, `taken` by another patient, or `none` (not held, no harm). */
export type HoldOutcome = { kind: 'held'; hold: Hold } | { kind: 'taken' } | { kind: 'none' };

/**
 * The patient's hold on the time they chose, while they type (docs/design.md section 12): taken when a time is
 * chosen and the adapter holds, given back when they go back or choose another, forgotten when it expires or the
 * booking consumes it. Part of the booking steps' chunk: the calendar's first download never carries it.
 */
export class SlotHold {
  private current: Hold | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly expired: () => void;

  /** `expired` runs when a hold runs out while the patient is still typing. */
  constructor(expired: () => void) {
    this.expired = expired;
  }

  /** The live hold, if any. */
  get hold(): Hold | undefined {
    return this.current;
  }

  /** The hold's id when it is on `slotId` (what the booking names as `holdId`). */
  idFor(slotId: string): string | undefined {
    return this.current?.slotId === slotId ? this.current.id : undefined;
  }

  /**
   * Holds `slotId` (giving back any other time held before). A `conflict` means another patient has it; any other
   * failure leaves the time unheld, and booking still works without a hold.
   */
  async take(adapter: FrontdeskAdapter, slotId: string): Promise<HoldOutcome> {
    if (this.current?.slotId === slotId) return { kind: 'held', hold: this.current };
    await this.release(adapter);
    if (!adapter.capabilities.holds || !adapter.holdSlot) return { kind: 'none' };
    try {
      const hold = await adapter.holdSlot({ slotId, idempotencyKey: newIdempotencyKey() });
      this.keep(hold);
      return { kind: 'held', hold };
    } catch (thrown) {
      return toFrontdeskError(thrown).kind === 'conflict' ? { kind: 'taken' } : { kind: 'none' };
    }
  }

  /** Gives the held time back (the patient went back). A hold gone already is no error. */
  async release(adapter: FrontdeskAdapter | undefined): Promise<void> {
    const hold = this.current;
    this.forget();
    if (!hold || !adapter?.releaseHold) return;
    try {
      await adapter.releaseHold(hold.id);
    } catch {
      // It expires by itself on the server; nothing the patient must hear about.
    }
  }

  /** The booking consumed it (or it expired): no timer, nothing to give back. */
  forget(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.current = undefined;
  }

  /**
   * Milliseconds the hold has left by this device's clock, or undefined when that clock plainly disagrees with the
   * server's (the hold already over, or longer than an hour): then only the server's end time is told.
   */
  msLeft(): number | undefined {
    if (!this.current) return undefined;
    const left = Date.parse(this.current.expiresAt) - Date.now();
    return left > 0 && left <= MAX_PLAUSIBLE_MS ? left : undefined;
  }

  private keep(hold: Hold): void {
    this.current = hold;
    const left = this.msLeft();
    if (left === undefined) return;
    this.timer = setTimeout(() => {
      this.forget();
      this.expired();
    }, left);
  }
}
