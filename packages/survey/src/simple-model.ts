import {
  answersFromTexts,
  collectSurveyValidation,
  type FhirCoding,
  type QuestionnaireResponse,
  type QuestionnaireResponseItem,
  questionnaireCanonical,
  type SurveyAnswer,
  type SurveyChange,
  type SurveyDraft,
  type SurveyFieldError,
  SurveyListeners,
  type SurveyModel,
  type SurveyNode,
  type SurveyOption,
  type SurveyResponseOptions,
  type SurveyScore,
  type SurveyValidation,
  scoreSurveyItems,
  surveyAnswersEqual,
  SURVEY_EXTENSION_URLS as URLS,
} from '@frontdesk/core';

// The model of a simple form: what NPS, CSAT, Likert and short feedback forms need (choice, integer, string and text
// questions, display text, one level of groups, enableWhen on an answered question), in a fraction of the survey
// engine's download. `simpleSurveyModel` takes a Questionnaire only when every part of it is one this model handles
// exactly as the engine does, down to the node views, validation codes, drafts and the QuestionnaireResponse; any
// other form, and any form the engine would report a problem in, goes to the engine (docs/design.md section 8).
// simple-model.test.ts holds the two to the same results, form by form and answer by answer.

type Json = Record<string, unknown>;
type Node = { -readonly [K in keyof SurveyNode]: SurveyNode[K] };

interface Condition {
  target: Node;
  operator: string;
  expected: SurveyAnswer;
}

/** One item instance and what the engine would derive from it. */
interface Entry {
  node: Node;
  kinds: readonly string[];
  conditions: Condition[];
  any: boolean;
  children: Entry[];
}

const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';
const STATUSES = ['draft', 'active', 'retired', 'unknown'];
const ITEM_KEYS =
  'id linkId definition code prefix text type enableWhen enableBehavior required repeats readOnly maxLength answerOption extension item'.split(
    ' ',
  );
const QUESTION_TYPES = new Set(['choice', 'integer', 'string', 'text']);
const ORDERED = ['>', '<', '>=', '<='];
const KIND_BY_TYPE: Record<string, string> = { integer: 'valueInteger', string: 'valueString', text: 'valueString' };
const SCORE_URLS = [URLS.itemWeight, URLS.ordinalValue, URLS.iso21090CoValue];
/** A form this size or larger is not what this model is for. */
const MAX_ITEMS = 200;
const MAX_JSON_CHARS = 5_000_000;
/** The engine shows a long option list as a drop-down, which only the engine's form draws. */
const RADIO_LIMIT = 12;
/** Slider positions the form shows as a row of choices (docs/design.md section 5: NPS is 0 to 10). */
export const SCALE_LIMIT = 11;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, max = 100_000): value is string => typeof value === 'string' && value.length <= max;
const optionalString = (value: unknown, max?: number) => value === undefined || isString(value, max);
const isInt32 = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= -2_147_483_648 && (value as number) <= 2_147_483_647;
const onlyKeys = (value: Json, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));

/** A copy of a coding as the engine keeps it, or undefined when it is not a usable one. */
function codingOf(value: unknown, extraKeys: readonly string[] = []): FhirCoding | undefined {
  if (!isRecord(value) || !onlyKeys(value, ['system', 'version', 'code', 'display', ...extraKeys])) return undefined;
  const { system, version, code, display } = value;
  if (![system, version, code, display].every((v) => optionalString(v)) || !(code || display)) return undefined;
  const coding: Json = {};
  if (system) coding.system = system;
  if (version) coding.version = version;
  if (code) coding.code = code;
  if (display) coding.display = display;
  return coding as FhirCoding;
}

/** The one `value[x]` (or `answer[x]`) of the kinds this model takes, checked as the engine checks it. */
function answerOf(raw: Json, prefix: 'value' | 'answer', codingKeys?: readonly string[]): SurveyAnswer | undefined {
  const keys = Object.keys(raw).filter((key) => key.startsWith(prefix));
  if (keys.length !== 1) return undefined;
  const value = raw[keys[0]!];
  switch (keys[0]!.slice(prefix.length)) {
    case 'Integer':
      return isInt32(value) ? { valueInteger: value } : undefined;
    case 'String':
      return isString(value) && value.trim() !== '' ? { valueString: value } : undefined;
    case 'Coding': {
      const coding = codingOf(value, codingKeys);
      return coding ? { valueCoding: coding } : undefined;
    }
    case 'Boolean':
      return typeof value === 'boolean' && prefix === 'answer' ? { valueBoolean: value } : undefined;
    default:
      return undefined;
  }
}

