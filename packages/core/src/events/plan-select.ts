/**
 * Detail of `fd-plan-select`: the patient chose their insurance plan while booking (or chose to pay themselves), so a
 * cost estimate on the page can follow it. The plan only, never the member id.
 */
export interface FdPlanSelectDetail {
  /** The plan's id from `listPlans`, or undefined for "I'll pay myself" / no insurance given. */
  planId: string | undefined;
}
