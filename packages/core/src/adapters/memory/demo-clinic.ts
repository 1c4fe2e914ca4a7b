/**
 * `@frontdesk/core/memory/demo-clinic`: the demo clinic's plain data (organization, locations, opening hours,
 * providers and their sessions, visit types, prices, plans, surveys, holidays), so a real backend can be seeded with
 * the very clinic that Storybook and the memory adapter show. Data only: nothing here runs at import.
 */
export { clinicHolidays } from './calendar.js';
export {
  type Block,
  type DemoProvider,
  LOCATIONS,
  OPENING_HOURS,
  type OpeningHours,
  ORGANIZATION,
  PREPARATION,
  PROVIDERS,
  type Session,
  VIRTUAL_HOURS,
  VISIT_TYPES,
} from './clinic-data.js';
export { DEFAULT_DAYS, DEFAULT_SEED } from './options.js';
export { PLANS, PRICE_LIST } from './prices.js';
export { SlotCalendar, sessionVisitTypes } from './slots.js';
export { SURVEYS } from './surveys.js';
