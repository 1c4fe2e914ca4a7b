import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FrontdeskAdapter } from '../packages/core/src/adapter.js';
import { createMemoryAdapter } from '../packages/core/src/adapters/memory/index.js';
import '../packages/cost-estimate/src/define.js';
import { withOverrides } from '../test/support/adapters.js';
import { demoClinic } from './support/clinic.js';
import { branded, widgetStates } from './support/widget-states.js';

/**
 * `<fd-cost-estimate>` on the demo clinic (Cumberland Valley Health Partners, prices in USD). Service 99213 is an
 * established-patient visit: 160.00 standard charge, 105.00 cash price, 98.00 with Blue Valley PPO, 69.00 allowed
 * out of network. 97161 (physical therapy evaluation) is published only as a range of negotiated rates.
 */

interface CostEstimateArgs {
  service: string;
  plan?: string;
  coverage?: string;
  network?: 'in' | 'out';
  deductibleRemaining?: string;
  coinsurance?: string;
  copay?: string;
  copayOnly?: boolean;
  oopRemaining?: string;
  interactive?: boolean;
  notice?: string;
  theme?: 'light' | 'dark' | 'auto';
}

const estimate = (args: CostEstimateArgs) => html`<fd-cost-estimate
  service=${args.service}
  plan=${ifDefined(args.plan)}
  coverage=${ifDefined(args.coverage)}
  network=${ifDefined(args.network)}
  deductible-remaining=${ifDefined(args.deductibleRemaining)}
  coinsurance=${ifDefined(args.coinsurance)}
  copay=${ifDefined(args.copay)}
  ?copay-only=${args.copayOnly ?? false}
  oop-remaining=${ifDefined(args.oopRemaining)}
  ?interactive=${args.interactive ?? false}
  notice=${ifDefined(args.notice)}
  theme=${ifDefined(args.theme)}
></fd-cost-estimate>`;

