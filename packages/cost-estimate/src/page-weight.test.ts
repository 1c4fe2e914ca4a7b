import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSchema, isZod, pageModules } from '../../../test/support/page-modules.js';

// docs/design.md section 8 gives a cost estimate page 20 KB gzip. zod (about 9.5 KB), the estimate and the result view are
// loaded with the first data through estimator.ts; this keeps a static import from pulling them back into the page.

const isEstimate = (id: string) => id.includes('/core/src/cost/estimate.ts');

describe('fd-cost-estimate page weight', () => {
  it('loads zod, the schemas and the estimate with the data, not with the page', async () => {
    const { eager, lazy } = await pageModules(resolve(import.meta.dirname, 'define.ts'));
    expect(eager.some((id) => id.endsWith('/cost-estimate/src/cost-estimate.ts'))).toBe(true);
    expect(eager.filter((id) => isZod(id) || isSchema(id) || isEstimate(id))).toEqual([]);
    // Still there, one dynamic import away: a price and a coverage are always checked before they are used.
    expect(lazy.some(isZod)).toBe(true);
    expect(lazy.some(isEstimate)).toBe(true);
  });
});
