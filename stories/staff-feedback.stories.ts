import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/staff-console/src/define.js';
import { STAFF_EMPTY_FEEDBACK, STAFF_FEEDBACK } from './support/staff-data.js';

/**
 * The feedback charts of the staff console, drawn with Observable Plot (SVG), each with its data table for screen
 * readers (and on request for everyone): NPS by week, CSAT distribution, PHQ-9 severity bands, responses by survey
 * and by provider. Fixed data: twelve weeks at the demo clinic.
 */
const meta: Meta = {
  title: 'Staff console/Feedback',
  component: 'fd-staff-feedback',
};
export default meta;

type Story = StoryObj;

export const WholeClinic: Story = {
  render: () => html`<fd-staff-feedback .summary=${STAFF_FEEDBACK}></fd-staff-feedback>`,
};

export const OneProvider: Story = {
  render: () => html`<fd-staff-feedback .summary=${STAFF_FEEDBACK} provider-id="rosa-delgado"></fd-staff-feedback>`,
};

export const NoResponses: Story = {
  render: () => html`<fd-staff-feedback .summary=${STAFF_EMPTY_FEEDBACK}></fd-staff-feedback>`,
};

export const InSpanish: Story = {
  render: () => html`<div lang="es"><fd-staff-feedback .summary=${STAFF_FEEDBACK}></fd-staff-feedback></div>`,
};

export const Dark: Story = {
  render: () => html`<fd-staff-feedback theme="dark" .summary=${STAFF_FEEDBACK}></fd-staff-feedback>`,
};

export const Phone: Story = {
  render: WholeClinic.render,
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

export const ChartWithTableShown: Story = {
  render: () => html`<fd-staff-feedback .summary=${STAFF_FEEDBACK}></fd-staff-feedback>`,
  play: async ({ canvasElement }) => {
    const feedback = canvasElement.querySelector('fd-staff-feedback')!;
    await feedback.updateComplete;
    const chart = feedback.shadowRoot!.querySelector('fd-staff-chart')!;
    await chart.updateComplete;
    chart.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await chart.updateComplete;
    const rows = chart.shadowRoot!.querySelectorAll('tbody tr').length;
    if (rows !== STAFF_FEEDBACK.overall.nps.trend.length) throw new Error(`the table has ${rows} weeks`);
    if (!chart.shadowRoot!.querySelector('svg')) throw new Error('no chart drawn');
  },
};
