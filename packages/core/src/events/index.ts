// Every event a Frontdesk widget fires: one detail type per file, the map from event name to detail here. Events are
// `CustomEvent`s that bubble and are composed, so a page hears them through shadow roots by listening once on the
// document; only those the contract lets the host take over are cancelable.
import type { FdBookingCancelDetail } from './booking-cancel.js';
import type { FdBookingConfirmedDetail } from './booking-confirmed.js';
import type { FdBookingRescheduleDetail } from './booking-reschedule.js';
import type { FdErrorDetail } from './error.js';
import type { FdEstimateDetail } from './estimate.js';
import type { FdLocationSelectDetail } from './location-select.js';
import type { FdOfferClaimDetail } from './offer-claim.js';
import type { FdPlanSelectDetail } from './plan-select.js';
import type { FdProviderSelectDetail } from './provider-select.js';
import type { FdSlotSelectDetail } from './slot-select.js';
import type { FdSurveyPageDetail } from './survey-page.js';
import type { FdSurveySubmitDetail } from './survey-submit.js';
import type { FdWaitlistJoinDetail } from './waitlist-join.js';

export type { FdBookingCancelDetail } from './booking-cancel.js';
export type { FdBookingConfirmedDetail } from './booking-confirmed.js';
export type { FdBookingRescheduleDetail } from './booking-reschedule.js';
export { errorDetail, type FdErrorDetail } from './error.js';
export type { FdEstimateBreakdown, FdEstimateDetail } from './estimate.js';
export type { FdLocationSelectDetail } from './location-select.js';
export type { FdOfferClaimDetail } from './offer-claim.js';
export type { FdPlanSelectDetail } from './plan-select.js';
export type { FdProviderSelectDetail } from './provider-select.js';
export type { FdSlotSelectDetail } from './slot-select.js';
export type { FdSurveyPageDetail } from './survey-page.js';
export type { FdSurveySubmitDetail } from './survey-submit.js';
export type { FdWaitlistJoinDetail } from './waitlist-join.js';

/** Each event's name and the type of its detail. */
export interface FrontdeskEventDetails {
  'fd-error': FdErrorDetail;
  'fd-provider-select': FdProviderSelectDetail;
  'fd-location-select': FdLocationSelectDetail;
  'fd-slot-select': FdSlotSelectDetail;
  'fd-booking-confirmed': FdBookingConfirmedDetail;
  'fd-booking-cancel': FdBookingCancelDetail;
  'fd-booking-reschedule': FdBookingRescheduleDetail;
  'fd-offer-claim': FdOfferClaimDetail;
  'fd-waitlist-join': FdWaitlistJoinDetail;
  'fd-estimate': FdEstimateDetail;
  'fd-plan-select': FdPlanSelectDetail;
  'fd-survey-submit': FdSurveySubmitDetail;
  'fd-survey-page': FdSurveyPageDetail;
}

export type FrontdeskEventName = keyof FrontdeskEventDetails;

/** The event a listener for `name` receives. */
export type FdEvent<N extends FrontdeskEventName> = CustomEvent<FrontdeskEventDetails[N]>;

/**
 * Events whose default the host may prevent: `fd-survey-submit` (the host then delivers the response itself),
 * `fd-provider-select` and `fd-location-select` (the host then shows the times itself).
 */
export const CANCELABLE_EVENTS: ReadonlySet<FrontdeskEventName> = new Set<FrontdeskEventName>([
  'fd-survey-submit',
  'fd-provider-select',
  'fd-location-select',
]);

/** A Frontdesk event, ready to dispatch: bubbling, composed, cancelable where the contract says so. */
export function fdEvent<N extends FrontdeskEventName>(name: N, detail: FrontdeskEventDetails[N]): FdEvent<N> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: CANCELABLE_EVENTS.has(name) });
}

type FrontdeskEventMap = { [N in FrontdeskEventName]: FdEvent<N> };

declare global {
  // Typed `addEventListener('fd-slot-select', (event) => event.detail.slotId)` on elements and on the document.
  interface HTMLElementEventMap extends FrontdeskEventMap {}
  interface DocumentEventMap extends FrontdeskEventMap {}
}
