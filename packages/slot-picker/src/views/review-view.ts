import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStrings } from '../booking-strings.js';

export interface ReviewProps {
  t: BookingStrings;
  /** Label and value pairs, in reading order; values are plain text. */
  rows: readonly (readonly [string, string])[];
  agreement: string;
  busy: boolean;
  /** A readable sentence when the last attempt failed for a reason other than a conflict. */
  failure: string | undefined;
  onEditDetails: () => void;
  onChangeTime: () => void;
  onConfirm: () => void;
}

/**
 * Everything the booking will say, checked before it is sent. Focus lands on the confirm button (the step's one
 * decision), which is described by the whole review and the agreement, so a screen reader reads what is about to be sent. Confirming twice sends
 * one booking.
 */
export function renderReview(props: ReviewProps): TemplateResult {
  const { t } = props;
  return html`<section class="step" part="review" aria-labelledby="step-heading">
    <h3 id="step-heading" tabindex="-1" data-focus="step">${t.review}</h3>
    <dl class="summary-list" id="review-list">
      ${props.rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>
    ${
      props.failure
        ? html`<div class="notice error" part="booking-error" role="alert">
          <p class="notice-title">${t.bookingFailed}</p>
          <p>${props.failure}</p>
        </div>`
        : nothing
    }
    <p class="hint" id="review-agreement">${props.agreement}</p>
    <div class="actions">
      <button type="button" class="fd-button secondary" part="back-button" @click=${props.onEditDetails}>${t.editDetails}</button>
      <button type="button" class="fd-button secondary" @click=${props.onChangeTime}>${t.changeTime}</button>
      <button
        type="button"
        class="fd-button"
        part="confirm-button"
        data-focus="confirm"
        aria-describedby="review-list review-agreement"
        aria-disabled=${props.busy ? 'true' : 'false'}
        @click=${props.onConfirm}
      >${props.busy ? t.booking : t.confirm}</button>
    </div>
  </section>`;
}
