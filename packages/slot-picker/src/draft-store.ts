import { emptyDraft, type PatientDraft } from './patient-form.js';

/**
 * The booking form's draft in the page's sessionStorage, one entry per picker, so a reload (or a tab the phone threw
 * away) loses nothing typed. It lives only as long as the tab and is removed once the booking is confirmed. Storage
 * that is full or forbidden (a private window) just means no draft is kept.
 */
export class DraftStore {
  private readonly key: string;

  constructor(pickerKey: string) {
    this.key = `fd-slot-picker:draft:${pickerKey}`;
  }

  /** The saved draft, each field taken only when it has the type it should: storage is another page's to write. */
  load(): PatientDraft | undefined {
    let saved: unknown;
    try {
      const text = sessionStorage.getItem(this.key);
      saved = text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
    if (typeof saved !== 'object' || saved === null) return undefined;
    const draft = emptyDraft();
    const fields = draft as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(saved)) {
      if (Object.hasOwn(fields, field) && typeof value === typeof fields[field]) fields[field] = value;
    }
    if (!['self', 'dependant'].includes(draft.forWhom)) draft.forWhom = 'self';
    if (!['', 'parent', 'guardian', 'caregiver', 'other'].includes(draft.relationship)) draft.relationship = '';
    if (!['', 'new', 'existing'].includes(draft.patientType)) draft.patientType = '';
    return draft;
  }

  save(draft: PatientDraft): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(draft));
    } catch {
      // No room or no storage: the draft stays in memory for this page's life.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      // Nothing was stored.
    }
  }
}
