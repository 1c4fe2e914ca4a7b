import type { FhirCoding, QuestionnaireItemType } from '../schemas/questionnaire.js';
import {
  SURVEY_ANSWER_KINDS,
  type SurveyAnswerKind,
  surveyAnswerKind,
  surveyAnswersEqual,
  surveyAnswerValue,
  unitsCompatible,
} from './answer-equality.js';

export { SURVEY_ANSWER_KINDS, type SurveyAnswerKind, surveyAnswerKind, surveyAnswersEqual, surveyAnswerValue };

/** A quantity answer: a number with its unit (UCUM `system` and `code` when known). */
export interface SurveyQuantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}

/** A file the patient attached, kept inline (base64 `data`): nothing is uploaded anywhere else. */
export interface SurveyAttachment {
  contentType: string;
  /** Base64 of the file's bytes. */
  data: string;
  /** Bytes of the file (before base64). */
  size: number;
  title?: string;
}

/** Largest attachment the engine keeps when the item sets no `maxSize`: an answer travels in one request body. */
export const SURVEY_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * One answer value, shaped exactly like the `value[x]` of a FHIR R4 `QuestionnaireResponse.item.answer`, so it goes
 * into the response unchanged and keeps its type.
 */
export type SurveyAnswer =
  | { valueBoolean: boolean }
  | { valueDecimal: number }
  | { valueInteger: number }
  | { valueDate: string }
  | { valueDateTime: string }
  | { valueTime: string }
  | { valueString: string }
  | { valueUri: string }
  | { valueCoding: FhirCoding }
  | { valueQuantity: SurveyQuantity }
  | { valueAttachment: SurveyAttachment };

/** FHIR value kinds that exist but that this engine does not render. */
const UNSUPPORTED_KINDS = ['valueReference'] as const;
/** enableWhen spells the same types `answer[x]`. */
const ANSWER_NAMES = SURVEY_ANSWER_KINDS.map((kind) => `answer${kind.slice(5)}`);
const UNSUPPORTED_ANSWER_NAMES = UNSUPPORTED_KINDS.map((kind) => `answer${kind.slice(5)}`);

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

const DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(?:\.\d{1,9})?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d))?)?)?$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d{1,9})?$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRealDay(year: string, month: string | undefined, day: string | undefined): boolean {
  if (month === undefined || day === undefined) return true;
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return d.getUTCMonth() === Number(month) - 1 && d.getUTCDate() === Number(day);
}

export function isFhirDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && isRealDay(m[1]!, m[2], m[3]);
}

export function isFhirDateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  return m !== null && isRealDay(m[1]!, m[2], m[3]);
}

export function isFhirTime(s: string): boolean {
  return TIME.test(s);
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function readCoding(value: unknown): FhirCoding | undefined {
  if (!isRecord(value)) return undefined;
  const { system, code, display, version } = value;
  if (!optionalString(system) || !optionalString(code) || !optionalString(display) || !optionalString(version)) {
    return undefined;
  }
  if (!code && !display) return undefined;
  const coding: FhirCoding & { version?: string } = {};
  if (system) coding.system = system;
  if (version) coding.version = version;
  if (code) coding.code = code;
  if (display) coding.display = display;
  return coding;
}

function readQuantity(value: unknown): SurveyQuantity | undefined {
  if (!isRecord(value)) return undefined;
  const { value: amount, unit, system, code } = value;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  if (!optionalString(unit) || !optionalString(system) || !optionalString(code)) return undefined;
  const quantity: SurveyQuantity = { value: amount };
  if (unit) quantity.unit = unit;
  if (system) quantity.system = system;
  if (code) quantity.code = code;
  return quantity;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function readAttachment(value: unknown): SurveyAttachment | undefined {
  if (!isRecord(value)) return undefined;
  const { contentType, data, size, title } = value;
  if (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) return undefined;
  if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) return undefined;
  const bytes = (data.length / 4) * 3 - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
  if (size !== undefined && size !== bytes) return undefined;
  if (!optionalString(title)) return undefined;
  return { contentType: contentType.toLowerCase(), data, size: bytes, ...(title ? { title } : {}) };
}

/** An attachment answer from a file's bytes (what a file input gives), or undefined for an invalid content type. */
export function surveyAttachmentAnswer(file: {
  bytes: Uint8Array;
  contentType: string;
  title?: string | undefined;
}): SurveyAnswer | undefined {
  let binary = '';
  for (let i = 0; i < file.bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...file.bytes.subarray(i, i + 0x8000));
  }
  return makeSurveyAnswer('valueAttachment', {
    contentType: file.contentType || 'application/octet-stream',
    data: btoa(binary),
    ...(file.title ? { title: file.title } : {}),
  });
}

