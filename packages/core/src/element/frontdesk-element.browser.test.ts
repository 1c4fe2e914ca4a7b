import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { type CSSResult, css, html } from 'lit';
import { frame, settle, text, until } from '../../../../test/support/dom.js';
import type { FrontdeskAdapter } from '../adapter.js';
import { createMemoryAdapter } from '../adapters/memory/index.js';
import { configure } from '../config.js';
import type { FdErrorDetail } from '../events/index.js';
import { LazyModule } from '../lazy-module.js';
import { type FdClinic, lookupAdapter } from './clinic.js';
import { defineElement, defineWithClinic } from './define.js';
import { FrontdeskElement } from './frontdesk-element.js';
import { LazyPart } from './lazy-part.js';
import { Resource } from './resource.js';
import { baseStyles } from './tokens.js';

/** A minimal widget on the base: shows the organization's name. */
class TestWidget extends FrontdeskElement {
  static override styles = baseStyles;
  readonly org = new Resource(this, (adapter, signal) => adapter.getOrganization({ signal }));
  override render() {
    return html`<div class="fd-root">${this.renderResource(this.org, (org) => html`<p>${org.name}</p>`)}
      ${this.renderAnnouncer()}</div>`;
  }
}
defineWithClinic('fd-test-widget', TestWidget);

describe('FrontdeskElement', () => {
  afterEach(() => configure(undefined));

  it('prefers its own adapter property over an enclosing fd-clinic and configure()', async () => {
    const own = createMemoryAdapter({ seed: 1 });
    const global = createMemoryAdapter({ seed: 2 });
    configure(global);
    const wrapper = await fixture(
      testHtml`<fd-clinic adapter="memory" options='{"seed":3}'><fd-test-widget></fd-test-widget></fd-clinic>`,
    );
    const el = wrapper.querySelector('fd-test-widget') as TestWidget;
    expect(await lookupAdapter(el, el.adapter)).to.not.equal(global);
    el.adapter = own;
    expect(await lookupAdapter(el, el.adapter)).to.equal(own);
  });

  it('uses the enclosing fd-clinic, then the configure() default', async () => {
    const global: FrontdeskAdapter = createMemoryAdapter({ seed: 2 });
    configure(global);
    const wrapper = await fixture(
      testHtml`<fd-clinic adapter="memory"><div><fd-test-widget></fd-test-widget></div></fd-clinic>`,
    );
    const inside = wrapper.querySelector('fd-test-widget') as TestWidget;
    const fromClinic = await lookupAdapter(inside, inside.adapter);
    expect(fromClinic.name).to.equal('memory');
    expect(fromClinic).to.not.equal(global);
    expect(await lookupAdapter(inside, inside.adapter)).to.equal(fromClinic); // one adapter per clinic, shared
    const outside = await fixture<TestWidget>(testHtml`<fd-test-widget></fd-test-widget>`);
    expect(await lookupAdapter(outside, outside.adapter)).to.equal(global);
  });

  it('finds an fd-clinic across a shadow root', async () => {
    const clinic = await fixture<FdClinic>(testHtml`<fd-clinic adapter="memory"><div></div></fd-clinic>`);
    const host = clinic.querySelector('div')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('fd-test-widget') as TestWidget;
    shadow.append(el);
    await settle(el);
    expect(text(el)).to.not.contain('Something went wrong');
    expect(el.org.status).to.equal('ready');
  });

  it('shows a readable message and fires fd-error when there is no adapter', async () => {
    const errors: FdErrorDetail[] = [];
    document.addEventListener('fd-error', (e) => errors.push(e.detail), { once: true });
    const el = await fixture<TestWidget>(testHtml`<fd-test-widget></fd-test-widget>`);
    await settle(el);
    expect(text(el)).to.contain('This widget is not set up correctly');
    expect(text(el)).to.contain('fd-clinic');
    expect(errors[0]?.kind).to.equal('invalid-input');
    expect(errors[0]?.recoverable).to.equal(false);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('explains an unknown adapter name and a broken options attribute', async () => {
    const wrapper = await fixture(testHtml`<fd-clinic adapter="nope"><fd-test-widget></fd-test-widget></fd-clinic>`);
    const el = wrapper.querySelector('fd-test-widget') as TestWidget;
    await settle(el);
    expect(text(el)).to.contain('unknown adapter "nope"');
    wrapper.setAttribute('adapter', 'memory');
    wrapper.setAttribute('options', '{not json');
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    expect(text(el)).to.contain('options> must be a JSON object');
    wrapper.setAttribute('options', '{"seed": 4}');
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    expect(el.org.status).to.equal('ready');
  });

  it('shows a busy skeleton while loading, then the content', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 300 });
    const el = await fixture<TestWidget>(testHtml`<fd-test-widget .adapter=${adapter}></fd-test-widget>`);
    await el.updateComplete;
    const skeleton = el.shadowRoot!.querySelector('[part="loading"]');
    expect(skeleton?.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton?.getAttribute('role')).to.equal('status');
    expect(skeleton?.textContent).to.contain('Loading');
    await expect(el).shadowDom.to.be.accessible();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.equal(null);
    expect(text(el)).to.equal((await adapter.getOrganization()).name);
  });

  it('shows the error state with a working retry button', async () => {
    const adapter = createMemoryAdapter({ fail: 'once' });
    const errors: FdErrorDetail[] = [];
    const el = await fixture<TestWidget>(
      testHtml`<fd-test-widget .adapter=${adapter} @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}></fd-test-widget>`,
    );
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('could not reach');
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    await expect(el).shadowDom.to.be.accessible();
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    retry.focus();
    retry.click();
    await settle(el);
    expect(el.org.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('follows the page language and its changes', async () => {
    const adapter = createMemoryAdapter({ fail: true });
    const wrapper = await fixture(testHtml`<div lang="es"><fd-test-widget .adapter=${adapter}></fd-test-widget></div>`);
    const el = wrapper.querySelector('fd-test-widget') as TestWidget;
    await settle(el);
    // The Spanish words load on first use: English shows meanwhile, never nothing.
    await until(() => text(el).includes('Intentar de nuevo'), 'the Spanish words');
    wrapper.setAttribute('lang', 'en-US');
    await frame();
    await el.updateComplete;
    expect(text(el)).to.contain('Try again');
  });

  it('never throws when a tag is defined twice', () => {
    class Other extends FrontdeskElement {}
    expect(() => defineElement('fd-test-widget', Other)).to.not.throw();
    expect(() => defineWithClinic('fd-test-widget', TestWidget)).to.not.throw();
    expect(customElements.get('fd-test-widget')).to.equal(TestWidget);
  });

  it('reloads when its adapter property changes', async () => {
    const a = createMemoryAdapter({ seed: 1 });
    const el = await fixture<TestWidget>(testHtml`<fd-test-widget .adapter=${a}></fd-test-widget>`);
    await settle(el);
    const failing = createMemoryAdapter({ fail: true });
    el.adapter = failing;
    await el.updateComplete;
    await settle(el);
    expect(el.org.status).to.equal('error');
  });
});

describe('fd-clinic', () => {
  it('takes a string adapter property as the attribute, as React 19 and Vue set it', async () => {
    const clinic = await fixture<FdClinic>(testHtml`<fd-clinic><fd-test-widget></fd-test-widget></fd-clinic>`);
    (clinic as unknown as { adapter: string }).adapter = 'memory';
    expect(clinic.getAttribute('adapter')).to.equal('memory');
    expect(clinic.adapter).to.equal(undefined);
    const el = clinic.querySelector('fd-test-widget') as TestWidget;
    await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    expect(el.org.status).to.equal('ready');
  });
});

describe('loadComplete', () => {
  it('resolves once the data has loaded and rendered, with no polling', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 80 });
    const el = await fixture<TestWidget>(testHtml`<fd-test-widget .adapter=${adapter}></fd-test-widget>`);
    expect(el.org.status).to.equal('loading');
    await el.loadComplete;
    expect(el.org.status).to.equal('ready');
    expect(text(el)).to.contain((await adapter.getOrganization()).name);
  });
});

