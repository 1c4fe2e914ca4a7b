import type { FrontdeskErrorKind } from '../errors.js';
import { Strings } from '../i18n/registry.js';

/** Words shared by every widget's loading, empty and error states. */
export const baseStringsEn = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  errorByKind: (kind: FrontdeskErrorKind): string =>
    ({
      // Not "check your connection": the same failure comes from a server that is down or a page set up wrong.
      network: 'We could not reach the clinic’s system. Please try again in a moment.',
      timeout: 'The clinic’s system took too long to answer. Please try again.',
      http: 'The clinic’s system had a problem. Please try again in a moment.',
      'invalid-response': 'The clinic’s system sent information we could not read.',
      'invalid-input': 'This widget is not set up correctly.',
      'not-found': 'We could not find what this widget is looking for.',
      conflict: 'That was just taken by someone else.',
      unauthorized: 'This widget is not allowed to read the clinic’s system.',
      unsupported: 'The clinic’s system does not support this.',
      aborted: 'The request was cancelled.',
    })[kind],
  technicalDetails: 'Details for the website’s developer',
  offlineTitle: 'You seem to be offline',
  offline: 'Check your internet connection. This page tries again by itself once you are back online.',
  callClinic: (clinic: string): string => `To book or ask a question now, call ${clinic}:`,
  /** In a widget whose failure another widget's message already explains. */
  unavailable: 'Not available right now.',
  unavailableOffline: 'Not available while you are offline.',
};

export type BaseStrings = typeof baseStringsEn;

/** The words of every widget's loading, empty and error states (namespace `base`); Spanish loads on first use. */
export const baseStrings = new Strings('base', baseStringsEn, { es: () => import('./strings.es.js') });
