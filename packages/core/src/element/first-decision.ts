/** Controls a patient can Tab to: what "first decision" may land on. */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Laid out and not hidden: an element in a closed `<details>` or with `display: none` has no boxes. */
const shown = (element: HTMLElement) => element.getClientRects().length > 0 && !element.closest('[inert]');

/**
 * Where focus goes when a widget is handed to the patient: the element marked `data-first-decision`, else the first
 * control in tab order (for a radio group, its checked radio, which is the one Tab reaches).
 */
export function firstDecision(root: ParentNode): HTMLElement | undefined {
  const marked = root.querySelector<HTMLElement>('[data-first-decision]');
  if (marked && shown(marked)) return marked;
  for (const element of root.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (!shown(element)) continue;
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      const checked = root.querySelector<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(element.name)}"]:checked`,
      );
      return checked ?? element;
    }
    return element;
  }
  return undefined;
}
