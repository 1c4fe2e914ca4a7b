import {
  type FdErrorDetail,
  type FdEstimateDetail,
  type FrontdeskAdapter,
  formatMoney,
  type PriceInfo,
} from '@frontdesk/core';
import type { MemoryAdapterOptions } from '@frontdesk/core/memory';
import { expect, fixture, html } from '@open-wc/testing';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { frame, liveText, part, settle, shadow, text, until } from '../../../test/support/dom.js';
import { press, typeText } from '../../../test/support/keys.js';
import type { FdCostEstimate } from './cost-estimate.js';
import './define.js';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';

const NOW = '2026-03-02T14:00:00Z';
const clinic = (options: MemoryAdapterOptions = {}) => memory({ now: NOW, ...options });

/** The memory adapter with `getPrice` replaced: the rest (organization, plans) is the demo clinic's. */
const withPrice = (adapter: FrontdeskAdapter, getPrice: () => Promise<unknown>) =>
  withOverrides(adapter, { getPrice: getPrice as FrontdeskAdapter['getPrice'] });

/** A price whose allowed (negotiated) amount is that of a test vector in docs/design.md section 5. */
const allowedPrice = (allowed: number): PriceInfo => ({
  service: '99213',
  description: 'Established patient office visit',
  currency: 'USD',
  grossCharge: allowed + 30_000,
  negotiatedRate: allowed,
});

/** Fixture of one estimate, collecting its events. */
async function mount(template: ReturnType<typeof html>) {
  const estimates: FdEstimateDetail[] = [];
  const errors: FdErrorDetail[] = [];
  const wrapper = await fixture<HTMLElement>(html`<div
    @fd-estimate=${(e: CustomEvent<FdEstimateDetail>) => estimates.push(e.detail)}
    @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}
  >
    ${template}
  </div>`);
  const el = wrapper.querySelector('fd-cost-estimate')!;
  await settle(el);
  return { el, wrapper, estimates, errors };
}

/** Press the error state's retry button and wait for the estimate to load again. */
async function retry(el: FdCostEstimate): Promise<void> {
  part(el, 'retry-button')!.click();
  await settle(el);
}

/** The breakdown table as { row label: [amounts] }. */
function table(el: FdCostEstimate): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const row of part(el, 'table')!.querySelectorAll('tbody tr')) {
    rows[text(row.querySelector('th'))] = [...row.querySelectorAll('td')].map((cell) => text(cell));
  }
  return rows;
}

