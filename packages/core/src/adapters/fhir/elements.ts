import type { Coding } from '../../schemas/primitives.js';

/**
 * Readers for FHIR JSON as it arrives: any element may be missing, of the wrong type or hostile, so every reader
 * checks the type and answers `undefined` (or an empty list) instead of throwing. The domain schemas judge the result.
 */
export type Json = Record<string, unknown>;

/** `fields` less those that are `undefined`: an element the resource leaves out stays out of the mapped record. */
export function withoutUndefined<T extends Json>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A non-blank string, trimmed. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((s): s is string => s !== undefined) : [];
}

/** Extensions of `element` with one of `urls` (several when a profile changed its URL between versions). */
export function extensionsOf(element: unknown, ...urls: string[]): Json[] {
  if (!isObject(element)) return [];
  return objects(element.extension).filter((extension) => urls.includes(extension.url as string));
}

export function extensionOf(element: unknown, ...urls: string[]): Json | undefined {
  return extensionsOf(element, ...urls)[0];
}

/** The codings of one CodeableConcept. */
export function codingsOf(concept: unknown): Json[] {
  return isObject(concept) ? objects(concept.coding) : [];
}

/** The codings of a list of CodeableConcepts, in order. */
export function codingsOfAll(concepts: unknown): Json[] {
  return objects(concepts).flatMap(codingsOf);
}

export function codingKey(coding: Json): string | undefined {
  const code = text(coding.code);
  return code === undefined ? undefined : `${text(coding.system) ?? ''}|${code}`;
}

/** A domain Coding: display falls back to the concept's text, then to the code itself. */
export function toCoding(coding: Json, conceptText?: string): Coding | undefined {
  const code = text(coding.code);
  if (code === undefined) return undefined;
  const system = text(coding.system);
  return { code, display: text(coding.display) ?? conceptText ?? code, ...(system === undefined ? {} : { system }) };
}

/** Every coding of a list of CodeableConcepts as domain Codings, once each. */
export function distinctCodings(concepts: unknown): Coding[] {
  const seen = new Set<string>();
  const out: Coding[] = [];
  for (const concept of objects(concepts)) {
    const conceptText = text(concept.text);
    for (const coding of codingsOf(concept)) {
      const key = codingKey(coding);
      const domain = toCoding(coding, conceptText);
      if (key === undefined || domain === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push(domain);
    }
  }
  return out;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** A logical id as FHIR allows it: it may go into a URL path as it is. */
export function isFhirId(value: unknown): value is string {
  return typeof value === 'string' && FHIR_ID.test(value) && value !== '.' && value !== '..';
}

const REFERENCE = /(?:^|\/)([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** Type and id of a literal reference: `Practitioner/12`, `https://host/fhir/Practitioner/12/_history/3`. */
export function referenceParts(reference: unknown): { type: string; id: string } | undefined {
  const value = isObject(reference) ? reference.reference : reference;
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  const match = REFERENCE.exec(value);
  if (!match?.[1] || !isFhirId(match[2])) return undefined;
  return { type: match[1], id: match[2] };
}

/** The id a reference points at, when it points at a resource of `type`. */
export function referenceTo(reference: unknown, type: string): string | undefined {
  const parts = referenceParts(reference);
  return parts?.type === type ? parts.id : undefined;
}

export function referencesTo(references: unknown, type: string): string[] {
  return objects(references)
    .map((reference) => referenceTo(reference, type))
    .filter((id): id is string => id !== undefined);
}

const FHIR_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|([+-]\d{2}):?(\d{2})?)$/;

/**
 * A FHIR instant in the domain's spelling: offsets written `-05` or `-0500` (as some publishers do) become `-05:00`.
 * A date without a time, or a time without an offset, is not an instant.
 */
export function toInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const match = FHIR_INSTANT.exec(value);
  if (!match) return undefined;
  if (match[2] === 'Z') return value;
  return `${match[1]}${match[3]}:${match[4] ?? '00'}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Server text fit for a developer-facing message: one line, bounded. */
export function messageText(value: string, max = 300): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}
