/**
 * The long value lists of the domain's enums, without zod: the zod schemas build their enums from them, and the
 * generated compact shapes (compact-shapes.ts) import them rather than carry a copy.
 */

/** Every FHIR R4 `Questionnaire.item.type`. */
export const QUESTIONNAIRE_ITEM_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
  'question',
] as const;
