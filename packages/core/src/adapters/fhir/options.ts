import * as z from 'zod/mini';
import { FrontdeskError } from '../../errors.js';
import type { HeaderSource } from '../../http/index.js';
import { AcceptingNewPatients } from '../../schemas/clinic.js';
import { Currency, TimeZone } from '../../schemas/primitives.js';
import type { BookingRequest } from '../../schemas/scheduling.js';
import { parseOrThrow } from '../../schemas/validate.js';
import { FunctionOption } from '../function-option.js';
import { isFhirId } from './elements.js';

export interface FhirAdapterOptions {
  /** The FHIR R4 base URL: `https://fhir.example.org/r4` (plain http only for localhost). */
  baseUrl: string;
  /**
   * A bearer token for every request, asked for before each one so it can refresh. Supply it from the host page's
   * script, never from an attribute.
   */
  getAccessToken?: (() => string | undefined | Promise<string | undefined>) | undefined;
  /** Any other headers per request (called after `getAccessToken`, and wins). */
  getHeaders?: HeaderSource | undefined;
  /** The patient's own `Patient/...` reference when the host page knows it (a portal); otherwise a contained Patient. */
  getPatientReference?: ((request: BookingRequest) => string | undefined | Promise<string | undefined>) | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  /** Per request attempt. Default 15 000. */
  timeoutMs?: number | undefined;
  /** Extra attempts for reads. Default 2. */
  retries?: number | undefined;
  /** Largest response read, in bytes. Default 10 MB. */
  maxResponseBytes?: number | undefined;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  maxRetryAfterMs?: number | undefined;
  /** `_count` of every search. Default 200. */
  pageSize?: number | undefined;
  /** Pages followed per search before stopping (and saying so in `dropped`). Default 100. */
  maxPages?: number | undefined;
  /** The Organization `getOrganization()` reads; the first one on the server otherwise. */
  organizationId?: string | undefined;
  /** ISO 4217 currency of the clinic. Default `USD`. */
  currency?: string | undefined;
  /** Time zone of Locations that carry no time-zone extension. Default: the browser's own. */
  timeZone?: string | undefined;
  /** Length of visits whose HealthcareService does not say. Default 30. */
  defaultVisitMinutes?: number | undefined;
  /** What to show for a provider whose roles say nothing about new patients. Default `existing-only`. */
  defaultAcceptingNewPatients?: AcceptingNewPatients | undefined;
  /** `booked` (default), or `proposed` for servers that confirm appointments themselves. */
  appointmentStatus?: 'booked' | 'proposed' | undefined;
  /**
   * Mark the Slot busy with a versioned update (`If-Match`) before creating the Appointment, so two patients racing
   * for one slot cannot both get it. Default true; skipped by itself when the server refuses Slot updates.
   */
  claimSlot?: boolean | undefined;
  /** Providers get `nextAvailable` from free slots this many days ahead; 0 turns it off. Default 30. */
  nextAvailableDays?: number | undefined;
  /** How long Schedules, roles and services are reused between calls, in seconds. Default 300. */
  cacheSeconds?: number | undefined;
  /**
   * A FHIR terminology server for `expandValueSet` when the clinic's server has no `ValueSet/$expand`
   * (`https://tx.example.org/r4`). It gets none of the clinic's headers. Default: the clinic's FHIR server.
   */
  terminologyUrl?: string | undefined;
  /** The current time (tests). */
  now?: (() => number) | undefined;
}

export interface ResolvedFhirOptions {
  baseUrl: string;
  terminologyUrl: string | undefined;
  getHeaders: HeaderSource | undefined;
  getPatientReference: FhirAdapterOptions['getPatientReference'];
  fetch: typeof globalThis.fetch | undefined;
  timeoutMs: number;
  retries: number | undefined;
  maxResponseBytes: number | undefined;
  backoffBaseMs: number | undefined;
  backoffMaxMs: number | undefined;
  maxRetryAfterMs: number | undefined;
  pageSize: number;
  maxPages: number;
  organizationId: string | undefined;
  currency: string;
  timeZone: string;
  defaultVisitMinutes: number;
  defaultAcceptingNewPatients: AcceptingNewPatients;
  appointmentStatus: 'booked' | 'proposed';
  claimSlot: boolean;
  nextAvailableDays: number;
  cacheMs: number;
  now: () => number;
}

