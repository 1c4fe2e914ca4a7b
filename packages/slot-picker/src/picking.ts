import type { DayKey, FdSlotSelectDetail, FrontdeskError, PartOfDay, VisitType } from '@frontdesk/core';
import { weekStartOf } from '@frontdesk/core';
import type { Resource } from '@frontdesk/core/element';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { applyMove, moveForKey, timeKeyTarget } from './calendar-keys.js';
import { DEFAULT_DAYS } from './config.js';
import { type DaySlot, nextAvailableDay } from './day-index.js';
import { dayName, whenLabel, zoneName, zoneOptions } from './labels.js';
import type { Setup, SlotData } from './loaders.js';
import { MenuButton } from './menu-button.js';
import { type Model, ModelBuilder } from './model.js';
import type { CleanSlot } from './slot-cleaning.js';
import type { Focus } from './steps.js';
import type { SlotPickerStrings } from './strings.js';
import { renderCalendar } from './views/calendar-view.js';
import { type PatientType, renderFilters } from './views/filters-view.js';
import { renderTimes } from './views/times-view.js';
import { renderZoneControl } from './views/zone-view.js';
import { ZoneClock } from './zone-clock.js';

/** The attributes of the picker that shape what is picked from. */
export interface PickingAttributes {
  timezone: string | undefined;
  start: string | undefined;
  days: number | undefined;
  visitType: string | undefined;
}

/** What the picking part needs from its element. */
export interface PickingHost {
  readonly element: ReactiveElement;
  strings(): SlotPickerStrings;
  lang(): string;
  dir(): 'ltr' | 'rtl';
  attributes(): PickingAttributes;
  /** `book` leads on to the booking steps; `select` only chooses. */
  bookMode(): boolean;
  announce(message: string): void;
  focus(target: Focus): void;
  /** A time was chosen (the element fires `fd-slot-select` and, in `book` mode, goes on to the steps). */
  chose(model: Model, entry: DaySlot, detail: FdSlotSelectDetail): void;
  /** A day with times was chosen: the booking steps are likely next. */
  choseDay(): void;
  /** "$150 without insurance" for a visit type, once its price is known. */
  price(type: VisitType): string | undefined;
  renderLoading(lines: number): TemplateResult;
  renderError(error: FrontdeskError, retry: () => void): TemplateResult;
  renderEmpty(title: string, hint: string): TemplateResult;
}

/**
 * Choosing a time: the visit-type and in person / video filters, the month grid (the WAI-ARIA APG date-picker keys),
 * the times of the chosen day and the time-zone menu. It keeps what the patient chose and renders it; the element
 * around it loads the data and leads on to the booking steps.
 */
export class Picking {
  userZone: string | undefined;
  /** The answer to "new or existing patient"; nothing is assumed for the patient. */
  patientType: PatientType | undefined;
  visitTypeChoice: string | undefined;
  focusedDay: DayKey | undefined;
  chosenDay: DayKey | undefined;
  chosenSlotId: string | undefined;
  activeTimes: Partial<Record<PartOfDay, string>> = {};
  conflictDay: DayKey | undefined;

  private readonly host: PickingHost;
  private readonly models = new ModelBuilder();
  readonly zoneMenu: MenuButton;

  constructor(host: PickingHost) {
    this.host = host;
    const root = () => host.element.shadowRoot;
    this.zoneMenu = new MenuButton(host.element, () => ({
      button: root()?.querySelector<HTMLElement>('#zone-button') ?? null,
      menu: root()?.querySelector<HTMLElement>('#zone-menu') ?? null,
    }));
  }

  private get t(): SlotPickerStrings {
    return this.host.strings();
  }

  private set(changes: Partial<Picking>): void {
    Object.assign(this, changes);
    this.host.element.requestUpdate();
  }

  /** Everything a render derives from the setup, the slots (once loaded) and what was chosen. */
  model(setup: Setup, slots: SlotData | undefined): Model {
    const { timezone, start, days, visitType } = this.host.attributes();
    return this.models.build(setup, slots, {
      userZone: this.userZone,
      timezone,
      start,
      days,
      patientType: this.patientType,
      visitTypeChoice: this.visitTypeChoice,
      visitType,
    });
  }

  /** The chosen slot, when the slots are loaded. */
  chosenEntry(slots: SlotData | undefined): CleanSlot | undefined {
    return this.chosenSlotId ? slots?.byId.get(this.chosenSlotId) : undefined;
  }

