import type { FhirCoding } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EngineStrings } from '../engine-strings.js';
import type { Control } from './control.js';

/** Waits this long after the last keystroke before asking the terminology server. */
const DEBOUNCE_MS = 300;

export interface TypeAheadHost {
  words(): EngineStrings;
  /** Suggestions for what the patient typed; rejects with `aborted` when `signal` aborts. */
  search(text: string, signal: AbortSignal): Promise<readonly FhirCoding[]>;
  /** The answer: a suggestion, text of the patient's own (an open choice), or nothing. */
  answer(choice: FhirCoding | string | undefined): void;
  /** What the answer shows as (its display), or '' without one. */
  shown(): string;
  announce(text: string): void;
  /** Re-render the question. */
  changed(): void;
}

/**
 * A question whose answers come from a large list on the clinic's terminology server: the WAI-ARIA combobox with a
 * listbox popup (list autocomplete, manual selection). Typing asks for suggestions once the patient pauses, aborting
 * the request it replaces; the count of suggestions is announced; Down and Up move through them, Enter chooses,
 * Escape closes the list (and then clears the text), Alt+Down opens it.
 */
export class TypeAhead {
  readonly #host: TypeAheadHost;
  readonly #allowsText: boolean;
  text: string;
  suggestions: readonly FhirCoding[] = [];
  active = -1;
  open = false;
  searching = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  constructor(host: TypeAheadHost, allowsText: boolean) {
    this.#host = host;
    this.#allowsText = allowsText;
    this.text = host.shown();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  #set(change: Partial<Pick<TypeAhead, 'open' | 'active' | 'suggestions' | 'searching' | 'text'>>): void {
    Object.assign(this, change);
    this.#host.changed();
  }

  readonly onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    this.text = text;
    this.stop();
    if (text.trim() === '') {
      this.#host.answer(undefined);
      this.#set({ open: false, active: -1, suggestions: [], searching: false });
      return;
    }
    this.#timer = setTimeout(() => void this.#search(text), DEBOUNCE_MS);
  };

  async #search(text: string): Promise<void> {
    const controller = new AbortController();
    this.#abort = controller;
    this.#set({ searching: true });
    try {
      const found = await this.#host.search(text.trim(), controller.signal);
      if (controller.signal.aborted) return;
      this.#set({ suggestions: found, open: found.length > 0, active: -1, searching: false });
      const words = this.#host.words();
      this.#host.announce(found.length > 0 ? words.matches(found.length) : words.noMatches);
    } catch {
      if (controller.signal.aborted) return;
      this.#set({ suggestions: [], open: false, active: -1, searching: false });
      this.#host.announce(this.#host.words().searchFailed);
    }
  }

  #choose(index: number): void {
    const coding = this.suggestions[index];
    if (!coding) return;
    this.#host.answer(coding);
    this.#set({ text: coding.display ?? coding.code ?? '', open: false, active: -1 });
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (event.altKey) this.#set({ open: true });
        else this.#set({ open: true, active: this.open ? (this.active + 1) % count : 0 });
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        this.#set({ open: true, active: this.open && this.active > 0 ? this.active - 1 : count - 1 });
        return;
      case 'Enter':
        if (!this.open || this.active < 0) return;
        event.preventDefault();
        this.#choose(this.active);
        return;
      case 'Escape':
        event.preventDefault();
        if (this.open) this.#set({ open: false, active: -1 });
        else {
          this.stop();
          this.#host.answer(undefined);
          this.#set({ text: '', suggestions: [], searching: false });
        }
        return;
      case 'Tab':
        if (this.open) this.#set({ open: false, active: -1 });
        return;
    }
  };

  /** Leaving the field: the list closes; text that was not chosen is an open choice's own answer, or is undone. */
  readonly onBlur = (): void => {
    const shown = this.#host.shown();
    if (this.text.trim() !== '' && this.text !== shown && this.#allowsText) this.#host.answer(this.text);
    this.#set({ open: false, active: -1, text: this.#allowsText ? this.text : shown });
  };

  render(control: Control, label: string): TemplateResult {
    const { id, describedBy, invalid, node } = control;
    const words = this.#host.words();
    const listId = `${id}-l`;
    return html`<div class="combo">
      <input class="input" part="input" id=${id} type="text" role="combobox" autocomplete="off" spellcheck="false"
        aria-autocomplete="list" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${this.open && this.active >= 0 ? `${id}-o${this.active}` : nothing}
        aria-describedby=${[describedBy, `${id}-t`].filter(Boolean).join(' ')} aria-invalid=${invalid ? 'true' : nothing}
        ?readonly=${node.readOnly} .value=${live(this.text)}
        @input=${this.onInput} @keydown=${this.onKeyDown} @blur=${this.onBlur} />
      <ul class="listbox" part="listbox" id=${listId} role="listbox" aria-label=${label} ?hidden=${!this.open}>
        ${this.suggestions.map(
          (coding, i) => html`<li id="${id}-o${i}" class="suggestion ${i === this.active ? 'active' : ''}" role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose(i)}>
            ${coding.display ?? coding.code}
          </li>`,
        )}
      </ul>
      <p class="help" id="${id}-t" part="help">${this.searching ? words.searching : words.typeToSearch}</p>
    </div>`;
  }
}
