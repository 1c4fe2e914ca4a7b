import type { Settings } from '../clinic/store.js';
import type { PatientPages } from './context.js';

/** The manage page with the token in its fragment, or undefined when the clinic has not set the page. */
export function manageUrl(pages: PatientPages, token: string): string | undefined {
  return pages.manage ? `${pages.manage}#token=${token}` : undefined;
}

/** The survey page for one survey, the invitation token in the fragment (the survey id is no secret). */
export function surveyUrl(pages: PatientPages, surveyId: string, token: string): string | undefined {
  if (!pages.survey) return undefined;
  const url = new URL(pages.survey);
  url.searchParams.set('survey', surveyId);
  url.hash = `invitation=${token}`;
  return url.href;
}

/** The page where a waitlist offer is claimed (the manage page unless the clinic set another). */
export function offerUrl(pages: PatientPages, token: string): string | undefined {
  const page = pages.waitlist ?? pages.manage;
  return page ? `${page}#offer=${token}` : undefined;
}

/** A video visit's room: the provider's own template, or the clinic's, with its placeholders filled. */
export function joinUrl(settings: Settings, providerId: string, bookingId: string): string | undefined {
  const template = settings.videoRoomUrls[providerId] ?? settings.videoRoomUrl;
  return template
    ?.replaceAll('{providerId}', encodeURIComponent(providerId))
    .replaceAll('{bookingId}', encodeURIComponent(bookingId));
}

/** A page address from configuration: http(s), no fragment (the token goes there), no trailing `#`. */
export function pageAddress(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL`);
  if (url.hash || value.includes('#')) throw new Error(`${name} may not have a #fragment: the token goes there`);
  return url.href;
}