  /** A slot chosen from outside (the value property, a restored form): shown on its day in `zone`. */
  showChosen(entry: CleanSlot, zone: string): void {
    this.chosenDay = new ZoneClock(zone).wallTime(entry.startMs).day;
    this.focusedDay = this.chosenDay;
  }

  /** Choose `id` (or nothing); the day follows once the slots are known. */
  chooseId(id: string | undefined): void {
    this.set({ chosenSlotId: id, chosenDay: undefined });
  }

  /** The time was taken meanwhile: that day's fresh times, with the notice. */
  showConflict(entry: CleanSlot, zone: string): void {
    const day = new ZoneClock(zone).wallTime(entry.startMs).day;
    this.set({ chosenSlotId: undefined, chosenDay: day, focusedDay: day, conflictDay: day, activeTimes: {} });
  }

  private chooseDay(model: Model, day: DayKey): void {
    const lang = this.host.lang();
    const count = model.index?.byDay.get(day)?.length ?? 0;
    if (count === 0) {
      this.set({ focusedDay: day });
      this.host.announce(this.t.noTimesOnDay(dayName(day, lang)));
      return;
    }
    this.set({
      focusedDay: day,
      activeTimes: this.chosenDay === day ? this.activeTimes : {},
      chosenDay: day,
      conflictDay: undefined,
    });
    this.host.announce(this.t.timesFound(count, dayName(day, lang)));
    // The next decision is a time: focus the first, which also scrolls the times into view on a phone.
    const first = model.index?.byDay.get(day)?.[0];
    if (first) this.host.focus({ slot: first.slot.id });
    this.host.choseDay();
  }

  private focusedOf(model: Model): DayKey {
    const candidate = this.focusedDay ?? this.chosenDay;
    if (candidate && candidate >= model.firstDay && candidate <= model.lastDay) return candidate;
    return (model.index && nextAvailableDay(model.index, model.firstDay)) ?? model.firstDay;
  }

