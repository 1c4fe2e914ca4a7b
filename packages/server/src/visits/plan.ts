import type { Notifications } from '@frontdesk/core';
import type { ClinicSnapshot } from '../clinic/store.js';
import type { JobSpec } from '../jobs/queue.js';

/** The messages about a visit; `messages/compose.ts` writes each one. */
export type VisitMessage = 'confirmation' | 'changed' | 'cancelled' | 'reminder' | 'survey';
export type Channel = keyof Notifications;

export interface VisitPlan {
  bookingId: string;
  sequence: number;
  startMs: number;
  endMs: number;
  notifications: Notifications;
  nowMs: number;
  /** The notice sent now: of a new booking, a moved one or a cancelled one. */
  notice: 'confirmation' | 'changed' | 'cancelled';
  /** The clinic has a survey page to invite patients to. */
  surveyPage: boolean;
}

/** One `message` job: send `message` about a booking by one channel (one job per channel, so each retries alone). */
export function messageJob(
  bookingId: string,
  message: VisitMessage,
  channel: Channel,
  runAtMs: number,
  dedupe: string,
  sequence: number,
): JobSpec {
  return {
    kind: 'message',
    dedupeKey: `message:${bookingId}:${dedupe}:${channel}`,
    runAtMs,
    payload: { bookingId, message, channel, sequence },
  };
}

/**
 * The jobs a booking needs after it is made, moved or cancelled, by each channel the patient will get: the notice
 * now; then, unless cancelled, a reminder at each of the clinic's offsets still ahead, and the survey invitation a
 * while after the visit ends (once per visit: its key carries no sequence, so a visit moved after it was sent gets
 * no second one).
 */
export function planVisitJobs(snapshot: ClinicSnapshot, plan: VisitPlan): JobSpec[] {
  const { settings } = snapshot;
  const jobs: JobSpec[] = [];
  for (const channel of ['email', 'sms'] as const) {
    if (!plan.notifications[channel]) continue;
    const at = (message: VisitMessage, runAtMs: number, dedupe: string) =>
      jobs.push(messageJob(plan.bookingId, message, channel, runAtMs, dedupe, plan.sequence));
    at(plan.notice, plan.nowMs, `${plan.sequence}:${plan.notice}`);
    if (plan.notice === 'cancelled') continue;
    for (const minutes of settings.reminderMinutesBefore) {
      const runAtMs = plan.startMs - minutes * 60_000;
      // A reminder due within ten minutes of the notice says nothing the notice did not.
      if (runAtMs > plan.nowMs + 10 * 60_000) at('reminder', runAtMs, `${plan.sequence}:reminder-${minutes}`);
    }
    if (plan.surveyPage && settings.surveyId !== undefined)
      at('survey', plan.endMs + settings.surveyDelayMinutes * 60_000, 'survey');
  }
  return jobs;
}
