import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../packages/provider-card/src/define.js';
import { until } from '../test/support/dom.js';

/**
 * `<fd-location-list>`: the clinic's locations, each with a Book button that opens that location's slot picker. For
 * sources that list places, not practitioners, such as a SMART Scheduling Links feed; here on the demo clinic's four
 * offices.
 */

interface LocationArgs {
  booking?: 'inline' | 'dialog' | 'event';
  theme?: 'light' | 'dark' | 'auto';
}

const clinic = (content: TemplateResult, options: Record<string, unknown> = { latencyMs: 300 }) =>
  html`<fd-clinic adapter="memory" options=${JSON.stringify(options)}>${content}</fd-clinic>`;

const locations = (args: LocationArgs) =>
  html`<fd-location-list booking=${ifDefined(args.booking)} theme=${ifDefined(args.theme)}></fd-location-list>`;

/** A location's Book, pressed. */
async function pressBook(canvas: HTMLElement): Promise<void> {
  const list = await until(() => canvas.querySelector('fd-location-list'), 'the list', 10_000);
  const book = await until(() => list.shadowRoot?.querySelector<HTMLElement>('[part="button"]'), 'Book', 10_000);
  book.click();
  await until(() => list.shadowRoot?.querySelector('fd-slot-picker'), 'the picker', 10_000);
}

const meta: Meta<LocationArgs> = {
  title: 'Widgets/Location list',
  component: 'fd-location-list',
  render: (args) => clinic(locations(args)),
  args: {},
  argTypes: {
    booking: { control: 'inline-radio', options: ['inline', 'dialog', 'event'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<LocationArgs>;

/** Every location with its address, phone and map link. */
export const Locations: Story = {};

/** Book pressed: the location's slot picker below it. */
export const InlineBooking: Story = { play: async ({ canvasElement }) => pressBook(canvasElement) };

/** `booking="dialog"`, Book pressed: the picker in a modal dialog. */
export const DialogBooking: Story = {
  args: { booking: 'dialog' },
  play: async ({ canvasElement }) => pressBook(canvasElement),
};

/** No locations listed. */
export const Empty: Story = { render: () => html`<fd-location-list .locations=${[]}></fd-location-list>` };

export const Loading: Story = { render: (args) => clinic(locations(args), { latencyMs: 60_000 }) };

export const AdapterError: Story = { render: (args) => clinic(locations(args), { fail: true }) };

export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };

export const Spanish: Story = { render: (args) => html`<div lang="es">${clinic(locations(args))}</div>` };

export const Narrow320: Story = {
  render: (args) => html`<div style=${styleMap({ maxWidth: '320px' })}>${clinic(locations(args))}</div>`,
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};
