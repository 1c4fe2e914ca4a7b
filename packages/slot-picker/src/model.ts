import { type DayKey, shiftDayKey, type VisitType } from '@frontdesk/core';
import { DEFAULT_DAYS } from './config.js';
import { buildDayIndex, type DayIndex } from './day-index.js';
import type { Setup, SlotData } from './loaders.js';
import type { CleanSlot } from './slot-cleaning.js';
import type { PatientType } from './views/filters-view.js';
import { ZoneClock } from './zone-clock.js';

/** What the patient and the page have chosen that shapes the calendar. */
export interface Choices {
  /** The zone picked in the menu, over the `timezone` attribute, over the clinic's zone. */
  userZone: string | undefined;
  timezone: string | undefined;
  start: DayKey | undefined;
  days: number | undefined;
  /** The answer to "new or existing patient", when given (or implied by the `visit-type` attribute). */
  patientType: PatientType | undefined;
  /** The visit type picked, over the `visit-type` attribute. */
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
  /** Whether "new or existing patient" is asked first: the visit types differ by it. */
  askPatientType: boolean;
  patientType: PatientType | undefined;
  /** The visit types open to the patient's answer. */
  visitTypes: VisitType[];
  /** The visit type the times are for: chosen, given by the page, or the only one that fits. Never a guess. */
  visitType: VisitType | undefined;
  /** Free slots by day in `zone`, once the slots are loaded and a visit type is known. */
  index: DayIndex | undefined;
}

/** Whether the visit types differ by who may book them, so the patient is asked first. */
export function asksPatientType(types: readonly VisitType[]): boolean {
  return types.some((type) => type.patientType === 'new') && types.some((type) => type.patientType === 'existing');
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
    const askPatientType = asksPatientType(setup.visitTypes);
    const given = setup.visitTypes.find((type) => type.id === choices.visitType)?.patientType;
    const patientType = choices.patientType ?? (given === 'new' || given === 'existing' ? given : undefined);
    const answered = !askPatientType || patientType !== undefined;
    const visitTypes = answered
      ? setup.visitTypes.filter(
          (type) => !askPatientType || type.patientType === 'any' || type.patientType === patientType,
        )
      : [];
    const wanted = choices.visitTypeChoice ?? choices.visitType;
    const visitType =
      visitTypes.find((type) => type.id === wanted) ?? (visitTypes.length === 1 ? visitTypes[0] : undefined);
    const index = slots && visitType ? this.index(slots.free, zone, visitType.id, firstDay, lastDay) : undefined;
    return { setup, zone, today, firstDay, lastDay, askPatientType, patientType, visitTypes, visitType, index };
  }

  private index(free: CleanSlot[], zone: string, visitTypeId: string, firstDay: DayKey, lastDay: DayKey) {
    const key = [free, zone, visitTypeId, firstDay, lastDay];
    if (this.cache?.key.every((value, i) => value === key[i])) return this.cache.index;
    // A slot naming no visit type serves all of them.
    const index = buildDayIndex(
      free,
      zone,
      { firstDay, lastDay },
      (slot) => slot.visitTypeIds.length === 0 || slot.visitTypeIds.includes(visitTypeId),
    );
    this.cache = { key, index };
    return index;
  }
}
