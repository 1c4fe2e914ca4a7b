import type { FhirCoding, SurveyAnswer, SurveyNode } from '@frontdesk/core';

/** One screen of the form: a page group (or each top-level group with `paged`), or a run of other top-level items. */
export interface SurveyScreen {
  title: string;
  roots: SurveyNode[];
  /** The roots form one group whose children are shown directly under the page heading. */
  isGroupPage: boolean;
}

export interface SurveyLayout {
  screens: SurveyScreen[];
  /** Screen index of every item instance. */
  screenOf: Map<string, number>;
  /** Children of each instance (undefined: the top level), in document order. */
  children: Map<string | undefined, SurveyNode[]>;
  paged: boolean;
}

/** Splits the model's flat item list into screens and a child index, once per structure change. */
export function layoutSurvey(items: readonly SurveyNode[], pagedAttribute: boolean): SurveyLayout {
  const children = new Map<string | undefined, SurveyNode[]>();
  for (const node of items) {
    const list = children.get(node.parentKey);
    if (list) list.push(node);
    else children.set(node.parentKey, [node]);
  }
  const roots = children.get(undefined) ?? [];
  const isPage = (n: SurveyNode) => n.control === 'page' || (pagedAttribute && n.type === 'group');
  const paged = roots.some(isPage);
  const screens: SurveyScreen[] = [];
  if (!paged) screens.push({ title: '', roots, isGroupPage: false });
  else {
    for (const root of roots) {
      const last = screens[screens.length - 1];
      const page = isPage(root);
      if (last && (page ? last.isGroupPage && last.roots[0]?.linkId === root.linkId : !last.isGroupPage)) {
        last.roots.push(root);
      } else screens.push({ title: page ? root.text : '', roots: [root], isGroupPage: page });
    }
  }
  const screenOf = new Map<string, number>();
  screens.forEach((screen, index) => {
    for (const root of screen.roots) screenOf.set(root.key, index);
  });
  for (const node of items) {
    if (node.parentKey !== undefined) screenOf.set(node.key, screenOf.get(node.parentKey) ?? 0);
  }
  return { screens, screenOf, children, paged };
}

export const isShown = (node: SurveyNode): boolean => node.enabled && !node.hidden;

export function screenEnabled(screen: SurveyScreen): boolean {
  return screen.roots.some(isShown);
}

/** The text an input shows for an answer: what the patient would type to give it. */
export function answerText(answer: SurveyAnswer): string {
  if ('valueString' in answer) return answer.valueString;
  if ('valueUri' in answer) return answer.valueUri;
  if ('valueInteger' in answer) return String(answer.valueInteger);
  if ('valueDecimal' in answer) return String(answer.valueDecimal);
  if ('valueQuantity' in answer) return String(answer.valueQuantity.value);
  if ('valueDate' in answer) return answer.valueDate;
  // datetime-local and time inputs take wall-clock time without seconds or offset (the patient's own zone).
  if ('valueDateTime' in answer) return answer.valueDateTime.includes('T') ? answer.valueDateTime.slice(0, 16) : '';
  if ('valueTime' in answer) return answer.valueTime.endsWith(':00') ? answer.valueTime.slice(0, 5) : answer.valueTime;
  if ('valueBoolean' in answer) return String(answer.valueBoolean);
  if ('valueAttachment' in answer) return answer.valueAttachment.title ?? '';
  return answer.valueCoding.display ?? answer.valueCoding.code ?? '';
}

export function unitLabel(unit: FhirCoding): string {
  return unit.display ?? unit.code ?? '';
}

/** A quantity answer from typed text and the chosen unit; undefined when the text is not a number. */
export function quantityAnswer(text: string, unit: FhirCoding | undefined): SurveyAnswer | undefined {
  const s = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const value: { value: number; unit?: string; system?: string; code?: string } = { value: Number(s) };
  if (unit) {
    const label = unitLabel(unit);
    if (label) value.unit = label;
    if (unit.system) value.system = unit.system;
    if (unit.code) value.code = unit.code;
  }
  return { valueQuantity: value };
}

/** What a screen reader says for a slider position: the number, with the end label when the thumb is at an end. */
export function sliderValueText(value: number, min: number, max: number, lower?: string, upper?: string): string {
  const label = value === min ? lower : value === max ? upper : undefined;
  const n = String(value);
  if (!label) return n;
  return label.startsWith(n) ? label : `${n}, ${label}`;
}