  private onGridKeydown(model: Model, event: KeyboardEvent): void {
    const focused = this.focusedOf(model);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.chooseDay(model, focused);
      return;
    }
    const move = moveForKey(event, this.host.dir());
    if (!move) return;
    event.preventDefault();
    const weekStart = weekStartOf(this.host.lang());
    this.set({ focusedDay: applyMove(focused, move, weekStart, model.firstDay, model.lastDay) });
    this.host.focus('grid');
  }

  private onTimesKeydown(event: KeyboardEvent, part: PartOfDay, slots: readonly DaySlot[]): void {
    const ids = slots.map((entry) => entry.slot.id);
    const current = ids.indexOf((event.target as HTMLElement).dataset.slot ?? '');
    const next = timeKeyTarget(event.key, this.host.dir(), current, ids.length);
    if (next === undefined) return;
    event.preventDefault();
    const id = ids[next]!;
    this.set({ activeTimes: { ...this.activeTimes, [part]: id } });
    this.host.focus({ slot: id });
  }

  private chooseSlot(model: Model, entry: DaySlot): void {
    this.set({ chosenSlotId: entry.slot.id, conflictDay: undefined });
    const detail: FdSlotSelectDetail = {
      slotId: entry.slot.id,
      start: entry.slot.start,
      end: entry.slot.end,
      providerId: entry.slot.providerId,
      locationId: entry.slot.locationId,
      visitTypeId: model.visitType?.id,
      timeZone: model.zone,
    };
    this.host.chose(model, entry, detail);
  }

  private pickZone(zone: string, slots: SlotData | undefined): void {
    this.zoneMenu.hide(true);
    const entry = this.chosenEntry(slots);
    // The instants stay the same; only the day a time falls on may change with the zone.
    const day = entry ? new ZoneClock(zone).wallTime(entry.startMs).day : undefined;
    this.set(day ? { userZone: zone, chosenDay: day, focusedDay: day } : { userZone: zone });
    this.host.announce(this.t.zoneChanged(zoneName(zone, this.host.lang(), Date.now())));
  }

  private chooseVisitType(id: string, slots: SlotData | undefined): void {
    const slot = this.chosenEntry(slots)?.slot;
    const fits = !slot || slot.visitTypeIds.length === 0 || slot.visitTypeIds.includes(id);
    this.set(fits ? { visitTypeChoice: id } : { visitTypeChoice: id, chosenSlotId: undefined });
  }

  private choosePatientType(answer: PatientType): void {
    // A visit type chosen for the other answer may no longer fit: the patient chooses among those that do.
    this.set({ patientType: answer, visitTypeChoice: undefined, chosenSlotId: undefined });
  }

  /** Where the next decision is: the unanswered question, the visit type not yet chosen, else the calendar. */
  nextDecision(model: Model): Focus {
    if (model.askPatientType && !model.patientType) return 'patient-type';
    if (!model.visitType && model.visitTypes.length > 1) return 'visit-type';
    return 'grid';
  }

  render(model: Model, state: Resource<SlotData>): TemplateResult {
    const { t } = this;
    const lang = this.host.lang();
    const slots = state.status === 'ready' ? state.value : undefined;
    const filters = renderFilters({
      t,
      askPatientType: model.askPatientType,
      patientType: model.patientType,
      visitTypes: model.visitTypes,
      visitTypeId: model.visitType?.id,
      price: (type) => this.host.price(type),
      onPatientType: (answer) => this.choosePatientType(answer),
      onVisitType: (id) => this.chooseVisitType(id, slots),
    });
    const conflict = this.conflictDay
      ? html`<div class="notice warning" part="conflict">
          <h3 tabindex="-1" data-focus="conflict" class="notice-title">${t.conflictTitle}</h3>
          <p>${t.conflictText(dayName(this.conflictDay, lang))}</p>
        </div>`
      : nothing;
    const selected = this.host.bookMode() ? undefined : this.chosenEntry(slots);
    const selection = selected
      ? html`<p class="chosen" part="selection">${t.selected(whenLabel(selected.startMs, model.zone, lang))}</p>`
      : nothing;
    return html`${conflict}${filters}${this.renderAvailability(model, state)}${selection}`;
  }

  private renderAvailability(model: Model, state: Resource<SlotData>): unknown {
    const { t } = this;
    if (state.status === 'loading') return this.host.renderLoading(5);
    if (state.status === 'error' && state.error) return this.host.renderError(state.error, () => void state.reload());
    const index = model.index;
    if (!model.visitType) {
      const waiting = model.askPatientType && !model.patientType ? t.answerFirst : t.chooseVisitTypeFirst;
      return model.visitTypes.length === 0 && !waiting ? nothing : html`<p class="hint">${waiting}</p>`;
    }
    if (!index) return nothing;
    if (index.days.length === 0) {
      return this.host.renderEmpty(t.noAvailability(this.host.attributes().days ?? DEFAULT_DAYS), t.noAvailabilityHint);
    }
    const lang = this.host.lang();
    const weekStart = weekStartOf(lang);
    const focused = this.focusedOf(model);
    const chosen = this.chosenDay;
    // Before a day is chosen the button offers the soonest day with times; after, the next one after it, and its label
    // says so ("Next available" for a day after the chosen one read as a promise of the soonest).
    const next = nextAvailableDay(index, chosen ?? model.firstDay, chosen !== undefined);
    return html`<div class="pick" part="pick">
      ${renderCalendar({
        t,
        lang,
        weekStart,
        focused,
        chosen,
        today: model.today,
        firstDay: model.firstDay,
        lastDay: model.lastDay,
        count: (day) => index.byDay.get(day)?.length ?? 0,
        nextAvailable: next,
        afterChosen: chosen !== undefined,
        onKeydown: (event) => this.onGridKeydown(model, event),
        onChoose: (day) => this.chooseDay(model, day),
        onMonth: (delta) => {
          const move = delta < 0 ? 'previousMonth' : 'nextMonth';
          this.set({ focusedDay: applyMove(focused, move, weekStart, model.firstDay, model.lastDay) });
        },
        onNextAvailable: () => next && this.chooseDay(model, next),
      })}
      ${renderTimes({
        t,
        lang,
        timeZone: model.zone,
        day: chosen,
        slots: chosen ? (index.byDay.get(chosen) ?? []) : [],
        mode: this.host.bookMode() ? 'book' : 'select',
        selectedId: this.chosenSlotId,
        active: this.activeTimes,
        zoneControl: renderZoneControl({
          t,
          current: model.zone,
          options: zoneOptions(t, lang, model.setup.clinicZone, this.host.attributes().timezone),
          menu: this.zoneMenu,
          onPick: (zone) => this.pickZone(zone, state.value),
        }),
        onChoose: (slot) => this.chooseSlot(model, slot),
        onKeydown: (event, part, slots) => this.onTimesKeydown(event, part, slots),
      })}
    </div>`;
  }
}
