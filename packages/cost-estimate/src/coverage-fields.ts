// What the element needs about the cost-sharing terms before any data has loaded: their names, their attributes and
// the `coverage` attribute converter. Reading typed amounts lives in coverage-input.ts, loaded on first use.

/** The cost-sharing terms a patient (or a CMS attribute) can give, in the order the form asks for them. */
export type CostField = 'deductibleRemaining' | 'coinsurance' | 'copay' | 'outOfPocketRemaining';
export const COST_FIELDS: readonly CostField[] = [
  'deductibleRemaining',
  'coinsurance',
  'copay',
  'outOfPocketRemaining',
];

/** The attribute that carries each term, so an error names what the page author wrote. */
export const FIELD_ATTRIBUTES: Readonly<Record<CostField, string>> = {
  deductibleRemaining: 'deductible-remaining',
  coinsurance: 'coinsurance',
  copay: 'copay',
  outOfPocketRemaining: 'oop-remaining',
};

export const isPercentField = (field: CostField): boolean => field === 'coinsurance';

/** `coverage="self-pay"`, `coverage="plan"` or `coverage='{"kind":"plan",...}'`; other text is kept to be refused. */
export function coverageFromAttribute(value: string | null): unknown {
  if (value === null) return undefined;
  const text = value.trim();
  if (text === 'self-pay') return { kind: 'self-pay' };
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
