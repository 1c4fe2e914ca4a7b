// fd-slot-picker on a page of its own, fed 10,000 free slots over 90 days through a memory adapter whose listSlots
// is replaced (real-shaped data; the rest of the clinic, providers and visit types, is the demo's).
import { createMemoryAdapter } from '@frontdesk/core/memory';
import '@frontdesk/slot-picker/define';
import { timed, until } from './fixtures.js';

const NOW = '2026-03-02T12:00:00Z';
const base = createMemoryAdapter({ now: NOW });
const startMs = Date.parse('2026-03-02T13:00:00Z');
const many = Array.from({ length: 10_000 }, (_, i) => {
  const start = startMs + Math.floor(i / 112) * 86_400_000 + (i % 112) * 5 * 60_000;
  return {
    id: `s${i}`,
    start: new Date(start).toISOString(),
    end: new Date(start + 5 * 60_000).toISOString(),
    providerId: 'maria-hernandez',
    visitTypeIds: ['new-patient'],
    status: 'free',
  };
});

/** A fresh adapter object each time, so nothing the picker may cache per adapter carries over between runs. */
function adapter() {
  return new Proxy(base, {
    get(target, property) {
      if (property === 'listSlots') return async () => ({ items: many, dropped: [] });
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let el;
const $ = (selector) => el.shadowRoot?.querySelector(selector);
const loaded = () => $('td[data-day]') && !$('[part~="loading"]');
let day = 2;

globalThis.bench = {
  firstRender: async () => {
    el?.remove();
    el = document.createElement('fd-slot-picker');
    el.setAttribute('provider', 'maria-hernandez');
    // The visit type given, as the README snippet writes it: otherwise the picker first asks whether the patient has
    // been seen here before (the demo's visit types differ by it), and the calendar is not what shows first.
    el.setAttribute('visit-type', 'new-patient');
    el.setAttribute('start', '2026-03-02');
    const result = await timed(
      () => {
        el.adapter = adapter();
        document.body.append(el);
      },
      async () => {
        await until(loaded, 'the calendar');
        await el.updateComplete;
      },
      () => el,
    );
    day = 2;
    return { ...result, check: el.shadowRoot.querySelectorAll('td[data-day]').length <= 31 };
  },
  /** Choose the next weekday of March 2026: done when its 112 times are on screen. */
  switchDay: async () => {
    if (!el) await globalThis.bench.firstRender();
    day = day >= 27 ? 3 : day + 1;
    const id = `2026-03-${String(day).padStart(2, '0')}`;
    const first = `s${(day - 2) * 112}`;
    const shown = () => el.shadowRoot.querySelector('button[data-slot]')?.dataset.slot === first;
    const result = await timed(
      () => $(`td[data-day="${id}"]`).click(),
      async () => {
        await el.updateComplete;
        await until(shown, `the times of ${id}`);
      },
      () => el,
    );
    return { ...result, check: el.shadowRoot.querySelectorAll('button[data-slot]').length === 112 };
  },
};