const meta: Meta<CostEstimateArgs> = {
  title: 'Widgets/Cost estimate',
  component: 'fd-cost-estimate',
  render: (args) => demoClinic(estimate(args)),
  args: { service: '99213' },
  argTypes: {
    network: { control: 'inline-radio', options: ['in', 'out'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<CostEstimateArgs>;

const insured: Partial<CostEstimateArgs> = {
  plan: 'blue-valley-ppo',
  network: 'in',
  deductibleRemaining: '50.00',
  coinsurance: '20',
  oopRemaining: '1500.00',
};

/** No insurance: the discounted cash price and the Good Faith Estimate notice. */
export const SelfPay: Story = { args: { coverage: 'self-pay' } };

/** In network with Blue Valley PPO: the plan's rate, both networks side by side, what was assumed. */
export const InsuredInNetwork: Story = { args: { ...insured } };

/** The clinic is out of the plan's network: the balance the provider may bill is added. */
export const OutOfNetwork: Story = { args: { ...insured, network: 'out' } };

/** Only the lowest and highest negotiated rates are published: the total is a range. */
export const Range: Story = { args: { ...insured, service: '97161' } };

/** The deductible is met: only coinsurance is left. */
export const DeductibleMet: Story = { args: { ...insured, deductibleRemaining: '0' } };

/** The out-of-pocket maximum caps the total. */
export const OutOfPocketMaximumReached: Story = {
  args: { ...insured, deductibleRemaining: '500.00', oopRemaining: '40.00' },
};

/** The copay is all the patient pays for an office visit. */
export const CopayOnly: Story = { args: { plan: 'evergreen-hmo', copay: '25.00', copayOnly: true } };

/** No price is published for the service: the clinic's phone number instead. */
export const UnknownService: Story = { args: { service: '00000' } };

/** The patient says how they pay and types their plan's terms, each explained in plain words. */
export const Interactive: Story = { args: { interactive: true } };

/** The clinic's own wording of the notice, by attribute (the `notice` slot works the same way). */
export const ClinicNotice: Story = {
  args: { coverage: 'self-pay', notice: 'Ask the front desk for a written Good Faith Estimate before your visit.' },
};

const states = widgetStates(estimate);

/** The backend cannot be reached: the error state with a retry. */
export const AdapterError: Story = states.AdapterError;

/** A misconfigured attribute: the error state names it. */
export const MisconfiguredAttribute: Story = { args: { ...insured, coinsurance: '130' } };

/** Waiting for the backend. */
export const Loading: Story = states.Loading;

export const Dark: Story = { ...states.Dark, args: { ...insured, theme: 'dark' } };

export const Spanish: Story = { ...states.Spanish, args: { ...insured } };

export const SpanishInteractive: Story = { ...states.Spanish, args: { interactive: true } };

export const RightToLeft: Story = { ...states.RightToLeft, args: { ...insured } };

/** The narrowest phone. */
export const Narrow320: Story = { ...states.Narrow320, args: { ...insured } };

/**
 * Beside a slot picker (`for="picker"`), the estimate follows the visit type chosen there. The buttons stand in for
 * `<fd-slot-picker id="picker">`, dispatching the same `fd-slot-select` event.
 */
export const FollowsSlotPicker: Story = {
  args: { coverage: 'self-pay' },
  render: (args) => {
    const choose = (event: Event, visitTypeId: string) => {
      const picker = (event.currentTarget as HTMLElement).closest('.picker');
      picker?.dispatchEvent(
        new CustomEvent('fd-slot-select', { detail: { visitTypeId }, bubbles: true, composed: true }),
      );
    };
    return demoClinic(html`<div id="picker" class="picker" role="group" aria-label="Stand-in slot picker">
        <button type="button" @click=${(e: Event) => choose(e, 'new-patient')}>New patient visit</button>
        <button type="button" @click=${(e: Event) => choose(e, 'annual-physical')}>Annual physical</button>
        <button type="button" @click=${(e: Event) => choose(e, 'therapy-session')}>Therapy session</button>
      </div>
      <fd-cost-estimate for="picker" coverage=${ifDefined(args.coverage)}></fd-cost-estimate>`);
  },
};

/** Text at 200%: the total, the table and the notes scale from the base font size and wrap. */
export const Zoom200: Story = { ...states.Zoom200, args: { ...insured } };

/** The demo clinic with a service description and plan names as long as a price file may hold. */
function longNames(): FrontdeskAdapter {
  const base = createMemoryAdapter({ latencyMs: 300 });
  return withOverrides(base, {
    getPrice: async (...args) => ({
      ...(await base.getPrice(...args)),
      description:
        'Office or other outpatient visit for the evaluation and management of an established patient, which ' +
        'requires a medically appropriate history and/or examination and a low level of medical decision making; ' +
        'when using total time on the date of the encounter, 20 minutes or more must be met or exceeded',
    }),
    listPlans: async (...args) => {
      const listing = await base.listPlans(...args);
      const items = listing.items.map((plan) => ({
        ...plan,
        name: `${plan.name} Preferred Provider Organization Statewide Gold Plus Family Coverage with Dental`,
      }));
      return { ...listing, items };
    },
  });
}

/** A long service description, long plan names and a long clinic notice: everything wraps. */
export const LongText: Story = {
  args: {
    ...insured,
    notice:
      'Ask the front desk for a written Good Faith Estimate before your visit. This estimate is based on the ' +
      'information you gave and the prices the clinic publishes; what you owe may differ if your visit needs more ' +
      'services, if your plan processes the claim differently, or if your deductible changes before the visit.',
  },
  render: (args) => html`<fd-cost-estimate
    .adapter=${longNames()}
    service=${args.service}
    plan=${ifDefined(args.plan)}
    network=${ifDefined(args.network)}
    deductible-remaining=${ifDefined(args.deductibleRemaining)}
    coinsurance=${ifDefined(args.coinsurance)}
    oop-remaining=${ifDefined(args.oopRemaining)}
    notice=${ifDefined(args.notice)}
  ></fd-cost-estimate>`,
};

/** A clinic's brand through custom properties and the estimate's parts. */
export const CustomTheme: Story = {
  args: { ...insured },
  render: (args) =>
    branded(
      `.branded fd-cost-estimate::part(heading) {
        color: #6b2c91;
      }
      .branded fd-cost-estimate::part(total) {
        font-weight: 800;
      }
      .branded fd-cost-estimate::part(notice) {
        border-inline-start: 4px solid #6b2c91;
      }`,
      {
        '--fd-color-accent': '#6b2c91',
        '--fd-color-text': '#1b1f24',
        '--fd-cost-estimate-accent': '#6b2c91',
        '--fd-cost-estimate-total-color': '#1b1f24',
        '--fd-cost-estimate-total-size': '2.5em',
        '--fd-cost-estimate-border': '#b9a3c8',
        '--fd-cost-estimate-notice-background': '#f7f2fa',
      },
      demoClinic(estimate(args)),
    ),
};
