import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStrings } from '../booking-strings.js';

export interface ConfirmationProps {
  t: BookingStrings;
  rows: readonly (readonly [string, string])[];
  /** Which messages the server said it will send; undefined promises nothing. */
  notice: string | undefined;
  instructions: string | undefined;
  /** Where a video visit is joined, when the backend gave it. */
  joinUrl: string | undefined;
  manageUrl: string | undefined;
  /** A `blob:` URL of the .ics file. */
  calendarUrl: string | undefined;
  /** "Add to Google Calendar" and "Add to Outlook": the title, times and place only. */
  googleUrl?: string | undefined;
  outlookUrl?: string | undefined;
}

/** A button-styled link to `url` in a new tab, which gets no handle on this page; nothing without a URL. */
function newTabLink(url: string | undefined, part: string, label: string, primary = false) {
  return url
    ? html`<a class="fd-button${primary ? '' : ' secondary'}" part=${part} href=${url} target="_blank" rel="noopener noreferrer">${label}</a>`
    : nothing;
}

/** The booking, the messages that will really come, what to do before the visit, the join link and the calendar file. */
export function renderConfirmation(props: ConfirmationProps): TemplateResult {
  const { t } = props;
  return html`<section class="step" part="confirmation" aria-labelledby="step-heading">
    <h3 id="step-heading" tabindex="-1" data-focus="step" class="success">${t.confirmed}</h3>
    <dl class="summary-list">
      ${props.rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>
    ${props.notice ? html`<p part="notifications">${props.notice}</p>` : nothing}
    ${
      props.instructions
        ? html`<h4>${t.instructions}</h4>
          <p class="instructions" part="instructions">${props.instructions}</p>`
        : nothing
    }
    <div class="actions">
      ${newTabLink(props.joinUrl, 'join-link', t.joinVideo, true)}
      ${
        props.calendarUrl
          ? html`<a class="fd-button${props.joinUrl ? ' secondary' : ''}" part="calendar-link" href=${props.calendarUrl} download="appointment.ics"
            >${t.addToCalendar}</a
          >`
          : nothing
      }
      ${newTabLink(props.googleUrl, 'google-calendar-link', t.addToGoogle)}
      ${newTabLink(props.outlookUrl, 'outlook-calendar-link', t.addToOutlook)}
      ${newTabLink(props.manageUrl, 'manage-link', t.manage)}
    </div>
  </section>`;
}

/** `tel:` wants digits: the extension and the punctuation are left out. */
const telNumber = (phone: string): string => phone.replace(/\s*(x|ext\.?).*$/i, '').replace(/[^0-9+]/g, '');

export interface ElsewhereProps {
  t: BookingStrings;
  when: string;
  bookingLink: string | undefined;
  phone: string | undefined;
  onBack: () => void;
}

/** A source that cannot book through an API (SMART Scheduling Links): its deep link or phone number instead. */
export function renderElsewhere(props: ElsewhereProps): TemplateResult {
  const { t } = props;
  return html`<section class="step" part="book-elsewhere" aria-labelledby="step-heading">
    <h3 id="step-heading" tabindex="-1" data-focus="step">${t.bookElsewhere}</h3>
    <p class="chosen">${props.when}</p>
    <p>${props.bookingLink || props.phone ? t.bookElsewhereText : t.noBookingRoute}</p>
    <div class="actions">
      <button type="button" class="fd-button secondary" part="back-button" @click=${props.onBack}>${t.changeTime}</button>
      ${
        props.bookingLink
          ? html`<a class="fd-button" part="booking-link" href=${props.bookingLink} target="_blank" rel="noopener noreferrer"
            >${t.bookOnline}</a
          >`
          : nothing
      }
      ${
        props.phone
          ? html`<a class="fd-button${props.bookingLink ? ' secondary' : ''}" part="booking-phone" href="tel:${telNumber(props.phone)}"
            >${t.callToBook(props.phone)}</a
          >`
          : nothing
      }
    </div>
  </section>`;
}
