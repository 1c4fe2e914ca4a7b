// One outage, one message: widgets that fail for the same page-wide reason (the clinic's system out of reach, the
// page's clinic set-up wrong) share one message with one retry; the developer's details appear once.
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { html, nothing } from 'lit';
import { memory, withOverrides } from '../../../../test/support/adapters.js';
import { $, $$, cleanup, collect, onCleanup, part, settle, sleep, text, until } from '../../../../test/support/dom.js';
import type { FrontdeskAdapter } from '../adapter.js';
import { FrontdeskError } from '../errors.js';
import type { FdErrorDetail } from '../events/index.js';
import { defineWithClinic } from './define.js';
import { fieldStyles } from './field-styles.js';
import { FrontdeskElement } from './frontdesk-element.js';
import { Resource } from './resource.js';
import { baseStyles } from './tokens.js';

/** A widget that lists the clinic's providers. */
class ProblemTestWidget extends FrontdeskElement {
  static override styles = baseStyles;
  readonly providers = new Resource(this, (adapter, signal) => adapter.listProviders({ signal }));
  override render() {
    return html`<div class="fd-root" part="base">
      ${this.renderResource(this.providers, (listing) => html`<p class="shown">${listing.items.length} providers</p>`)}
    </div>`;
  }
}
defineWithClinic('fd-problem-test', ProblemTestWidget);

/** The demo clinic, whose listing fails while `down.value` (the organization, with its phone, still answers). */
function flaky(down: { value: boolean }): FrontdeskAdapter {
  const base = memory();
  return withOverrides(base, {
    listProviders: (options) =>
      down.value
        ? Promise.reject(new FrontdeskError('network', 'GET /providers: network error'))
        : base.listProviders(options),
  });
}

async function widgets(adapter: FrontdeskAdapter, count = 3): Promise<ProblemTestWidget[]> {
  const wrapper = await fixture(
    testHtml`<div>${Array.from({ length: count }, () => testHtml`<fd-problem-test .adapter=${adapter}></fd-problem-test>`)}</div>`,
  );
  const all = [...wrapper.querySelectorAll<ProblemTestWidget>('fd-problem-test')];
  for (const el of all) await settle(el);
  return all;
}

const alerts = (all: ProblemTestWidget[]) => all.filter((el) => $(el, '[role="alert"]'));

/** `navigator.onLine` as the browser would report it with no network; undone after the test. */
function goOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  onCleanup(() => delete (navigator as { onLine?: boolean }).onLine);
}

afterEach(cleanup);

