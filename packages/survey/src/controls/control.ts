import type { SurveyAnswer, SurveyNode, SurveyOption } from '@frontdesk/core';
import type { TemplateResult } from 'lit';
import type { EngineStrings } from '../engine-strings.js';
import type { SurveyStrings } from '../strings.js';

/** One question's control as the form lays it out: its node, its choices, its element id and what describes it. */
export interface Control {
  node: SurveyNode;
  /** The answers to choose from: the question's options, the points of a short scale, or Yes and No. */
  options: readonly SurveyOption[];
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** What a control may do to the answers; the form behind it keeps the model, the errors and the focus. */
export interface ControlActions {
  strings(): SurveyStrings;
  /** The question's label: prefix, text and "(required)". */
  label(node: SurveyNode): TemplateResult;
  setAnswer(node: SurveyNode, answers: SurveyAnswer[]): void;
  /** An answer given as text (a slider's number), read by the question's type. */
  setAnswerText(node: SurveyNode, text: string): void;
  /** Tick or untick an option (radio button, checkbox or a slider position). */
  choose(node: SurveyNode, option: SurveyOption, selected: boolean): void;
  /** Text typed into a question (or one of its repeated entries): the model follows every keystroke. */
  typeText(node: SurveyNode, event: Event): void;
  /** The patient left the field: its errors show. */
  touch(node: SurveyNode): void;
}

/** What the engine's controls add: their words, open-choice text and the entries of a repeating question. */
export interface EngineActions extends ControlActions {
  words(): EngineStrings;
  /** Text typed into an open choice's "other" box. */
  typeFreeText(node: SurveyNode, event: Event): void;
  /** Empty entries added to a repeating question, beyond its answers. */
  extraEntries(node: SurveyNode): number;
  addEntry(node: SurveyNode): void;
  removeEntry(node: SurveyNode, index: number): void;
}