const kindOf = (answer: SurveyAnswer) => Object.keys(answer)[0]!;

/** Extensions by URL; undefined when one is listed twice or is not among `allowed`. */
function extensionsOf(owner: Json, allowed: readonly string[]): Map<string, Json> | undefined {
  const list = owner.extension === undefined ? [] : owner.extension;
  if (!Array.isArray(list)) return undefined;
  const found = new Map<string, Json>();
  for (const ext of list) {
    if (!isRecord(ext) || !isString(ext.url) || !allowed.includes(ext.url) || found.has(ext.url)) return undefined;
    found.set(ext.url, ext);
  }
  return found;
}

/** The itemControl code as the engine reads it (the first coding of the standard system, or of none). */
function controlCode(ext: Json | undefined): string | undefined | false {
  if (!ext) return undefined;
  const concept = ext.valueCodeableConcept;
  if (!onlyKeys(ext, ['url', 'valueCodeableConcept']) || !isRecord(concept) || !Array.isArray(concept.coding)) {
    return false;
  }
  for (const coding of concept.coding) {
    if (!isRecord(coding) || typeof coding.code !== 'string') continue;
    if (coding.system === undefined || coding.system === ITEM_CONTROL_SYSTEM) return coding.code;
  }
  return undefined;
}

/** An extension holding exactly `value<Type>` (and its url). */
function extValue(ext: Json | undefined, type: string): unknown {
  if (!ext) return undefined;
  const value = ext[`value${type}`];
  return onlyKeys(ext, ['url', `value${type}`]) && value !== undefined ? value : null;
}

/** The score of an answer option (itemWeight, ordinalValue or iso21090-CO-value, on it or on its coding). */
function scoreOf(option: Json): number | undefined | false {
  const owners = [option, isRecord(option.valueCoding) ? option.valueCoding : {}];
  let score: number | undefined;
  for (const owner of owners) {
    const found = extensionsOf(owner, SCORE_URLS);
    if (!found) return false;
    for (const ext of found.values()) {
      const keys = Object.keys(ext).filter((k) => k !== 'url');
      const value = ext[keys[0] ?? ''];
      if (keys.length !== 1 || !['valueDecimal', 'valueInteger'].includes(keys[0]!)) return false;
      if (typeof value !== 'number' || !Number.isFinite(value) || score !== undefined) return false;
      score = value;
    }
  }
  return score;
}

function optionsOf(item: Json): SurveyOption[] | undefined {
  const raw = item.answerOption;
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const options: SurveyOption[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || !onlyKeys(entry, ['valueInteger', 'valueString', 'valueCoding', 'extension'])) return;
    const value = answerOf(entry, 'value', ['extension']);
    const score = scoreOf(entry);
    if (!value || score === false) return undefined;
    const label =
      'valueCoding' in value
        ? (value.valueCoding.display ?? value.valueCoding.code ?? '')
        : String(Object.values(value)[0]);
    options.push({ id: String(options.length), label, value, score, initialSelected: false });
  }
  return options;
}

const escapeKey = (linkId: string) => linkId.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** What a form with only the parts this model handles becomes; undefined for any other form. */
class Reader {
  readonly byLinkId = new Map<string, Entry>();
  readonly pending: Array<{ entry: Entry; item: Json }> = [];
  count = 0;

  items(raw: unknown, parent: Entry | undefined): Entry[] | undefined {
    if (!Array.isArray(raw) || raw.length === 0) return undefined;
    const entries: Entry[] = [];
    for (const item of raw) {
      const entry = this.item(item, parent);
      if (!entry) return undefined;
      entries.push(entry);
    }
    return entries;
  }

