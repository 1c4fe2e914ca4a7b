import {
  balanceBilled,
  type CostEstimate,
  type Coverage,
  formatMoney,
  type NetworkComparison,
  type Plan,
  type PlanCoverage,
  type PriceInfo,
} from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { CostEstimateStrings } from './strings.js';

// The estimate as shown: total, networks, breakdown table, notices and assumptions. It exists only once a price has
// loaded, so it comes with the estimator (estimator.ts) instead of with the page.

/** The No Surprises Act lets a self-pay patient dispute a bill at least 400 US dollars above the Good Faith Estimate. */
const DISPUTE_THRESHOLD_USD_CENTS = 40_000;

/** What the element's state gives the view. */
export interface ResultContext {
  t: CostEstimateStrings;
  /** A locale Intl accepts. */
  locale: string;
  /** The clinic's own notice text, replacing the default one. */
  notice: string | undefined;
}

/** A computed estimate with what it was computed from. */
export interface EstimateResult {
  price: PriceInfo;
  plans: Plan[];
  coverage: Coverage;
  estimate: CostEstimate;
  comparison: NetworkComparison | undefined;
}

/** Basis points as the exact decimal fraction Intl formats as a percentage: 3000 is "0.3000". */
function basisPointsToFraction(bps: number): Intl.StringNumericLiteral {
  const digits = String(bps).padStart(5, '0');
  return `${digits.slice(0, -4)}.${digits.slice(-4)}` as Intl.StringNumericLiteral;
}

export function totalLabel(t: CostEstimateStrings, estimate: CostEstimate): string {
  return estimate.selfPay ? t.totalSelfPay : t.totalInsured;
}

export function totalText({ t, locale }: ResultContext, estimate: CostEstimate): string {
  const { range, currency } = estimate;
  if (!range) return formatMoney(estimate.patientTotal, currency, locale);
  return t.range(formatMoney(range.low, currency, locale), formatMoney(range.high, currency, locale));
}

export function renderResult(context: ResultContext, result: EstimateResult): TemplateResult {
  const { t, locale } = context;
  const { estimate, comparison } = result;
  const notes = new Set(estimate.notices);
  if (comparison?.outOfNetwork.notices.includes('balance-billing-possible')) notes.add('balance-billing-possible');
  const noteText: Partial<Record<string, string>> = {
    'out-of-pocket-maximum-reached': t.outOfPocketReached,
    'balance-billing-possible': t.balanceBilling,
    'price-range': t.priceRange,
  };
  const noteItems = [...notes].flatMap((kind) => noteText[kind] ?? []);
  const defaultNotice = estimate.selfPay
    ? t.goodFaithNotice(formatMoney(DISPUTE_THRESHOLD_USD_CENTS, 'USD', locale))
    : t.insuredNotice;
  return html`<div class="result" part="result">
      <p class="total-block">
        <span class="total-label">${totalLabel(t, estimate)}</span>
        <span class="total" part="total">${totalText(context, estimate)}</span>
      </p>
      ${estimate.selfPay ? nothing : html`<p part="plan-pays">${t.planPays(formatMoney(estimate.planPays, estimate.currency, locale))}</p>`}
      ${comparison ? renderNetworks(context, comparison, estimate.network) : nothing} ${renderTable(context, estimate, comparison)}
      <div class="notice" part="notice"><slot name="notice">${context.notice || defaultNotice}</slot></div>
      ${noteItems.length > 0 ? html`<ul class="notes" part="notes">${noteItems.map((note) => html`<li>${note}</li>`)}</ul>` : nothing}
      ${result.coverage.kind === 'plan' ? renderAssumptions(context, result.coverage, result.price, result.plans) : nothing}
    </div>`;
}

