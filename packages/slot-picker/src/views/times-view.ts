import { type DayKey, type PartOfDay, timeText } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { type DaySlot, groupByPartOfDay } from '../day-index.js';
import { dayName } from '../labels.js';
import type { SlotPickerStrings } from '../strings.js';

export interface TimesProps {
  t: SlotPickerStrings;
  lang: string;
  timeZone: string;
  day: DayKey | undefined;
  slots: readonly DaySlot[];
  mode: 'select' | 'book';
  selectedId: string | undefined;
  /** Per group, the slot that holds the group's one tab stop. */
  active: Partial<Record<PartOfDay, string>>;
  zoneControl: TemplateResult;
  onChoose: (slot: DaySlot) => void;
  onKeydown: (event: KeyboardEvent, part: PartOfDay, slots: readonly DaySlot[]) => void;
}

function renderGroup(props: TimesProps, part: PartOfDay, slots: readonly DaySlot[]): TemplateResult {
  const { t, lang, timeZone } = props;
  const active =
    slots.find((s) => s.slot.id === props.active[part]) ?? slots.find((s) => s.slot.id === props.selectedId);
  const tabStop = active?.slot.id ?? slots[0]?.slot.id;
  // One tab stop per group, arrow keys within it: reaching the evening takes three presses of Tab, not thirty.
  return html`<div class="time-group" part="time-group">
    <h4 id="part-${part}">${t.part(part)}</h4>
    <div role="toolbar" class="times" aria-labelledby="part-${part}" @keydown=${(e: KeyboardEvent) => props.onKeydown(e, part, slots)}>
      ${slots.map(
        (entry) => html`<button
          type="button"
          class="time"
          part="time-button${entry.slot.id === props.selectedId ? ' time-button-selected' : ''}"
          data-slot=${entry.slot.id}
          tabindex=${entry.slot.id === tabStop ? 0 : -1}
          aria-pressed=${props.mode === 'select' ? String(entry.slot.id === props.selectedId) : nothing}
          @click=${() => props.onChoose(entry)}
        >${timeText(entry.startMs, timeZone, lang)}${
          entry.slot.capacity === undefined
            ? nothing
            : html`<span class="openings">${t.openings(entry.slot.capacity)}</span>`
        }</button>`,
      )}
    </div>
  </div>`;
}

/** The chosen day's free times, grouped into morning, afternoon and evening, with the time-zone control above. */
export function renderTimes(props: TimesProps): TemplateResult {
  const { t, lang } = props;
  const day = props.day;
  return html`<section class="times-panel" part="times" aria-labelledby="times-heading">
    <h3 id="times-heading">${day ? t.timesOn(dayName(day, lang)) : t.calendar}</h3>
    ${props.zoneControl}
    ${
      !day
        ? html`<p class="hint">${t.chooseDay}</p>`
        : props.slots.length === 0
          ? html`<p class="hint">${t.noTimesLeft}</p>`
          : groupByPartOfDay(props.slots).map((group) => renderGroup(props, group.part, group.slots))
    }
  </section>`;
}
