/**
 * The checks the domain schemas make beyond types, lengths and patterns, as plain functions: the zod schemas call
 * them, and so does the REST adapter's compact checker (`adapters/rest/wire-check.ts`), so each rule is written once.
 */

/** A date and time that exists (`2026-02-30T10:00Z` does not). */
export function isRealInstant(text: string): boolean {
  return !Number.isNaN(Date.parse(text));
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** An IANA time zone the running browser knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Only http(s) URLs: `javascript:` and `data:` links from an API must never reach an `href` or `src`. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Largest inline image accepted as a `data:` URL (a FHIR `Attachment.data` photo): about 150 KB of image. */
const MAX_IMAGE_DATA_URL = 200_000;
/** `data:image/png;base64,...` (png, jpeg, gif or webp; never SVG, which can carry script). */
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** A provider photo: an http(s) URL (2048 characters at most), or a small inline image. */
export function isPhotoUrl(text: string): boolean {
  if (text.length <= 2048 && isWebUrl(text)) return true;
  return text.length <= MAX_IMAGE_DATA_URL && IMAGE_DATA_URL.test(text);
}

/** A slot's end is after its start. */
export function endsAfterStart(slot: { start: string; end: string }): boolean {
  return Date.parse(slot.end) > Date.parse(slot.start);
}

/** A date range (`from`, `to`, calendar dates) does not end before it starts. */
export function rangeInOrder(range: { from: string; to: string }): boolean {
  return range.to >= range.from;
}

/** Deepest nesting of Questionnaire items accepted; deeper is hostile (and would overflow a recursive walk). */
export const MAX_ITEM_DEPTH = 50;

/** Whether a list of Questionnaire items nests at most MAX_ITEM_DEPTH deep, checked without recursion. */
export function withinItemDepth(items: unknown): boolean {
  const pending: Array<[unknown, number]> = [[items, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [list, depth] = next;
    if (!Array.isArray(list)) continue;
    if (depth > MAX_ITEM_DEPTH) return false;
    for (const entry of list) {
      const child = typeof entry === 'object' && entry !== null ? (entry as { item?: unknown }).item : undefined;
      if (child !== undefined) pending.push([child, depth + 1]);
    }
  }
  return true;
}

/** One Questionnaire item, with its children, nests at most MAX_ITEM_DEPTH deep. */
export function itemWithinDepth(item: unknown): boolean {
  return withinItemDepth([item]);
}
