import type { SurveyNode } from '@frontdesk/core';
import { isShown } from './form-view.js';

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

export function screenEnabled(screen: SurveyScreen): boolean {
  return screen.roots.some(isShown);
}
