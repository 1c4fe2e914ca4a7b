import {
  type Coverage,
  FrontdeskError,
  type NumberInputError,
  type PlanCoverage,
  parseMoneyInput,
  parsePercentInput,
} from '@frontdesk/core';
import { COST_FIELDS, type CostField, FIELD_ATTRIBUTES, isPercentField } from './coverage-fields.js';

export {
  COST_FIELDS,
  type CostField,
  coverageFromAttribute,
  FIELD_ATTRIBUTES,
  isPercentField,
} from './coverage-fields.js';

export type FieldResult = { ok: true; value: number | undefined } | { ok: false; error: NumberInputError };

/**
 * One typed or attribute term: cents for amounts (in the currency's smallest unit), basis points for coinsurance.
 * Blank means "not given" (`undefined`), which the caller turns into its default.
 */
export function parseCostField(
  field: CostField,
  text: string,
  locale: string,
  currency: string | undefined,
): FieldResult {
  if (text.trim() === '') return { ok: true, value: undefined };
  return isPercentField(field) ? parsePercentInput(text, locale) : parseMoneyInput(text, locale, currency);
}

export interface PlanTerms {
  network: 'in' | 'out';
  planId?: string | undefined;
  copayOnly: boolean;
  /** Raw text per term; missing or blank terms are 0, except the out-of-pocket maximum, which is then unknown. */
  texts: Partial<Record<CostField, string>>;
}

export type PlanCoverageResult =
  | { ok: true; coverage: PlanCoverage }
  | { ok: false; errors: Partial<Record<CostField, NumberInputError>> };

/** Builds plan coverage from typed terms, collecting every refused term so each field can say what is wrong. */
export function planCoverageFrom(terms: PlanTerms, locale: string, currency: string | undefined): PlanCoverageResult {
  const values: Partial<Record<CostField, number>> = {};
  const errors: Partial<Record<CostField, NumberInputError>> = {};
  for (const field of COST_FIELDS) {
    const result = parseCostField(field, terms.texts[field] ?? '', locale, currency);
    if (!result.ok) errors[field] = result.error;
    else if (result.value !== undefined) values[field] = result.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    coverage: {
      kind: 'plan',
      ...(terms.planId ? { planId: terms.planId } : {}),
      network: terms.network,
      deductibleRemaining: values.deductibleRemaining ?? 0,
      coinsuranceBps: values.coinsurance ?? 0,
      copay: values.copay ?? 0,
      copayOnly: terms.copayOnly,
      ...(values.outOfPocketRemaining === undefined ? {} : { outOfPocketRemaining: values.outOfPocketRemaining }),
    },
  };
}

/** The attributes a CMS user writes instead of the `coverage` property. */
export interface CoverageAttributes {
  coverage: unknown;
  planId: string | undefined;
  network: string | undefined;
  copayOnly: boolean;
  texts: Partial<Record<CostField, string | undefined>>;
}

const PROBLEMS: Record<NumberInputError, string> = {
  empty: 'is empty',
  invalid: 'is not a number',
  negative: 'is negative',
  'too-many-decimals': 'has too many decimal places',
  'too-large': 'is too large',
};

const invalidAttribute = (attribute: string, problem: string) =>
  new FrontdeskError('invalid-input', `the ${attribute} attribute ${problem}`, { field: attribute });

/**
 * The coverage the element was configured with: the `coverage` property (an object, or `coverage="self-pay"` /
 * JSON from the attribute), else plan terms from the `network`, `deductible-remaining`, `coinsurance`, `copay`,
 * `copay-only` and `oop-remaining` attributes, else self-pay (the cash price, which needs no terms).
 * Attribute numbers use a dot for decimals, whatever the page language.
 *
 * @throws FrontdeskError `invalid-input` naming the offending attribute.
 */
export function coverageFromAttributes(attributes: CoverageAttributes, currency: string | undefined): Coverage {
  const { coverage } = attributes;
  const hasTerms =
    attributes.network !== undefined ||
    attributes.copayOnly ||
    Object.values(attributes.texts).some((text) => text !== undefined);
  if (coverage !== undefined && coverage !== null && coverage !== 'plan') {
    // An object (property or JSON attribute) is checked by estimateCost, which names the offending field.
    if (typeof coverage === 'object') return coverage as Coverage;
    throw invalidAttribute('coverage', 'must be "self-pay", "plan" or a JSON Coverage object');
  }
  if (!hasTerms && coverage !== 'plan') return { kind: 'self-pay' };
  const network = attributes.network ?? 'in';
  if (network !== 'in' && network !== 'out') throw invalidAttribute('network', 'must be "in" or "out"');
  const texts: Partial<Record<CostField, string>> = {};
  for (const field of COST_FIELDS) {
    const text = attributes.texts[field];
    if (text === undefined) continue;
    // An attribute written but left empty is a mistake, unlike a blank form field.
    if (text.trim() === '') throw invalidAttribute(FIELD_ATTRIBUTES[field], PROBLEMS.empty);
    texts[field] = text;
  }
  const result = planCoverageFrom(
    { network, planId: attributes.planId, copayOnly: attributes.copayOnly, texts },
    'en-US',
    currency,
  );
  if (result.ok) return result.coverage;
  const [field, error] = Object.entries(result.errors)[0] as [CostField, NumberInputError];
  const problem = isPercentField(field) && error === 'too-large' ? 'is over 100 %' : PROBLEMS[error];
  throw invalidAttribute(FIELD_ATTRIBUTES[field], problem);
}