/** A fresh, well-formed answer of `kind` from a raw value, or undefined when the value is not a valid one. */
export function makeSurveyAnswer(kind: SurveyAnswerKind, value: unknown): SurveyAnswer | undefined {
  switch (kind) {
    case 'valueBoolean':
      return typeof value === 'boolean' ? { valueBoolean: value } : undefined;
    case 'valueDecimal':
      return typeof value === 'number' && Number.isFinite(value) ? { valueDecimal: value } : undefined;
    case 'valueInteger':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX
        ? { valueInteger: value as number }
        : undefined;
    case 'valueDate':
      return typeof value === 'string' && isFhirDate(value) ? { valueDate: value } : undefined;
    case 'valueDateTime':
      return typeof value === 'string' && isFhirDateTime(value) ? { valueDateTime: value } : undefined;
    case 'valueTime':
      return typeof value === 'string' && isFhirTime(value) ? { valueTime: value } : undefined;
    case 'valueString':
      return typeof value === 'string' && value.trim() !== '' ? { valueString: value } : undefined;
    case 'valueUri':
      return typeof value === 'string' && /^\S+$/.test(value) ? { valueUri: value } : undefined;
    case 'valueCoding': {
      const coding = readCoding(value);
      return coding ? { valueCoding: coding } : undefined;
    }
    case 'valueQuantity': {
      const quantity = readQuantity(value);
      return quantity ? { valueQuantity: quantity } : undefined;
    }
    case 'valueAttachment': {
      const attachment = readAttachment(value);
      return attachment ? { valueAttachment: attachment } : undefined;
    }
  }
}

export type FhirValueRead =
  | { ok: true; answer: SurveyAnswer }
  | { ok: false; reason: 'missing' | 'several' | 'unsupported-kind' | 'malformed'; kind?: string };

/**
 * Reads the one `value[x]` (or `answer[x]` for enableWhen) of a FHIR element. Exactly one must be present; a
 * malformed value (an integer 1.5, a date 2024-02-30) is reported, never repaired.
 */
export function readFhirValue(raw: unknown, prefix: 'value' | 'answer' = 'value'): FhirValueRead {
  if (!isRecord(raw)) return { ok: false, reason: 'missing' };
  let found: { kind: SurveyAnswerKind; value: unknown } | undefined;
  let unsupported: string | undefined;
  let count = 0;
  for (let i = 0; i < SURVEY_ANSWER_KINDS.length; i++) {
    const kind = SURVEY_ANSWER_KINDS[i]!;
    const value = raw[prefix === 'value' ? kind : ANSWER_NAMES[i]!];
    if (value === undefined) continue;
    count++;
    found = { kind, value };
  }
  for (let i = 0; i < UNSUPPORTED_KINDS.length; i++) {
    const kind = UNSUPPORTED_KINDS[i]!;
    if (raw[prefix === 'value' ? kind : UNSUPPORTED_ANSWER_NAMES[i]!] === undefined) continue;
    count++;
    unsupported = kind;
  }
  if (count === 0) return { ok: false, reason: 'missing' };
  if (count > 1) return { ok: false, reason: 'several' };
  if (unsupported) return { ok: false, reason: 'unsupported-kind', kind: unsupported };
  const answer = makeSurveyAnswer(found!.kind, found!.value);
  return answer ? { ok: true, answer } : { ok: false, reason: 'malformed', kind: found!.kind };
}

/** A well-formed copy of an answer handed in by a renderer or a draft, or undefined. */
export function normalizeSurveyAnswer(raw: unknown): SurveyAnswer | undefined {
  const read = readFhirValue(raw);
  return read.ok ? read.answer : undefined;
}

type Temporal = { precision: string; value: number | string };

