import * as z from 'zod/mini';
import { Id, Instant } from './primitives.js';

/**
 * What `listSlots` takes (one schema for every adapter): a window, and optionally a provider, a location and a visit
 * type. A source without practitioners (SMART Scheduling Links) is queried by `locationId` alone.
 */
export const SlotQuerySchema = z.object({
  start: Instant,
  end: Instant,
  providerId: z.optional(Id),
  locationId: z.optional(Id),
  visitTypeId: z.optional(Id),
});
