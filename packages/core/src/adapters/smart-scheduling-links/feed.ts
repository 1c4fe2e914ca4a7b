import * as z from 'zod/mini';
import { FrontdeskError, isFrontdeskError, toFrontdeskError } from '../../errors.js';
import type { HttpClient } from '../../http/index.js';
import { isLoopbackHost } from '../../http/url.js';
import { Location } from '../../schemas/clinic.js';
import type { DroppedRecord, ListingIssue } from '../../schemas/validate.js';
import { isObject, type Json, messageText } from '../fhir/elements.js';
import { fhirHttpClient } from '../fhir/exchange.js';
import { conditionalHeaders, type Freshness, freshnessOf } from './http-cache.js';
import { type SmartSchedule, type StoredSlot, smartLocation, smartSchedule, smartSlot } from './map.js';
import { readNdjson } from './ndjson.js';
import type { ResolvedSmartOptions } from './options.js';

const RESOURCE_TYPES = ['Location', 'Schedule', 'Slot'] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

const Manifest = z.looseObject({
  transactionTime: z.optional(z.string().check(z.maxLength(100))),
  /** The request this manifest answers: with `_since` when the publisher honoured it. */
  request: z.optional(z.string().check(z.maxLength(4096))),
  output: z
    .array(
      z.looseObject({
        type: z.string().check(z.maxLength(100)),
        url: z.string().check(z.maxLength(4096)),
        extension: z.optional(z.looseObject({ state: z.optional(z.array(z.string().check(z.maxLength(10)))) })),
      }),
    )
    .check(z.maxLength(10_000)),
  /** The publisher's own problems, as OperationOutcome NDJSON files. */
  error: z.optional(
    z.array(z.looseObject({ url: z.optional(z.string().check(z.maxLength(4096))) })).check(z.maxLength(1_000)),
  ),
});

const NDJSON_ACCEPT = 'application/fhir+ndjson, application/x-ndjson, application/ndjson, */*;q=0.5';
const MANIFEST_ACCEPT = 'application/json, application/fhir+json;q=0.9';
/** Files fetched at once: enough to overlap latency without flooding a small publisher. */
const PARALLEL_FILES = 4;
/** Problems reported per file at most; a broken file would otherwise report every line. */
const MAX_FILE_PROBLEMS = 50;
/** Problems kept per resource type across incremental reads. */
const MAX_KEPT_PROBLEMS = 200;
/** Slots that ended this long ago are forgotten when changes are merged, so a long-open page does not grow. */
const KEEP_PAST_SLOTS_MS = 86_400_000;

interface Output {
  type: ResourceType;
  url: URL;
  /** The file's name, for messages and dropped records. */
  name: string;
}

/** One NDJSON file's records, as parsed when it last changed. */
interface FileData {
  locations: Location[];
  schedules: SmartSchedule[];
  slots: StoredSlot[];
  dropped: DroppedRecord[];
  /** Problems beyond those listed. */
  unlisted: number;
}

interface ManifestState {
  freshness: Freshness;
  /** When the publisher produced this data set: the `_since` of the next poll. */
  transactionTime: string | undefined;
  /** It answers a `_since` request with only what changed, to merge into what is known. */
  incremental: boolean;
  outputs: Output[];
  dropped: DroppedRecord[];
  /** What the manifest's `error` outputs say: the publisher reports problems of its own. */
  issues: ListingIssue[];
}

interface CachedFile {
  freshness: Freshness;
  data: FileData;
}

/** Everything the adapter answers from, rebuilt when a file changes. */
export interface Snapshot {
  locations: Map<string, Location>;
  schedules: Map<string, SmartSchedule>;
  /** All slots of all files, by start. */
  slots: StoredSlot[];
  dropped: Record<ResourceType | 'manifest', DroppedRecord[]>;
  /** The publisher's reported errors, for every listing. */
  issues: ListingIssue[];
  freshUntil: number;
}

function fileName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf('/') + 1)) || url.hostname;
}

function emptyData(): FileData {
  return { locations: [], schedules: [], slots: [], dropped: [], unlisted: 0 };
}

/** `promise`, but rejected as soon as `signal` aborts (the shared work goes on for the other callers). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new FrontdeskError('aborted', 'the request was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new FrontdeskError('aborted', 'the request was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function browserZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A publisher's feed, kept between calls: each URL (manifest and NDJSON file) is requested again only when its
 * freshness runs out (never within a minute) and then conditionally, so an unchanged file costs a 304 and no parsing.
 * Concurrent callers share one refresh.
 */
