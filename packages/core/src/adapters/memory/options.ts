import * as z from 'zod/mini';
import { FrontdeskError } from '../../errors.js';
import { WebUrl } from '../../schemas/primitives.js';
import { parseOrThrow } from '../../schemas/validate.js';

/** `true`: every call fails with a `network` error. `'once'`: only the next call does. */
export type FailMode = boolean | 'once';

export interface MemoryAdapterOptions {
  /** Seed of the demo calendar; the same seed and `now` always give the same clinic. */
  seed?: number | undefined;
  /** Start of the bookable window (default: the current time). Slots before it are not offered. */
  now?: Date | string | undefined;
  /** Simulated latency of every call, in milliseconds. */
  latencyMs?: number | undefined;
  fail?: FailMode | undefined;
  /** Length of the bookable window in days (default 90). */
  days?: number | undefined;
  /**
   * Where provider photos are served from: `${photoBaseUrl}/${providerId}.svg`. Without it nobody has a photo, so
   * the demo never makes a request to a server the page did not choose.
   */
  photoBaseUrl?: string | undefined;
}

export interface ResolvedOptions {
  seed: number;
  now: number;
  latencyMs: number;
  fail: FailMode;
  days: number;
  photoBaseUrl: string | undefined;
}

export const DEFAULT_SEED = 20_240_917;
export const DEFAULT_DAYS = 90;

export const LatencyMs = z.number().check(z.gte(0), z.lte(60_000));
export const FailModeSchema = z.union([z.boolean(), z.literal('once')]);

const Options = z.object({
  seed: z.optional(z.int()),
  now: z.optional(
    z.union([z.date(), z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time'))]),
  ),
  latencyMs: z.optional(LatencyMs),
  fail: z.optional(FailModeSchema),
  days: z.optional(z.int().check(z.gte(1), z.lte(366))),
  photoBaseUrl: z.optional(WebUrl),
});

/**
 * Options arrive as untyped JSON from `<fd-clinic>` attributes and `configure()`: check each known key, name the bad
 * one in an `invalid-input` error, and ignore keys meant for other adapters.
 */
export function resolveOptions(options: unknown): ResolvedOptions {
  if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new FrontdeskError('invalid-input', 'options: expected an object', { field: 'options' });
  }
  const parsed = parseOrThrow(Options, options ?? {}, 'options', 'invalid-input');
  const now = parsed.now === undefined ? Date.now() : new Date(parsed.now).getTime();
  return {
    seed: (parsed.seed ?? DEFAULT_SEED) >>> 0,
    now,
    latencyMs: parsed.latencyMs ?? 0,
    fail: parsed.fail ?? false,
    days: parsed.days ?? DEFAULT_DAYS,
    photoBaseUrl: parsed.photoBaseUrl?.replace(/\/+$/, ''),
  };
}
