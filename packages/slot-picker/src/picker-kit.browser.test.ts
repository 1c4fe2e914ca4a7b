/**
 * The slot picker's own test helpers, on top of the shared kit in test/support (this module has no tests of its own).
 */
import type { TemplateResult } from 'lit';
import { $, $$, settle, text } from '../../../test/support/dom.js';
import { mount as mountWidget } from '../../../test/support/widgets.js';
import './define.js';
import type { FdSlotPicker } from './slot-picker.js';

export const mount = (template: TemplateResult): Promise<FdSlotPicker> => mountWidget(template, 'fd-slot-picker');

/** Click a day cell and wait for its times. */
export async function chooseDay(el: FdSlotPicker, day: string): Promise<void> {
  const cell = $(el, `td[data-day="${day}"]`);
  if (!cell) throw new Error(`no cell for ${day}`);
  cell.click();
  await settle(el);
}

export const timeButtons = (el: FdSlotPicker) => $$<HTMLButtonElement>(el, 'button[data-slot]');

/** The first day in the month shown with at least `min` times. */
export function dayWithTimes(el: FdSlotPicker, min = 1): string {
  const cell = $$(el, 'td.open').find((td) => Number(/(\d+) (?:times?|horarios?)/.exec(text(td))?.[1] ?? 0) >= min);
  if (!cell) throw new Error(`no day with ${min} times`);
  return cell.dataset.day!;
}