  #claim(linkId: unknown): linkId is string {
    if (!isString(linkId, 255) || linkId === '' || this.byLinkId.has(linkId) || ++this.count > MAX_ITEMS) return false;
    return true;
  }

  item(item: unknown, parent: Entry | undefined): Entry | undefined {
    if (!isRecord(item) || !onlyKeys(item, ITEM_KEYS)) return undefined;
    const { linkId, type, text, prefix, required, readOnly, maxLength } = item;
    const isGroup = type === 'group';
    const question = QUESTION_TYPES.has(type as string);
    if (!this.#claim(linkId) || !(question || isGroup || type === 'display')) return undefined;
    if (!optionalString(text) || !optionalString(prefix, 100) || item.repeats === true) return undefined;
    if (![required, readOnly, item.repeats].every((v) => v === undefined || typeof v === 'boolean')) return undefined;
    const textual = type === 'string' || type === 'text';
    if (maxLength !== undefined && !(textual && Number.isInteger(maxLength) && (maxLength as number) >= 0)) return;
    if (![undefined, 'all', 'any'].includes(item.enableBehavior as string)) return undefined;
    if (item.answerOption !== undefined && type !== 'choice') return undefined;
    if (!question && required === true) return undefined;
    if (isGroup && (parent || item.enableWhen !== undefined)) return undefined;
    const exts = extensionsOf(item, [
      URLS.itemControl,
      URLS.choiceOrientation,
      URLS.minValue,
      URLS.maxValue,
      URLS.sliderStepValue,
    ]);
    if (!exts) return undefined;
    const code = controlCode(exts.get(URLS.itemControl));
    const orientation = extValue(exts.get(URLS.choiceOrientation), 'Code');
    const min = extValue(exts.get(URLS.minValue), 'Integer');
    const max = extValue(exts.get(URLS.maxValue), 'Integer');
    const step = extValue(exts.get(URLS.sliderStepValue), 'Integer');
    if (code === false || (orientation !== undefined && type !== 'choice')) return undefined;
    if (orientation !== undefined && orientation !== 'horizontal' && orientation !== 'vertical') return undefined;
    if (type !== 'integer' && (min !== undefined || max !== undefined || step !== undefined)) return undefined;
    if (![min, max].every((v) => v === undefined || isInt32(v))) return undefined;
    if (step !== undefined && !(isInt32(step) && step > 0)) return undefined;
    const options = type === 'choice' ? optionsOf(item) : [];
    if (!options) return undefined;
    const slider = code === 'slider';
    let control: SurveyNode['control'];
    if (isGroup) control = 'group';
    else if (type === 'display') control = 'display';
    else if (type === 'text') control = 'text-area';
    else if (type === 'choice') control = slider ? 'slider' : 'radio-button';
    else control = type === 'integer' && slider ? 'slider' : 'input';
    if (code !== undefined && !(slider && (type === 'integer' || type === 'choice')) && code !== 'radio-button') return;
    if (code === 'radio-button' && type !== 'choice') return undefined;
    if (type === 'choice' && options.length > (slider ? SCALE_LIMIT : RADIO_LIMIT)) return undefined;
    if (type === 'integer' && slider) {
      // Drawn as a row of choices: whole numbers from min to max, at most eleven of them.
      if (typeof min !== 'number' || typeof max !== 'number' || max < min) return undefined;
      if ((max - min) / ((step as number | undefined) ?? 1) >= SCALE_LIMIT) return undefined;
    }
    // Every field the engine's view has; those it leaves undefined are left out (reading them gives undefined too).
    const node = {
      key: parent ? `${parent.node.key}/${escapeKey(linkId)}` : escapeKey(linkId),
      linkId,
      type: type as SurveyNode['type'],
      parentKey: parent?.node.key,
      depth: parent ? 1 : 0,
      enabled: true,
      answers: [],
      invalidText: [],
      text: (text as string | undefined) ?? '',
      prefix: prefix as string | undefined,
      control,
      orientation: orientation as SurveyNode['orientation'],
      options,
      allowsFreeText: false,
      required: required === true,
      readOnly: readOnly === true,
      repeats: false,
      hidden: false,
      min: min as number | undefined,
      max: max as number | undefined,
      step: step as number | undefined,
      maxLength: maxLength as number | undefined,
      units: [],
      calculated: false,
    } as unknown as Node;
    const kinds =
      type === 'choice'
        ? [...new Set(options.map((o) => kindOf(o.value)))]
        : question
          ? [KIND_BY_TYPE[type as string]!]
          : [];
    const entry: Entry = { node, kinds, conditions: [], any: item.enableBehavior === 'any', children: [] };
    this.byLinkId.set(linkId, entry);
    if (item.enableWhen !== undefined) this.pending.push({ entry, item });
    if (item.item === undefined) return entry;
    if (isGroup) {
      const children = this.items(item.item, entry);
      if (!children) return undefined;
      entry.children = children;
      return entry;
    }
    return question && this.labels(item.item, node) ? entry : undefined;
  }

  /** The `lower` and `upper` display children of a question: the words at the two ends of its scale. */
  labels(raw: unknown, node: Node): boolean {
    if (!Array.isArray(raw) || raw.length === 0) return false;
    for (const child of raw) {
      if (!isRecord(child) || !onlyKeys(child, ['id', 'linkId', 'type', 'text', 'extension'])) return false;
      const exts = extensionsOf(child, [URLS.itemControl]);
      const code = exts && controlCode(exts.get(URLS.itemControl));
      if (!this.#claim(child.linkId) || child.type !== 'display' || !optionalString(child.text)) return false;
      const end = code === 'lower' ? 'lowerLabel' : code === 'upper' ? 'upperLabel' : undefined;
      if (!end || node[end] !== undefined || typeof child.text !== 'string') return false;
      node[end] = child.text;
      this.byLinkId.set(child.linkId, undefined as unknown as Entry);
    }
    return true;
  }

  /** enableWhen on answered questions that have none themselves, so no condition ever waits on another one. */
  conditions(): boolean {
    for (const { entry, item } of this.pending) {
      const list = item.enableWhen;
      if (!Array.isArray(list) || list.length === 0) return false;
      for (const raw of list) {
        if (
          !isRecord(raw) ||
          !onlyKeys(raw, [
            'id',
            'question',
            'operator',
            'answerBoolean',
            'answerInteger',
            'answerString',
            'answerCoding',
          ])
        ) {
          return false;
        }
        const target = this.byLinkId.get(raw.question as string);
        const expected = answerOf(raw, 'answer');
        const operator = raw.operator as string;
        if (!target || target === entry || target.kinds.length === 0 || !expected) return false;
        if (this.pending.some((p) => p.entry === target)) return false;
        const kind = kindOf(expected);
        if (operator === 'exists' ? kind !== 'valueBoolean' : !target.kinds.includes(kind)) return false;
        if (!['exists', '=', '!=', ...ORDERED].includes(operator)) return false;
        if (ORDERED.includes(operator) && kind === 'valueCoding') return false;
        entry.conditions.push({ target: target.node, operator, expected });
      }
    }
    return true;
  }
}

/** One condition against the answers of its question (R4: `!=` also holds while the question is unanswered). */
function met({ target, operator, expected }: Condition): boolean {
  const answers = target.answers;
  if (operator === 'exists') return answers.length > 0 === (expected as { valueBoolean: boolean }).valueBoolean;
  const order = (a: SurveyAnswer) => {
    if (surveyAnswersEqual(a, expected)) return 0;
    const x = Object.values(a)[0] as number | string;
    const y = Object.values(expected)[0] as number | string;
    return kindOf(a) !== kindOf(expected) || typeof x === 'object' ? Number.NaN : x < y ? -1 : x > y ? 1 : 0;
  };
  if (operator === '!=') return !answers.some((a) => order(a) === 0);
  return answers.some((a) => {
    const o = order(a);
    return operator === '='
      ? o === 0
      : operator === '>'
        ? o > 0
        : operator === '<'
          ? o < 0
          : operator === '>='
            ? o >= 0
            : o <= 0;
  });
}

const answerText = (answer: SurveyAnswer) => Object.values(answer)[0];
/** Drafts come back from localStorage, where anything may have happened to them: bound what is read. */
const MAX_DRAFT_KEYS = 20_000;

/** A stored draft cleaned as the engine cleans it (bad entries dropped and counted), or undefined. */
function readDraft(value: unknown) {
  if (!isRecord(value) || value.format !== 'frontdesk-survey-draft' || value.version !== 1) return undefined;
  const { answers, invalidText, instances, questionnaire } = value;
  if (!isRecord(answers) || ![instances, invalidText].every((v) => v === undefined || isRecord(v))) return undefined;
  const entries = Object.entries(answers);
  const read = {
    questionnaire: typeof questionnaire === 'string' ? questionnaire : undefined,
    answers: new Map<string, SurveyAnswer[]>(),
    invalidText: new Map<string, string[]>(),
    dropped: Math.max(0, entries.length - MAX_DRAFT_KEYS),
  };
  for (const [key, list] of entries.slice(0, MAX_DRAFT_KEYS)) {
    if (!Array.isArray(list)) {
      read.dropped++;
      continue;
    }
    const clean = list.flatMap((a) => {
      const answer = isRecord(a) ? answerOf(a, 'value') : undefined;
      return answer && !('valueBoolean' in answer) ? [answer] : [];
    });
    read.dropped += list.length - clean.length;
    read.answers.set(key, clean);
  }
  for (const [key, list] of Object.entries(invalidText ?? {}).slice(0, MAX_DRAFT_KEYS)) {
    if (Array.isArray(list))
      read.invalidText.set(
        key,
        list.filter((t): t is string => typeof t === 'string'),
      );
  }
  return read;
}

export class SimpleSurveyModel implements SurveyModel {
  readonly title: string;
  readonly problems = [];
  readonly renderable = true;
  readonly items: SurveyNode[];
  readonly pages;
  readonly ready = Promise.resolve();
  readonly #entries: Entry[];
  readonly #byKey = new Map<string, Entry>();
  readonly #canonical: string | undefined;
  readonly #listeners = new SurveyListeners();

  constructor(title: string, roots: Entry[], canonical: string | undefined) {
    this.title = title;
    this.#canonical = canonical;
    const all: Entry[] = [];
    const walk = (entries: Entry[]) => {
      for (const entry of entries) {
        all.push(entry);
        this.#byKey.set(entry.node.key, entry);
        walk(entry.children);
      }
    };
    walk(roots);
    this.#entries = roots;
    this.items = all.map((e) => e.node);
    this.pages = [{ index: 0, key: undefined, title, items: this.items, enabled: true }];
    this.#recompute();
  }

  /** Every item's enabled state from its conditions; the keys that changed. */
  #recompute(): string[] {
    const changed: string[] = [];
    for (const entry of this.#byKey.values()) {
      const { conditions, node } = entry;
      const enabled = conditions.length === 0 || (entry.any ? conditions.some(met) : conditions.every(met));
      if (enabled !== node.enabled) changed.push(node.key);
      node.enabled = enabled;
    }
    return changed;
  }

  #answerable(key: string): Entry | undefined {
    const entry = this.#byKey.get(key);
    return entry && entry.kinds.length > 0 ? entry : undefined;
  }

  #commit(entry: Entry, answers: SurveyAnswer[], invalidText: string[]): void {
    entry.node.answers = answers.slice(0, 1);
    entry.node.invalidText = answers.length === 0 ? invalidText.slice(0, 1) : [];
    this.#listeners.emit({ kind: 'answer', key: entry.node.key, enabledChanged: this.#recompute() });
  }

  getItem(key: string): SurveyNode | undefined {
    return this.#byKey.get(key)?.node;
  }

  itemsByLinkId(linkId: string): SurveyNode[] {
    return this.items.filter((node) => node.linkId === linkId);
  }

  isEnabled(key: string): boolean {
    return this.getItem(key)?.enabled ?? false;
  }

  /** Answers of the kinds a simple form takes (whole numbers, text, codings); false for any other value. */
  setAnswer(key: string, values: readonly SurveyAnswer[]): boolean {
    const entry = this.#answerable(key);
    if (!entry || !Array.isArray(values)) return false;
    const answers: SurveyAnswer[] = [];
    for (const value of values) {
      const answer = isRecord(value) ? answerOf(value, 'value') : undefined;
      if (!answer || 'valueBoolean' in answer) return false;
      answers.push(answer);
    }
    this.#commit(entry, answers, []);
    return true;
  }

  setAnswerText(key: string, text: string | readonly string[]): boolean {
    const entry = this.#answerable(key);
    const parsed = entry && answersFromTexts(text, (t) => answerOfText(entry.node, t));
    if (!parsed) return false;
    this.#commit(entry, parsed.answers, parsed.invalid);
    return true;
  }

  selectOption(key: string, optionId: string, selected = true): boolean {
    const entry = this.#answerable(key);
    const option = entry?.node.options.find((o) => o.id === optionId);
    if (!entry || !option) return false;
    const kept = entry.node.answers.filter((a) => !surveyAnswersEqual(a, option.value));
    this.#commit(entry, selected ? [option.value] : kept, []);
    return true;
  }

  clearAnswer(key: string): boolean {
    const entry = this.#answerable(key);
    if (entry) this.#commit(entry, [], []);
    return entry !== undefined;
  }

  addRepeat(): undefined {
    return undefined;
  }

  removeRepeat(): boolean {
    return false;
  }

  validate(page?: number): SurveyValidation {
    return collectSurveyValidation(page === undefined || page === 0 ? this.items : [], (key) => this.validateItem(key));
  }

  validateItem(key: string): SurveyFieldError[] {
    const entry = this.#byKey.get(key);
    if (!entry?.node.enabled || entry.kinds.length === 0) return [];
    const { node } = entry;
    const errors: SurveyFieldError[] = [];
    const add = (code: SurveyFieldError['code'], params: Record<string, string | number> = {}) => {
      if (!errors.some((e) => e.code === code)) errors.push({ code, params });
    };
    if (node.invalidText.length > 0) add('invalid-format', { expected: node.type });
    if (node.required && !node.readOnly && node.answers.length === 0 && node.invalidText.length === 0) add('required');
    for (const answer of node.answers) {
      if (!entry.kinds.includes(kindOf(answer))) {
        add('answer-type', { expected: entry.kinds.join(', ') });
        continue;
      }
      if (node.type === 'choice' && !node.options.some((o) => surveyAnswersEqual(o.value, answer)))
        add('not-an-option');
      const value = answerText(answer);
      if (typeof value === 'string' && node.maxLength !== undefined && [...value].length > node.maxLength) {
        add('max-length', { max: node.maxLength, length: [...value].length });
      }
      if (typeof value === 'number' && node.min !== undefined && value < (node.min as number))
        add('min-value', { min: node.min });
      if (typeof value === 'number' && node.max !== undefined && value > (node.max as number))
        add('max-value', { max: node.max });
    }
    return errors;
  }

  score(): SurveyScore {
    return scoreSurveyItems(this.items);
  }

  #fits(entry: Entry, answer: SurveyAnswer): boolean {
    const { node } = entry;
    if (!entry.kinds.includes(kindOf(answer))) return false;
    return node.type !== 'choice' || node.options.some((o) => surveyAnswersEqual(o.value, answer));
  }

  #responseItems(entries: Entry[]): QuestionnaireResponseItem[] {
    const out: QuestionnaireResponseItem[] = [];
    for (const entry of entries) {
      const { node } = entry;
      if (!node.enabled || node.type === 'display') continue;
      const base: QuestionnaireResponseItem = node.text
        ? { linkId: node.linkId, text: node.text }
        : { linkId: node.linkId };
      if (node.type === 'group') {
        const item = this.#responseItems(entry.children);
        if (item.length > 0) out.push({ ...base, item });
        continue;
      }
      const answers = node.answers.filter((a) => this.#fits(entry, a));
      if (answers.length > 0) out.push({ ...base, answer: answers.map((a) => structuredClone(a)) });
    }
    return out;
  }

  toResponse(options: SurveyResponseOptions = {}): QuestionnaireResponse {
    const { authored } = options;
    const response: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: options.status === 'in-progress' ? 'in-progress' : 'completed',
      authored:
        authored instanceof Date
          ? authored.toISOString()
          : typeof authored === 'string'
            ? authored
            : new Date().toISOString(),
    };
    if (options.id !== undefined) response.id = options.id;
    const canonical = options.questionnaire ?? this.#canonical;
    if (canonical !== undefined) response.questionnaire = canonical;
    const item = this.#responseItems(this.#entries);
    if (item.length > 0) response.item = item;
    return response;
  }

  completionBlockers(): [] {
    return [];
  }

  resolveValueSet(): boolean {
    return false;
  }

  valueSetUnreachable(): void {}

  serializeAnswers(): SurveyDraft {
    const draft: SurveyDraft = {
      format: 'frontdesk-survey-draft',
      version: 1,
      questionnaire: this.#canonical,
      instances: {},
      answers: {},
      invalidText: {},
    };
    for (const node of this.items) {
      if (!this.#answerable(node.key)) continue;
      draft.answers[node.key] = node.answers.map((a) => structuredClone(a));
      if (node.invalidText.length > 0) draft.invalidText[node.key] = [...node.invalidText];
    }
    return draft;
  }

  /** Never throws. Answers of kinds a simple form cannot hold are dropped (and counted). */
  restoreAnswers(raw: unknown): { restored: number; dropped: number } {
    const read = readDraft(raw);
    let restored = 0;
    let dropped = read?.dropped ?? 0;
    const mismatch = read?.questionnaire !== undefined && this.#canonical !== undefined;
    if (read && mismatch && read.questionnaire !== this.#canonical) dropped += read.answers.size;
    else if (read) {
      // As the engine does: every item starts again from its unanswered, enabled state.
      for (const { node } of this.#byKey.values()) {
        node.answers = [];
        node.invalidText = [];
        node.enabled = true;
      }
      for (const [key, answers] of read.answers) {
        const entry = this.#answerable(key);
        if (!entry) {
          dropped += answers.length;
          continue;
        }
        entry.node.answers = answers.slice(0, 1);
        entry.node.invalidText = read.invalidText.get(key) ?? [];
        restored += entry.node.answers.length;
        dropped += answers.length - entry.node.answers.length;
      }
    }
    this.#listeners.emit({ kind: 'restore', enabledChanged: this.#recompute() });
    return { restored, dropped };
  }

  subscribe(listener: (change: SurveyChange) => void): () => void {
    return this.#listeners.subscribe(listener);
  }
}

/**
 * The model of a simple form (see the top of this file), or undefined when the Questionnaire (an object or JSON text)
 * needs the survey engine. `questionnaire` is the canonical responses point at when the form has no `url`.
 */
export function simpleSurveyModel(input: unknown, options: { questionnaire?: string | undefined } = {}) {
  try {
    const raw = typeof input === 'string' && input.length <= MAX_JSON_CHARS ? JSON.parse(input) : input;
    if (!isRecord(raw) || raw.resourceType !== 'Questionnaire' || !STATUSES.includes(raw.status as string)) return;
    const { id, url, title } = raw;
    if (raw.extension !== undefined || raw.contained !== undefined || raw._title !== undefined) return undefined;
    if (id !== undefined && !(isString(id, 200) && /^[A-Za-z0-9._:\-/|]+$/.test(id))) return undefined;
    if (!optionalString(url) || !optionalString(title)) return undefined;
    const reader = new Reader();
    const roots = reader.items(raw.item, undefined);
    if (!roots || !reader.conditions()) return undefined;
    const canonical = url
      ? questionnaireCanonical(raw as never)
      : (options.questionnaire ?? questionnaireCanonical(raw as never));
    return new SimpleSurveyModel((title as string | undefined) ?? '', roots, canonical);
  } catch {
    return undefined;
  }
}

/** The answer a patient's text gives a question of the small model, as the engine reads it; `undefined`: unreadable. */
function answerOfText(node: SurveyNode, text: string): SurveyAnswer | undefined {
  const s = text.trim();
  const { type, options } = node;
  if (type === 'choice') {
    const wanted = s.toLowerCase();
    return options.find(
      (o) =>
        o.label.trim().toLowerCase() === wanted ||
        ('valueCoding' in o.value && o.value.valueCoding.code?.toLowerCase() === wanted),
    )?.value;
  }
  if (type !== 'integer') return { valueString: text };
  return /^[+-]?\d{1,10}$/.test(s) && isInt32(Number(s)) ? { valueInteger: Number(s) } : undefined;
}
