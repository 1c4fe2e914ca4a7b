import { expect, fixture, html } from '@open-wc/testing';
import { memory, START } from '../../../test/support/adapters.js';
import { $, $$, settle, shadow } from '../../../test/support/dom.js';
import { chooseDay, dayWithTimes, timeButtons } from './picker-kit.browser.test.js';
import type { FdSlotPicker } from './slot-picker.js';

/**
 * WCAG 1.4.10 (reflow): no sideways scrolling on a 320 px screen. A phone page with 16 px padding leaves 288 px; a
 * host page that forces a 20 px font (examples/hostile.html) must still fit in 230 px. The provider with the longest
 * visit-type names and both modalities is the hardest case.
 */
const WIDTHS = [
  { width: 288, fontSize: 16 },
  { width: 230, fontSize: 20 },
] as const;

/** Boxes inside the shadow root (nested roots too) that end past the host's edges. */
function sticksOut(el: FdSlotPicker): string[] {
  const host = el.getBoundingClientRect();
  const out: string[] = [];
  const visit = (root: ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.shadowRoot) visit(node.shadowRoot);
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      // Visually hidden helpers are 1 px clipped boxes; the closed time-zone menu is fixed and not shown.
      if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (box.right > host.right + 0.5 || box.left < host.left - 0.5) {
        out.push(`${node.localName}.${node.className} [${Math.round(box.left)}..${Math.round(box.right)}]`);
      }
    }
  };
  visit(shadow(el));
  return out;
}

function expectToFit(el: FdSlotPicker, width: number, what: string): void {
  expect(el.getBoundingClientRect().width, `${what}: host width`).to.be.closeTo(width, 0.5);
  expect(el.scrollWidth, `${what}: scrollWidth`).to.be.at.most(el.clientWidth);
  expect(sticksOut(el), `${what}: boxes past the edge`).to.deep.equal([]);
}

describe('fd-slot-picker reflow', () => {
  const rootFontSize = document.documentElement.style.fontSize;
  afterEach(() => {
    document.documentElement.style.fontSize = rootFontSize;
  });

  for (const { width, fontSize } of WIDTHS) {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`fits ${width} px at a ${fontSize} px font (${dir}), from the filters to the booking form`, async () => {
        // The widget's font follows the page's root size (rem), as on a host page that sets a larger font.
        document.documentElement.style.fontSize = `${fontSize}px`;
        const box = await fixture<HTMLDivElement>(html`<div dir=${dir}>
          <fd-slot-picker
            provider="alexandra-papadopoulos-whitmore"
            visit-type="specialist-follow-up"
            start=${START}
            .adapter=${memory()}
          ></fd-slot-picker>
        </div>`);
        box.style.inlineSize = `${width}px`;
        box.style.fontSize = `${fontSize}px`;
        const el = box.querySelector('fd-slot-picker')!;
        await settle(el);
        expect($(el, '[part~="filters"]'), 'the visit-type question').to.exist;
        expectToFit(el, width, 'calendar');
        // No word broken across lines to fit: weekday heads ("Wed", or "W" when tight) and the month on one line each.
        for (const th of $$(el, 'th')) {
          const shown = [...th.children].filter((name) => name.getClientRects().length > 0);
          expect(shown, `${th.textContent} head`).to.have.length(1);
          expect(shown[0]!.getClientRects().length, `lines of the ${th.textContent} head`).to.equal(1);
          // "Wed" wherever it fits; below 19em (16 px weekday names need it) the container query swaps in "W".
          expect(shown[0]!.className).to.equal('narrow');
        }
        const heading = $(el, '#month-heading')!;
        expect(heading.getBoundingClientRect().height).to.be.below(
          2 * Number.parseFloat(getComputedStyle(heading).lineHeight),
        );

        await chooseDay(el, dayWithTimes(el));
        expect(timeButtons(el)).to.not.be.empty;
        expectToFit(el, width, 'times');
        await expect(el).shadowDom.to.be.accessible();

        // Day cells shrink below 44 px to fit, but stay well above WCAG 2.5.8's 24 x 24 px minimum.
        const cell = $(el, 'td.day')!.getBoundingClientRect();
        expect(Math.min(cell.width, cell.height)).to.be.at.least(24);

        timeButtons(el)[0]!.click();
        await settle(el);
        expect($(el, 'form'), 'the details form').to.exist;
        expectToFit(el, width, 'details');
      });
    }
  }
});
