import type { ItemDef } from './analyze.js';
import {
  compareSurveyAnswers,
  SURVEY_ATTACHMENT_MAX_BYTES,
  type SurveyAnswer,
  type SurveyAnswerKind,
  surveyAnswerKind,
  surveyAnswersEqual,
} from './answers.js';
import { hasAnswerInSubtree, type NodeState } from './node-state.js';
import type { SurveyErrorCode, SurveyFieldError } from './types.js';

/** A code and its values: the widget words it in the patient's language. */
function fieldError(code: SurveyErrorCode, params: Record<string, string | number> = {}): SurveyFieldError {
  return { code, params };
}

function decimalPlaces(n: number): number {
  const [mantissa = '', exponent] = String(n).split('e');
  const places = (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  return Math.max(0, places);
}

const BOUND_KIND: Partial<Record<string, SurveyAnswerKind>> = {
  date: 'valueDate',
  dateTime: 'valueDateTime',
  time: 'valueTime',
};

function outOfBound(def: ItemDef, answer: SurveyAnswer, bound: number | string | undefined): number {
  if (bound === undefined) return 0;
  if (typeof bound === 'number') {
    const n =
      'valueInteger' in answer
        ? answer.valueInteger
        : 'valueDecimal' in answer
          ? answer.valueDecimal
          : 'valueQuantity' in answer
            ? answer.valueQuantity.value
            : undefined;
    return n === undefined ? 0 : Math.sign(n - bound);
  }
  const kind = BOUND_KIND[def.type];
  if (!kind) return 0;
  return compareSurveyAnswers(answer, { [kind]: bound } as SurveyAnswer) ?? 0;
}

function unitAllowed(def: ItemDef, answer: SurveyAnswer): boolean {
  if (!('valueQuantity' in answer) || def.view.units.length === 0) return true;
  const q = answer.valueQuantity;
  if (q.code === undefined && q.unit === undefined) return true;
  return def.view.units.some((u) =>
    q.code !== undefined
      ? u.code === q.code && (u.system === undefined || q.system === undefined || u.system === q.system)
      : q.unit === u.display || q.unit === u.code,
  );
}

function answerErrors(def: ItemDef, answer: SurveyAnswer, add: (e: SurveyFieldError) => void): void {
  const { view } = def;
  const kind = surveyAnswerKind(answer);
  if (!def.allowedKinds.includes(kind)) {
    add(fieldError('answer-type', { expected: def.allowedKinds.join(', ') }));
    return;
  }
  const freeText = def.type === 'open-choice' && kind === 'valueString';
  if (def.restrictToOptions && !freeText && !view.options.some((o) => surveyAnswersEqual(o.value, answer))) {
    add(fieldError('not-an-option'));
  }
  const text = 'valueString' in answer ? answer.valueString : 'valueUri' in answer ? answer.valueUri : undefined;
  if (text !== undefined) {
    const length = [...text].length;
    if (view.maxLength !== undefined && length > view.maxLength)
      add(fieldError('max-length', { max: view.maxLength, length }));
    if (view.minLength !== undefined && length < view.minLength)
      add(fieldError('min-length', { min: view.minLength, length }));
    if (def.pattern && !def.pattern.test(text)) {
      add(fieldError('regex', view.entryFormat === undefined ? {} : { format: view.entryFormat }));
    }
  }
  if (outOfBound(def, answer, view.min) < 0) add(fieldError('min-value', { min: view.min! }));
  if (outOfBound(def, answer, view.max) > 0) add(fieldError('max-value', { max: view.max! }));
  const number =
    'valueDecimal' in answer ? answer.valueDecimal : 'valueQuantity' in answer ? answer.valueQuantity.value : undefined;
  if (number !== undefined && view.maxDecimalPlaces !== undefined && decimalPlaces(number) > view.maxDecimalPlaces) {
    add(fieldError('max-decimal-places', { max: view.maxDecimalPlaces }));
  }
  if (!unitAllowed(def, answer)) add(fieldError('unit-not-allowed'));
  if ('valueAttachment' in answer) {
    const rules = view.attachment;
    const type = answer.valueAttachment.contentType;
    const accepted = rules?.mimeTypes ?? [];
    const typeOk =
      accepted.length === 0 ||
      accepted.some((m) => m === type || (m.endsWith('/*') && type.startsWith(m.slice(0, -1))));
    if (!typeOk) add(fieldError('attachment-type', { accepted: accepted.join(', ') }));
    const max = rules?.maxSize ?? SURVEY_ATTACHMENT_MAX_BYTES;
    if (answer.valueAttachment.size > max) add(fieldError('attachment-size', { max }));
  }
}

/**
 * Errors for one item instance. Disabled, hidden and unsupported items have none. Required applies to every enabled
 * item (stricter than R4's "required only if its optional parent group is present", so patients are not surprised).
 */
export function validateState(state: NodeState): SurveyFieldError[] {
  const { def, view } = state;
  if (view.enabled && view.unsupported && view.required && !view.hidden) {
    return [fieldError('cannot-answer', { reason: view.unsupported.code })];
  }
  if (!view.enabled || view.unsupported || view.hidden) return [];
  const errors: SurveyFieldError[] = [];
  const add = (error: SurveyFieldError) => {
    if (!errors.some((e) => e.code === error.code)) errors.push(error);
  };
  if (def.isGroup) {
    if (view.required && !view.readOnly && !state.children.some(hasAnswerInSubtree)) add(fieldError('required'));
    return errors;
  }
  if (!def.answerable) return errors;
  if (view.invalidText.length > 0) add(fieldError('invalid-format', { expected: def.type }));
  if (view.required && !view.readOnly && view.answers.length === 0 && view.invalidText.length === 0) {
    add(fieldError('required'));
  }
  for (const answer of view.answers) answerErrors(def, answer, add);
  return errors;
}

/** An answer that can go into a QuestionnaireResponse as it is: right type and, where there is a list, on it. */
export function answerFitsItem(def: ItemDef, answer: SurveyAnswer): boolean {
  const kind = surveyAnswerKind(answer);
  if (!def.allowedKinds.includes(kind)) return false;
  if (kind === 'valueAttachment') {
    const errors: SurveyFieldError[] = [];
    answerErrors(def, answer, (e) => errors.push(e));
    return errors.length === 0;
  }
  if (!def.restrictToOptions || (def.type === 'open-choice' && kind === 'valueString')) return true;
  return def.view.options.some((o) => surveyAnswersEqual(o.value, answer));
}
