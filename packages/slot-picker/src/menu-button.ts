import { LazyModule } from '@frontdesk/core';
import { LazyPart } from '@frontdesk/core/element';
import type { ReactiveElement } from 'lit';
import type { MenuController } from './menu-controller.js';

/** The menu's behaviour and floating-ui: fetched when a patient first hovers, focuses or presses the button. */
const menuCode = new LazyModule(() => import('./menu-controller.js'));

type Parts = () => { button: HTMLElement | null; menu: HTMLElement | null };

/**
 * The menu button as the first download knows it: whether the menu is open, and the handlers the template binds. The
 * menu itself (`MenuController`) arrives on first use; a press before then waits for it, a hover or a focus fetches it
 * ahead.
 */
export class MenuButton {
  private readonly host: ReactiveElement;
  private readonly parts: Parts;
  private readonly code: LazyPart<typeof import('./menu-controller.js')>;
  private controller: MenuController | undefined;

  constructor(host: ReactiveElement, parts: Parts) {
    this.host = host;
    this.parts = parts;
    this.code = new LazyPart(host, menuCode, { styles: (module) => module.menuStyles });
  }

  get open(): boolean {
    return this.controller?.open ?? false;
  }

  /** Fetch the menu's code ahead of need. */
  prefetch(): Promise<MenuController> {
    return this.code.load().then(({ MenuController }) => {
      this.controller ??= new MenuController(this.host, this.parts);
      return this.controller;
    });
  }

  toggle(): void {
    void this.prefetch().then((menu) => menu.toggle());
  }

  hide(returnFocus = true): void {
    this.controller?.hide(returnFocus);
  }

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focus = event.key === 'ArrowUp' ? 'last' : 'checked';
    void this.prefetch().then((menu) => menu.show(focus));
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => this.controller?.onMenuKeydown(event);
}
