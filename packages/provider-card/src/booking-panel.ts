import { type FrontdeskAdapter, toFrontdeskError } from '@frontdesk/core';
import { devWarn } from '@frontdesk/core/element';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * Where Book leads when the host page leaves booking to the widget (it did not cancel the select event): `inline`
 * opens the slot picker right below (a full row in a list), `dialog` in a modal dialog, `event` nowhere (the host
 * handles the event, always).
 */
export type BookingMode = 'inline' | 'dialog' | 'event';

export const BOOKING_MODES: readonly BookingMode[] = ['inline', 'dialog', 'event'];

/** The script-tag autoloader's hook (packages/frontdesk/src/autoload.ts): it fetches a tag with its adapter's code. */
const AUTOLOADER = Symbol.for('frontdesk.autoloader');
type Autoloaded = { [AUTOLOADER]?: { load?: (tag: string) => Promise<void> } };

/** A widget whose picker this is: a Lit element with an adapter property. */
type PanelHost = ReactiveElement & { adapter?: FrontdeskAdapter | undefined };

/** What a Frontdesk widget offers beyond HTMLElement, as far as the panel uses it. */
type Picker = HTMLElement & {
  adapter?: FrontdeskAdapter | undefined;
  updateComplete?: Promise<unknown>;
  loadComplete?: Promise<unknown>;
};

/**
 * `<fd-slot-picker>` defined, however the page loads Frontdesk: already there, through the script-tag autoloader
 * (which fetches it in one wave with its adapter's code), or imported on demand (npm builds split it off, so a page
 * of cards downloads the picker only when a patient presses Book).
 */
async function definePicker(): Promise<void> {
  if (customElements.get('fd-slot-picker')) return;
  const autoloader = (globalThis as Autoloaded)[AUTOLOADER];
  if (autoloader?.load) await autoloader.load('fd-slot-picker');
  if (!customElements.get('fd-slot-picker')) await import('@frontdesk/slot-picker/define');
}

/** Words the panel shows, from the widget's table. */
export interface PanelWords {
  /** The heading above the picker: "Book with María Hernández". */
  title: string;
  /** The dialog's close button. */
  close: string;
}

/**
 * The slot picker a card (or a location in a list) opens itself: in place or in a native modal dialog, for the one
 * provider or location it was opened for, with focus moved to the picker's first decision once its times are there
 * (docs/design.md section 5). A dialog traps focus (the rest of the page is inert) and gives it back to Book on close.
 */
export class BookingPanel implements ReactiveController {
  private readonly host: PanelHost;
  private readonly onError: (error: ReturnType<typeof toFrontdeskError>) => void;
  private picker: Picker | undefined;
  private mode: BookingMode = 'inline';
  private returnFocus: HTMLElement | undefined;

  constructor(host: PanelHost, onError: (error: ReturnType<typeof toFrontdeskError>) => void) {
    this.host = host;
    this.onError = onError;
    host.addController(this);
  }

  /** Shown in place (Book then reads as expanded). */
  get inlineOpen(): boolean {
    return this.picker !== undefined && this.mode === 'inline';
  }

  get open(): boolean {
    return this.picker !== undefined;
  }

  hostDisconnected(): void {
    this.picker = undefined;
  }

  /**
   * Open a picker with these attributes (`provider`, `location`); `from` gets focus back when a dialog closes.
   * Resolves once focus is on the picker's first decision, or when that is not for the panel to do any more.
   */
  async show(mode: Exclude<BookingMode, 'event'>, attributes: Record<string, string | undefined>, from: HTMLElement) {
    try {
      await definePicker();
    } catch (error) {
      this.onError(toFrontdeskError(error));
      return;
    }
    if (!customElements.get('fd-slot-picker')) {
      devWarn('Book could not define <fd-slot-picker>; only the select event was sent');
      return;
    }
    const picker = document.createElement('fd-slot-picker') as Picker;
    for (const [name, value] of Object.entries(attributes)) if (value) picker.setAttribute(name, value);
    // A picker inside this shadow root finds an enclosing <fd-clinic> across it, but not an adapter set on the host.
    if (this.host.adapter) picker.adapter = this.host.adapter;
    this.picker = picker;
    this.mode = mode;
    this.returnFocus = from;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const region = this.region();
    if (!region || this.picker !== picker) return;
    if (region instanceof HTMLDialogElement) region.showModal();
    region.focus(); // its heading names it while the times load
    await picker.updateComplete;
    await picker.loadComplete;
    // The patient may have closed it, or moved on, meanwhile: focus is only moved from where the panel put it.
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (this.picker === picker && (active === region || active?.matches('[data-panel-close]'))) picker.focus();
  }

  /** Close the picker (Book pressed again, the dialog's close button, Escape). */
  close(): void {
    if (!this.picker) return;
    const region = this.region();
    this.picker = undefined;
    if (region instanceof HTMLDialogElement && region.open) region.close();
    this.host.requestUpdate();
    if (this.mode === 'dialog') this.returnFocus?.focus();
  }

  private region(): HTMLElement | null {
    return (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('#booking');
  }

  /** The picker in its place, under a heading one level below the widget's own. */
  render(words: PanelWords, level: number): TemplateResult | typeof nothing {
    const picker = this.picker;
    if (!picker) return nothing;
    const heading = html`<div class="booking-title" id="booking-title" role="heading" aria-level=${Math.min(6, level + 1)}>
      ${words.title}
    </div>`;
    if (this.mode === 'dialog') {
      return html`<dialog id="booking" class="booking-dialog" part="dialog" aria-labelledby="booking-title" tabindex="-1"
        @close=${() => this.close()}>
        <div class="booking-bar">
          ${heading}
          <button class="fd-button secondary" type="button" data-panel-close @click=${() => this.close()}>${words.close}</button>
        </div>
        ${picker}
      </dialog>`;
    }
    return html`<section id="booking" class="booking" part="booking" aria-labelledby="booking-title" tabindex="-1">
      ${heading} ${picker}
    </section>`;
  }
}