export class Feed {
  readonly #options: ResolvedSmartOptions;
  readonly #manifestUrl: URL;
  #manifest: ManifestState | undefined;
  /** `transactionTime` of the last manifest whose data was read in full or merged. */
  #since: string | undefined;
  readonly #files = new Map<string, CachedFile>();
  #snapshot: Snapshot | undefined;
  #refreshing: Promise<Snapshot> | undefined;
  /** Origins that failed a conditional request as a network error (a CORS preflight they do not answer). */
  readonly #unconditional = new Set<string>();
  readonly #http: HttpClient;

  constructor(options: ResolvedSmartOptions) {
    this.#options = options;
    this.#manifestUrl = safeUrl(options.manifestUrl, undefined, 'manifestUrl');
    this.#http = fhirHttpClient(options.http, new URL('/', this.#manifestUrl).href);
  }

  get manifestUrl(): URL {
    return this.#manifestUrl;
  }

  async snapshot(signal: AbortSignal | undefined): Promise<Snapshot> {
    if (signal?.aborted) throw new FrontdeskError('aborted', 'the request was aborted');
    const snapshot = this.#snapshot;
    if (snapshot && this.#options.now() < snapshot.freshUntil) return snapshot;
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return untilAborted(this.#refreshing, signal);
  }

  async #refresh(): Promise<Snapshot> {
    const now = this.#options.now();
    let manifest = this.#manifest;
    try {
      if (!manifest || now >= manifest.freshness.freshUntil) manifest = await this.#loadManifest();
    } catch (error) {
      // A feed that answered before keeps being shown (its age noted) rather than blanking the widgets.
      if (!this.#snapshot) throw error;
      const reason = `manifest: refresh failed (${messageText(toFrontdeskError(error).message)}); showing the last data`;
      this.#snapshot = {
        ...this.#snapshot,
        dropped: { ...this.#snapshot.dropped, manifest: [{ field: 'manifest', reason }] },
        freshUntil: now + this.#options.minPollMs,
      };
      return this.#snapshot;
    }
    const fileProblems: Record<ResourceType, DroppedRecord[]> = { Location: [], Schedule: [], Slot: [] };
    const changed: Array<{ output: Output; data: FileData }> = [];
    const queue = [...manifest.outputs];
    const work = async () => {
      for (let output = queue.shift(); output; output = queue.shift()) {
        const loaded = await this.#loadFile(output);
        if (loaded.problem) fileProblems[output.type].push(loaded.problem);
        if (loaded.data) changed.push({ output, data: loaded.data });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FILES }, work));
    if (manifest.incremental && this.#snapshot) {
      this.#snapshot = this.#merge(this.#snapshot, manifest, changed, fileProblems);
    } else {
      const listed = new Set(manifest.outputs.map((output) => output.url.href));
      for (const url of this.#files.keys()) if (!listed.has(url)) this.#files.delete(url);
      this.#snapshot = this.#build(manifest, fileProblems);
    }
    this.#since = manifest.transactionTime;
    return this.#snapshot;
  }

  /**
   * The manifest; after the first read, with `_since=<transactionTime>` so a publisher that supports it lists only
   * what changed. Publishers may ignore `_since`: the answer counts as changes only when its `request` echoes it.
   * The validators of the last manifest go along either way: an unchanged answer is the same bytes, whatever its URL.
   */
  async #loadManifest(): Promise<ManifestState> {
    const previous = this.#manifest;
    const since = this.#since;
    const url = new URL(this.#manifestUrl);
    if (since !== undefined) url.searchParams.set('_since', since);
    const result = await this.#get(url, previous?.freshness, MANIFEST_ACCEPT);
    const freshness = freshnessOf(result.headers, this.#options.now(), this.#options.minPollMs);
    if (result.status === 304 && previous) {
      this.#manifest = { ...previous, freshness: { ...previous.freshness, freshUntil: freshness.freshUntil } };
      return this.#manifest;
    }
    const parsed = Manifest.safeParse(result.body);
    if (!parsed.success) {
      throw new FrontdeskError(
        'invalid-response',
        'manifest: not a $bulk-publish manifest (expected an output array)',
        {
          field: 'manifest',
        },
      );
    }
    const outputs: Output[] = [];
    const dropped: DroppedRecord[] = [];
    parsed.data.output.forEach((output, index) => {
      if (!RESOURCE_TYPES.includes(output.type as ResourceType)) return;
      const states = output.extension?.state;
      const wanted = this.#options.states;
      if (wanted && states && !states.some((state) => wanted.has(state.toUpperCase()))) return;
      try {
        const url = safeUrl(output.url, this.#manifestUrl, `output[${index}].url`);
        outputs.push({ type: output.type as ResourceType, url, name: fileName(url) });
      } catch (error) {
        dropped.push({ field: `manifest.output[${index}]`, reason: toFrontdeskError(error).message });
      }
    });
    const errors = (parsed.data.error ?? []).flatMap((entry) => {
      try {
        return [fileName(new URL(entry.url ?? '', this.#manifestUrl))];
      } catch {
        return [];
      }
    });
    const issues: ListingIssue[] =
      errors.length === 0
        ? []
        : [
            {
              code: 'publisher-error',
              message: `the publisher reports errors in its feed (${errors.length} error file${errors.length === 1 ? '' : 's'}: ${errors.slice(0, 5).join(', ')})`,
            },
          ];
    const transactionTime = parsed.data.transactionTime;
    this.#manifest = {
      freshness,
      transactionTime: transactionTime && !Number.isNaN(Date.parse(transactionTime)) ? transactionTime : undefined,
      incremental: since !== undefined && answersSince(parsed.data.request, this.#manifestUrl),
      outputs,
      dropped,
      issues,
    };
    return this.#manifest;
  }

  /**
   * Fetch one file if it is stale: `data` when it was read anew (not fresh, not a 304). A failure keeps the file's
   * last data and is reported as `problem`.
   */
  async #loadFile(output: Output): Promise<{ data?: FileData; problem?: DroppedRecord }> {
    const cached = this.#files.get(output.url.href);
    if (cached && this.#options.now() < cached.freshness.freshUntil) return {};
    let data: FileData | undefined;
    try {
      const result = await this.#get(output.url, cached?.freshness, NDJSON_ACCEPT, async (response) => {
        data = emptyData();
        const file = data;
        if (!response.body) return;
        await readNdjson(response.body, {
          label: output.name,
          maxBytes: this.#options.maxFileBytes,
          onRecord: (value, line) => this.#parseRecord(output, value, line, file),
          onInvalid: (line, reason) => note(file, `${output.name}:${line}`, `${output.name}:${line}: ${reason}`),
        });
      });
      const freshness = freshnessOf(result.headers, this.#options.now(), this.#options.minPollMs);
      if (result.status === 304 && cached) {
        this.#files.set(output.url.href, {
          data: cached.data,
          freshness: { ...cached.freshness, freshUntil: freshness.freshUntil },
        });
        return {};
      }
      const read = data ?? emptyData();
      this.#files.set(output.url.href, { data: read, freshness });
      return { data: read };
    } catch (error) {
      const failure = toFrontdeskError(error);
      if (failure.kind === 'aborted') throw failure;
      const kept = cached ? '; showing its last data' : '';
      if (cached)
        this.#files.set(output.url.href, {
          ...cached,
          freshness: { freshUntil: this.#options.now() + this.#options.minPollMs },
        });
      return { problem: { field: output.name, reason: `${output.name}: ${messageText(failure.message)}${kept}` } };
    }
  }

  #parseRecord(output: Output, value: unknown, line: number, file: FileData): void {
    const at = `${output.name}:${line}`;
    if (!isObject(value) || value.resourceType !== output.type) {
      const got =
        isObject(value) && typeof value.resourceType === 'string' ? value.resourceType.slice(0, 64) : 'something else';
      note(file, at, `${at}: expected a ${output.type}, got ${got}`);
      return;
    }
    if (output.type === 'Slot') {
      const slot = smartSlot(value);
      if ('problem' in slot) note(file, at, `${at}: ${slot.problem}`, value);
      else file.slots.push(slot);
    } else if (output.type === 'Schedule') {
      const schedule = smartSchedule(value);
      if (schedule) file.schedules.push(schedule);
      else note(file, at, `${at}: id: not a usable id`, value);
    } else {
      const result = Location.safeParse(smartLocation(value, this.#options.timeZone, browserZone()));
      if (result.success) file.locations.push(result.data);
      else {
        const issue = result.error.issues[0];
        note(file, at, `${at}: ${issue?.path.join('.') || 'location'}: ${issue?.message ?? 'invalid'}`, value);
      }
    }
  }

  #build(manifest: ManifestState, fileProblems: Record<ResourceType, DroppedRecord[]>): Snapshot {
    const snapshot: Snapshot = {
      locations: new Map(),
      schedules: new Map(),
      slots: [],
      dropped: { manifest: [...manifest.dropped], ...fileProblems },
      issues: manifest.issues,
      freshUntil: manifest.freshness.freshUntil,
    };
    const slots = new Map<string, StoredSlot>();
    for (const output of manifest.outputs) {
      const file = this.#files.get(output.url.href);
      if (!file) continue;
      snapshot.freshUntil = Math.min(snapshot.freshUntil, file.freshness.freshUntil);
      for (const location of file.data.locations) snapshot.locations.set(location.id, location);
      for (const schedule of file.data.schedules) snapshot.schedules.set(schedule.id, schedule);
      for (const slot of file.data.slots) keepLatest(slots, slot);
      snapshot.dropped[output.type].push(...problemsOf(output, file.data));
    }
    snapshot.slots = [...slots.values()].sort((a, b) => a.startMs - b.startMs);
    snapshot.freshUntil = Math.max(snapshot.freshUntil, this.#options.now() + this.#options.minPollMs);
    return snapshot;
  }

  /**
   * What an incremental manifest's files changed, applied to what is known: records by id, the latest of a slot's
   * versions winning as in a full read. Problems found before are kept beside the new ones (bounded).
   */
  #merge(
    base: Snapshot,
    manifest: ManifestState,
    changed: ReadonlyArray<{ output: Output; data: FileData }>,
    fileProblems: Record<ResourceType, DroppedRecord[]>,
  ): Snapshot {
    const now = this.#options.now();
    const locations = new Map(base.locations);
    const schedules = new Map(base.schedules);
    const slots = new Map(base.slots.map((slot) => [slot.id, slot]));
    const dropped = { ...base.dropped, manifest: [...manifest.dropped] };
    for (const type of RESOURCE_TYPES) dropped[type] = [...base.dropped[type], ...fileProblems[type]];
    for (const { output, data } of changed) {
      for (const location of data.locations) locations.set(location.id, location);
      for (const schedule of data.schedules) schedules.set(schedule.id, schedule);
      for (const slot of data.slots) keepLatest(slots, slot);
      dropped[output.type].push(...problemsOf(output, data));
    }
    for (const type of RESOURCE_TYPES) dropped[type] = dropped[type].slice(-MAX_KEPT_PROBLEMS);
    return {
      locations,
      schedules,
      slots: [...slots.values()]
        .filter((slot) => !(Date.parse(slot.end) < now - KEEP_PAST_SLOTS_MS))
        .sort((a, b) => a.startMs - b.startMs),
      dropped,
      issues: manifest.issues,
      freshUntil: Math.max(manifest.freshness.freshUntil, now + this.#options.minPollMs),
    };
  }

  /** A GET, conditional when validators are known and the origin takes them. */
  async #get(
    url: URL,
    previous: Freshness | undefined,
    accept: string,
    consume?: (response: Response) => Promise<void>,
  ) {
    const limits = consume ? {} : this.#options.manifestLimits;
    const conditional = this.#unconditional.has(url.origin) ? {} : conditionalHeaders(previous);
    const get = (headers: Record<string, string>) =>
      this.#http.send({ method: 'GET', url, accept, headers, consume, label: `GET ${fileName(url)}`, ...limits });
    try {
      return await get(conditional);
    } catch (error) {
      // Conditional headers make a cross-origin request need a CORS preflight; a publisher that does not answer one
      // fails as a network error. Ask again plainly, and stop asking that origin conditionally.
      if (Object.keys(conditional).length === 0 || !isFrontdeskError(error) || error.kind !== 'network') throw error;
      this.#unconditional.add(url.origin);
      return get({});
    }
  }
}

/** The same slot in two files (or twice in one, or again in a later change): the most recently updated wins, then
 * the later one. */
function keepLatest(slots: Map<string, StoredSlot>, slot: StoredSlot): void {
  const known = slots.get(slot.id);
  if (!known || !(known.updatedMs > slot.updatedMs)) slots.set(slot.id, slot);
}

/** A file's listed problems, and a count of the rest. */
function problemsOf(output: Output, data: FileData): DroppedRecord[] {
  if (data.unlisted === 0) return data.dropped;
  return [...data.dropped, { field: output.name, reason: `${output.name}: ${data.unlisted} more problems` }];
}

/** Whether a manifest's `request` shows it answers a `_since` request (with only the changes). */
function answersSince(request: string | undefined, manifestUrl: URL): boolean {
  if (request === undefined) return false;
  try {
    return new URL(request, manifestUrl).searchParams.has('_since');
  } catch {
    return false;
  }
}

/** Records a problem with a line; the first few per file are listed, the rest counted. */
function note(file: FileData, field: string, reason: string, resource?: Json): void {
  if (file.dropped.length >= MAX_FILE_PROBLEMS) {
    file.unlisted++;
    return;
  }
  const id = resource && typeof resource.id === 'string' && resource.id.length <= 200 ? resource.id : undefined;
  file.dropped.push({ field, reason, ...(id === undefined ? {} : { id }) });
}

/** An https URL (plain http only to this machine), resolved against `base`, without credentials. */
function safeUrl(value: string, base: URL | undefined, field: string): URL {
  let url: URL;
  try {
    url = new URL(value, base ?? globalThis.location?.href);
  } catch {
    throw new FrontdeskError('invalid-input', `${field}: not a URL`, { field });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new FrontdeskError('invalid-input', `${field}: must use https (plain http only for localhost)`, { field });
  }
  if (url.username || url.password) {
    throw new FrontdeskError('invalid-input', `${field}: must not contain credentials`, { field });
  }
  return url;
}
