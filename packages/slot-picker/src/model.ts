import { type DayKey, shiftDayKey, type VisitType } from '@frontdesk/core';
import { DEFAULT_DAYS } from './config.js';
import { buildDayIndex, type DayIndex } from './day-index.js';
import type { Setup, SlotData } from './loaders.js';
import type { CleanSlot } from './slot-cleaning.js';
import type { Modality } from './views/filters-view.js';
import { ZoneClock } from './zone-clock.js';

/** What the patient and the page have chosen that shapes the calendar. */
export interface Choices {
  /** The zone picked in the menu, over the `timezone` attribute, over the clinic's zone. */
  userZone: string | undefined;
  timezone: string | undefined;
  start: DayKey | undefined;
  days: number | undefined;
  modality: Modality;
  /** The visit type picked in the filter, over the `visit-type` attribute. */
  visitTypeChoice: string | undefined;
  visitType: string | undefined;
}

/** Everything a render derives from the setup, the slots and the choices. */
export interface Model {
  setup: Setup;
  zone: string;
  today: DayKey;
  firstDay: DayKey;
  lastDay: DayKey;
  /** The provider's visit types in the chosen modality. */
  visitTypes: VisitType[];
  visitType: VisitType | undefined;
  /** Free slots by day in `zone`, once the slots are loaded. */
  index: DayIndex | undefined;
}

/**
 * Derives the model for each render, keeping the day index until the slots, zone, visit type or range change: a day
 * switch or a keystroke in the grid never re-indexes 10,000 slots.
 */
export class ModelBuilder {
  private cache: { key: readonly unknown[]; index: DayIndex } | undefined;

  build(setup: Setup, slots: SlotData | undefined, choices: Choices): Model {
    const zone = choices.userZone ?? choices.timezone ?? setup.clinicZone;
    const today = new ZoneClock(zone).wallTime(Date.now()).day;
    const firstDay = choices.start ?? today;
    const lastDay = shiftDayKey(firstDay, (choices.days ?? DEFAULT_DAYS) - 1);
    const visitTypes = setup.visitTypes.filter(
      (type) => choices.modality === 'any' || type.modality === choices.modality,
    );
    const wanted = choices.visitTypeChoice ?? choices.visitType;
    const visitType = visitTypes.find((type) => type.id === wanted) ?? visitTypes[0];
    const index = slots ? this.index(slots.free, zone, visitType?.id, firstDay, lastDay) : undefined;
    return { setup, zone, today, firstDay, lastDay, visitTypes, visitType, index };
  }

  private index(free: CleanSlot[], zone: string, visitTypeId: string | undefined, firstDay: DayKey, lastDay: DayKey) {
    const key = [free, zone, visitTypeId, firstDay, lastDay];
    if (this.cache?.key.every((value, i) => value === key[i])) return this.cache.index;
    // A slot naming no visit type serves all of them; without a visit type nothing can be booked.
    const index = buildDayIndex(free, zone, { firstDay, lastDay }, (slot) =>
      visitTypeId === undefined ? false : slot.visitTypeIds.length === 0 || slot.visitTypeIds.includes(visitTypeId),
    );
    this.cache = { key, index };
    return index;
  }
}