function renderNetworks(
  context: ResultContext,
  comparison: NetworkComparison,
  current: 'in' | 'out' | undefined,
): TemplateResult {
  const { t } = context;
  const sides: ['in' | 'out', string, CostEstimate][] = [
    ['in', t.inNetwork, comparison.inNetwork],
    ['out', t.outOfNetwork, comparison.outOfNetwork],
  ];
  return html`<ul class="networks" part="networks" aria-label=${t.networksLabel}>
      ${sides.map(
        ([network, label, estimate]) => html`<li class=${network === current ? 'current' : ''}>
          <span>${label}</span>
          <strong>${totalText(context, estimate)}</strong>
          ${network === current ? html`<span class="badge">${t.yourEstimate}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
}

function renderTable(
  { t, locale }: ResultContext,
  estimate: CostEstimate,
  comparison: NetworkComparison | undefined,
): TemplateResult {
  const columns = comparison ? [comparison.inNetwork, comparison.outOfNetwork] : [estimate];
  type Row = [string, (e: CostEstimate) => number];
  const rows: Row[] = estimate.selfPay
    ? [
        [t.rowBilled, (e) => e.billed],
        [t.rowCashPrice, (e) => e.allowed],
      ]
    : [
        [t.rowBilled, (e) => e.billed],
        [t.rowAllowed, (e) => e.allowed],
        [t.rowDeductible, (e) => e.deductibleApplied],
        [t.rowCopay, (e) => e.copay],
        [t.rowCoinsurance, (e) => e.coinsurance],
        [t.rowNotCovered, (e) => e.notCovered],
        ...(columns.some((e) => balanceBilled(e) > 0) ? [[t.rowBalance, balanceBilled] as Row] : []),
      ];
  const sums: Row[] = [[t.rowTotal, (e) => e.patientTotal]];
  if (!estimate.selfPay) sums.push([t.rowPlanPays, (e) => e.planPays]);
  const ranged = columns.some((e) => e.range !== undefined);
  const row = ([label, amount]: Row, sum: boolean) =>
    html`<tr class=${sum ? 'sum' : ''}>
        <th scope="row">${label}</th>
        ${columns.map((e) => html`<td>${formatMoney(amount(e), e.currency, locale)}</td>`)}
      </tr>`;
  return html`<table part="table">
      <caption>
        ${ranged ? t.tableCaptionRange : t.tableCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.columnItem}</th>
          ${
            comparison
              ? html`<th scope="col">${t.inNetwork}</th>
                <th scope="col">${t.outOfNetwork}</th>`
              : html`<th scope="col">${t.columnAmount}</th>`
          }
        </tr>
      </thead>
      <tbody>
        ${rows.map((r) => row(r, false))} ${sums.map((r) => row(r, true))}
      </tbody>
    </table>`;
}

function renderAssumptions(
  { t, locale }: ResultContext,
  coverage: PlanCoverage,
  price: PriceInfo,
  plans: Plan[],
): TemplateResult {
  const money = (cents: number) => formatMoney(cents, price.currency, locale);
  const planName = plans.find((plan) => plan.id === coverage.planId)?.name;
  const ranged =
    price.minNegotiated !== undefined &&
    price.maxNegotiated !== undefined &&
    price.minNegotiated !== price.maxNegotiated;
  const rateBasis =
    price.negotiatedRate !== undefined ? t.assumedExactRate : ranged ? t.assumedRangeRate : t.assumedStandardCharge;
  const percent = t.assumedCoinsurance(
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      basisPointsToFraction(coverage.coinsuranceBps),
    ),
  );
  const items = [
    coverage.network === 'in' ? t.assumedInNetwork : t.assumedOutOfNetwork,
    ...(planName ? [t.assumedPlan(planName)] : []),
    ...(coverage.network === 'in' ? [rateBasis] : []),
    ...(coverage.copayOnly
      ? [t.assumedCopayOnly(money(coverage.copay))]
      : [t.assumedDeductible(money(coverage.deductibleRemaining)), percent, t.assumedCopay(money(coverage.copay))]),
    coverage.outOfPocketRemaining === undefined
      ? t.assumedNoOutOfPocket
      : t.assumedOutOfPocket(money(coverage.outOfPocketRemaining)),
  ];
  return html`<div class="assumptions" part="assumptions">
      <p class="assumptions-title">${t.assumedTitle}</p>
      <ul>
        ${items.map((item) => html`<li>${item}</li>`)}
      </ul>
    </div>`;
}
