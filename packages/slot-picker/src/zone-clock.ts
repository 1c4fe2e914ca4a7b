import { type DayKey, exactOffset } from '@frontdesk/core';

/** Wall-clock reading of an instant in one zone: the day it falls on and the minutes since that day's midnight. */
export interface WallTime {
  day: DayKey;
  minutes: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SPAN = 7 * DAY;

/** One UTC week of a zone: its offset at the start and the end, and when it changed if they differ. */
interface Span {
  before: number;
  after: number;
  /** First instant with the `after` offset. */
  change: number;
}

/**
 * Reads instants as wall-clock time in `timeZone` with a handful of Intl calls, however many instants: indexing 10,000
 * slots over 90 days asks for about 40 offsets instead of 10,000 (each costs microseconds). Offsets are read at the
 * edges of each UTC week; where they differ, the change is found by bisection to the minute. Time zones change offset
 * at most a few times a year, never twice in one week (the Temporal polyfill assumes so even with a two-week step).
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly spans = new Map<number, Span>();
  /** Day keys by day number since 1970, so 10,000 instants share 90 strings. */
  private readonly dayKeys = new Map<number, DayKey>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  private span(index: number): Span {
    let span = this.spans.get(index);
    if (!span) {
      const start = index * SPAN;
      const before = exactOffset(this.timeZone, start);
      const after = exactOffset(this.timeZone, start + SPAN);
      let change = start + SPAN;
      if (after !== before) {
        // Offsets change on whole minutes: bisect (start, start + SPAN] down to the first minute with `after`.
        let low = start;
        let high = start + SPAN;
        while (high - low > MINUTE) {
          const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
          if (exactOffset(this.timeZone, mid) === before) low = mid;
          else high = mid;
        }
        change = high;
      }
      span = { before, after, change };
      this.spans.set(index, span);
    }
    return span;
  }

  /** The zone's offset from UTC at `ms`, in minutes (east positive). */
  offsetAt(ms: number): number {
    const span = this.span(Math.floor(ms / SPAN));
    return ms < span.change ? span.before : span.after;
  }

  wallTime(ms: number): WallTime {
    const wall = ms + this.offsetAt(ms) * MINUTE;
    const dayNumber = Math.floor(wall / DAY);
    let day = this.dayKeys.get(dayNumber);
    if (day === undefined) {
      day = new Date(dayNumber * DAY).toISOString().slice(0, 10);
      this.dayKeys.set(dayNumber, day);
    }
    return { day, minutes: Math.floor((wall - dayNumber * DAY) / MINUTE) };
  }
}
