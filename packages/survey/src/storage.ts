import type { QuestionnaireResponse } from '@frontdesk/core';

/**
 * What fd-survey keeps in localStorage, keyed by survey id: the draft (only with `save-draft`) and the outbox (a
 * submitted response not yet acknowledged). Both hold patient answers, so nothing else is stored anywhere and both are
 * removed as soon as the server acknowledges. Storage may be full or blocked (private mode): every call is guarded.
 */
const PREFIX = 'fd-survey:';

export interface QueuedSubmission {
  format: 'frontdesk-survey-outbox';
  /** The Idempotency-Key the response was first sent with; every retry reuses it. */
  key: string;
  response: QuestionnaireResponse;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function read(name: string): unknown {
  try {
    const text = storage()?.getItem(PREFIX + name);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function write(name: string, value: unknown): boolean {
  try {
    const store = storage();
    if (!store) return false;
    if (value === undefined) store.removeItem(PREFIX + name);
    else store.setItem(PREFIX + name, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const draftName = (surveyId: string) => `draft:${surveyId}`;
export const outboxName = (surveyId: string) => `outbox:${surveyId}`;

export function loadDraft(surveyId: string): unknown {
  return read(draftName(surveyId));
}

export function saveDraft(surveyId: string, draft: unknown): void {
  write(draftName(surveyId), draft);
}

export function loadQueued(surveyId: string): QueuedSubmission | undefined {
  const value = read(outboxName(surveyId)) as Partial<QueuedSubmission> | undefined;
  const ok =
    value?.format === 'frontdesk-survey-outbox' &&
    typeof value.key === 'string' &&
    typeof value.response === 'object' &&
    value.response !== null;
  return ok ? (value as QueuedSubmission) : undefined;
}

/** False when storage refused it; the submission then stays queued in memory for this page only. */
export function saveQueued(surveyId: string, queued: QueuedSubmission | undefined): boolean {
  return write(outboxName(surveyId), queued);
}
