/** Steps the play functions of several widgets' stories take, as a patient would. */
import { until } from '../../test/support/dom.js';

/** The story's `<tag>` element, once it is in the canvas. */
export const widgetIn = <E extends Element = HTMLElement>(canvas: Element, tag: string): Promise<E> =>
  until(() => canvas.querySelector<E>(tag), `<${tag}>`, 10_000);

/** Press the first Book button in `widget` (a card, a list) and wait for the slot picker it opens. */
export async function pressBook(widget: Element): Promise<void> {
  const book = await until(() => widget.shadowRoot?.querySelector<HTMLElement>('[part="button"]'), 'Book', 10_000);
  book.click();
  await until(() => widget.shadowRoot?.querySelector('fd-slot-picker'), 'the picker', 10_000);
}