describe('a failure the whole page shares', () => {
  it('is one message, with the clinic’s phone and one retry that reloads every widget', async () => {
    const down = { value: true };
    const errors = collect<FdErrorDetail>('fd-error');
    const all = await widgets(flaky(down));
    const [first, ...others] = all;
    expect(alerts(all)).to.deep.equal([first]);
    await until(() => $(first!, 'a[href^="tel:"]'), 'the clinic’s phone');
    const message = part(first!, 'error')!;
    expect(text(message)).to.contain('We could not reach the clinic’s system');
    expect(text(message)).to.not.contain('connection');
    expect(text(message)).to.contain('call Cumberland Valley Health Partners');
    expect($(first!, 'a[href^="tel:"]')!.getAttribute('href')).to.match(/^tel:\d{10}$/);
    expect($$(first!, 'details')).to.have.length(1);
    for (const other of others) {
      expect(text(part(other, 'error'))).to.equal('Not available right now.');
      expect($(other, 'details, button')).to.equal(null);
    }
    // Each widget still tells its own host what failed.
    expect(errors.map((e) => [e.kind, e.recoverable])).to.deep.equal(Array(3).fill(['network', false]));
    for (const el of all) await expect(el).shadowDom.to.be.accessible();

    down.value = false;
    part(first!, 'retry-button')!.click();
    for (const el of all) await until(() => $(el, '.shown'), 'every widget back');
    expect(alerts(all)).to.deep.equal([]);
  });

  it('one retry loads again every part of a widget that failed, not only the one its message was about', async () => {
    class TwoParts extends FrontdeskElement {
      static override styles = baseStyles;
      readonly providers = new Resource(this, (adapter, signal) => adapter.listProviders({ signal }));
      readonly locations = new Resource(this, (adapter, signal) => adapter.listLocations({ signal }));
      override render() {
        const shown = this.providers.status === 'ready' && this.locations.status === 'ready';
        const failed = [this.providers, this.locations].find((r) => r.status === 'error');
        return html`<div class="fd-root" part="base">
          ${failed ? this.renderError(failed.error!, () => void failed.reload()) : shown ? html`<p class="shown">both</p>` : nothing}
        </div>`;
      }
    }
    customElements.define('fd-two-parts-test', TwoParts);
    const down = { value: true };
    const base = memory();
    const fail = () => Promise.reject(new FrontdeskError('network', 'network error'));
    const adapter = withOverrides(base, {
      listProviders: (options) => (down.value ? fail() : base.listProviders(options)),
      listLocations: (options) => (down.value ? fail() : base.listLocations(options)),
    });
    const el = await fixture<TwoParts>(testHtml`<fd-two-parts-test .adapter=${adapter}></fd-two-parts-test>`);
    await settle(el);
    down.value = false;
    part(el, 'retry-button')!.click();
    await until(() => $(el, '.shown'), 'both parts loaded after one retry');
  });

  it('is shown by the widget first on the page, whichever failed first, nested ones where their host is', async () => {
    const base = memory();
    const slowFailure = withOverrides(base, {
      listProviders: () => sleep(150).then(() => Promise.reject(new FrontdeskError('network', 'network error'))),
    });
    const fastFailure = flaky({ value: true });
    const wrapper = await fixture(testHtml`<div>
      <fd-problem-test .adapter=${slowFailure}></fd-problem-test>
      <div id="host"></div>
      <fd-problem-test .adapter=${fastFailure}></fd-problem-test>
    </div>`);
    // One more inside another element's shadow root, between the two: in the page, it is where its host is.
    const nested = document.createElement('fd-problem-test') as ProblemTestWidget;
    nested.adapter = fastFailure;
    wrapper.querySelector('#host')!.attachShadow({ mode: 'open' }).append(nested);
    const [first, last] = [...wrapper.querySelectorAll<ProblemTestWidget>('fd-problem-test')];
    for (const el of [first!, nested, last!]) await settle(el);
    await until(() => alerts([first!, nested, last!]).length === 1 && $(first!, '[role="alert"]'), 'the first leads');
    first!.remove();
    await until(() => $(nested, '[role="alert"]'), 'the nested one, next in the page, leads');
    expect($(last!, '[role="alert"]')).to.equal(null);
  });

  it('passes the message on when the widget that showed it leaves the page', async () => {
    const all = await widgets(flaky({ value: true }));
    all[0]!.remove();
    await until(() => alerts(all.slice(1)).length === 1, 'the next widget to show the message');
    expect(alerts(all.slice(1))).to.deep.equal([all[1]]);
    expect(text(part(all[2]!, 'error'))).to.equal('Not available right now.');
  });

  it('offline: says so (not "something went wrong") and tries again by itself once back online', async () => {
    goOffline();
    const down = { value: true };
    const all = await widgets(flaky(down), 2);
    const message = part(all[0]!, 'error')!;
    expect(text(message)).to.contain('You seem to be offline');
    expect(text(message)).to.contain('tries again by itself');
    expect(text(part(all[1]!, 'error'))).to.equal('Not available while you are offline.');
    await expect(all[0]).shadowDom.to.be.accessible();

    delete (navigator as { onLine?: boolean }).onLine;
    down.value = false;
    window.dispatchEvent(new Event('online'));
    for (const el of all) await until(() => $(el, '.shown'), 'every widget back without a click');
  });

  it('back online while the connection still settles: tries again a moment later, with no click', async () => {
    goOffline();
    const down = { value: true };
    const all = await widgets(flaky(down), 2);
    delete (navigator as { onLine?: boolean }).onLine;
    // The first requests after `online` still fail (the phone's connection is not up yet); later ones work.
    window.dispatchEvent(new Event('online'));
    for (const el of all) await until(() => $(el, '[part~="error"]') && !$(el, '.shown'), 'failing again at first');
    await sleep(100);
    expect(all.filter((el) => $(el, '.shown'))).to.deep.equal([]);
    down.value = false;
    for (const el of all) await until(() => $(el, '.shown'), 'every widget back without a click', 3_000);
  });

  it('a wrong clinic set-up: one message, and one line in the console for the developer', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    onCleanup(() => {
      console.warn = warn;
    });
    const wrapper = await fixture(testHtml`<fd-clinic adapter="no-such-adapter">
      <fd-problem-test></fd-problem-test><fd-problem-test></fd-problem-test>
    </fd-clinic>`);
    const all = [...wrapper.querySelectorAll<ProblemTestWidget>('fd-problem-test')];
    for (const el of all) await settle(el);
    expect(alerts(all)).to.deep.equal([all[0]]);
    expect(text(part(all[0]!, 'error'))).to.contain('This widget is not set up correctly');
    expect(text(part(all[0]!, 'error'))).to.contain('unknown adapter "no-such-adapter"');
    expect(warnings.filter((line) => line.includes('no-such-adapter'))).to.have.length(1);
  });

  it('keeps a widget’s own problem its own', async () => {
    const base = memory();
    const unknown = withOverrides(base, {
      listProviders: () => Promise.reject(new FrontdeskError('not-found', 'GET /providers: HTTP 404')),
    });
    const all = await widgets(unknown, 2);
    expect(alerts(all)).to.deep.equal(all);
  });
});

