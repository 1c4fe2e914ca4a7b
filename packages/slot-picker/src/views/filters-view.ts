import type { VisitType } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { SlotPickerStrings } from '../strings.js';

export type Modality = 'any' | VisitType['modality'];

export interface FiltersProps {
  t: SlotPickerStrings;
  /** The provider's visit types that match the modality filter. */
  visitTypes: readonly VisitType[];
  visitTypeId: string | undefined;
  modality: Modality;
  /** Whether the provider offers both in-person and video visits, so the filter means something. */
  showModality: boolean;
  onVisitType: (id: string) => void;
  onModality: (modality: Modality) => void;
}

/** Visit type and in person / video: native controls with labels, so they need no extra keyboard code. */
export function renderFilters(props: FiltersProps): TemplateResult {
  const { t } = props;
  const modalities: Modality[] = ['any', 'in-person', 'telehealth'];
  const modalityName = (m: Modality) => (m === 'any' ? t.anyModality : m === 'in-person' ? t.inPerson : t.telehealth);
  return html`<div class="filters" part="filters" role="group" aria-label=${t.filters}>
    ${
      props.showModality
        ? html`<fieldset class="modality">
          <legend>${t.modality}</legend>
          ${modalities.map(
            (m) => html`<label class="choice"
              ><input
                type="radio"
                name="modality"
                .value=${m}
                .checked=${props.modality === m}
                @change=${() => props.onModality(m)}
              />${modalityName(m)}</label
            >`,
          )}
        </fieldset>`
        : nothing
    }
    <div class="field">
      ${
        props.visitTypes.length === 0
          ? html`<p class="hint">${t.noVisitTypes}</p>`
          : html`<label for="visit-type">${t.visitType}</label><select id="visit-type" part="visit-type" @change=${(e: Event) => props.onVisitType((e.target as HTMLSelectElement).value)}>
            ${props.visitTypes.map(
              (type) =>
                html`<option .value=${type.id} ?selected=${type.id === props.visitTypeId}>${type.name} (${t.minutes(type.durationMinutes)})</option>`,
            )}
          </select>`
      }
    </div>
  </div>`;
}
