import type { ItemDef } from './analyze.js';
import type { SurveyNode } from './types.js';

export type MutableNode = { -readonly [K in keyof SurveyNode]: SurveyNode[K] };

export const CLEAN = 0;
export const DIRTY = 1;
export const COMPUTING = 2;

/** The model's private record of one item instance; `view` is what renderers see. */
export interface NodeState {
  view: MutableNode;
  def: ItemDef;
  parent: NodeState | undefined;
  children: NodeState[];
  /** The key without the instance suffix: what `addRepeat` takes for a repeating group. */
  repeatKey: string;
  instanceId: number | undefined;
  phase: typeof CLEAN | typeof DIRTY | typeof COMPUTING;
  /** enableWhen targets resolved for this instance; cleared when repeats change. */
  targets: Map<ItemDef, NodeState[]> | undefined;
  /** What the item's `enableWhenExpression` last said; undefined until the expressions are loaded (disabled). */
  expressionEnabled: boolean | undefined;
}

/**
 * A node view with every field spelled out: one fixed shape for all nodes, which V8 builds far faster than a spread
 * of the item view (that spread dominated building a large model).
 */
export function createNodeView(def: ItemDef, key: string, parentKey: string | undefined): MutableNode {
  const v = def.view;
  return {
    key,
    linkId: def.linkId,
    type: def.type,
    parentKey,
    depth: def.depth,
    repeat: undefined,
    enabled: true,
    answers: def.initial.slice(),
    invalidText: [],
    text: v.text,
    textTokens: v.textTokens,
    prefix: v.prefix,
    control: v.control,
    orientation: v.orientation,
    options: v.options,
    allowsFreeText: v.allowsFreeText,
    required: v.required,
    readOnly: v.readOnly,
    repeats: v.repeats,
    hidden: v.hidden,
    min: v.min,
    max: v.max,
    step: v.step,
    maxLength: v.maxLength,
    minLength: v.minLength,
    maxDecimalPlaces: v.maxDecimalPlaces,
    regex: v.regex,
    entryFormat: v.entryFormat,
    units: v.units,
    lowerLabel: v.lowerLabel,
    upperLabel: v.upperLabel,
    help: v.help,
    unsupported: v.unsupported,
    calculated: v.calculated,
    valueSet: v.valueSet,
    attachment: v.attachment,
  };
}

/** linkIds may contain any character; escape the ones keys use as separators so keys never collide. */
export function escapeKeySegment(linkId: string): string {
  return linkId.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function* walkStates(states: readonly NodeState[]): Generator<NodeState> {
  for (const state of states) {
    yield state;
    yield* walkStates(state.children);
  }
}

/** Some enabled question in the subtree (the state itself included) has an answer. */
export function hasAnswerInSubtree(state: NodeState): boolean {
  if (!state.view.enabled || state.view.unsupported) return false;
  if (state.def.answerable && state.view.answers.length > 0) return true;
  return state.children.some(hasAnswerInSubtree);
}
