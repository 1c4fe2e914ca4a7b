/**
 * `@frontdesk/core/smart-scheduling-links`: a SMART Scheduling Links publisher (`$bulk-publish` manifest with
 * Location, Schedule and Slot NDJSON) as a read-only source of locations and slots, booked through each slot's deep
 * link or phone number.
 */
export { createSmartSchedulingLinksAdapter } from './adapter.js';
export { bookingLink, SMART_EXTENSIONS, type StoredSlot, smartSlot } from './map.js';
export { type NdjsonOptions, type NdjsonStats, readNdjson } from './ndjson.js';
export type { SmartSchedulingLinksOptions } from './options.js';
