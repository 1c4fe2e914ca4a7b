import type { DayKey } from '@frontdesk/core';
import { offsetMinutes } from './intl.js';

/** Wall-clock reading of an instant in one zone: the day it falls on and the minutes since that day's midnight. */
export interface WallTime {
  day: DayKey;
  minutes: number;
}

const MINUTE = 60_000;
const SPAN = 24 * 60 * MINUTE;

/** One UTC day of a zone: its offset at the start and the end, and when it changed if they differ. */
interface Span {
  before: number;
  after: number;
  /** First instant with the `after` offset. */
  change: number;
}

/**
 * Reads instants as wall-clock time in `timeZone` with a handful of Intl calls, however many instants: indexing 10,000
 * slots over 90 days asks for about 180 offsets instead of 10,000. Offsets are read at the edges of each UTC day;
 * where they differ, the change is found by bisection to the minute. Time zones change offset at most a few times a
 * year, never twice in one day (the same assumption the Temporal polyfill makes with a two-week step).
 */
export class ZoneClock {
  readonly timeZone: string;
  private readonly spans = new Map<number, Span>();
  /** Offsets read at UTC midnights, each shared by the day before and the day after. */
  private readonly edges = new Map<number, number>();
  /** Day keys by day number since 1970, so 10,000 instants share 90 strings. */
  private readonly dayKeys = new Map<number, DayKey>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  private read(ms: number): number {
    return offsetMinutes(ms, this.timeZone);
  }

  private edge(ms: number): number {
    let offset = this.edges.get(ms);
    if (offset === undefined) {
      offset = this.read(ms);
      this.edges.set(ms, offset);
    }
    return offset;
  }

  private span(index: number): Span {
    let span = this.spans.get(index);
    if (!span) {
      const start = index * SPAN;
      const before = this.edge(start);
      const after = this.edge(start + SPAN);
      let change = start + SPAN;
      if (after !== before) {
        // Offsets change on whole minutes: bisect (start, start + SPAN] down to the first minute with `after`.
        let low = start;
        let high = start + SPAN;
        while (high - low > MINUTE) {
          const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
          if (this.read(mid) === before) low = mid;
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
    const dayNumber = Math.floor(wall / SPAN);
    let day = this.dayKeys.get(dayNumber);
    if (day === undefined) {
      day = new Date(dayNumber * SPAN).toISOString().slice(0, 10);
      this.dayKeys.set(dayNumber, day);
    }
    return { day, minutes: Math.floor((wall - dayNumber * SPAN) / MINUTE) };
  }
}