/** A part of a widget that arrives later: a module with its own styles and words. */
interface Part {
  styles: CSSResult;
  label: string;
}
let downloads = 0;
const lazyModule = new LazyModule<Part>(async () => {
  downloads++;
  if (downloads === 1) {
    const missing = '/no-such-chunk.js'; // a chunk a deploy removed, or a dropped connection: a real failed import
    return import(/* @vite-ignore */ missing);
  }
  return { styles: css`.lazy { color: rgb(1, 2, 3); }`, label: 'arrived' };
});

class LazyWidget extends FrontdeskElement {
  static override styles = baseStyles;
  readonly extra = new LazyPart(this, lazyModule, { styles: (module) => module.styles });
  override render() {
    return html`<p class="lazy">${this.extra.value?.label ?? 'waiting'}</p>`;
  }
}
defineElement('fd-lazy-widget', LazyWidget);

describe('LazyPart', () => {
  it('reports a failed download, retries it, adopts its styles, and updateComplete waits for it', async () => {
    const el = await fixture<LazyWidget>(testHtml`<fd-lazy-widget></fd-lazy-widget>`);
    const failed = await el.extra.settle();
    expect('error' in failed && failed.error.kind).to.equal('network');
    expect(text(el)).to.equal('waiting');

    void el.extra.load();
    await el.updateComplete; // includes the download
    expect(text(el)).to.equal('arrived');
    const shown = el.shadowRoot!.querySelector('.lazy')!;
    expect(getComputedStyle(shown).color).to.equal('rgb(1, 2, 3)');
    expect(downloads).to.equal(2);

    // Once per page: a second widget adopts the styles without downloading again.
    const other = await fixture<LazyWidget>(testHtml`<fd-lazy-widget></fd-lazy-widget>`);
    await other.extra.load();
    await other.updateComplete;
    expect(getComputedStyle(other.shadowRoot!.querySelector('.lazy')!).color).to.equal('rgb(1, 2, 3)');
    expect(downloads).to.equal(2);
  });
});
