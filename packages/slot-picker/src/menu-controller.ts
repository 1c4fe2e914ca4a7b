import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export { menuStyles } from './menu.styles.js';

type Host = ReactiveControllerHost & HTMLElement;

const ITEM = '[role^="menuitem"]';

/**
 * The WAI-ARIA APG menu button: the button opens the menu (Enter, Space, Arrow Down to the first or checked item,
 * Arrow Up to the last), arrows, Home and End move between items, Escape closes and returns focus to the button, Tab
 * and a click outside close it. The menu is placed by floating-ui and follows its button on scroll and resize. This
 * module (with floating-ui, a third of the picker's first download) loads when a patient first reaches the button
 * (see menu-button.ts).
 */
export class MenuController implements ReactiveController {
  open = false;
  private readonly host: Host;
  private readonly parts: () => { button: HTMLElement | null; menu: HTMLElement | null };
  private stopPositioning: (() => void) | undefined;
  private readonly onOutsidePointer = (event: PointerEvent) => {
    const { button, menu } = this.parts();
    const path = event.composedPath();
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.hide(false);
  };

  constructor(host: Host, parts: () => { button: HTMLElement | null; menu: HTMLElement | null }) {
    this.host = host;
    this.parts = parts;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.hide(false);
  }

  async show(focus: 'checked' | 'first' | 'last' = 'checked'): Promise<void> {
    if (!this.open) {
      this.open = true;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const { button, menu } = this.parts();
      if (!this.open || !button || !menu) return;
      const place = () =>
        computePosition(button, menu, {
          placement: 'bottom-start',
          strategy: 'fixed',
          middleware: [offset(4), flip(), shift({ padding: 8 })],
        }).then(({ x, y }) => {
          // CSSOM, not a style attribute: allowed under a strict style-src policy.
          menu.style.left = `${x}px`;
          menu.style.top = `${y}px`;
          menu.dataset.placed = '';
        });
      await place();
      this.stopPositioning = autoUpdate(button, menu, () => void place());
      document.addEventListener('pointerdown', this.onOutsidePointer, true);
    }
    const items = this.items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    const target = focus === 'last' ? items.at(-1) : focus === 'checked' ? (checked ?? items[0]) : items[0];
    target?.focus();
  }

  hide(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    delete this.parts().menu?.dataset.placed;
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    this.host.requestUpdate();
    if (returnFocus) this.parts().button?.focus();
  }

  toggle(): void {
    if (this.open) this.hide();
    else void this.show();
  }

  onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowUp' ? 'last' : 'checked');
    }
  };

  onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.items();
    const index = items.indexOf(event.target as HTMLElement);
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.hide(true);
      return;
    } else if (event.key === 'Tab') {
      this.hide(false);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };

  private items(): HTMLElement[] {
    return [...(this.parts().menu?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
  }
}
