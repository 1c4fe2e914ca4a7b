import {
  type Block,
  clinicHolidays,
  DEFAULT_DAYS,
  DEFAULT_SEED,
  LOCATIONS,
  OPENING_HOURS,
  type OpeningHours,
  ORGANIZATION,
  PLANS,
  PREPARATION,
  PRICE_LIST,
  PROVIDERS,
  type Session,
  SlotCalendar,
  SURVEYS,
  sessionVisitTypes,
  VIRTUAL_HOURS,
  VISIT_TYPES,
} from '@frontdesk/core/memory/demo-clinic';
import type { AvailabilityRule, ClinicFile, Closure } from './file.js';

/** The blocks of opening hours a session covers: the morning is the block before lunch, the afternoon the rest. */
function blocksOf(blocks: readonly Block[], part: Session['part']): readonly Block[] {
  if (part === 'morning') return blocks.slice(0, 1);
  if (part === 'afternoon') return blocks.slice(1);
  return blocks;
}

function rulesOf(demo: (typeof PROVIDERS)[number]): AvailabilityRule[] {
  const rules: AvailabilityRule[] = [];
  for (const session of demo.sessions) {
    const virtual = 'virtualZone' in session;
    const hours: OpeningHours | undefined = virtual ? VIRTUAL_HOURS : OPENING_HOURS[session.locationId];
    const visitTypes = sessionVisitTypes(demo, VISIT_TYPES, virtual);
    if (!hours || visitTypes.length === 0) continue;
    const where = virtual ? { timeZone: session.virtualZone } : { location: session.locationId };
    const weekdays = session.weekdays.filter((day) => day <= 5);
    const add = (days: number[], blocks: readonly Block[]) => {
      if (days.length === 0) return;
      for (const [start, end] of blocksOf(blocks, session.part)) {
        rules.push({
          provider: demo.provider.id,
          ...where,
          weekdays: days,
          start,
          end,
          slotMinutes: demo.slotMinutes,
          visitTypes,
        });
      }
    };
    add(weekdays, hours.weekdays);
    if (session.weekdays.includes(6)) add([6], hours.saturday ?? []);
  }
  return rules;
}

/**
 * The demo clinic of the memory adapter (Storybook, tests, the CMS preview) as a clinic file: the same
 * organization, offices, providers, visit types, prices, plans and surveys, and availability rules that give the
 * same working hours, holidays and the same provider's week of vacation. What the memory adapter invents on top (a
 * calendar already partly booked by imaginary patients) is left out: here only real bookings fill it.
 */
export function demoClinic(now: number): ClinicFile {
  const year = new Date(now).getUTCFullYear();
  const holidays: Closure[] = [];
  for (let y = year - 1; y <= year + 3; y++) {
    for (const day of clinicHolidays(y)) holidays.push({ from: day, to: day, reason: 'Clinic holiday' });
  }
  // The memory adapter sends one provider on a week's vacation three to six weeks after `now`; so does the seed.
  const { vacation } = new SlotCalendar({
    seed: DEFAULT_SEED,
    now,
    days: 1,
    providers: PROVIDERS,
    visitTypes: VISIT_TYPES,
    locations: LOCATIONS,
    openingHours: OPENING_HOURS,
    virtualHours: VIRTUAL_HOURS,
  });
  const closures = vacation
    ? [...holidays, { from: vacation.from, to: vacation.to, provider: vacation.providerId, reason: 'Vacation' }]
    : holidays;

  return {
    organization: structuredClone(ORGANIZATION),
    settings: { horizonDays: DEFAULT_DAYS, minimumNoticeMinutes: 0 },
    locations: structuredClone([...LOCATIONS]),
    providers: PROVIDERS.map((demo) => ({
      ...structuredClone(demo.provider),
      // Served by the demo site (examples/photos); a path is made absolute with the server's public URL.
      ...(demo.hasPhoto ? { photoUrl: `/photos/${demo.provider.id}.svg` } : {}),
    })),
    visitTypes: VISIT_TYPES.map((type) => ({
      ...structuredClone(type),
      ...(PREPARATION[type.id] === undefined ? {} : { preparation: PREPARATION[type.id] }),
    })),
    availability: PROVIDERS.flatMap(rulesOf),
    closures,
    plans: structuredClone([...PLANS]),
    prices: Object.entries(PRICE_LIST).map(([service, entry]) => ({ service, ...structuredClone(entry) })),
    surveys: SURVEYS.map(({ questionnaire, kind }) => ({ kind, questionnaire: structuredClone(questionnaire) })),
  };
}
