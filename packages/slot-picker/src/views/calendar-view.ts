import { type DayKey, dayKeyText, monthWeeks, type Weekday } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { dayName, monthTitle } from '../labels.js';
import type { SlotPickerStrings } from '../strings.js';

export interface CalendarProps {
  t: SlotPickerStrings;
  lang: string;
  weekStart: Weekday;
  /** The day that holds the grid's one tab stop; its month is the one shown. */
  focused: DayKey;
  chosen: DayKey | undefined;
  today: DayKey;
  firstDay: DayKey;
  lastDay: DayKey;
  /** How many free times a day has. */
  count: (day: DayKey) => number;
  nextAvailable: DayKey | undefined;
  /** Whether `nextAvailable` is the next day with times after the chosen day (not the soonest of all). */
  afterChosen: boolean;
  onKeydown: (event: KeyboardEvent) => void;
  onChoose: (day: DayKey) => void;
  onMonth: (delta: -1 | 1) => void;
  onNextAvailable: () => void;
}

function dayCell(props: CalendarProps, day: DayKey, month: string): TemplateResult {
  if (day.slice(0, 7) !== month) return html`<td role="gridcell"></td>`;
  const { t, lang } = props;
  const inRange = day >= props.firstDay && day <= props.lastDay;
  const count = inRange ? props.count(day) : 0;
  const label = inRange ? t.dayLabel(dayName(day, lang), count) : t.outOfRange(dayName(day, lang));
  const classes = `day${count > 0 ? ' open' : ''}${inRange ? '' : ' outside'}`;
  // Days without times stay focusable (the grid is walked by arrow keys), marked in text and not only by colour.
  return html`<td
    role="gridcell"
    part="day${count > 0 ? ' day-available' : ''}${props.chosen === day ? ' day-selected' : ''}"
    class=${classes}
    data-day=${day}
    tabindex=${inRange ? (day === props.focused ? 0 : -1) : nothing}
    aria-selected=${props.chosen === day ? 'true' : 'false'}
    aria-disabled=${count > 0 ? nothing : 'true'}
    aria-current=${day === props.today ? 'date' : nothing}
    @click=${inRange ? () => props.onChoose(day) : nothing}
  ><span aria-hidden="true">${Number(day.slice(8))}</span><span class="fd-visually-hidden">${label}</span></td>`;
}

/** Previous or next month: stays focusable at the end of the range (aria-disabled), so focus never drops. */
function monthButton(label: string, arrow: string, enabled: boolean, go: () => void): TemplateResult {
  return html`<button
    type="button"
    class="icon-button"
    part="month-button"
    aria-label=${label}
    aria-disabled=${enabled ? 'false' : 'true'}
    @click=${() => enabled && go()}
  ><span class="arrow" aria-hidden="true">${arrow}</span></button>`;
}

/**
 * The WAI-ARIA APG date-picker grid for one month, with month navigation and the "next available" jump. The month
 * buttons come after the grid (the grid's Page Up and Page Down do the same), so the days are the first tab stop.
 */
export function renderCalendar(props: CalendarProps): TemplateResult {
  const { t, lang } = props;
  const month = props.focused.slice(0, 7);
  const weeks = monthWeeks(Number(month.slice(0, 4)), Number(month.slice(5, 7)), props.weekStart);
  const canGoBack = month > props.firstDay.slice(0, 7);
  const canGoOn = month < props.lastDay.slice(0, 7);
  const weekday = (day: DayKey, style: 'long' | 'short' | 'narrow') => dayKeyText(day, lang, { weekday: style });
  return html`<section class="calendar" part="calendar" aria-labelledby="month-heading">
    <h3 id="month-heading" part="month-heading" aria-live="polite">${monthTitle(month, lang)}</h3>
    <table role="grid" aria-labelledby="month-heading" aria-describedby="grid-help" @keydown=${props.onKeydown}>
      <thead>
        <tr>
          ${weeks[0]?.map(
            // Both names are rendered; the styles show the narrow one ("W") when the calendar is too tight for "Wed".
            (day) =>
              html`<th scope="col" abbr=${weekday(day, 'long')}><span class="short">${weekday(day, 'short')}</span
              ><span class="narrow">${weekday(day, 'narrow')}</span></th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${weeks.map((week) => html`<tr>${week.map((day) => dayCell(props, day, month))}</tr>`)}
      </tbody>
    </table>
    <p id="grid-help" class="fd-visually-hidden">${t.calendarHelp}</p>
    <div class="month-bar">
      ${monthButton(t.previousMonth, '‹', canGoBack, () => props.onMonth(-1))}
      ${monthButton(t.nextMonth, '›', canGoOn, () => props.onMonth(1))}
    </div>
    <button
      type="button"
      class="fd-button secondary next-available"
      part="next-available"
      aria-disabled=${props.nextAvailable ? 'false' : 'true'}
      @click=${() => props.nextAvailable && props.onNextAvailable()}
    >${
      props.nextAvailable
        ? (props.afterChosen ? t.nextDayWithTimes : t.nextAvailableOn)(dayName(props.nextAvailable, lang))
        : t.noneLater
    }</button>
  </section>`;
}
