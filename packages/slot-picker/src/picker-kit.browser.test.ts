/**
 * The slot picker's own test helpers, on top of the shared kit in test/support (this module has no tests of its own).
 */
import type { FrontdeskAdapter } from '@frontdesk/core';
import { html, type TemplateResult } from 'lit';
import { memory, START } from '../../../test/support/adapters.js';
import { $, $$, settle, text } from '../../../test/support/dom.js';
import { mount as mountWidget } from '../../../test/support/widgets.js';
import './define.js';
import type { FdSlotPicker } from './slot-picker.js';

export const mount = (template: TemplateResult): Promise<FdSlotPicker> => mountWidget(template, 'fd-slot-picker');

/** The picker most tests book with: Maria Hernández's times for `visitType` from START, through `adapter`. */
export const mountClinic = (adapter: FrontdeskAdapter = memory(), visitType = 'new-patient'): Promise<FdSlotPicker> =>
  mount(
    html`<fd-slot-picker provider="maria-hernandez" visit-type=${visitType} start=${START} .adapter=${adapter}></fd-slot-picker>`,
  );

/** A patient as typed in the details form (the date of birth in the English page's order). */
export const ANA = { givenName: 'Ana', familyName: 'López', birthDate: '05/17/1990', phone: '615 555 0199' };

/** Type `values` into the fields of those names as a patient would: an input event each (a change for a select). */
export function fill(el: HTMLElement, values: Record<string, string>): void {
  for (const [field, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(el, `[name="${field}"]`);
    if (!input) throw new Error(`no field ${field}`);
    input.value = value;
    input.dispatchEvent(new Event(input.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  }
}

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
