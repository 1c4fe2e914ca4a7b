import { Strings, type SurveyErrorCode } from '@frontdesk/core';

type Params = Record<string, string | number>;

const TYPE_NAMES: Record<string, string> = {
  integer: 'whole number',
  decimal: 'number',
  quantity: 'number',
  date: 'date',
  dateTime: 'date and time',
  time: 'time',
  url: 'web address, starting with https://',
};

/**
 * English words of fd-survey (the form's own words; question texts come from the Questionnaire). What only the
 * engine's form says (pages, repeats, notices, files, looked-up answers) is in engine-strings.ts, loaded with it.
 */
export const stringsEn = {
  loading: 'Loading the questions…',
  setupTitle: 'This form cannot be shown',
  required: '(required)',
  entry: 'Entry',
  submit: 'Submit',
  sending: 'Sending your answers…',
  summaryTitle: 'There is a problem',
  summaryIntro: (count: number): string => (count === 1 ? 'Please check 1 answer:' : `Please check ${count} answers:`),
  fieldError: (label: string, message: string): string => `${label}: ${message}`,
  score: (total: number, max: number): string => `Total score: ${total} of ${max}`,
  thanksTitle: 'Thank you',
  thanksText: 'Your answers were sent to the clinic.',
  queuedTitle: 'Your answers will be sent',
  queuedText:
    'We could not reach the clinic just now. Your answers are kept on this device and will be sent automatically when the connection is back. You can keep this page open.',
  retryNow: 'Try sending now',
  failedTitle: 'Your answers were not sent',
  failedText:
    'The clinic’s system did not accept them. Your answers are still here; please try again or contact the clinic.',
  draftRestored: 'Your earlier answers were restored.',
  draftSaved: 'Your answers are saved on this device. You can finish later.',
  error: (code: SurveyErrorCode, params: Params): string => {
    switch (code) {
      case 'required':
        return 'Answer this question.';
      case 'invalid-format':
      case 'answer-type':
        return `Enter a valid ${TYPE_NAMES[String(params.expected)] ?? 'answer'}.`;
      case 'not-an-option':
        return 'Choose one of the listed options.';
      case 'max-length':
        return `Use at most ${params.max} characters.`;
      case 'min-length':
        return `Use at least ${params.min} characters.`;
      case 'min-value':
        return `Enter ${params.min} or more.`;
      case 'max-value':
        return `Enter ${params.max} or less.`;
      case 'max-decimal-places':
        return `Use at most ${params.max} digits after the decimal point.`;
      case 'regex':
        return params.format ? `Use the format ${params.format}.` : 'This answer is not in the expected format.';
      case 'unit-not-allowed':
        return 'Choose one of the listed units.';
      case 'cannot-answer':
        return 'This required question cannot be answered here, so the form cannot be completed here.';
      case 'attachment-type':
        return 'This kind of file is not accepted here.';
      case 'attachment-size':
        return 'This file is too large.';
    }
  },
};

export type SurveyStrings = typeof stringsEn;

/** The form's own words (namespace `fd-survey`); Spanish loads on first use. */
export const surveyStrings = new Strings('fd-survey', stringsEn, { es: () => import('./strings.es.js') });
