import * as z from 'zod/mini';
import { FrontdeskError } from '../../errors.js';
import { TimeZone } from '../../schemas/primitives.js';
import { parseOrThrow } from '../../schemas/validate.js';
import type { ExchangeSettings } from '../fhir/exchange.js';
import { FunctionOption } from '../function-option.js';
import { MIN_POLL_MS } from './http-cache.js';
import { NDJSON_DEFAULTS } from './ndjson.js';

export interface SmartSchedulingLinksOptions {
  /** URL of the publisher's `$bulk-publish` manifest (https; plain http only for localhost). */
  manifestUrl: string;
  /** Appended to booking deep links as `source`, so the booking portal knows where patients came from. */
  source?: string | undefined;
  /** Appended as `booking-referral`: a fresh handle per listing by default (`crypto.randomUUID`); `false` omits it. */
  bookingReferral?: false | (() => string) | undefined;
  /** Two-letter states: manifest outputs whose `state` extension names none of them are not fetched. */
  states?: string[] | undefined;
  /** Time zone of locations that carry no time-zone extension (before the state's own zone is guessed). */
  timeZone?: string | undefined;
  /** Length shown for visit types; the feed does not say. Default 15. */
  visitMinutes?: number | undefined;
  /** Name of the organization; the manifest's host otherwise. */
  organizationName?: string | undefined;
  /** Seconds between polls at the least; never below 60, whatever the publisher's `Cache-Control`. */
  minPollSeconds?: number | undefined;
  /** Per file request. Default 60 000: a large slot file takes a while to stream. */
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  /** Largest NDJSON file read, in bytes. Default 128 MiB. */
  maxFileBytes?: number | undefined;
  /** Largest manifest read, in bytes. Default 2 MB. */
  maxManifestBytes?: number | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /** The current time (tests). */
  now?: (() => number) | undefined;
}

export interface ResolvedSmartOptions {
  manifestUrl: string;
  source: string | undefined;
  bookingReferral: (() => string) | undefined;
  states: ReadonlySet<string> | undefined;
  timeZone: string | undefined;
  visitMinutes: number;
  organizationName: string | undefined;
  minPollMs: number;
  maxFileBytes: number;
  http: ExchangeSettings;
  /** The manifest is small and quick: a shorter timeout and a smaller body limit than the files. */
  manifestLimits: { timeoutMs: number; maxResponseBytes: number };
  now: () => number;
}

const Options = z.object({
  manifestUrl: z.string().check(z.minLength(1), z.maxLength(2048)),
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  bookingReferral: z.optional(z.union([z.literal(false), FunctionOption])),
  states: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z]{2}$/))).check(z.maxLength(100))),
  timeZone: z.optional(TimeZone),
  visitMinutes: z.optional(z.int().check(z.gte(1), z.lte(24 * 60))),
  organizationName: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  minPollSeconds: z.optional(z.number().check(z.gte(MIN_POLL_MS / 1000), z.lte(86_400))),
  timeoutMs: z.optional(z.number().check(z.gte(1), z.lte(600_000))),
  retries: z.optional(z.int().check(z.gte(0), z.lte(10))),
  maxFileBytes: z.optional(z.int().check(z.gte(1024))),
  maxManifestBytes: z.optional(z.int().check(z.gte(1024))),
  fetch: z.optional(FunctionOption),
  backoffBaseMs: z.optional(z.number().check(z.gte(0))),
  backoffMaxMs: z.optional(z.number().check(z.gte(0))),
  now: z.optional(FunctionOption),
});

function defaultSource(): string {
  const host = globalThis.location?.hostname;
  return host && host.length <= 100 ? host : 'frontdesk';
}

/** A fresh correlation handle; `randomUUID` exists only in secure contexts, random bytes everywhere. */
function randomReferral(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Checks each known option (naming a bad one in an `invalid-input` error) and ignores keys for other adapters. */
export function resolveSmartOptions(options: unknown): ResolvedSmartOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new FrontdeskError('invalid-input', 'options: expected an object', { field: 'options' });
  }
  const valid = parseOrThrow(Options, options, 'options', 'invalid-input');
  const http: ExchangeSettings = {
    timeoutMs: valid.timeoutMs ?? 60_000,
    retries: valid.retries,
    fetch: valid.fetch as typeof globalThis.fetch | undefined,
    backoffBaseMs: valid.backoffBaseMs,
    backoffMaxMs: valid.backoffMaxMs,
  };
  const referral = valid.bookingReferral;
  return {
    manifestUrl: valid.manifestUrl,
    source: valid.source ?? defaultSource(),
    bookingReferral: referral === false ? undefined : ((referral as (() => string) | undefined) ?? randomReferral),
    states: valid.states ? new Set(valid.states.map((state) => state.toUpperCase())) : undefined,
    timeZone: valid.timeZone,
    visitMinutes: valid.visitMinutes ?? 15,
    organizationName: valid.organizationName,
    minPollMs: Math.max(MIN_POLL_MS, (valid.minPollSeconds ?? 60) * 1000),
    maxFileBytes: valid.maxFileBytes ?? NDJSON_DEFAULTS.maxBytes,
    http,
    manifestLimits: {
      timeoutMs: valid.timeoutMs ?? 15_000,
      maxResponseBytes: valid.maxManifestBytes ?? 2_000_000,
    },
    now: (valid.now as (() => number) | undefined) ?? Date.now,
  };
}
