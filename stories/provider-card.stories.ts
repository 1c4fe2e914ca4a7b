/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Provider } from '../packages/core/src/index.js';
import '../packages/provider-card/src/define.js';
import { demoClinic } from './support/clinic.js';
import { pressBook, widgetIn } from './support/steps.js';
import { branded, widgetStates } from './support/widget-states.js';

/**
 * `<fd-provider-card>` on the demo clinic (Cumberland Valley Health Partners, four offices across Tennessee's
 * time-zone line). The demo has no photos, so cards show initials unless a story supplies a photo URL.
 */

interface CardArgs {
  provider: string;
  variant?: 'compact' | 'full';
  booking?: 'inline' | 'dialog' | 'event';
  location?: string;
  theme?: 'light' | 'dark' | 'auto';
}

const card = (args: CardArgs) => html`<fd-provider-card
  provider=${args.provider}
  variant=${ifDefined(args.variant)}
  booking=${ifDefined(args.booking)}
  location=${ifDefined(args.location)}
  theme=${ifDefined(args.theme)}
></fd-provider-card>`;

/** A card given a Provider object (as a JavaScript user would), inside the clinic so its locations load. */
const cardFor = (provider: Provider, args: Partial<CardArgs> = {}) =>
  demoClinic(html`<fd-provider-card
    .provider=${provider}
    variant=${ifDefined(args.variant)}
    theme=${ifDefined(args.theme)}
  ></fd-provider-card>`);

const base: Provider = {
  id: 'story-provider',
  displayName: 'Jordan Ellis',
  name: { given: ['Jordan'], family: 'Ellis' },
  credentials: ['DO'],
  specialties: [{ code: '207Q00000X', display: 'Family medicine' }],
  languages: ['en'],
  acceptingNewPatients: 'yes',
  locationIds: ['franklin'],
  telehealth: true,
  inPerson: true,
};

const meta: Meta<CardArgs> = {
  title: 'Widgets/Provider card',
  component: 'fd-provider-card',
  render: (args) => demoClinic(card(args)),
  args: { provider: 'maria-hernandez' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    booking: { control: 'inline-radio', options: ['inline', 'dialog', 'event'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<CardArgs>;

/** Everything: initials, specialties, languages, badges, two offices with phone and map links, a bio that expands. */
export const Full: Story = {};

/** For lists: no addresses or bio. */
export const Compact: Story = { args: { variant: 'compact' } };

/** The `location` attribute puts that office first; its time zone is the one the next available time is shown in. */
export const PreferredLocation: Story = { args: { provider: 'wei-chen', location: 'knoxville-west' } };

export const ExistingPatientsOnly: Story = { args: { provider: 'james-okafor' } };

export const NotAcceptingNewPatients: Story = { args: { provider: 'sarah-goldberg' } };

/** Video visits only: no office, so the next available time is in the patient's own zone. */
export const VideoOnly: Story = { args: { provider: 'omar-haddad' } };

export const LongName: Story = { args: { provider: 'alexandra-papadopoulos-whitmore' } };

/** No photo in the record: initials. */
export const NoPhoto: Story = { args: { provider: 'emily-carter' } };

/** The photo URL is broken: the card falls back to initials. */
export const PhotoFailsToLoad: Story = {
  render: () => cardFor({ ...base, photoUrl: `${location.origin}/no-such-photo.jpg` }),
  parameters: {
    frontdeskCheck: { allowErrors: { 'no-such-photo.jpg': 'the 404 is the point: the card shows initials instead' } },
  },
};

export const ManySpecialtiesAndLanguages: Story = {
  render: () =>
    cardFor({
      ...base,
      credentials: ['MD', 'PhD', 'FACP', 'FACC'],
      specialties: [
        'Internal medicine',
        'Cardiology',
        'Geriatric medicine',
        'Sleep medicine',
        'Hospice and palliative medicine',
        'Lipidology',
        'Obesity medicine',
      ].map((display, i) => ({ code: `S${i}`, display })),
      languages: ['en', 'es', 'fr', 'pt-BR', 'vi', 'ar', 'zh-Hant', 'hi'],
      locationIds: ['nashville-midtown', 'franklin', 'chattanooga-riverfront', 'knoxville-west'],
    }),
};

/** Only the required fields: the card shows what it has. */
export const MissingOptionalFields: Story = {
  render: () => cardFor({ ...base, name: undefined, specialties: [], languages: [], locationIds: [] }),
};

/** Markup from the API is shown as text, never run. */
export const HostileProvider: Story = {
  render: () =>
    cardFor({
      ...base,
      displayName: '<script>alert("x")</script><img src=x onerror=alert(1)>',
      bio: '<b>bold?</b> <a href="javascript:alert(1)">no link</a>',
    }),
};

/** A Provider object with a required field of the wrong type: a clear error. */
export const InvalidProvider: Story = {
  render: () => cardFor({ ...base, credentials: 'MD' } as unknown as Provider),
};

/** An id the clinic does not know. */
export const UnknownProvider: Story = { args: { provider: 'no-such-provider' } };

/** The card's Book button, pressed: that provider's slot picker (loaded on demand) below the card, focused. */
const pressCardBook = async (canvas: HTMLElement) => pressBook(await widgetIn(canvas, 'fd-provider-card'));

/** Book pressed: the provider's own slot picker opens below the card, with focus on its first decision. */
export const InlineBooking: Story = {
  args: { booking: 'inline' },
  play: async ({ canvasElement }) => pressCardBook(canvasElement),
};

/** `booking="dialog"`, Book pressed: the picker in a native modal dialog (focus kept inside, Escape closes it). */
export const DialogBooking: Story = {
  args: { booking: 'dialog' },
  play: async ({ canvasElement }) => pressCardBook(canvasElement),
};

const states = widgetStates(card);

/** Waiting for the backend. */
export const Loading: Story = states.Loading;

/** The backend cannot be reached: the error state with a retry. */
export const AdapterError: Story = states.AdapterError;

export const Dark: Story = states.Dark;

export const Spanish: Story = states.Spanish;

export const RightToLeft: Story = states.RightToLeft;

/** The narrowest phone. */
export const Narrow320: Story = states.Narrow320;

/** Text at 200%: everything scales from the base font size and wraps. */
export const Zoom200: Story = states.Zoom200;

/** A clinic's brand through the card's own properties and parts. */
export const CustomTheme: Story = {
  render: (args) =>
    branded(
      `.branded fd-provider-card::part(button) {
        border-radius: 999px;
      }
      .branded fd-provider-card::part(badge) {
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }`,
      {
        '--fd-provider-card-background': '#fbf8f3',
        '--fd-provider-card-border-color': '#c9b79c',
        '--fd-provider-card-radius': '16px',
        '--fd-provider-card-name-color': '#5b3a12',
        '--fd-color-accent': '#7a4a12',
      },
      demoClinic(card(args)),
    ),
};
