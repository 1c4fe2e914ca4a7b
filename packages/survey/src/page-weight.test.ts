import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSchema, isZod, pageModules } from '../../../test/support/page-modules.js';

// docs/design.md section 8 gives an NPS survey page 25 KB gzip. A simple form (NPS, CSAT, Likert) needs only the
// small model (simple-model.ts) and the form (form-view.ts), which come with the page; the survey engine, its form and
// zod load on first use, for a Questionnaire the small model leaves to them. This keeps a static import from pulling
// them back into the page.

// The engine and the modules only it needs (reading and writing typed answers).
const isEngine = (id: string) => id.includes('/core/src/survey/model.ts') || id.endsWith('/core/src/survey/answers.ts');
const isEngineForm = (id: string) => id.endsWith('/survey/src/engine-form.ts');
const isSimple = (id: string) => id.endsWith('/survey/src/simple-model.ts') || id.endsWith('/survey/src/form-view.ts');
// Sending, the summary of errors and the end states: fetched once the form shows (finish.ts).
const isFinish = (id: string) => id.endsWith('/survey/src/outbox.ts') || id.endsWith('/survey/src/form-parts.ts');

describe('fd-survey page weight', () => {
  it('comes with what a simple form needs, and loads the engine, its form and zod on first use', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    expect(eager.some((id) => id.endsWith('/survey/src/survey.ts'))).toBe(true);
    expect(eager.filter(isSimple)).toHaveLength(2);
    expect(eager.filter((id) => isZod(id) || isSchema(id) || isEngine(id) || isEngineForm(id) || isFinish(id))).toEqual(
      [],
    );
    expect(lazy.filter(isFinish)).toHaveLength(2);
    // Still there, one dynamic import away: a Questionnaire the small model leaves is checked before it is rendered.
    expect(lazy.some(isEngine)).toBe(true);
    expect(lazy.some(isEngineForm)).toBe(true);
  });
});
