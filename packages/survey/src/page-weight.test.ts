import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSchema, isZod, pageModules } from '../../../test/support/page-modules.js';

// docs/design.md section 8 gives a survey page 25 KB gzip. Its two heaviest parts, zod (about 9.5 KB) and the survey
// engine, are loaded on first use through engine.ts; this keeps a static import from pulling them back into the page.

const isEngine = (id: string) => id.includes('/core/src/survey/model.ts');
// The form itself (controls, pages, summary, end states) comes with the engine: nothing of it shows before a survey.
const isFormView = (id: string) => id.endsWith('/survey/src/form-view.ts');

describe('fd-survey page weight', () => {
  it('loads zod, the schemas, the survey engine and the form on first use, not with the page', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    expect(eager.some((id) => id.endsWith('/survey/src/survey.ts'))).toBe(true);
    expect(eager.filter((id) => isZod(id) || isSchema(id) || isEngine(id) || isFormView(id))).toEqual([]);
    // Still there, one dynamic import away: a Questionnaire is always checked before it is rendered.
    expect(lazy.some(isZod)).toBe(true);
    expect(lazy.some(isEngine)).toBe(true);
    expect(lazy.some(isFormView)).toBe(true);
  });
});
