import type * as z from 'zod/mini';
import { type DroppedRecord, describeIssues, type Listing, type ListingIssue } from '../../schemas/validate.js';
import { type Json, text } from './elements.js';

/** Most dropped records reported per listing; the rest are counted in one last record. */
const MAX_DROPPED = 200;

/**
 * Collects mapped records: each is checked against its domain schema on its own, so one bad resource is reported in
 * `dropped` (naming the field, never echoing values) instead of blanking the widget.
 */
export class ListingBuilder<T> {
  readonly items: T[] = [];
  readonly #dropped: DroppedRecord[] = [];
  readonly #issues: ListingIssue[] = [];
  #more = 0;
  readonly #schema: z.ZodMiniType<T>;
  readonly #root: string;

  constructor(schema: z.ZodMiniType<T>, root: string) {
    this.#schema = schema;
    this.#root = root;
  }

  /** Keep a record already known to be valid (see `isPlainValidSlot`). */
  accept(item: T): void {
    this.items.push(item);
  }

  /** Validate `candidate`, mapped from `source` (the FHIR resource at `index`); the valid record is kept and returned. */
  add(candidate: unknown, source: Json, index: number): T | undefined {
    const result = this.#schema.safeParse(candidate);
    if (result.success) {
      this.items.push(result.data);
      return result.data;
    }
    const at = `${this.#root}[${index}]`;
    this.drop({ field: at, reason: describeIssues(result.error.issues, at).message, ...idOf(source) });
    return undefined;
  }

  drop(...records: DroppedRecord[]): void {
    for (const record of records) {
      if (this.#dropped.length < MAX_DROPPED) this.#dropped.push(record);
      else this.#more++;
    }
  }

  /** What the source said about the listing as a whole. */
  issue(...issues: ListingIssue[]): void {
    this.#issues.push(...issues);
  }

  build(): Listing<T> {
    const dropped = [...this.#dropped];
    if (this.#more > 0) {
      dropped.push({
        field: this.#root,
        reason: `${this.#more} more records dropped (only the first ${MAX_DROPPED} are listed)`,
      });
    }
    return { items: this.items, dropped, ...(this.#issues.length > 0 ? { issues: [...this.#issues] } : {}) };
  }
}

export function idOf(resource: Json): { id?: string } {
  const id = text(resource.id);
  return id !== undefined && id.length <= 200 ? { id } : {};
}
