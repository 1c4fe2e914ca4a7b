// What every Frontdesk widget does alike, as one browser suite (mocha under @web/test-runner): run it from the
// widget's own test file. docs/design.md section 14 lists it among the steps of a new widget.
import { configure, type FdErrorDetail, registerStrings } from '@frontdesk/core';
import { expect, fixture } from '@open-wc/testing';
import { memory, recording } from './adapters.js';
import { $, cleanup, collect, part, settle, text, until } from './dom.js';

export interface WidgetConformanceOptions {
  /** Attributes that make the widget show content from the demo clinic (the memory adapter at `NOW`). */
  attributes?: Record<string, string>;
  /** A selector inside the shadow root that matches once the widget shows its content. */
  content: string;
  /** Words the widget shows on a page in Spanish, from its own table (loaded on first use). */
  spanish: RegExp;
}

type Widget = HTMLElement & { adapter?: unknown; updateComplete: Promise<boolean> };

/**
 * The widget contract: content inside `part="base"`, loading and error states (with a retry that recovers), problems
 * reported as `fd-error` events that bubble out of shadow roots, a missing adapter shown inside the widget, a new
 * adapter loaded from, Spanish from `lang="es"`, a language a page registers, a dark theme, and no axe violations.
 */
export function runWidgetConformance(tag: string, options: WidgetConformanceOptions): void {
  /** The widget inside a wrapper that carries `lang`, with its adapter set before it connects. */
  async function mount(adapter: unknown, settings: { lang?: string; theme?: string } = {}): Promise<Widget> {
    const el = document.createElement(tag) as Widget;
    for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
    if (settings.theme) el.setAttribute('theme', settings.theme);
    if (adapter !== undefined) el.adapter = adapter;
    const wrapper = document.createElement('div');
    wrapper.lang = settings.lang ?? 'en';
    wrapper.append(el);
    await fixture(wrapper);
    return el;
  }

  const shown = (el: Widget) => until(() => $(el, options.content), `${tag} to show ${options.content}`);

  describe(`${tag}: the widget contract`, () => {
    afterEach(() => {
      cleanup();
      configure(undefined);
    });

    it('shows its content inside part="base", with no axe violations', async () => {
      const el = await mount(memory());
      await shown(el);
      expect(part(el, 'base')?.querySelector(options.content), 'content inside part="base"').to.exist;
      await expect(el).shadowDom.to.be.accessible();
    });

    it('shows a loading state, announced as busy, while the adapter answers', async () => {
      const el = await mount(memory({ latencyMs: 400 }));
      await el.updateComplete;
      const loading = part(el, 'loading');
      expect(loading, 'part="loading"').to.exist;
      expect(loading!.getAttribute('aria-busy')).to.equal('true');
      await shown(el);
      expect(part(el, 'loading')).to.equal(null);
    });

    it('shows an error with a retry when the adapter fails, reports it as fd-error, and recovers', async () => {
      const heard: Event[] = [];
      const listener = (event: Event) => heard.push(event);
      document.addEventListener('fd-error', listener);
      try {
        const el = await mount(memory({ fail: 'once' }));
        await until(() => part(el, 'error'), 'the error state');
        expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
        const event = heard[0] as CustomEvent<FdErrorDetail>;
        expect(event.detail.kind).to.equal('network');
        expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
        await expect(el).shadowDom.to.be.accessible();
        part(el, 'retry-button')!.click();
        await shown(el);
      } finally {
        document.removeEventListener('fd-error', listener);
      }
    });

    it('says inside itself, and as fd-error, that it has no adapter', async () => {
      const errors = collect<FdErrorDetail>('fd-error');
      const el = await mount(undefined);
      await until(() => part(el, 'error'), 'the error state');
      expect(errors.map((error) => [error.kind, error.field])).to.deep.include(['invalid-input', 'adapter']);
    });

    it('loads again from a new adapter set on its adapter property', async () => {
      const el = await mount(memory());
      await shown(el);
      const next = recording(memory());
      el.adapter = next.adapter;
      await settle(el);
      await shown(el);
      expect(Object.keys(next.calls).length, 'calls on the new adapter').to.be.greaterThan(0);
    });

    it('speaks Spanish on a page with lang="es"', async () => {
      const el = await mount(memory(), { lang: 'es' });
      await shown(el);
      await until(() => options.spanish.test(text(el)), `Spanish words matching ${options.spanish}`);
    });

    it('speaks a language the page registers (French)', async () => {
      registerStrings('base', 'fr', { retry: 'Réessayer', errorTitle: 'Un problème est survenu' });
      const el = await mount(memory({ fail: 'once' }), { lang: 'fr-CA' });
      await until(() => part(el, 'retry-button'), 'the retry button');
      await until(() => text(part(el, 'retry-button')) === 'Réessayer', 'the French retry button');
    });

    it('takes the dark theme: other colours, still no axe violations', async () => {
      const light = await mount(memory());
      await shown(light);
      const dark = await mount(memory(), { theme: 'dark' });
      await shown(dark);
      const colours = (el: Widget) => {
        const style = getComputedStyle(part(el, 'base')!);
        return [style.color, style.colorScheme];
      };
      expect(colours(dark)).to.not.deep.equal(colours(light));
      await expect(dark).shadowDom.to.be.accessible();
    });
  });
}