describe('focus()', () => {
  it('moves focus to the widget’s first decision', async () => {
    class Choices extends FrontdeskElement {
      override render() {
        return html`<p>Text</p><button hidden>Hidden</button>
          <fieldset><input type="radio" name="who" value="a" /><input type="radio" name="who" value="b" checked /></fieldset>
          <button>Later</button>`;
      }
    }
    customElements.define('fd-focus-test', Choices);
    const el = await fixture<Choices>(testHtml`<fd-focus-test></fd-focus-test>`);
    el.focus();
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).to.equal('b');
  });
});

describe('text size and targets', () => {
  const rootSize = (size: string) => {
    document.documentElement.style.fontSize = size;
    onCleanup(() => document.documentElement.style.removeProperty('font-size'));
  };
  const sizeOf = (el: Element) => getComputedStyle(part(el, 'base')!).fontSize;

  it('stays at 16 px on a host whose root is 62.5% (10 px)', async () => {
    rootSize('62.5%');
    const [el] = await widgets(memory(), 1);
    expect(sizeOf(el!)).to.equal('16px');
  });

  it('follows a host root larger than 16 px', async () => {
    rootSize('125%');
    const [el] = await widgets(memory(), 1);
    expect(sizeOf(el!)).to.equal('20px');
  });

  it('gives radio buttons and checkboxes a 24 px target, growing with the text', async () => {
    class Choices extends FrontdeskElement {
      static override styles = [baseStyles, fieldStyles];
      override render() {
        return html`<div class="fd-root" part="base"><input type="radio" /><input type="checkbox" /></div>`;
      }
    }
    customElements.define('fd-target-test', Choices);
    rootSize('62.5%');
    const el = await fixture<Choices>(testHtml`<fd-target-test></fd-target-test>`);
    const sizes = () => [...el.shadowRoot!.querySelectorAll('input')].map((i) => i.getBoundingClientRect().width);
    expect(sizes()).to.deep.equal([24, 24]);
    el.style.fontSize = '20px';
    expect(sizes()).to.deep.equal([30, 30]);
  });

  it('never goes under 16 px when the host shrinks the element itself', async () => {
    const wrapper = await fixture(
      testHtml`<div><style>fd-problem-test { font-size: 10px; }</style><fd-problem-test .adapter=${memory()}></fd-problem-test></div>`,
    );
    const el = wrapper.querySelector('fd-problem-test')!;
    await settle(el as ProblemTestWidget);
    expect(sizeOf(el)).to.equal('16px');
  });
});
