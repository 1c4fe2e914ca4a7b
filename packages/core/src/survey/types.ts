import type { FhirCoding, QuestionnaireItemType, QuestionnaireResponse } from '../schemas/questionnaire.js';
import type { SurveyAnswer } from './answers.js';
import type { SurveyOption } from './options.js';
import type { SurveyProblem } from './problems.js';

/**
 * How a renderer should present an item: the itemControl when it fits the item type, otherwise a default (a choice
 * list is radio buttons, check boxes when it repeats, a drop-down when long; a boolean is a yes/no radio pair; text
 * is a text area; other questions are inputs whose kind follows `type`).
 */
export type SurveyControl =
  | 'group'
  | 'page'
  | 'display'
  | 'radio-button'
  | 'check-box'
  | 'drop-down'
  | 'slider'
  | 'input'
  | 'text-area';

/** Why an item cannot be answered here (a renderer has words for each; its tests walk this list). */
export const SURVEY_UNSUPPORTED_CODES = [
  // The item type (`reference`, `question`) is not rendered.
  'unsupported-type',
  // An expression is not FHIRPath (`application/x-fhir-query`, CQL).
  'expression-language',
  // A FHIRPath expression could not be compiled or evaluated (its reason is in `problems`).
  'expression-failed',
  // Answer options of a kind the item type cannot take.
  'answer-type-mismatch',
  // `answerValueSet` names a ValueSet the form cannot expand (not contained; no terminology given).
  'value-set-unresolved',
  // The terminology server that should expand the ValueSet could not be reached.
  'value-set-unreachable',
  // A choice item with no options at all.
  'no-options',
] as const;
export type SurveyUnsupportedCode = (typeof SURVEY_UNSUPPORTED_CODES)[number];

/** The Questionnaire feature an unsupported item uses. */
export const SURVEY_FEATURES = [
  'item-type',
  'calculatedExpression',
  'enableWhenExpression',
  'answerExpression',
  'variable',
  'answerOption',
  'answerValueSet',
] as const;
export type SurveyFeature = (typeof SURVEY_FEATURES)[number];

/**
 * Why an item cannot be answered here, as codes: which feature, and why. The renderer chooses its own words from
 * them and shows a notice in the item's place; the rest of the form works. `message` is an English developer note.
 */
export interface SurveyUnsupported {
  code: SurveyUnsupportedCode;
  feature: SurveyFeature;
  message: string;
}

/** A token of `rendering-markdown` text: plain text, emphasis, or a link (http, https and mailto only). Never HTML. */
export type SurveyTextToken =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'break' };

/** What an `attachment` item accepts (the `mimeType` and `maxSize` extensions). */
export interface SurveyAttachmentRules {
  /** Allowed MIME types (`image/png`, `image/*`); empty means any. */
  mimeTypes: readonly string[];
  /** Largest file in bytes; undefined means the engine's limit (`SURVEY_ATTACHMENT_MAX_BYTES`). */
  maxSize: number | undefined;
}

/** What an item looks like, the same for every instance of it. */
export interface SurveyItemView {
  /** Plain text (from `rendering-xhtml` through the sanitizer when present). Never HTML. */
  readonly text: string;
  /** The text as safe tokens when it carries `rendering-markdown`; render these instead of `text` when present. */
  readonly textTokens: readonly SurveyTextToken[] | undefined;
  readonly prefix: string | undefined;
  readonly control: SurveyControl;
  readonly orientation: 'horizontal' | 'vertical' | undefined;
  readonly options: readonly SurveyOption[];
  /** open-choice: a free-text answer is allowed beside the options. */
  readonly allowsFreeText: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly repeats: boolean;
  /** questionnaire-hidden: keep the answer, do not show the item. */
  readonly hidden: boolean;
  /** Numbers for integer, decimal and quantity items; FHIR strings for date, dateTime and time items. */
  readonly min: number | string | undefined;
  readonly max: number | string | undefined;
  readonly step: number | undefined;
  readonly maxLength: number | undefined;
  readonly minLength: number | undefined;
  readonly maxDecimalPlaces: number | undefined;
  /** The regex extension's source, for `pattern`-like hints; validation applies it to the whole answer. */
  readonly regex: string | undefined;
  /** entryFormat: a placeholder-style hint only, never enforced. */
  readonly entryFormat: string | undefined;
  /** Units a quantity may be given in (questionnaire-unit / unitOption). */
  readonly units: readonly FhirCoding[];
  /** Labels for the ends of a scale, from display children with itemControl `lower` / `upper`. */
  readonly lowerLabel: string | undefined;
  readonly upperLabel: string | undefined;
  /** From a display child with itemControl `help` or `flyover`. */
  readonly help: string | undefined;
  readonly unsupported: SurveyUnsupported | undefined;
  /** Computed by a `calculatedExpression`: shown read-only, never set by the patient. */
  readonly calculated: boolean;
  /** `answerValueSet` by canonical URL: what the renderer expands (through the adapter) and gives back. */
  readonly valueSet: string | undefined;
  /** For `attachment` items. */
  readonly attachment: SurveyAttachmentRules | undefined;
}

