import { isRecord } from './answers.js';
import { SURVEY_EXTENSION_URLS } from './extension-urls.js';

export { SURVEY_EXTENSION_URLS };

export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** An SDC `Expression`: FHIRPath (`text/fhirpath`) is the language the engine evaluates. */
export interface SurveyExpression {
  expression: string;
  language: string;
  name: string | undefined;
}

/** The `valueExpression` of an extension, when it has a usable one. */
export function expressionOf(extension: unknown): SurveyExpression | undefined {
  const value = isRecord(extension) ? extension.valueExpression : undefined;
  if (!isRecord(value) || typeof value.expression !== 'string' || value.expression.length > 10_000) return undefined;
  return {
    expression: value.expression,
    language: typeof value.language === 'string' ? value.language : 'text/fhirpath',
    name: typeof value.name === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(value.name) ? value.name : undefined,
  };
}

type Extension = Record<string, unknown> & { url: string };

export function extensionsOf(owner: unknown): Extension[] {
  if (!isRecord(owner) || !Array.isArray(owner.extension)) return [];
  return owner.extension.filter((e): e is Extension => isRecord(e) && typeof e.url === 'string');
}

export function findExtension(owner: unknown, url: string): Extension | undefined {
  return extensionsOf(owner).find((e) => e.url === url);
}

export function findExtensions(owner: unknown, url: string): Extension[] {
  return extensionsOf(owner).filter((e) => e.url === url);
}

/** The first `value<Type>` of the extension among the listed types, with the type it came from. */
export function extensionValue(
  ext: Extension | undefined,
  types: readonly string[],
): { type: string; value: unknown } | undefined {
  if (!ext) return undefined;
  for (const type of types) {
    const value = ext[`value${type}`];
    if (value !== undefined) return { type, value };
  }
  return undefined;
}

export function extensionString(owner: unknown, url: string): string | undefined {
  const found = extensionValue(findExtension(owner, url), ['String', 'Code', 'Markdown']);
  return typeof found?.value === 'string' ? found.value : undefined;
}

export function extensionNumber(owner: unknown, url: string): number | undefined {
  const found = extensionValue(findExtension(owner, url), ['Decimal', 'Integer']);
  return typeof found?.value === 'number' && Number.isFinite(found.value) ? found.value : undefined;
}

export function extensionBoolean(owner: unknown, url: string): boolean | undefined {
  const found = extensionValue(findExtension(owner, url), ['Boolean']);
  return typeof found?.value === 'boolean' ? found.value : undefined;
}

/** itemControl codes from `valueCodeableConcept.coding` (any system-less coding is taken at its word). */
export function itemControlCode(owner: unknown): string | undefined {
  const concept = findExtension(owner, SURVEY_EXTENSION_URLS.itemControl)?.valueCodeableConcept;
  if (!isRecord(concept) || !Array.isArray(concept.coding)) return undefined;
  for (const coding of concept.coding) {
    if (!isRecord(coding) || typeof coding.code !== 'string') continue;
    if (coding.system === undefined || coding.system === ITEM_CONTROL_SYSTEM) return coding.code;
  }
  return undefined;
}

/** A score attached to an answer option: itemWeight, ordinalValue, or the older iso21090-CO-value. */
export function scoreOf(...owners: unknown[]): number | undefined {
  for (const owner of owners) {
    for (const url of [
      SURVEY_EXTENSION_URLS.itemWeight,
      SURVEY_EXTENSION_URLS.ordinalValue,
      SURVEY_EXTENSION_URLS.iso21090CoValue,
    ]) {
      const value = extensionNumber(owner, url);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** Plain text for a primitive that may carry `rendering-xhtml` on its `_element` twin. */
export function renderingXhtmlOf(owner: unknown, element: string): string | undefined {
  if (!isRecord(owner)) return undefined;
  return extensionString(owner[`_${element}`], SURVEY_EXTENSION_URLS.renderingXhtml);
}
