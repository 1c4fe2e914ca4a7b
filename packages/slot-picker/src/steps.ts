/** The picker's steps: choosing a time, then (in `book` mode) the steps that book it. */
export type Step = 'pick' | 'details' | 'review' | 'done' | 'elsewhere';

/**
 * Where focus goes after the next render: a step's heading, the error summary, the grid, a question (new or existing
 * patient, the visit type), the first field of the details, the confirm button, the waitlist form's parts, a time or a field.
 */
export type Focus =
  | 'step'
  | 'summary'
  | 'grid'
  | 'conflict'
  | 'patient-type'
  | 'visit-type'
  | 'fields'
  | 'confirm'
  | 'waitlist'
  | 'waitlist-summary'
  | 'waitlist-outcome'
  | 'waitlist-failure'
  | 'waitlist-button'
  | { slot: string }
  | { field: string };
