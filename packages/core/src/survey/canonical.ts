import type { Questionnaire } from '../schemas/questionnaire.js';

// Apart from response.ts so that the survey widget's small path for simple forms can name its Questionnaire without
// downloading the response builder.

/** `url|version`, `url`, or `Questionnaire/<id>`: how a response points at its Questionnaire. */
export function questionnaireCanonical(questionnaire: Questionnaire | undefined): string | undefined {
  if (!questionnaire) return undefined;
  const { url, id, version } = questionnaire;
  if (url) return typeof version === 'string' && version !== '' ? `${url}|${version}` : url;
  return id ? `Questionnaire/${id}` : undefined;
}
