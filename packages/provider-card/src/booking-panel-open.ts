import { devWarn } from '@frontdesk/core/element';
import { html, type TemplateResult } from 'lit';
import type { BookingMode, BookingPanel, PanelWords, Picker } from './booking-panel.js';

export { bookingPanelStyles } from './booking-panel.styles.js';

/** `BookingPanel.show` once its code and the picker's are here: open it, move focus to its first decision. */
export async function showPicker(
  panel: BookingPanel,
  mode: Exclude<BookingMode, 'event'>,
  attributes: Record<string, string | undefined>,
  from: HTMLElement,
): Promise<void> {
  if (!customElements.get('fd-slot-picker')) {
    devWarn('Book could not define <fd-slot-picker>; only the select event was sent');
    return;
  }
  const picker = document.createElement('fd-slot-picker') as Picker;
  for (const [name, value] of Object.entries(attributes)) if (value) picker.setAttribute(name, value);
  // A picker inside this shadow root finds an enclosing <fd-clinic> across it, but not an adapter set on the host.
  if (panel.host.adapter) picker.adapter = panel.host.adapter;
  panel.picker = picker;
  panel.mode = mode;
  panel.returnFocus = from;
  panel.host.requestUpdate();
  await panel.host.updateComplete;
  const region = panel.region();
  if (!region || panel.picker !== picker) return;
  if (region instanceof HTMLDialogElement) region.showModal();
  region.focus(); // its heading names it while the times load
  await picker.updateComplete;
  await picker.loadComplete;
  // The patient may have closed it, or moved on, meanwhile: focus is only moved from where the panel put it.
  const active = (panel.host.renderRoot as ShadowRoot).activeElement;
  if (panel.picker === picker && (active === region || active?.matches('[data-panel-close]'))) picker.focus();
}

/** `BookingPanel.render` while a picker is open. */
export function renderPanel(panel: BookingPanel, words: PanelWords, level: number): TemplateResult {
  const picker = panel.picker;
  const heading = html`<div class="booking-title" id="booking-title" role="heading" aria-level=${Math.min(6, level + 1)}>
      ${words.title}
    </div>`;
  if (panel.mode === 'dialog') {
    return html`<dialog id="booking" class="booking-dialog" part="dialog" aria-labelledby="booking-title" tabindex="-1"
        @close=${() => panel.close()}>
        <div class="booking-bar">
          ${heading}
          <button class="fd-button secondary" type="button" data-panel-close @click=${() => panel.close()}>${words.close}</button>
        </div>
        ${picker}
      </dialog>`;
  }
  return html`<section id="booking" class="booking" part="booking" aria-labelledby="booking-title" tabindex="-1">
      ${heading} ${picker}
    </section>`;
}