/** Dates compare at their own precision; instants (with an offset) compare on the timeline. */
function temporalOf(s: string): Temporal | undefined {
  if (/^\d{4}$/.test(s)) return { precision: 'year', value: s };
  if (/^\d{4}-\d{2}$/.test(s)) return { precision: 'month', value: s };
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { precision: 'day', value: s };
  if (/(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? undefined : { precision: 'instant', value: ms };
  }
  return undefined;
}

function secondsOfTime(s: string): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function numericOf(answer: SurveyAnswer): number | undefined {
  if ('valueInteger' in answer) return answer.valueInteger;
  if ('valueDecimal' in answer) return answer.valueDecimal;
  return undefined;
}

/**
 * Orders two answers: -1, 0 or 1, or undefined when they cannot be ordered (booleans, codings, different kinds,
 * dates of different precision, quantities in different units). Integers and decimals compare with each other.
 */
export function compareSurveyAnswers(a: SurveyAnswer, b: SurveyAnswer): number | undefined {
  const na = numericOf(a);
  const nb = numericOf(b);
  if (na !== undefined && nb !== undefined) return sign(na - nb);
  if ('valueQuantity' in a && 'valueQuantity' in b) {
    return unitsCompatible(a.valueQuantity, b.valueQuantity)
      ? sign(a.valueQuantity.value - b.valueQuantity.value)
      : undefined;
  }
  const sa = 'valueDate' in a ? a.valueDate : 'valueDateTime' in a ? a.valueDateTime : undefined;
  const sb = 'valueDate' in b ? b.valueDate : 'valueDateTime' in b ? b.valueDateTime : undefined;
  if (sa !== undefined && sb !== undefined) {
    const ta = temporalOf(sa);
    const tb = temporalOf(sb);
    if (!ta || !tb || ta.precision !== tb.precision) return undefined;
    return ta.value < tb.value ? -1 : ta.value > tb.value ? 1 : 0;
  }
  if ('valueTime' in a && 'valueTime' in b) {
    const ta = secondsOfTime(a.valueTime);
    const tb = secondsOfTime(b.valueTime);
    return ta === undefined || tb === undefined ? undefined : sign(ta - tb);
  }
  const xa = 'valueString' in a ? a.valueString : 'valueUri' in a ? a.valueUri : undefined;
  const xb = 'valueString' in b ? b.valueString : 'valueUri' in b ? b.valueUri : undefined;
  if (xa !== undefined && xb !== undefined) return xa < xb ? -1 : xa > xb ? 1 : 0;
  return undefined;
}

/** The answer kind a question of this type takes when it has no option list. */
export const ANSWER_KIND_BY_TYPE: Partial<Record<QuestionnaireItemType, SurveyAnswerKind>> = {
  boolean: 'valueBoolean',
  decimal: 'valueDecimal',
  integer: 'valueInteger',
  date: 'valueDate',
  dateTime: 'valueDateTime',
  time: 'valueTime',
  string: 'valueString',
  text: 'valueString',
  url: 'valueUri',
  quantity: 'valueQuantity',
  attachment: 'valueAttachment',
  choice: 'valueCoding',
  'open-choice': 'valueCoding',
};

/** The answerOption kinds each item type may list (R4 for choice; R5-style option lists for the rest). */
export const OPTION_KINDS_BY_TYPE: Partial<Record<QuestionnaireItemType, readonly SurveyAnswerKind[]>> = {
  choice: ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'],
  'open-choice': ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'],
  integer: ['valueInteger'],
  date: ['valueDate'],
  time: ['valueTime'],
  string: ['valueString'],
};

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `2024-05-06T14:30` typed into a local date-time field becomes an instant with the runtime's offset. */
function localDateTime(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec = '00'] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d) || date.getHours() !== Number(h)) return undefined;
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${zone}`;
}

/**
 * Turns what a patient typed into a typed answer for an item type, or undefined when it does not parse. Numbers use
 * `.` as the decimal separator (the renderer handles locales); times and date-times without seconds get `:00`.
 */
export function parseSurveyAnswerText(type: QuestionnaireItemType, text: string): SurveyAnswer | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  switch (type) {
    case 'boolean':
      return s === 'true' ? { valueBoolean: true } : s === 'false' ? { valueBoolean: false } : undefined;
    case 'integer':
      return /^[+-]?\d{1,10}$/.test(s) ? makeSurveyAnswer('valueInteger', Number(s)) : undefined;
    case 'decimal':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/.test(s)
        ? makeSurveyAnswer('valueDecimal', Number(s))
        : undefined;
    case 'quantity': {
      const number = parseSurveyAnswerText('decimal', s);
      return number && 'valueDecimal' in number ? { valueQuantity: { value: number.valueDecimal } } : undefined;
    }
    case 'date':
      return makeSurveyAnswer('valueDate', s);
    case 'dateTime': {
      const withSeconds = /T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(s) ? s.replace(/(T\d{2}:\d{2})/, '$1:00') : s;
      return makeSurveyAnswer('valueDateTime', withSeconds) ?? makeSurveyAnswer('valueDateTime', localDateTime(s));
    }
    case 'time':
      return makeSurveyAnswer('valueTime', /^\d{2}:\d{2}$/.test(s) ? `${s}:00` : s);
    case 'string':
    case 'text':
    case 'open-choice':
      return { valueString: text };
    case 'url':
      return makeSurveyAnswer('valueUri', s);
    default:
      return undefined;
  }
}
