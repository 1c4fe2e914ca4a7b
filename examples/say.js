// What the React and Vue example apps say about the events they heard, in words a patient reads.

/** "Tuesday, March 10 at 9:30 AM Central Time": in the zone the patient saw the time in, the zone by its name. */
export const when = (detail) =>
  new Date(detail.start).toLocaleString('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: detail.timeZone,
    timeZoneName: 'longGeneric',
  });

/** "$150.00": an estimate's total, from integer cents. */
export const money = (detail) =>
  (detail.patientTotal / 100).toLocaleString('en-US', { style: 'currency', currency: detail.currency });
