/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { createMemoryAdapter } from '../packages/core/src/adapters/memory/index.js';
import type { FrontdeskAdapter } from '../packages/core/src/index.js';
import { FrontdeskError, Provider, parseListing } from '../packages/core/src/index.js';
import '../packages/provider-card/src/define.js';
import { withOverrides } from '../test/support/adapters.js';
import { until } from '../test/support/dom.js';
import { demoClinic } from './support/clinic.js';
import { pressBook, widgetIn } from './support/steps.js';
import { branded, widgetStates } from './support/widget-states.js';

/**
 * `<fd-provider-list>`: every provider of the demo clinic as a grid of cards, with filters, a search by name and
 * sorting. Attributes preset the filters, as a CMS user would write them.
 */

interface ListArgs {
  specialty?: string;
  language?: string;
  location?: string;
  telehealth?: boolean;
  accepting?: boolean;
  query?: string;
  sort?: 'name' | 'next';
  variant?: 'compact' | 'full';
  booking?: 'inline' | 'dialog' | 'event';
  theme?: 'light' | 'dark' | 'auto';
}

const list = (args: ListArgs) => html`<fd-provider-list
  specialty=${ifDefined(args.specialty)}
  language=${ifDefined(args.language)}
  location=${ifDefined(args.location)}
  ?telehealth=${args.telehealth ?? false}
  ?accepting=${args.accepting ?? false}
  query=${ifDefined(args.query)}
  sort=${ifDefined(args.sort)}
  variant=${ifDefined(args.variant)}
  booking=${ifDefined(args.booking)}
  theme=${ifDefined(args.theme)}
></fd-provider-list>`;

/** The demo clinic with some of its methods replaced: how an empty or hostile backend looks to the list. */
const demoWith = (overrides: Partial<FrontdeskAdapter>): FrontdeskAdapter =>
  withOverrides(createMemoryAdapter({ latencyMs: 300 }), overrides);

