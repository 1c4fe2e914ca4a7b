import * as Plot from '@observablehq/plot';
import { html, type PropertyDeclarations } from 'lit';
import { ConsoleElement } from './console-element.js';
import type { FeedbackGroup, FeedbackSummary } from './types.js';

const HEIGHT = 260;
const MARGINS = { marginLeft: 56, marginBottom: 48, marginTop: 24, marginRight: 16 };
/** About the width of one character of the 16 px axis labels. */
const CHAR_PX = 9;

/**
 * A bar for each label, left to right: the labels get the room they need up to half the width, and longer ones are
 * cut with an ellipsis (the table beside the chart has them in full).
 */
function horizontalBars(data: readonly { name: string; count: number }[], width: number) {
  const room = Math.min(Math.floor(width * 0.5), Math.max(...data.map((d) => d.name.length), 4) * CHAR_PX + 12);
  const fits = Math.max(4, Math.floor((room - 12) / CHAR_PX));
  return Plot.plot({
    width,
    height: Math.max(120, 44 * data.length + 60),
    ...MARGINS,
    marginLeft: room,
    y: {
      domain: data.map((d) => d.name),
      label: null,
      tickFormat: (name: string) => (name.length > fits ? `${name.slice(0, fits - 1)}…` : name),
    },
    x: { label: null, grid: true, tickFormat: 'd', ticks: Math.max(2, Math.floor((width - room) / 80)) },
    marks: [Plot.barX(data, { y: 'name', x: 'count' }), Plot.ruleX([0])],
  });
}

/**
 * The feedback people would rather look at than read, for the whole clinic or one provider: NPS by week, the CSAT
 * distribution, the PHQ-9 severity bands and the responses by survey and by provider; each chart with its table.
 *
 * @summary The feedback charts of the staff console.
 */
export class FdStaffFeedback extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    summary: { attribute: false },
    providerId: { attribute: 'provider-id' },
  };

  summary: FeedbackSummary | undefined;
  /** The provider shown; empty for the whole clinic. */
  providerId = '';

  private group(): FeedbackGroup | undefined {
    if (!this.summary) return undefined;
    if (!this.providerId) return this.summary.overall;
    return this.summary.providers.find((provider) => provider.providerId === this.providerId);
  }

  private day(key: string): string {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(this.i18n.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  }

  override render() {
    const t = this.i18n.t;
    const summary = this.summary;
    if (!summary) return this.renderLoading(t.loading);
    const group = this.group();
    const number = new Intl.NumberFormat(this.i18n.lang, { maximumFractionDigits: 2 });
    return html`<div class="stack">
      <h2>${t.feedback}</h2>
      <p>${t.period(this.day(summary.from), this.day(summary.to))}</p>
      <label class="picker">
        ${t.showFor}
        <select
          @change=${(event: Event) => {
            this.providerId = (event.target as HTMLSelectElement).value;
          }}
        >
          <option value="" ?selected=${!this.providerId}>${t.wholeClinic}</option>
          ${summary.providers.map(
            (p) =>
              html`<option value=${p.providerId} ?selected=${p.providerId === this.providerId}>
                ${p.providerName ?? p.providerId}
              </option>`,
          )}
        </select>
      </label>
      ${!group || group.responses.total === 0 ? this.renderEmpty(t.noResponses) : this.renderCharts(group, number)}
    </div>`;
  }

  private renderCharts(group: FeedbackGroup, number: Intl.NumberFormat) {
    const t = this.i18n.t;
    const trend = group.nps.trend.map((week) => ({ ...week, date: new Date(`${week.weekStart}T00:00:00Z`) }));
    const scored = trend.filter((week) => week.score !== null);
    const csat = group.csat;
    const bands = group.phq9.bands.map((band) => ({ ...band, name: t.bandName(band.band) }));
    const surveys = group.responses.bySurvey.map((s) => ({ name: s.title ?? s.surveyId, count: s.count }));
    const providers = (this.summary?.providers ?? []).map((p) => ({
      name: p.providerName ?? p.providerId,
      count: p.responses.total,
    }));
    const percent = (value: number | null) => (value === null ? '—' : `${value} %`);
    return html`<div class="charts">
      <fd-staff-chart
        .heading=${t.npsTitle}
        .summary=${t.npsNow(group.nps.score === null ? t.noScore : String(group.nps.score), group.nps.responses)}
        .draw=${(width: number) =>
          Plot.plot({
            width,
            height: HEIGHT,
            ...MARGINS,
            x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor(width / 140)) },
            y: { domain: [-100, 100], label: null, grid: true },
            marks: [
              Plot.ruleY([0]),
              Plot.line(scored, { x: 'date', y: 'score' }),
              Plot.dot(scored, { x: 'date', y: 'score', r: 4 }),
            ],
          })}
        .columns=${[t.week, t.score, t.responses, t.promoters, t.passives, t.detractors]}
        .rows=${trend.map((w) => [
          this.day(w.weekStart),
          w.score === null ? '—' : w.score,
          w.responses,
          w.promoters,
          w.passives,
          w.detractors,
        ])}
      ></fd-staff-chart>
      <fd-staff-chart
        .heading=${t.csatTitle}
        .summary=${t.csatNow(csat.mean === null ? '—' : number.format(csat.mean), percent(csat.satisfiedPercent))}
        .draw=${(width: number) =>
          Plot.plot({
            width,
            height: HEIGHT,
            ...MARGINS,
            x: { domain: csat.distribution.map((d) => String(d.value)), label: null },
            y: { label: null, grid: true, tickFormat: 'd' },
            marks: [Plot.barY(csat.distribution, { x: (d) => String(d.value), y: 'count' }), Plot.ruleY([0])],
          })}
        .columns=${[t.rating, t.count]}
        .rows=${csat.distribution.map((d) => [`${d.value} · ${d.label}`, d.count])}
      ></fd-staff-chart>
      <fd-staff-chart
        .heading=${t.phqTitle}
        .summary=${t.item9Positive(group.phq9.item9Positive)}
        .draw=${(width: number) => horizontalBars(bands, width)}
        .columns=${[t.band, t.count]}
        .rows=${bands.map((b) => [`${b.name} (${b.min}–${b.max})`, b.count])}
      ></fd-staff-chart>
      <fd-staff-chart
        .heading=${t.countsTitle}
        .summary=${`${t.responses}: ${group.responses.total}`}
        .draw=${(width: number) => horizontalBars(surveys, width)}
        .columns=${[t.survey, t.count]}
        .rows=${surveys.map((s) => [s.name, s.count])}
      ></fd-staff-chart>
      ${
        this.providerId
          ? ''
          : html`<fd-staff-chart
              .heading=${t.perProviderTitle}
              .draw=${(width: number) => horizontalBars(providers, width)}
              .columns=${[t.provider, t.count]}
              .rows=${providers.map((p) => [p.name, p.count])}
            ></fd-staff-chart>`
      }
    </div>`;
  }
}