/** One rendered item instance, in document order, in `model.items`. Its live fields change in place. */
export interface SurveyNode extends SurveyItemView {
  /** Unique per instance: `group#2/question`. Stable while the instance exists. */
  readonly key: string;
  readonly linkId: string;
  readonly type: QuestionnaireItemType;
  readonly parentKey: string | undefined;
  /** 0 for top-level items. */
  readonly depth: number;
  /** Set on each instance of a repeating group. */
  readonly repeat: { readonly repeatKey: string; readonly index: number; readonly count: number } | undefined;
  readonly enabled: boolean;
  readonly answers: readonly SurveyAnswer[];
  /** Text typed into the item that did not parse as its type; reported by validation, left out of responses. */
  readonly invalidText: readonly string[];
}

export interface SurveyPage {
  readonly index: number;
  /** The page group's key, or undefined for a run of top-level items outside page groups. */
  readonly key: string | undefined;
  readonly title: string;
  readonly items: readonly SurveyNode[];
  /** False when the page group is disabled: skip it when paging. */
  readonly enabled: boolean;
}

/** What is wrong with an answer, as codes; the widget owns the words (its tests walk this list). */
export const SURVEY_ERROR_CODES = [
  'required',
  'invalid-format',
  'answer-type',
  'not-an-option',
  'max-length',
  'min-length',
  'min-value',
  'max-value',
  'max-decimal-places',
  'regex',
  'unit-not-allowed',
  // A required item that cannot be answered here: the response can be saved as `in-progress`, never `completed`.
  'cannot-answer',
  'attachment-type',
  'attachment-size',
] as const;
export type SurveyErrorCode = (typeof SURVEY_ERROR_CODES)[number];

/** A field error as a code and the values its message needs; the widget owns the words, in every language. */
export interface SurveyFieldError {
  code: SurveyErrorCode;
  params: Record<string, string | number>;
}

export interface SurveyValidation {
  valid: boolean;
  /** Keyed by node key; only nodes with errors appear. */
  errors: Record<string, SurveyFieldError[]>;
  /** The first node with an error in document order: where to move focus. */
  firstErrorKey: string | undefined;
}

export interface SurveyScore {
  /** Sum over enabled answered items whose chosen options carry ordinalValue or itemWeight. */
  total: number;
  /** Per node key: the item's score (only answered scored items). */
  byItem: Record<string, number>;
  /** Highest reachable total over enabled scored items. */
  max: number;
  /** Enabled items that have scored options, and how many of them are answered. */
  scoredItems: number;
  answeredItems: number;
}

/** `calculated`: keys of items whose computed answers changed (re-render them). */
export type SurveyChange =
  | { kind: 'answer'; key: string; enabledChanged: string[]; calculated?: string[] | undefined }
  | { kind: 'structure'; enabledChanged: string[]; calculated?: string[] | undefined }
  | { kind: 'restore'; enabledChanged: string[]; calculated?: string[] | undefined };

