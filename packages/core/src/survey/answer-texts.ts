import type { SurveyAnswer } from './answers.js';

/**
 * What `setAnswerText` takes, for the survey engine and the small model of simple forms alike: one text or a list of
 * them (anything else is refused: `undefined`); blank texts are skipped, and a text `parse` cannot read is kept as
 * invalid text for the patient to correct.
 */
export function answersFromTexts(
  text: unknown,
  parse: (text: string) => SurveyAnswer | undefined,
): { answers: SurveyAnswer[]; invalid: string[] } | undefined {
  const texts: readonly unknown[] | undefined =
    typeof text === 'string' ? [text] : Array.isArray(text) ? text : undefined;
  if (!texts || texts.some((t) => typeof t !== 'string')) return undefined;
  const answers: SurveyAnswer[] = [];
  const invalid: string[] = [];
  for (const t of texts as readonly string[]) {
    if (t.trim() === '') continue;
    const answer = parse(t);
    if (answer) answers.push(answer);
    else invalid.push(t);
  }
  return { answers, invalid };
}