describe('fd-cost-estimate: the test vectors of docs/design.md section 5 through the element', () => {
  it('allowed 900.00, deductible remaining 200.00, coinsurance 30 % shows 410.00', async () => {
    const adapter = withPrice(clinic(), async () => allowedPrice(90_000));
    const { el, estimates } = await mount(
      html`<fd-cost-estimate service="99213" network="in" deductible-remaining="200.00" coinsurance="30" .adapter=${adapter}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$410.00');
    expect(text(part(el, 'plan-pays'))).to.contain('$490.00');
    const rows = table(el);
    expect(rows['Amount your plan allows']).to.deep.equal(['$900.00']);
    expect(rows['Deductible you pay']).to.deep.equal(['$200.00']);
    expect(rows.Coinsurance).to.deep.equal(['$210.00']);
    expect(rows['You pay']).to.deep.equal(['$410.00']);
    expect(estimates).to.have.length(1);
    expect(estimates[0]).to.deep.equal({
      service: '99213',
      currency: 'USD',
      patientTotal: 41_000,
      planPays: 49_000,
      range: undefined,
      breakdown: {
        billed: 120_000,
        allowed: 90_000,
        deductibleApplied: 20_000,
        copay: 0,
        coinsurance: 21_000,
        notCovered: 0,
      },
    });
    await expect(el).shadowDom.to.be.accessible();
  });

  it('allowed 150.00 with a copay-only visit of 30.00 shows 30.00', async () => {
    const adapter = withPrice(clinic(), async () => allowedPrice(15_000));
    const { el, estimates } = await mount(
      html`<fd-cost-estimate service="99213" copay="30.00" copay-only deductible-remaining="500" coinsurance="20" .adapter=${adapter}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$30.00');
    expect(estimates[0]?.patientTotal).to.equal(3000);
    expect(estimates[0]?.breakdown).to.include({ copay: 3000, deductibleApplied: 0, coinsurance: 0 });
    expect(text(part(el, 'assumptions'))).to.contain('Copay: $30.00, and it is all you pay');
  });
});

describe('fd-cost-estimate: states', () => {
  it('self-pay: the discounted cash price, an accessible table and the Good Faith Estimate notice', async () => {
    const { el, estimates } = await mount(
      html`<fd-clinic adapter="memory"><fd-cost-estimate service="99213" coverage="self-pay"></fd-cost-estimate></fd-clinic>`,
    );
    expect(text(part(el, 'base'))).to.contain('Your discounted cash price');
    expect(text(part(el, 'total'))).to.equal('$105.00');
    expect(part(el, 'plan-pays')).to.equal(null);
    const tableEl = part(el, 'table')!;
    expect(text(tableEl.querySelector('caption'))).to.equal('How we worked it out');
    expect([...tableEl.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    expect([...tableEl.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.equal(true);
    expect(table(el)).to.deep.equal({
      'Clinic’s standard charge': ['$160.00'],
      'Discounted cash price': ['$105.00'],
      'You pay': ['$105.00'],
    });
    const notice = text(part(el, 'notice'));
    expect(notice).to.contain('Good Faith Estimate');
    expect(notice).to.contain('not a contract');
    expect(notice).to.contain('at least $400.00 more');
    expect(notice).to.contain('right to dispute');
    expect(estimates[0]?.patientTotal).to.equal(10_500);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the self-pay price when no coverage is given, with the service description', async () => {
    const { el } = await mount(html`<fd-cost-estimate service="follow-up" .adapter=${clinic()}></fd-cost-estimate>`);
    expect(text(part(el, 'total'))).to.equal('$105.00');
    expect(text(shadow(el).querySelector('.service'))).to.equal('Established patient office visit, low complexity');
    expect(shadow(el).querySelector('[role="heading"]')?.getAttribute('aria-level')).to.equal('3');
  });

  it('insured in network: the plan rate, what the plan pays, both networks side by side and what was assumed', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate service="99213" plan="blue-valley-ppo" network="in" deductible-remaining="0" coinsurance="20" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    // 20 % of the 98.00 Blue Valley rate.
    expect(text(part(el, 'total'))).to.equal('$19.60');
    expect(text(part(el, 'plan-pays'))).to.equal('Your plan pays about $78.40');
    const sides = [...part(el, 'networks')!.querySelectorAll('li')];
    expect(sides.map((li) => text(li))).to.deep.equal([
      'In network $19.60 Your estimate',
      // 20 % of the 69.00 out-of-network allowance plus the 91.00 balance above it.
      'Out of network $104.80',
    ]);
    expect(sides[0]?.classList.contains('current')).to.equal(true);
    const rows = table(el);
    expect(rows['Amount your plan allows']).to.deep.equal(['$98.00', '$69.00']);
    expect(rows['Possible balance bill']).to.deep.equal(['$0.00', '$91.00']);
    expect(text(part(el, 'notice'))).to.contain('an estimate, not a guarantee');
    const assumed = text(part(el, 'assumptions'));
    expect(assumed).to.contain('in your plan’s network');
    expect(assumed).to.contain('Your plan: Blue Valley PPO.');
    expect(assumed).to.contain('The price the clinic agreed with your plan.');
    expect(assumed).to.contain('Coinsurance: 20%');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('out of network: the balance the provider may bill and its note', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate service="99213" plan="blue-valley-ppo" network="out" coinsurance="20" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$104.80');
    const current = part(el, 'networks')!.querySelector('li.current');
    expect(text(current)).to.contain('Out of network');
    expect(text(part(el, 'notes'))).to.contain('may bill you the difference');
    expect(text(part(el, 'assumptions'))).to.contain('out of your plan’s network');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a range when only the lowest and highest negotiated rates are published', async () => {
    const { el, estimates } = await mount(
      html`<fd-cost-estimate service="97161" plan="blue-valley-ppo" coinsurance="20" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    // 20 % of 95.00 and of 165.00.
    expect(text(part(el, 'total'))).to.equal('$19.00 to $33.00');
    expect(estimates[0]?.range).to.deep.equal({ low: 1900, high: 3300 });
    expect(text(part(el, 'table')!.querySelector('caption'))).to.contain('high end of the range');
    expect(text(part(el, 'notes'))).to.contain('shown as a range');
    expect(text(part(el, 'assumptions'))).to.contain('lowest and highest prices');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('deductible met: only coinsurance', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate service="99214" plan="evergreen-hmo" deductible-remaining="0" coinsurance="10" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$12.10');
    expect(table(el)['Deductible you pay']).to.deep.equal(['$0.00', '$0.00']);
    expect(text(part(el, 'assumptions'))).to.contain('Deductible left to pay: $0.00.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('out-of-pocket maximum reached: the total stops at it and says so', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate service="99213" plan="blue-valley-ppo" deductible-remaining="500" coinsurance="20" oop-remaining="50.00" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$50.00');
    expect(text(part(el, 'notes'))).to.contain('reaches your out-of-pocket maximum');
    expect(text(part(el, 'assumptions'))).to.contain('Out-of-pocket maximum left: $50.00.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('unknown service: says there is no price and offers the clinic’s phone number', async () => {
    const { el, errors, estimates } = await mount(
      html`<fd-cost-estimate service="00000" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    const missing = part(el, 'missing')!;
    expect(text(missing)).to.contain('We don’t have an online price for this service.');
    expect(text(missing)).to.contain('Call Cumberland Valley Health Partners');
    const phone = part(el, 'phone') as HTMLAnchorElement;
    expect(phone.getAttribute('href')).to.equal('tel:6155550100');
    expect(text(phone)).to.equal('(615) 555-0100');
    expect(errors.map((e) => [e.kind, e.field])).to.deep.equal([['not-found', 'service']]);
    expect(estimates).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('loading: a busy skeleton, then the estimate', async () => {
    const el = await fixture<FdCostEstimate>(
      html`<fd-cost-estimate service="99213" .adapter=${clinic({ latencyMs: 300 })}></fd-cost-estimate>`,
    );
    const skeleton = part(el, 'loading')!;
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    expect(text(skeleton)).to.equal('Loading the price…');
    await expect(el).shadowDom.to.be.accessible();
    await settle(el);
    expect(text(part(el, 'total'))).to.equal('$105.00');
  });

  it('adapter failure: the error state with a working retry', async () => {
    const { el, errors } = await mount(
      html`<fd-cost-estimate service="99213" .adapter=${clinic({ fail: 'once' })}></fd-cost-estimate>`,
    );
    expect(text(shadow(el).querySelector('[role="alert"]'))).to.contain('could not reach');
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    await expect(el).shadowDom.to.be.accessible();
    await retry(el);
    expect(text(part(el, 'total'))).to.equal('$105.00');
  });

  it('a broken price payload gives the error state with a retry, never a wrong number', async () => {
    const hostile = {
      service: '99213',
      currency: 'USD',
      grossCharge: -500,
      description: '<img src=x onerror=alert(1)>',
    };
    let payload: unknown = hostile;
    const { el, errors } = await mount(
      html`<fd-cost-estimate service="99213" .adapter=${withPrice(clinic(), async () => payload)}></fd-cost-estimate>`,
    );
    expect(part(el, 'total')).to.equal(null);
    expect(text(part(el, 'error'))).to.contain('sent information we could not read');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ kind: 'invalid-response', field: 'price.grossCharge' });
    await expect(el).shadowDom.to.be.accessible();

    payload = null;
    await retry(el);
    expect(text(part(el, 'error'))).to.contain('sent information we could not read');
    expect(errors[1]).to.include({ kind: 'invalid-response', field: 'price' });

    payload = allowedPrice(10_000);
    await retry(el);
    // Self-pay without a published cash price: the gross charge.
    expect(text(part(el, 'total'))).to.equal('$400.00');
  });

  it('a bad coverage property set directly gives the error state naming the field', async () => {
    const coverage = {
      kind: 'plan',
      network: 'in',
      deductibleRemaining: 0,
      coinsuranceBps: 25_000,
      copay: 0,
      copayOnly: false,
    };
    const { el, errors } = await mount(
      html`<fd-cost-estimate service="99213" .coverage=${coverage as never} .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'error'))).to.contain('not set up correctly');
    expect(errors[0]).to.include({ kind: 'invalid-input', field: 'coverage.coinsuranceBps' });
  });

  for (const [attributes, attribute, problem] of [
    ['coinsurance="abc"', 'coinsurance', 'is not a number'],
    ['coinsurance="150"', 'coinsurance', 'is over 100 %'],
    ['deductible-remaining="-5"', 'deductible-remaining', 'is negative'],
    ['copay="twenty"', 'copay', 'is not a number'],
    ['network="maybe"', 'network', 'must be "in" or "out"'],
    ['coverage="insured-ish"', 'coverage', 'must be "self-pay"'],
  ] as const) {
    it(`a bad attribute (${attributes}) gives the error state and an fd-error naming it`, async () => {
      const wrapper = document.createElement('div');
      wrapper.innerHTML = `<fd-cost-estimate service="99213" ${attributes}></fd-cost-estimate>`;
      const el = wrapper.firstElementChild as FdCostEstimate;
      el.adapter = clinic();
      const { el: mounted, errors } = await mount(html`${wrapper}`);
      expect(mounted).to.equal(el);
      expect(text(part(el, 'error'))).to.contain(`the ${attribute} attribute ${problem}`);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ kind: 'invalid-input', field: attribute, recoverable: false });
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('without a service or a for attribute it explains what is missing', async () => {
    const { el, errors } = await mount(html`<fd-cost-estimate .adapter=${clinic()}></fd-cost-estimate>`);
    expect(text(part(el, 'error'))).to.contain('needs a service attribute');
    expect(errors[0]).to.include({ kind: 'invalid-input', field: 'service' });
  });

  it('the clinic can replace the notice by attribute or slot', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate service="99213" notice="Ask us for a written estimate." .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'notice'))).to.equal('Ask us for a written estimate.');
    const slotted = await mount(
      html`<fd-cost-estimate service="99213" .adapter=${clinic()}><p slot="notice">Our own notice.</p></fd-cost-estimate>`,
    );
    const slot = part(slotted.el, 'notice')!.querySelector('slot')!;
    expect(slot.assignedElements().map((node) => text(node))).to.deep.equal(['Our own notice.']);
  });

  it('dark theme and Spanish stay accessible; Spanish formats money in Spanish', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es"><fd-cost-estimate theme="dark" service="99213" network="in" deductible-remaining="200" coinsurance="30" .adapter=${withPrice(clinic(), async () => allowedPrice(90_000))}></fd-cost-estimate></div>`,
    );
    const el = wrapper.querySelector('fd-cost-estimate')!;
    await settle(el);
    for (let i = 0; i < 20 && !text(part(el, 'base')).includes('Probablemente'); i++) await frame();
    expect(text(part(el, 'base'))).to.contain('Probablemente pagará');
    expect(text(part(el, 'total'))).to.equal(formatMoney(41_000, 'USD', 'es').replace(/\s+/g, ' '));
    expect(text(part(el, 'notice'))).to.contain('no una garantía');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 320px"><fd-cost-estimate service="99213" plan="blue-valley-ppo" coinsurance="20" .adapter=${clinic()}></fd-cost-estimate></div>`,
    );
    const el = wrapper.querySelector('fd-cost-estimate')!;
    await settle(el);
    expect(part(el, 'table')).to.not.equal(null);
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('fd-cost-estimate: interactive form', () => {
  const field = (el: FdCostEstimate, name: string) => shadow(el).querySelector<HTMLInputElement>(`#fd-ce-${name}`)!;

  async function interactive(adapter: FrontdeskAdapter = withPrice(clinic(), async () => allowedPrice(90_000))) {
    const mounted = await mount(
      html`<button id="before">Before</button><fd-cost-estimate interactive service="99213" .adapter=${adapter}></fd-cost-estimate>`,
    );
    return mounted;
  }

  async function type(el: FdCostEstimate, name: string, value: string) {
    const input = field(el, name);
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await frame();
    await el.updateComplete;
  }

  it('asks how the patient pays, with every field labelled and its help tied by aria-describedby', async () => {
    const { el } = await interactive();
    expect(text(shadow(el).querySelector('legend'))).to.equal('How will you pay?');
    expect(part(el, 'result')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
    const insured = shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[1]!;
    insured.click();
    await el.updateComplete;
    for (const name of ['deductibleRemaining', 'coinsurance', 'copay', 'outOfPocketRemaining']) {
      const input = field(el, name);
      const help = shadow(el).getElementById(`fd-ce-${name}-help`);
      expect(input.getAttribute('aria-describedby')).to.equal(`fd-ce-${name}-help`);
      expect(text(help).length).to.be.greaterThan(20);
      expect(text(shadow(el).querySelector(`label[for="fd-ce-${name}"]`)).length).to.be.greaterThan(3);
    }
    expect(shadow(el).querySelector('#fd-ce-plan')).to.not.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('can be completed with the keyboard alone, and announces the result', async () => {
    const { el, estimates } = await interactive();
    (document.getElementById('before') as HTMLButtonElement).focus();
    await press('Tab'); // the first radio
    await press('ArrowDown'); // "I have insurance"
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('value')).to.equal('insured');
    await press('Tab'); // plan select
    expect(shadow(el).activeElement?.id).to.equal('fd-ce-plan');
    await press('Tab');
    await typeText('200');
    await press('Tab');
    await typeText('30');
    await press('Tab'); // copay, left blank
    await press('Tab'); // copay-only checkbox
    await press('Tab'); // out-of-pocket maximum, left blank
    await press('Tab');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('submit');
    await press('Enter');
    await settle(el);
    expect(text(part(el, 'total'))).to.equal('$410.00');
    await frame();
    expect(await until(() => liveText(el), 'an announcement')).to.equal('Estimate ready. You’ll likely pay: $410.00.');
    expect(estimates.at(-1)?.patientTotal).to.equal(41_000);
    expect(text(part(el, 'assumptions'))).to.contain('No out-of-pocket maximum was given.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('self-pay by keyboard shows the cash price at once', async () => {
    const { el } = await interactive(clinic());
    (document.getElementById('before') as HTMLButtonElement).focus();
    await press('Tab');
    await press('Space');
    await settle(el);
    expect(text(part(el, 'total'))).to.equal('$105.00');
    expect(part(el, 'submit')).to.equal(null);
    await frame();
    expect(await until(() => liveText(el), 'an announcement')).to.contain('$105.00');
  });

  it('refuses absurd entries at the field, tied and announced, and keeps what was typed', async () => {
    const { el, estimates } = await interactive();
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[1]!.click();
    await el.updateComplete;

    await type(el, 'deductibleRemaining', 'lots');
    const deductible = field(el, 'deductibleRemaining');
    expect(deductible.getAttribute('aria-invalid')).to.equal('true');
    expect(deductible.getAttribute('aria-describedby')).to.equal(
      'fd-ce-deductibleRemaining-help fd-ce-deductibleRemaining-error',
    );
    expect(text(shadow(el).getElementById('fd-ce-deductibleRemaining-error'))).to.equal(
      'Enter an amount in numbers, like 200 or 200.50.',
    );
    expect(await until(() => liveText(el), 'an announcement')).to.equal(
      'Deductible left to pay this year: Enter an amount in numbers, like 200 or 200.50.',
    );

    await type(el, 'coinsurance', '150');
    expect(text(shadow(el).getElementById('fd-ce-coinsurance-error'))).to.equal(
      'Coinsurance can’t be more than 100 %.',
    );
    await type(el, 'copay', '-10');
    expect(text(shadow(el).getElementById('fd-ce-copay-error'))).to.equal('The amount can’t be less than zero.');
    await expect(el).shadowDom.to.be.accessible();

    // Submitting refuses, moves focus to the first refused field and says how many need fixing.
    part(el, 'submit')!.click();
    await el.updateComplete;
    await frame();
    expect(shadow(el).activeElement).to.equal(deductible);
    expect(await until(() => liveText(el), 'an announcement')).to.contain('Please fix 3 entries.');
    expect(part(el, 'result')).to.equal(null);
    expect(estimates).to.have.length(0);

    // Nothing typed is lost, even when switching to self-pay and back.
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[0]!.click();
    await el.updateComplete;
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[1]!.click();
    await el.updateComplete;
    expect(field(el, 'deductibleRemaining').value).to.equal('lots');
    expect(field(el, 'coinsurance').value).to.equal('150');

    // Fixing a field clears its message as soon as it is right.
    const coinsurance = field(el, 'coinsurance');
    coinsurance.value = '30';
    coinsurance.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(coinsurance.getAttribute('aria-invalid')).to.equal('false');
    expect(shadow(el).getElementById('fd-ce-coinsurance-error')).to.equal(null);
  });

  it('uses the plan the patient picks for the negotiated rate', async () => {
    const { el } = await interactive(clinic());
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[1]!.click();
    await el.updateComplete;
    const select = shadow(el).querySelector<HTMLSelectElement>('#fd-ce-plan')!;
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Not listed or not sure',
      'Blue Valley PPO',
      'Evergreen HMO',
    ]);
    select.value = 'evergreen-hmo';
    select.dispatchEvent(new Event('change'));
    await type(el, 'coinsurance', '50');
    part(el, 'submit')!.click();
    await settle(el);
    // Half of Evergreen's 84.00 rate.
    expect(text(part(el, 'total'))).to.equal('$42.00');
    expect(text(part(el, 'assumptions'))).to.contain('Your plan: Evergreen HMO.');
  });

  it('keeps the typed coverage out of fd-estimate unless the host asks for it', async () => {
    const { el, estimates } = await interactive();
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="payer"]')[1]!.click();
    await el.updateComplete;
    await type(el, 'deductibleRemaining', '200');
    await type(el, 'coinsurance', '30');
    part(el, 'submit')!.click();
    await settle(el);
    expect(estimates).to.have.length(1);
    expect(Object.keys(estimates[0]!).sort()).to.deep.equal([
      'breakdown',
      'currency',
      'patientTotal',
      'planPays',
      'range',
      'service',
    ]);
    expect(JSON.stringify(estimates[0])).to.not.contain('coinsuranceBps');

    el.includeCoverage = true;
    await settle(el);
    expect(estimates).to.have.length(2);
    expect(estimates[1]?.coverage).to.deep.include({ kind: 'plan', deductibleRemaining: 20_000, coinsuranceBps: 3000 });
  });
});

describe('fd-cost-estimate: following a slot picker', () => {
  it('waits for a visit type, then follows the one chosen in the element named by for', async () => {
    const { el, wrapper, estimates } = await mount(
      html`<div id="picker"></div>
        <div id="other"></div>
        <fd-cost-estimate for="picker" coverage="self-pay" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'empty'))).to.equal('Choose a visit type to see what it will likely cost.');
    await expect(el).shadowDom.to.be.accessible();

    const select = (id: string, visitTypeId: unknown) =>
      wrapper
        .querySelector(`#${id}`)!
        .dispatchEvent(
          new CustomEvent('fd-slot-select', { detail: { visitTypeId, slotId: 's1' }, bubbles: true, composed: true }),
        );

    select('other', 'annual-physical');
    await settle(el);
    expect(el.service).to.equal(undefined);

    select('picker', 'annual-physical');
    await settle(el);
    expect(el.service).to.equal('annual-physical');
    expect(text(part(el, 'total'))).to.equal('$180.00');
    expect(estimates.at(-1)).to.include({ service: 'annual-physical', patientTotal: 18_000 });
    await frame();
    expect(await until(() => liveText(el), 'an announcement')).to.contain('$180.00');

    select('picker', 42);
    await settle(el);
    expect(el.service).to.equal('annual-physical');

    select('picker', 'follow-up');
    await settle(el);
    expect(text(part(el, 'total'))).to.equal('$105.00');
  });
});

describe('fd-cost-estimate: the first price beside a slot picker', () => {
  it('is the price of the visit type the picker starts on, not the service attribute’s', async () => {
    const { el } = await mount(
      html`<div id="picker" visit-type="annual-physical"></div>
        <fd-cost-estimate for="picker" service="follow-up" coverage="self-pay" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$180.00');
  });

  it('is none while the picker has no visit type yet: never another visit type’s price', async () => {
    const { el } = await mount(
      html`<div id="picker"></div>
        <fd-cost-estimate for="picker" service="follow-up" coverage="self-pay" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(part(el, 'total')).to.equal(null);
    expect(text(part(el, 'empty'))).to.equal('Choose a visit type to see what it will likely cost.');
  });

  it('is the service attribute’s when no such picker is on the page', async () => {
    const { el } = await mount(
      html`<fd-cost-estimate for="nowhere" service="follow-up" coverage="self-pay" .adapter=${clinic()}></fd-cost-estimate>`,
    );
    expect(text(part(el, 'total'))).to.equal('$105.00');
  });
});

runWidgetConformance('fd-cost-estimate', {
  attributes: { service: '99213', coverage: 'self-pay' },
  content: '[part~="total"]',
  spanish: /Costo estimado/,
});
