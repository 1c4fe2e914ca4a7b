import { type FrontdeskAdapter, type FrontdeskError, toFrontdeskError } from '@frontdesk/core';
import { LocalizeController } from '@frontdesk/core/element';
import type { ReactiveControllerHost } from 'lit';
import { type BookingStrings, bookingStrings } from './booking-strings.js';
import { DraftStore } from './draft-store.js';
import { AttemptKeys } from './idempotency.js';
import type { Model } from './model.js';
import {
  emptyDraft,
  type PatientDraft,
  type PatientErrors,
  type PatientRules,
  validatePatient,
} from './patient-form.js';
import { patientRules } from './patient-rules.js';
import type { Focus } from './steps.js';

/** What a part of the picker loaded on demand (the booking steps, the waitlist form) needs from the element. */
export interface PartHost {
  /** The picker itself: the part's strings follow its language. */
  readonly element: ReactiveControllerHost & HTMLElement;
  /** Names this picker's draft in the page's session storage. */
  readonly draftKey: string;
  requestUpdate(): void;
  resolveAdapter(): Promise<FrontdeskAdapter>;
  reportError(error: FrontdeskError, recoverable: boolean): void;
  /** The words for a failure of this kind (the shared error strings). */
  errorText(error: FrontdeskError): string;
  announce(message: string): void;
  focus(target: Focus): void;
}

/**
 * What the booking steps and the waitlist form share: the patient's draft (one per picker, kept in the tab's session
 * storage, so what is typed in one is there in the other), its checks, the words, and how a request to the server is
 * made. Imported only by those two lazily loaded parts, never by the calendar.
 */
export abstract class PatientPart<H extends PartHost = PartHost> {
  protected readonly host: H;
  protected readonly l10n: LocalizeController<BookingStrings>;
  protected readonly store: DraftStore;
  protected draft: PatientDraft;
  protected errors: PatientErrors = {};
  protected submitted = false;
  protected busy = false;
  protected failure: string | undefined;
  protected readonly attempts = new AttemptKeys();

  constructor(host: H) {
    this.host = host;
    this.l10n = new LocalizeController<BookingStrings>(host.element, bookingStrings);
    this.store = new DraftStore(host.draftKey);
    this.draft = this.store.load() ?? emptyDraft();
  }

  /** Resolves when the part's words in the page's language are loaded. */
  stringsReady(): Promise<void> {
    return this.l10n.ready();
  }

  protected get t(): BookingStrings {
    return this.l10n.t;
  }

  protected rules(model: Model): PatientRules {
    return patientRules(model, this.l10n.lang);
  }

  /** The draft as this part checks and sends it. */
  protected asked(_model: Model): PatientDraft {
    return this.draft;
  }

  /** The patient typed: kept at once, and checked again once they have tried to go on. */
  protected change(model: Model, draft: PatientDraft): void {
    this.draft = draft;
    this.store.save(draft);
    if (this.submitted) this.errors = validatePatient(this.asked(model), this.rules(model));
    this.host.requestUpdate();
  }

  /**
   * One request to the server: the part is busy meanwhile (its buttons disabled) and `announcement` is read out; a
   * failure is reported as a recoverable `fd-error` and handed to `failed`, which decides what the patient is shown.
   */
  protected async request(
    announcement: string | undefined,
    work: () => Promise<void>,
    failed: (error: FrontdeskError) => void | Promise<void>,
  ): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    this.host.requestUpdate();
    if (announcement !== undefined) this.host.announce(announcement);
    try {
      await work();
    } catch (thrown) {
      const error = toFrontdeskError(thrown);
      this.host.reportError(error, true);
      await failed(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}

/** `part` once its words in the page's language are loaded, so it never flashes in English first. */
export async function withStrings<P extends PatientPart>(part: P): Promise<P> {
  await part.stringsReady();
  return part;
}