const Options = z.object({
  baseUrl: z.string().check(z.minLength(1), z.maxLength(2048)),
  terminologyUrl: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  getAccessToken: z.optional(FunctionOption),
  getHeaders: z.optional(FunctionOption),
  getPatientReference: z.optional(FunctionOption),
  fetch: z.optional(FunctionOption),
  timeoutMs: z.optional(z.number().check(z.gte(1), z.lte(300_000))),
  retries: z.optional(z.int().check(z.gte(0), z.lte(10))),
  maxResponseBytes: z.optional(z.int().check(z.gte(1024))),
  backoffBaseMs: z.optional(z.number().check(z.gte(0))),
  backoffMaxMs: z.optional(z.number().check(z.gte(0))),
  maxRetryAfterMs: z.optional(z.number().check(z.gte(0))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  maxPages: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  organizationId: z.optional(z.string().check(z.refine(isFhirId, 'not a FHIR id'))),
  currency: z.optional(Currency),
  timeZone: z.optional(TimeZone),
  defaultVisitMinutes: z.optional(z.int().check(z.gte(1), z.lte(24 * 60))),
  defaultAcceptingNewPatients: z.optional(AcceptingNewPatients),
  appointmentStatus: z.optional(z.enum(['booked', 'proposed'])),
  claimSlot: z.optional(z.boolean()),
  nextAvailableDays: z.optional(z.int().check(z.gte(0), z.lte(366))),
  cacheSeconds: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
  now: z.optional(FunctionOption),
});

function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A bearer-token callback as a header source; a missing token sends no header. */
function bearer(getAccessToken: NonNullable<FhirAdapterOptions['getAccessToken']>, extra: HeaderSource | undefined) {
  return async (): Promise<Record<string, string>> => {
    const token = await getAccessToken();
    if (token !== undefined && (typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token))) {
      // The value is never quoted: it is a credential.
      throw new FrontdeskError('unauthorized', 'getAccessToken() returned something that is not a token');
    }
    return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...((await extra?.()) ?? {}) };
  };
}

/**
 * Options arrive partly as JSON from attributes: each known key is checked (a bad one is an `invalid-input` error
 * naming it) and unknown keys, meant for other adapters, are ignored.
 */
export function resolveFhirOptions(options: unknown): ResolvedFhirOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new FrontdeskError('invalid-input', 'options: expected an object', { field: 'options' });
  }
  const valid = parseOrThrow(Options, options, 'options', 'invalid-input');
  const getHeaders = valid.getHeaders as HeaderSource | undefined;
  const getAccessToken = valid.getAccessToken as FhirAdapterOptions['getAccessToken'];
  return {
    baseUrl: valid.baseUrl,
    terminologyUrl: valid.terminologyUrl,
    getHeaders: getAccessToken ? bearer(getAccessToken, getHeaders) : getHeaders,
    getPatientReference: valid.getPatientReference as FhirAdapterOptions['getPatientReference'],
    fetch: valid.fetch as typeof globalThis.fetch | undefined,
    timeoutMs: valid.timeoutMs ?? 15_000,
    retries: valid.retries,
    maxResponseBytes: valid.maxResponseBytes,
    backoffBaseMs: valid.backoffBaseMs,
    backoffMaxMs: valid.backoffMaxMs,
    maxRetryAfterMs: valid.maxRetryAfterMs,
    pageSize: valid.pageSize ?? 200,
    maxPages: valid.maxPages ?? 100,
    organizationId: valid.organizationId,
    currency: valid.currency ?? 'USD',
    timeZone: valid.timeZone ?? browserTimeZone(),
    defaultVisitMinutes: valid.defaultVisitMinutes ?? 30,
    defaultAcceptingNewPatients: valid.defaultAcceptingNewPatients ?? 'existing-only',
    appointmentStatus: valid.appointmentStatus ?? 'booked',
    claimSlot: valid.claimSlot ?? true,
    nextAvailableDays: valid.nextAvailableDays ?? 30,
    cacheMs: (valid.cacheSeconds ?? 300) * 1000,
    now: (valid.now as (() => number) | undefined) ?? Date.now,
  };
}
