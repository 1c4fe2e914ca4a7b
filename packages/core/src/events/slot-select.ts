/** Detail of `fd-slot-select`: the time the patient chose. No patient data. */
export interface FdSlotSelectDetail {
  slotId: string;
  /** The instants as the source gave them, with their offsets. */
  start: string;
  end: string;
  providerId: string | undefined;
  locationId: string | undefined;
  /** The visit type the picker offered the time for (what a cost estimate with `for` follows). */
  visitTypeId: string | undefined;
  /** The zone the patient saw the time in. */
  timeZone: string;
}
