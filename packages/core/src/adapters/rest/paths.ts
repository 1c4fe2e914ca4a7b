import { FrontdeskError } from '../../errors.js';
import type { QuestionnaireResponse } from '../../schemas/questionnaire.js';

/**
 * One URL path segment from an id. `.` and `..` are refused: URL parsers treat them (even percent-encoded) as
 * directory steps, so they could never address the record they name.
 */
export function pathSegment(id: unknown, field: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || /^(\.|%2e){1,2}$/i.test(id)) {
    throw new FrontdeskError('invalid-input', `${field}: not a usable id`, { field });
  }
  return encodeURIComponent(id);
}

/**
 * The survey a QuestionnaireResponse answers, from its `questionnaire` canonical: `Questionnaire/phq-9`,
 * `https://clinic.example/fhir/Questionnaire/phq-9|2.0` and `phq-9` all name `phq-9`.
 */
export function surveyIdOf(response: Pick<QuestionnaireResponse, 'questionnaire'>): string {
  const canonical = response.questionnaire;
  if (typeof canonical !== 'string' || canonical.length === 0 || canonical.length > 4096) {
    throw new FrontdeskError('invalid-input', 'response.questionnaire: does not say which survey it answers', {
      field: 'response.questionnaire',
    });
  }
  const withoutVersion = canonical.split('|', 1)[0] ?? '';
  const id = withoutVersion.slice(withoutVersion.lastIndexOf('/') + 1);
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(id) || /^\.{1,2}$/.test(id)) {
    throw new FrontdeskError('invalid-input', 'response.questionnaire: no survey id in the canonical reference', {
      field: 'response.questionnaire',
    });
  }
  return id;
}