/** Everything a patient entered, for a draft in localStorage. Keys are node keys. */
export interface SurveyDraft {
  format: 'frontdesk-survey-draft';
  version: 1;
  questionnaire: string | undefined;
  /** Instance ids of each repeating group, by repeat key, in order. */
  instances: Record<string, number[]>;
  answers: Record<string, SurveyAnswer[]>;
  invalidText: Record<string, string[]>;
}

export interface SurveyModelOptions {
  /** Start from an earlier response (from a server) or a draft from `serializeAnswers()`. */
  initialAnswers?: QuestionnaireResponse | SurveyDraft | undefined;
  /** The canonical URL responses point at when the Questionnaire has no `url` (a form served from a file). */
  questionnaire?: string | undefined;
}

/** Something that stops a response from being `completed` (it can still be saved as `in-progress`). */
export interface SurveyBlocker {
  key: string;
  linkId: string;
  code: 'cannot-answer';
  /** Why the item cannot be answered. */
  reason: SurveyUnsupportedCode;
}

export interface SurveyResponseOptions {
  /** Default `completed`. */
  status?: 'completed' | 'in-progress';
  /** Default now. */
  authored?: string | Date;
  id?: string;
  /** Default the Questionnaire's `url|version`, else the model's `questionnaire` option, else `Questionnaire/<id>`. */
  questionnaire?: string;
}

export interface SurveyModel {
  readonly title: string;
  /** Non-fatal problems found while loading (fatal ones leave `renderable` false and no items). */
  readonly problems: readonly SurveyProblem[];
  readonly renderable: boolean;
  /** Flat, ordered; a new array after a repeat is added or removed. */
  readonly items: readonly SurveyNode[];
  readonly pages: readonly SurveyPage[];
  getItem(key: string): SurveyNode | undefined;
  itemsByLinkId(linkId: string): SurveyNode[];
  isEnabled(key: string): boolean;
  /** Replace an item's answers. A non-repeating item keeps the first. False for unknown keys, groups, displays,
   * unsupported items, or a value that is not a FHIR answer value at all. */
  setAnswer(key: string, values: readonly SurveyAnswer[]): boolean;
  /** Set answers from typed text, parsed per item type; text that does not parse is kept as `invalidText`. */
  setAnswerText(key: string, text: string | readonly string[]): boolean;
  /** Pick (or unpick) an option by id: replaces the answer of a single-answer item, toggles in a repeating one. */
  selectOption(key: string, optionId: string, selected?: boolean): boolean;
  clearAnswer(key: string): boolean;
  /** Adds an instance of a repeating group at the end; returns its key. */
  addRepeat(repeatKey: string): string | undefined;
  /** Removes an instance; the last remaining instance is emptied instead. */
  removeRepeat(instanceKey: string): boolean;
  validate(page?: number): SurveyValidation;
  validateItem(key: string): SurveyFieldError[];
  score(): SurveyScore;
  /**
   * The QuestionnaireResponse. Throws a `FrontdeskError` (`invalid-input`, field = the linkId) when asked for a
   * `completed` one while `completionBlockers()` is not empty.
   */
  toResponse(options?: SurveyResponseOptions): QuestionnaireResponse;
  /** Required items that cannot be answered here: while any remain, the response can only be `in-progress`. */
  completionBlockers(): SurveyBlocker[];
  /**
   * Resolves once every expression of the form can be evaluated (at once for a form without any): the small
   * FHIRPath evaluator, and the reference engine for expressions outside its subset, are loaded only then.
   */
  readonly ready: Promise<void>;
  /**
   * Give the options of an `answerValueSet` the form could not expand itself (the renderer expanded it through the
   * adapter's `expandValueSet`): every item naming `url` becomes answerable with them. `'search'` makes the items
   * take any Coding (type-ahead over a large set, each pick from an expansion with a filter).
   */
  resolveValueSet(url: string, options: readonly FhirCoding[] | 'search'): boolean;
  /** Mark the items naming `url` as unreachable (the terminology server could not be reached). */
  valueSetUnreachable(url: string): void;
  serializeAnswers(): SurveyDraft;
  /** Never throws: a draft for another questionnaire or a mangled one restores what fits. */
  restoreAnswers(draft: unknown): { restored: number; dropped: number };
  subscribe(listener: (change: SurveyChange) => void): () => void;
}
