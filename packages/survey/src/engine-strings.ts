import { Strings, type SurveyFeature, type SurveyUnsupportedCode } from '@frontdesk/core';

/** The kinds of file an attachment question accepts, named as a patient knows them: PNG, PDF, "image". */
export const fileKindNames = (accepted: string, anyOf: (group: string) => string): string[] =>
  accepted
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean)
    .map((type) => (type.endsWith('/*') ? anyOf(type.slice(0, -2)) : (type.split('/')[1] ?? type).toUpperCase()));

/** A size in bytes as a person reads it ("5 MB", "300 kB"). */
export function fileSize(bytes: number, lang: string): string {
  const mega = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(Math.max(bytes / (mega ? 1024 * 1024 : 1024), 0.1));
}

const FEATURES: Record<SurveyFeature, string> = {
  'item-type': 'its kind of question',
  calculatedExpression: 'its calculated answer',
  enableWhenExpression: 'the rule for when to ask it',
  answerExpression: 'the rule for its list of answers',
  variable: 'a calculation it needs',
  answerOption: 'its answer choices',
  answerValueSet: 'its list of answers',
};

/**
 * English words of the engine's form (namespace `fd-survey/engine`): pages, repeats, notices about items that cannot
 * be answered here, worked-out answers, answer lists looked up as the patient types, and files. Loaded with the
 * engine, so a simple form's page does not carry them (the form's own words are in strings.ts).
 */
export const engineStringsEn = {
  setupHint: 'The clinic’s form has a problem. Please try again later or contact the clinic.',
  problemsTitle: 'Part of this form could not be shown',
  technicalDetails: 'Technical details',
  /** Why an item cannot be answered here, naming the feature it uses. */
  unsupported: (code: SurveyUnsupportedCode, feature: SurveyFeature): string => {
    const what = FEATURES[feature];
    switch (code) {
      case 'unsupported-type':
        return 'This question asks you to pick a record from the clinic’s system, which this form cannot do.';
      case 'expression-language':
        return `This question cannot be shown here: ${what} is written in a language this form does not run.`;
      case 'expression-failed':
        return `This question cannot be shown here: ${what} could not be worked out.`;
      case 'answer-type-mismatch':
        return `This question cannot be answered here: ${what} do not fit the kind of answer it asks for.`;
      case 'value-set-unresolved':
        return `This question cannot be answered here: ${what} is kept elsewhere and this page cannot look it up.`;
      case 'value-set-unreachable':
        return `This question cannot be answered right now: ${what} could not be loaded from the clinic.`;
      case 'no-options':
        return 'This question cannot be answered here: it has no answers to choose from.';
    }
  },
  otherQuestions: 'You can answer the other questions.',
  blockedTitle: 'This form cannot be sent from here',
  blockedText: (count: number): string =>
    count === 1
      ? 'A question you must answer cannot be answered on this page. Please contact the clinic to finish the form.'
      : `${count} questions you must answer cannot be answered on this page. Please contact the clinic to finish the form.`,
  saveForLater: 'Save my answers on this device',
  yes: 'Yes',
  no: 'No',
  other: 'Other (please say)',
  choose: 'Choose…',
  unit: 'Unit',
  notAnswered: 'Not answered yet',
  notWorkedOut: 'Not worked out yet',
  workedOut: 'Worked out from your answers',
  addAnswer: 'Add another answer',
  removeAnswer: (n: number): string => `Remove answer ${n}`,
  addRepeat: (what: string): string => `Add another: ${what}`,
  removeRepeat: (what: string, n: number): string => `Remove ${what} ${n}`,
  page: (n: number, total: number): string => `Page ${n} of ${total}`,
  next: 'Next',
  back: 'Back',
  loadingAnswers: 'Loading the answers…',
  tryAgain: 'Try again',
  typeToSearch: 'Type a few letters, then choose from the list.',
  searching: 'Searching…',
  matches: (count: number): string =>
    count === 1 ? '1 match. Use the down arrow to choose it.' : `${count} matches. Use the down arrow to choose one.`,
  noMatches: 'No matches. Try other words.',
  searchFailed: 'The list of answers could not be searched just now. Try again.',
  fileRules: (accepted: string, max: string): string =>
    accepted ? `Accepted: ${accepted}, at most ${max}.` : `At most ${max}.`,
  fileKinds: (accepted: string): string =>
    new Intl.ListFormat('en', { type: 'disjunction' }).format(fileKindNames(accepted, (group) => `any ${group}`)),
  fileSize: (bytes: number): string => fileSize(bytes, 'en'),
  fileChosen: (name: string, size: string): string => `Chosen: ${name} (${size})`,
  removeFile: 'Remove the file',
  readingFile: 'Reading the file…',
  opensInNewTab: '(opens in a new tab)',
};

export type EngineStrings = typeof engineStringsEn;

/** The engine form's words (namespace `fd-survey/engine`); Spanish loads on first use. */
export const engineStrings = new Strings('fd-survey/engine', engineStringsEn, {
  es: () => import('./engine-strings.es.js'),
});
