import { SURVEY_ANSWER_KINDS } from '@frontdesk/core';

/**
 * The elements a QuestionnaireResponse may carry into the server. Anything else is refused rather than stored: an
 * open-ended resource would let any client park any amount of anything in the clinic's database.
 */
const RESPONSE_KEYS = new Set(['resourceType', 'id', 'questionnaire', 'status', 'authored', 'item', 'language']);
const ITEM_KEYS = new Set(['linkId', 'text', 'definition', 'answer', 'item']);
const ANSWER_KEYS = new Set<string>([...SURVEY_ANSWER_KINDS, 'item']);
const CODING_KEYS = new Set(['system', 'version', 'code', 'display', 'userSelected']);
const QUANTITY_KEYS = new Set(['value', 'comparator', 'unit', 'system', 'code']);

/** More answers than any real survey; a bigger response is broken or hostile. */
export const MAX_RESPONSE_ITEMS = 2_000;
/** Longest text in any one answer. */
export const MAX_ANSWER_TEXT = 10_000;
const MAX_DEPTH = 20;

export interface ShapeProblem {
  /** `response.item[2].answer[0].valueFoo` */
  field: string;
  problem: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first element of `value` that is not allowed where it stands, an array nested too deep, too many items or an
 * overlong text; undefined when the shape is acceptable. Types and answers are checked later, against the survey.
 */
export function responseShapeProblem(value: unknown): ShapeProblem | undefined {
  let count = 0;
  const unknownKey = (record: Record<string, unknown>, allowed: Set<string>, at: string): ShapeProblem | undefined => {
    for (const key of Object.keys(record)) {
      if (!allowed.has(key))
        return { field: `${at}.${key.length > 64 ? '(a long name)' : key}`, problem: 'unknown element' };
    }
    return undefined;
  };
  const text = (v: unknown, at: string): ShapeProblem | undefined =>
    typeof v === 'string' && v.length > MAX_ANSWER_TEXT ? { field: at, problem: 'text too long' } : undefined;
  const items = (list: unknown, at: string, depth: number): ShapeProblem | undefined => {
    if (list === undefined) return undefined;
    if (!Array.isArray(list)) return { field: at, problem: 'expected an array' };
    if (depth > MAX_DEPTH) return { field: at, problem: 'nested too deeply' };
    for (const [index, item] of list.entries()) {
      const itemAt = `${at}[${index}]`;
      if (++count > MAX_RESPONSE_ITEMS) return { field: itemAt, problem: 'too many items' };
      if (!isRecord(item)) return { field: itemAt, problem: 'expected an object' };
      const found =
        unknownKey(item, ITEM_KEYS, itemAt) ?? text(item.text, `${itemAt}.text`) ?? answers(item.answer, itemAt, depth);
      if (found) return found;
      const nested = items(item.item, `${itemAt}.item`, depth + 1);
      if (nested) return nested;
    }
    return undefined;
  };
  const answers = (list: unknown, itemAt: string, depth: number): ShapeProblem | undefined => {
    if (list === undefined) return undefined;
    const at = `${itemAt}.answer`;
    if (!Array.isArray(list)) return { field: at, problem: 'expected an array' };
    for (const [index, answer] of list.entries()) {
      const answerAt = `${at}[${index}]`;
      if (++count > MAX_RESPONSE_ITEMS) return { field: answerAt, problem: 'too many answers' };
      if (!isRecord(answer)) return { field: answerAt, problem: 'expected an object' };
      const found =
        unknownKey(answer, ANSWER_KEYS, answerAt) ??
        text(answer.valueString, `${answerAt}.valueString`) ??
        text(answer.valueUri, `${answerAt}.valueUri`) ??
        (isRecord(answer.valueCoding)
          ? unknownKey(answer.valueCoding, CODING_KEYS, `${answerAt}.valueCoding`)
          : undefined) ??
        (isRecord(answer.valueQuantity)
          ? unknownKey(answer.valueQuantity, QUANTITY_KEYS, `${answerAt}.valueQuantity`)
          : undefined);
      if (found) return found;
      const nested = items(answer.item, `${answerAt}.item`, depth + 1);
      if (nested) return nested;
    }
    return undefined;
  };
  if (!isRecord(value)) return { field: 'response', problem: 'expected a JSON object' };
  return unknownKey(value, RESPONSE_KEYS, 'response') ?? items(value.item, 'response.item', 0);
}