const meta: Meta<ListArgs> = {
  title: 'Widgets/Provider list',
  component: 'fd-provider-list',
  render: (args) => demoClinic(list(args)),
  args: {},
  argTypes: {
    sort: { control: 'inline-radio', options: ['name', 'next'] },
    variant: { control: 'inline-radio', options: ['compact', 'full'] },
    booking: { control: 'inline-radio', options: ['inline', 'dialog', 'event'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<ListArgs>;

/** Every provider, sorted by family name. */
export const AllProviders: Story = {};

/** `specialty="cardiology"`: a specialty by name or code, in any case. */
export const PresetSpecialty: Story = { args: { specialty: 'cardiology' } };

/** `language="Spanish"` and `accepting`: Spanish speakers taking new patients. */
export const SpanishSpeakersAcceptingNewPatients: Story = { args: { language: 'Spanish', accepting: true } };

export const VideoVisitsAtFranklin: Story = { args: { telehealth: true, location: 'franklin' } };

/** `query="chen"`: a preset search. */
export const PresetSearch: Story = { args: { query: 'chen' } };

export const SortedByNextAvailable: Story = { args: { sort: 'next' } };

/** Nothing matches: the empty state names the filter to relax and clears it. */
export const NoMatches: Story = { args: { specialty: 'podiatry' } };

/** Full cards with addresses, map links and bios. */
export const FullCards: Story = { args: { variant: 'full' } };

/** The list's shadow root, once its cards are there. */
async function listIn(canvas: HTMLElement): Promise<ShadowRoot> {
  const list = await widgetIn(canvas, 'fd-provider-list');
  await until(() => list.shadowRoot?.querySelector('fd-provider-card'), 'the cards', 10_000);
  return list.shadowRoot!;
}

/** Book pressed on the second card: that provider's slot picker opens in a full row below the card. */
export const InlineBooking: Story = {
  play: async ({ canvasElement }) => {
    const root = await listIn(canvasElement);
    await pressBook(root.querySelectorAll('fd-provider-card')[1]!);
  },
};

/** On a phone (320 px), the filters fold behind a Filter button that counts those on. */
export const FilterButton320: Story = {
  args: { specialty: 'family-medicine', accepting: true },
  render: (args) => html`<div style=${styleMap({ maxWidth: '320px' })}>${demoClinic(list(args))}</div>`,
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

/** The same, with the Filter button pressed: the filters and the sort order unfold. */
export const FiltersOpen320: Story = {
  ...FilterButton320,
  play: async ({ canvasElement }) => {
    const root = await listIn(canvasElement);
    root.querySelector<HTMLElement>('[part="filter-button"]')!.click();
    await until(() => root.querySelector('form.shown'), 'the filters shown');
  },
};

/**
 * The clinic's system cannot be reached: one message for the page (the list's, with the clinic's phone and one
 * Try again for every widget), a short line in the others, one disclosure for the developer.
 */
export const OneOutageMessage: Story = {
  render: () => {
    const failing = () => Promise.reject(new FrontdeskError('network', 'simulated outage (story)'));
    const adapter = demoWith({ listProviders: failing, listLocations: failing, getProvider: failing });
    return html`<fd-provider-list .adapter=${adapter}></fd-provider-list>
      <fd-provider-card provider="maria-hernandez" .adapter=${adapter}></fd-provider-card>
      <fd-location-list .adapter=${adapter}></fd-location-list>`;
  },
};

/** A source that lists places, not practitioners (a SMART Scheduling Links feed): its locations, each bookable. */
export const SourceWithoutPractitioners: Story = {
  render: (args) => {
    const adapter = demoWith({ listProviders: async () => ({ items: [], dropped: [] }) });
    return html`<fd-provider-list .adapter=${adapter} theme=${ifDefined(args.theme)}></fd-provider-list>`;
  },
};

/** The clinic lists nobody yet (and no locations either). */
export const NoProviders: Story = {
  render: (args) => {
    const nobody = async () => ({ items: [], dropped: [] });
    const adapter = demoWith({ listProviders: nobody, listLocations: nobody });
    return html`<fd-provider-list .adapter=${adapter} theme=${ifDefined(args.theme)}></fd-provider-list>`;
  },
};

/**
 * Some records from the backend are broken (wrong types, a huge name): they are left out and reported through
 * `fd-error`; the rest show, markup in names as plain text.
 */
export const HostilePayload: Story = {
  render: () => {
    const demo = createMemoryAdapter();
    const adapter = demoWith({
      listProviders: async (options) => {
        const { items } = await demo.listProviders(options);
        const [first, second, ...rest] = items;
        return parseListing(
          Provider,
          [
            ...rest,
            { ...first, displayName: '<img src=x onerror=alert(1)>Eve <script>alert(2)</script>' },
            { ...second, telehealth: 'yes', credentials: 'MD' },
            { ...second, id: 'huge', displayName: 'x'.repeat(100_000) },
          ],
          'providers',
        );
      },
    });
    return html`<fd-provider-list .adapter=${adapter}></fd-provider-list>`;
  },
};

const states = widgetStates(list);

export const Loading: Story = states.Loading;

export const AdapterError: Story = states.AdapterError;

export const Dark: Story = states.Dark;

export const Spanish: Story = states.Spanish;

export const RightToLeft: Story = states.RightToLeft;

export const Narrow320: Story = states.Narrow320;

export const Zoom200: Story = {
  render: (args) => html`<div style=${styleMap({ '--fd-font-size': '2rem' })}>${demoClinic(list(args))}</div>`,
};

/** A clinic's brand through custom properties and the list's own parts (and the parts it forwards from its cards). */
export const CustomTheme: Story = {
  render: (args) =>
    branded(
      `.branded fd-provider-list::part(filters) {
        border-block-end: 2px solid #6b2c91;
        padding-block-end: 0.75rem;
      }
      .branded fd-provider-list::part(count) {
        font-weight: 700;
      }
      .branded fd-provider-list::part(card) {
        border-radius: 16px;
      }
      .branded fd-provider-list::part(button) {
        border-radius: 999px;
      }
      .branded fd-provider-list::part(badge) {
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }`,
      {
        '--fd-color-accent': '#6b2c91',
        '--fd-color-text': '#1b1f24',
        '--fd-provider-card-background': '#ffffff',
        '--fd-provider-card-border-color': '#b9a3c8',
        '--fd-provider-card-radius': '16px',
        '--fd-provider-card-name-color': '#1b1f24',
        '--fd-provider-card-min-width': '16rem',
      },
      demoClinic(list(args)),
    ),
};
