/** Detail of `fd-waitlist-join`: a patient asked to be told of an earlier time. What and when, never who. */
export interface FdWaitlistJoinDetail {
  providerId: string;
  visitTypeId: string;
  /** The first and last day the patient could come (`YYYY-MM-DD`, the clinic's days). */
  from: string;
  to: string;
}
