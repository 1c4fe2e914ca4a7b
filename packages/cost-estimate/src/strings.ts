import { type NumberInputError, Strings } from '@frontdesk/core';

/** English words of fd-cost-estimate; `strings.es.ts` has the same keys. Amounts arrive already formatted. */
export const stringsEn = {
  heading: 'Estimated cost',
  loading: 'Loading the price…',
  waiting: 'Choose a visit type to see what it will likely cost.',
  setupTitle: 'This cost estimate is not set up correctly',

  payerLegend: 'How will you pay?',
  payerSelf: 'I’m paying myself',
  payerInsured: 'I have insurance',
  termsLegend: 'Your plan’s costs',
  termsHint: 'Your insurance card, your plan’s app or its member services can tell you these.',
  planLabel: 'Your insurance plan (optional)',
  planHelp: 'If your plan is listed, we use the price the clinic agreed with it.',
  planNone: 'Not listed or not sure',
  deductibleRemainingLabel: 'Deductible left to pay this year',
  deductibleRemainingHelp:
    'The amount you still pay yourself this year before your plan starts sharing costs. Leave blank if you have met it.',
  coinsuranceLabel: 'Coinsurance, in percent',
  coinsuranceHelp: 'Your share of the cost after the deductible: 20 means you pay 20 %. Leave blank if none.',
  copayLabel: 'Copay for this visit',
  copayHelp: 'A set amount you pay for each visit, often printed on your insurance card. Leave blank if none.',
  outOfPocketRemainingLabel: 'Out-of-pocket maximum left this year (optional)',
  outOfPocketRemainingHelp:
    'The most you could still pay this year for covered care; after that your plan pays it all. Leave blank if you don’t know.',
  copayOnlyLabel: 'My copay is all I pay for this kind of visit',
  copayOnlyHelp: 'Some plans charge only the copay for office visits: no deductible and no coinsurance.',
  submit: 'Show my estimate',
  moneyError: (error: NumberInputError): string =>
    ({
      empty: 'Enter an amount.',
      invalid: 'Enter an amount in numbers, like 200 or 200.50.',
      negative: 'The amount can’t be less than zero.',
      'too-many-decimals': 'Use no more than two digits after the decimal point.',
      'too-large': 'That amount is too large. Please check it.',
    })[error],
  percentError: (error: NumberInputError): string =>
    ({
      empty: 'Enter a percentage.',
      invalid: 'Enter a percentage in numbers, like 20.',
      negative: 'The percentage can’t be less than zero.',
      'too-many-decimals': 'Use no more than two digits after the decimal point.',
      'too-large': 'Coinsurance can’t be more than 100 %.',
    })[error],
  fixFields: (count: number): string => (count === 1 ? 'Please fix 1 entry.' : `Please fix ${count} entries.`),
  fieldProblem: (label: string, message: string): string => `${label}: ${message}`,

  totalSelfPay: 'Your discounted cash price',
  totalInsured: 'You’ll likely pay',
  range: (low: string, high: string): string => `${low} to ${high}`,
  planPays: (amount: string): string => `Your plan pays about ${amount}`,
  inNetwork: 'In network',
  outOfNetwork: 'Out of network',
  networksLabel: 'In network and out of network',
  yourEstimate: 'Your estimate',
  tableCaption: 'How we worked it out',
  tableCaptionRange: 'How we worked it out, at the high end of the range',
  columnItem: 'Item',
  columnAmount: 'Amount',
  rowBilled: 'Clinic’s standard charge',
  rowCashPrice: 'Discounted cash price',
  rowAllowed: 'Amount your plan allows',
  rowDeductible: 'Deductible you pay',
  rowCopay: 'Copay',
  rowCoinsurance: 'Coinsurance',
  rowNotCovered: 'Not covered by your plan',
  rowBalance: 'Possible balance bill',
  rowTotal: 'You pay',
  rowPlanPays: 'Your plan pays',

  goodFaithNotice: (threshold: string): string =>
    `This is a Good Faith Estimate for patients who pay for themselves. It is an estimate, not a contract: your final bill may be different. If your final bill is at least ${threshold} more than this estimate, you have the right to dispute it.`,
  insuredNotice:
    'This is an estimate, not a guarantee. Your plan decides what it pays when it processes the claim, so your final bill may be different.',
  outOfPocketReached: 'This visit reaches your out-of-pocket maximum, so your plan pays the rest of the covered cost.',
  balanceBilling:
    'Out of network, the provider may bill you the difference between their charge and what your plan allows.',
  priceRange: 'The price your plan agreed with the clinic is not published exactly, so your cost is shown as a range.',
  assumedTitle: 'What we assumed',
  assumedInNetwork: 'The clinic is in your plan’s network.',
  assumedOutOfNetwork: 'The clinic is out of your plan’s network.',
  assumedPlan: (name: string): string => `Your plan: ${name}.`,
  assumedExactRate: 'The price the clinic agreed with your plan.',
  assumedRangeRate: 'The lowest and highest prices the clinic agreed with insurance plans.',
  assumedStandardCharge: 'The clinic’s standard charge, since no agreed price is published.',
  assumedDeductible: (amount: string): string => `Deductible left to pay: ${amount}.`,
  assumedCoinsurance: (percent: string): string => `Coinsurance: ${percent}.`,
  assumedCopay: (amount: string): string => `Copay: ${amount}.`,
  assumedCopayOnly: (amount: string): string => `Copay: ${amount}, and it is all you pay for this visit.`,
  assumedOutOfPocket: (amount: string): string => `Out-of-pocket maximum left: ${amount}.`,
  assumedNoOutOfPocket: 'No out-of-pocket maximum was given.',

  missingTitle: 'We don’t have an online price for this service.',
  missingCall: (clinic: string): string => `Call ${clinic} for an estimate:`,
  missingAsk: 'Please ask the clinic for an estimate.',
  announceEstimate: (label: string, total: string): string => `Estimate ready. ${label}: ${total}.`,
};

export type CostEstimateStrings = typeof stringsEn;

/** The estimate's words (namespace `fd-cost-estimate`); Spanish loads on first use. */
export const costEstimateStrings = new Strings('fd-cost-estimate', stringsEn, { es: () => import('./strings.es.js') });
