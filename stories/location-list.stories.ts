import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/provider-card/src/define.js';
import { demoClinic } from './support/clinic.js';
import { pressBook, widgetIn } from './support/steps.js';
import { widgetStates } from './support/widget-states.js';

/**
 * `<fd-location-list>`: the clinic's locations, each with a Book button that opens that location's slot picker. For
 * sources that list places, not practitioners, such as a SMART Scheduling Links feed; here on the demo clinic's four
 * offices.
 */

interface LocationArgs {
  booking?: 'inline' | 'dialog' | 'event';
  theme?: 'light' | 'dark' | 'auto';
}

const locations = (args: LocationArgs) =>
  html`<fd-location-list booking=${ifDefined(args.booking)} theme=${ifDefined(args.theme)}></fd-location-list>`;

/** The first location's Book, pressed. */
const pressFirstBook = async (canvas: HTMLElement) => pressBook(await widgetIn(canvas, 'fd-location-list'));

const meta: Meta<LocationArgs> = {
  title: 'Widgets/Location list',
  component: 'fd-location-list',
  render: (args) => demoClinic(locations(args)),
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
export const InlineBooking: Story = { play: async ({ canvasElement }) => pressFirstBook(canvasElement) };

/** `booking="dialog"`, Book pressed: the picker in a modal dialog. */
export const DialogBooking: Story = {
  args: { booking: 'dialog' },
  play: async ({ canvasElement }) => pressFirstBook(canvasElement),
};

/** No locations listed. */
export const Empty: Story = { render: () => html`<fd-location-list .locations=${[]}></fd-location-list>` };

const states = widgetStates(locations);

export const Loading: Story = states.Loading;

export const AdapterError: Story = states.AdapterError;

export const Dark: Story = states.Dark;

export const Spanish: Story = states.Spanish;

export const Narrow320: Story = states.Narrow320;
