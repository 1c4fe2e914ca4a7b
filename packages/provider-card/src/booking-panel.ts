import { type FrontdeskAdapter, LazyModule, toFrontdeskError } from '@frontdesk/core';
import { LazyPart } from '@frontdesk/core/element';
import { nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

/**
 * Where Book leads when the host page leaves booking to the widget (it did not cancel the select event): `inline`
 * opens the slot picker right below (a full row in a list), `dialog` in a modal dialog, `event` nowhere (the host
 * handles the event, always).
 */
export type BookingMode = 'inline' | 'dialog' | 'event';

export const BOOKING_MODES: readonly BookingMode[] = ['inline', 'dialog', 'event'];

/** A widget whose picker this is: a Lit element with an adapter property. */
export type PanelHost = ReactiveElement & { adapter?: FrontdeskAdapter | undefined };

/** What a Frontdesk widget offers beyond HTMLElement, as far as the panel uses it. */
export type Picker = HTMLElement & {
  adapter?: FrontdeskAdapter | undefined;
  updateComplete?: Promise<unknown>;
  loadComplete?: Promise<unknown>;
};

/** Words the panel shows, from the widget's table. */
export interface PanelWords {
  /** The heading above the picker: "Book with María Hernández". */
  title: string;
  /** The dialog's close button. */
  close: string;
}

/** The script-tag autoloader's hook (packages/frontdesk/src/autoload.ts): it fetches a tag with its adapter's code. */
const AUTOLOADER = Symbol.for('frontdesk.autoloader');
type Autoloaded = { [AUTOLOADER]?: { load?: (tag: string) => Promise<void> } };

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

/** What opens a picker and draws it, with its styles: fetched when a patient first presses Book, beside the picker. */
const openingModule = new LazyModule(() => import('./booking-panel-open.js'));

/**
 * The slot picker a card (or a location in a list) opens itself: in place or in a native modal dialog, for the one
 * provider or location it was opened for, with focus moved to the picker's first decision once its times are there
 * (docs/design.md section 5). A dialog traps focus (the rest of the page is inert) and gives it back to Book on close.
 * Until Book is first pressed the panel is only this state; opening it and drawing it load then
 * (`booking-panel-open.ts`), beside the picker itself.
 */
export class BookingPanel implements ReactiveController {
  readonly host: PanelHost;
  readonly onError: (error: ReturnType<typeof toFrontdeskError>) => void;
  /** The picker shown, if any; set by the opening module. */
  picker: Picker | undefined;
  mode: BookingMode = 'inline';
  returnFocus: HTMLElement | undefined;
  private readonly opening: LazyPart<typeof import('./booking-panel-open.js')>;

  constructor(host: PanelHost, onError: (error: ReturnType<typeof toFrontdeskError>) => void) {
    this.host = host;
    this.onError = onError;
    this.opening = new LazyPart(host, openingModule, { styles: (module) => module.bookingPanelStyles });
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
    let opening: typeof import('./booking-panel-open.js');
    try {
      [opening] = await Promise.all([this.opening.load(), definePicker()]);
    } catch (error) {
      this.onError(toFrontdeskError(error));
      return;
    }
    await opening.showPicker(this, mode, attributes, from);
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

  region(): HTMLElement | null {
    return (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('#booking');
  }

  /** The picker in its place, under a heading one level below the widget's own. */
  render(words: PanelWords, level: number): TemplateResult | typeof nothing {
    const opening = this.opening.value;
    return this.picker && opening ? opening.renderPanel(this, words, level) : nothing;
  }
}
