import { type DayKey, toIsoWithOffset } from '@frontdesk/core';

/** Wall-clock reading of an instant in one zone: the day it falls on and the minutes since that day's midnight. */
export interface WallTime {
  day: DayKey;
  minutes: number;
}

// Every zone changes its offset on a quarter hour (Lord Howe Island switches at :30 UTC, Nepal sits at :45), so
// all instants within one aligned quarter hour share an offset.
const QUARTER_HOUR = 15 * 60_000;
const OFFSET = /([+-])(\d{2}):(\d{2})$/;

/**
 * Reads instants as wall-clock time in `timeZone`, asking Intl once per quarter hour seen instead of once per instant:
 * indexing 10,000 slots then costs a few hundred Intl calls, not 10,000.
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** The zone's offset from UTC at `ms`, in minutes (east positive). */
  offsetAt(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const match = OFFSET.exec(toIsoWithOffset(bucket * QUARTER_HOUR, this.timeZone));
      offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  wallTime(ms: number): WallTime {
    const wall = new Date(ms + this.offsetAt(ms) * 60_000);
    return { day: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
  }
}
