import { dayKey, isDayKey, shiftDayKey, startOfDayInZone } from '@frontdesk/core';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { StaffApiError, StaffClient } from './api.js';
import { ConsoleElement } from './console-element.js';
import type { ConsoleEventDetails } from './events.js';
import { dayOf } from './format.js';
import type {
  BookingDay,
  FailedMessage,
  FeedbackSummary,
  FreeSlot,
  FreeTimes,
  Permission,
  StaffBooking,
  StaffBookingDetail,
  StaffFlag,
  StaffSession,
  WaitlistEntry,
} from './types.js';

type View = 'schedule' | 'feedback' | 'messages' | 'waitlist';

/**
 * The staff console the Frontdesk server serves at `/staff/`: sign-in, then the open PHQ-9 flags at the top, and the
 * day's schedule (with each booking's actions), the feedback charts and the messages not sent, as the person's role
 * allows. Everything comes from the staff API, behind the session cookie, with the CSRF token on every change.
 *
 * @summary The clinic staff's console.
 */
export class FdStaffConsole extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    api: {},
    session: { state: true },
    started: { state: true },
    view: { state: true },
    day: { state: true },
    providerId: { state: true },
    booking: { state: true },
    freeTimes: { state: true },
    feedback: { state: true },
    flags: { state: true },
    failed: { state: true },
    waitlist: { state: true },
    providers: { state: true },
    busy: { state: true },
    signInError: { state: true },
    problem: { state: true },
    notice: { state: true },
  };

  static override styles = [
    ...ConsoleElement.styles,
    css`
      :host {
        max-width: 72em;
        margin-inline: auto;
        padding: var(--_fd-space);
        background: var(--_fd-color-surface);
        color: var(--_fd-color-text);
      }
      header {
        justify-content: space-between;
        align-items: center;
        border-bottom: 1px solid var(--_fd-color-divider);
        padding-block-end: 0.75em;
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
      }
      nav .fd-button[aria-current='page'] {
        text-decoration: underline;
        text-underline-offset: 0.25em;
      }
    `,
  ];

  /** Where the API is, on this origin. */
  api = '/api';
  protected session: StaffSession | undefined;
  protected started = false;
  protected view: View = 'schedule';
  protected day: BookingDay | undefined;
  protected providerId = '';
  protected booking: StaffBookingDetail | undefined;
  /** The free times of one day the open booking could move to. */
  protected freeTimes: FreeTimes | undefined;
  protected feedback: FeedbackSummary | undefined;
  protected flags: StaffFlag[] = [];
  protected failed: FailedMessage[] | undefined;
  protected waitlist: WaitlistEntry[] | undefined;
  protected providers: { id: string; name: string }[] = [];
  protected busy = false;
  protected signInError = '';
  protected problem = '';
  protected notice = '';
  private client = new StaffClient(this.api);
  /** The free-times request on its way: a newer day calls it off, so an older answer never replaces a newer one. */
  private timesRequest: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = new StaffClient(this.api);
    this.addEventListener('fd-staff-sign-in', (e) => void this.signIn(e.detail));
    this.addEventListener('fd-staff-day', (e) => void this.loadDay(e.detail.date, e.detail.providerId));
    this.addEventListener('fd-staff-open-booking', (e) => void this.openBooking(e.detail.bookingId));
    this.addEventListener('fd-staff-close-booking', () => this.closeBooking());
    this.addEventListener('fd-staff-attendance', (e) => void this.act(e.detail.bookingId, 'attendance', e.detail));
    this.addEventListener('fd-staff-cancel', (e) => void this.act(e.detail.bookingId, 'cancel', {}));
    this.addEventListener('fd-staff-reschedule', (e) => void this.act(e.detail.bookingId, 'reschedule', e.detail));
    this.addEventListener('fd-staff-free-times', (e) => {
      if (this.booking?.id === e.detail.bookingId) void this.loadFreeTimes(this.booking, e.detail.day, true);
    });
    this.addEventListener('fd-staff-handle-flag', (e) => void this.handleFlag(e.detail));
    void this.start();
  }

  private may(permission: Permission): boolean {
    return this.session?.permissions.includes(permission) ?? false;
  }

  /** Says what went wrong; a session that ended goes back to the sign-in. */
  private fail(error: unknown): void {
    this.problem = this.problemOf(error);
  }

  /** What went wrong, in the console's words; empty when the session ended (the sign-in shows again). */
  private problemOf(error: unknown): string {
    const t = this.i18n.t;
    if (!(error instanceof StaffApiError)) throw error;
    if (error.status === 401) {
      this.session = undefined;
      return '';
    }
    return error.status === 0
      ? t.networkError
      : error.status === 403
        ? t.forbidden
        : error.status === 409
          ? t.conflict
          : t.failed;
  }

  private say(message: string): void {
    this.notice = message;
    this.announce(message);
  }

  private async start(): Promise<void> {
    try {
      this.session = await this.client.session();
      if (this.session) await this.loadAll();
    } catch (error) {
      this.fail(error);
    } finally {
      this.started = true;
    }
  }

  private async signIn({ email, password }: ConsoleEventDetails['fd-staff-sign-in']): Promise<void> {
    const t = this.i18n.t;
    this.busy = true;
    this.signInError = '';
    try {
      this.session = await this.client.signIn(email, password);
      this.problem = '';
      await this.loadAll();
    } catch (error) {
      if (!(error instanceof StaffApiError)) throw error;
      this.signInError =
        error.status === 429
          ? t.tooManyAttempts(error.retryAfterSeconds ?? 60)
          : error.status === 0
            ? t.networkError
            : error.status === 400 || error.status === 401
              ? t.wrongPassword
              : t.failed;
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    try {
      await this.client.signOut();
    } catch (error) {
      this.fail(error);
    }
    this.session = undefined;
    this.forgetFreeTimes();
    this.day = this.booking = this.feedback = this.failed = this.waitlist = undefined;
    this.flags = [];
  }

  private async loadAll(): Promise<void> {
    const work: Promise<unknown>[] = [this.loadFlags()];
    if (this.may('bookings:read')) {
      work.push(this.loadDay('', ''), this.loadProviders(), this.loadFailed());
    }
    if (!this.may('bookings:read')) this.view = 'feedback';
    if (this.view === 'feedback') work.push(this.loadFeedback());
    await Promise.all(work);
  }

  private async loadFlags(): Promise<void> {
    if (!this.may('flags:read')) return;
    try {
      this.flags = (await this.client.get<{ data: StaffFlag[] }>('/staff/flags', { status: 'open' })).data;
    } catch (error) {
      this.fail(error);
    }
  }

  private async loadProviders(): Promise<void> {
    try {
      const list = await this.client.get<{ data: { id: string; displayName: string }[] }>('/providers');
      this.providers = list.data.map((p) => ({ id: p.id, name: p.displayName }));
    } catch (error) {
      this.fail(error);
    }
  }

  private async loadDay(date: string, providerId: string): Promise<void> {
    this.providerId = providerId;
    try {
      this.day = await this.client.get<BookingDay>('/staff/bookings', { date, providerId });
    } catch (error) {
      this.fail(error);
    }
  }

  private async loadFeedback(): Promise<void> {
    try {
      this.feedback = await this.client.get<FeedbackSummary>('/staff/feedback');
    } catch (error) {
      this.fail(error);
    }
  }

  private async loadFailed(): Promise<void> {
    try {
      this.failed = (await this.client.get<{ data: FailedMessage[] }>('/staff/messages/failed')).data;
    } catch (error) {
      this.fail(error);
    }
  }

  private async loadWaitlist(): Promise<void> {
    try {
      this.waitlist = (await this.client.get<{ data: WaitlistEntry[] }>('/staff/waitlist')).data;
    } catch (error) {
      this.fail(error);
    }
  }

  private async openBooking(bookingId: string): Promise<void> {
    this.problem = '';
    this.view = 'schedule';
    try {
      const booking = await this.client.get<StaffBookingDetail>(`/staff/bookings/${bookingId}`);
      this.forgetFreeTimes();
      this.booking = booking;
      await this.updateComplete;
      this.renderRoot
        .querySelector<ConsoleElement>('fd-staff-booking')
        ?.renderRoot.querySelector<HTMLElement>('h2')
        ?.focus();
      if (this.may('bookings:write') && booking.status !== 'cancelled') {
        await this.loadFreeTimes(booking, dayKey(booking.start, booking.timeZone));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The free times of `day` (in the booking's time zone) with the booking's provider for its visit type. The server
   * leaves out the times already past by its own clock. A day asked for later calls this one off.
   */
  private async loadFreeTimes(booking: StaffBookingDetail, day: string, announce = false): Promise<void> {
    if (!isDayKey(day)) return;
    this.timesRequest?.abort();
    const request = new AbortController();
    this.timesRequest = request;
    this.freeTimes = { day, state: 'loading', slots: [], problem: '' };
    try {
      const answer = await this.client.get<{ data: (FreeSlot & { status: string })[] }>(
        '/slots',
        {
          providerId: booking.providerId,
          visitTypeId: booking.visitTypeId,
          start: startOfDayInZone(day, booking.timeZone),
          end: startOfDayInZone(shiftDayKey(day, 1), booking.timeZone),
        },
        request.signal,
      );
      if (request.signal.aborted) return;
      const slots = answer.data.filter((slot) => slot.status === 'free').map(({ id, start }) => ({ id, start }));
      this.freeTimes = { day, state: 'ready', slots, problem: '' };
      if (announce) this.announce(this.i18n.t.freeTimesOn(slots.length, dayOf(this.i18n.lang, day)));
    } catch (error) {
      if (request.signal.aborted) return;
      this.freeTimes = { day, state: 'error', slots: [], problem: this.problemOf(error) };
    }
  }

  private forgetFreeTimes(): void {
    this.timesRequest?.abort();
    this.timesRequest = this.freeTimes = undefined;
  }

  private async closeBooking(): Promise<void> {
    this.forgetFreeTimes();
    this.booking = undefined;
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('nav .fd-button[aria-current="page"]')?.focus();
  }

  private async act(bookingId: string, action: 'attendance' | 'cancel' | 'reschedule', body: object): Promise<void> {
    const t = this.i18n.t;
    this.busy = true;
    this.problem = '';
    try {
      const payload =
        action === 'attendance'
          ? { attendance: (body as { attendance: string }).attendance }
          : action === 'reschedule'
            ? { slotId: (body as { slotId: string }).slotId }
            : {};
      const updated = await this.client.post<StaffBooking>(`/staff/bookings/${bookingId}/${action}`, payload);
      this.say(
        action === 'cancel'
          ? t.cancelledNotice
          : action === 'reschedule'
            ? t.movedNotice
            : t.markedNotice(t.statusOf(updated.attendance)),
      );
      await this.openBooking(bookingId);
      await this.loadDay(this.day?.from ?? '', this.providerId);
    } catch (error) {
      this.fail(error);
      // The time was taken meanwhile: the day's list shows what is still free.
      const times = this.freeTimes;
      if (action === 'reschedule' && this.booking && times && error instanceof StaffApiError && error.status === 409) {
        await this.loadFreeTimes(this.booking, times.day);
      }
    } finally {
      this.busy = false;
    }
  }

  private async handleFlag({ responseId, note }: ConsoleEventDetails['fd-staff-handle-flag']): Promise<void> {
    this.busy = true;
    try {
      await this.client.post(`/staff/flags/${responseId}/handled`, note ? { note } : {});
      this.say(this.i18n.t.handledNotice);
      await this.loadFlags();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private show(view: View): void {
    this.view = view;
    this.forgetFreeTimes();
    this.booking = undefined;
    this.problem = '';
    if (view === 'feedback' && !this.feedback) void this.loadFeedback();
    if (view === 'messages') void this.loadFailed();
    if (view === 'waitlist') void this.loadWaitlist();
  }

  override render() {
    const t = this.i18n.t;
    const lang = this.i18n.lang.startsWith('es') ? 'es' : 'en';
    return html`<div class="stack">
      <header class="row">
        <h1>${t.consoleTitle}</h1>
        <div class="row">
          <label>
            ${t.language}
            <select
              @change=${(event: Event) => {
                document.documentElement.lang = (event.target as HTMLSelectElement).value;
              }}
            >
              <option value="en" ?selected=${lang === 'en'}>English</option>
              <option value="es" ?selected=${lang === 'es'}>Español</option>
            </select>
          </label>
          ${
            this.session
              ? html`<span>${t.signedInAs(this.session.staff.name ?? this.session.staff.email)}</span>
                  <button class="fd-button secondary" type="button" @click=${() => void this.signOut()}>
                    ${t.signOut}
                  </button>`
              : nothing
          }
        </div>
      </header>
      ${this.renderAnnouncer()}
      ${this.notice ? html`<p class="muted" aria-hidden="true">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${!this.started ? this.renderLoading(t.loading) : this.session ? this.renderSignedIn() : this.renderSignIn()}
    </div>`;
  }

  private renderSignIn() {
    return html`<main>
      <fd-staff-sign-in .error=${this.signInError} ?busy=${this.busy}></fd-staff-sign-in>
    </main>`;
  }

  private renderSignedIn() {
    const t = this.i18n.t;
    const views: [View, string, Permission][] = [
      ['schedule', t.schedule, 'bookings:read'],
      ['feedback', t.feedback, 'feedback:read'],
      ['messages', `${t.failedMessages}${this.failed?.length ? ` (${this.failed.length})` : ''}`, 'bookings:read'],
      ['waitlist', t.waitlist, 'bookings:read'],
    ];
    const zone = this.day?.timeZone ?? this.feedback?.timeZone ?? 'UTC';
    return html`<fd-staff-flags
        .flags=${this.flags}
        time-zone=${zone}
        ?can-handle=${this.may('flags:handle')}
        ?busy=${this.busy}
      ></fd-staff-flags>
      <nav aria-label=${t.sections} class="row">
        ${views
          .filter(([, , permission]) => this.may(permission))
          .map(
            ([view, label]) => html`<button
              class="fd-button secondary"
              type="button"
              aria-current=${this.view === view ? 'page' : 'false'}
              @click=${() => this.show(view)}
            >
              ${label}
            </button>`,
          )}
      </nav>
      <main>${this.renderView(zone)}</main>`;
  }

  private renderView(zone: string) {
    if (this.booking) {
      return html`<fd-staff-booking
        .booking=${this.booking}
        .freeTimes=${this.freeTimes}
        ?can-write=${this.may('bookings:write')}
        ?busy=${this.busy}
      ></fd-staff-booking>`;
    }
    if (this.view === 'feedback') return html`<fd-staff-feedback .summary=${this.feedback}></fd-staff-feedback>`;
    if (this.view === 'messages') {
      return html`<fd-staff-failed-messages .messages=${this.failed} time-zone=${zone}></fd-staff-failed-messages>`;
    }
    if (this.view === 'waitlist') {
      return html`<fd-staff-waitlist .entries=${this.waitlist} .providers=${this.providers}></fd-staff-waitlist>`;
    }
    return html`<fd-staff-schedule
      .day=${this.day}
      .providers=${this.providers}
      provider-id=${this.providerId}
    ></fd-staff-schedule>`;
  }
}
