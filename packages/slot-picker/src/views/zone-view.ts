import { html, type TemplateResult } from 'lit';
import type { ZoneOption } from '../labels.js';
import type { MenuButton } from '../menu-button.js';
import type { SlotPickerStrings } from '../strings.js';

export interface ZoneProps {
  t: SlotPickerStrings;
  current: string;
  options: readonly ZoneOption[];
  menu: MenuButton;
  onPick: (timeZone: string) => void;
}

/** Which zone the times are shown in; a menu button when there is more than one zone to choose from. */
export function renderZoneControl(props: ZoneProps): TemplateResult {
  const { t, menu } = props;
  const current = props.options.find((option) => option.timeZone === props.current);
  const name = current?.name ?? props.current;
  if (props.options.length < 2) return html`<p class="zone" part="zone">${t.timesShownIn(name)}</p>`;
  return html`<div class="zone" part="zone">
    <button
      id="zone-button"
      type="button"
      class="zone-button"
      part="zone-button"
      aria-haspopup="menu"
      aria-expanded=${menu.open ? 'true' : 'false'}
      aria-controls="zone-menu"
      @click=${() => menu.toggle()}
      @keydown=${menu.onButtonKeydown}
      @pointerenter=${() => void menu.prefetch()}
      @focus=${() => void menu.prefetch()}
    ><span class="fd-visually-hidden">${t.timeZone}: </span><span class="zone-name">${t.timesShownIn(name)}</span
      ><span class="caret" aria-hidden="true">▾</span></button>
    <div
      id="zone-menu"
      class="menu"
      part="zone-menu"
      role="menu"
      aria-labelledby="zone-button"
      ?hidden=${!menu.open}
      @keydown=${menu.onMenuKeydown}
    >
      ${props.options.map(
        (option) => html`<button
          type="button"
          role="menuitemradio"
          class="menu-item"
          part="zone-option"
          tabindex="-1"
          aria-checked=${option.timeZone === props.current ? 'true' : 'false'}
          @click=${() => props.onPick(option.timeZone)}
        >${option.label}</button>`,
      )}
    </div>
  </div>`;
}
