import type { VisitType } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { SlotPickerStrings } from '../strings.js';

export type PatientType = 'new' | 'existing';

export interface FiltersProps {
  t: SlotPickerStrings;
  /** Whether to ask "new or existing patient" first: the provider's visit types differ by it. */
  askPatientType: boolean;
  patientType: PatientType | undefined;
  /** The visit types open to that answer. */
  visitTypes: readonly VisitType[];
  visitTypeId: string | undefined;
  /** "$150 without insurance", by visit type id, once known. */
  price: (type: VisitType) => string | undefined;
  onPatientType: (answer: PatientType) => void;
  onVisitType: (id: string) => void;
}

function patientTypeQuestion(props: FiltersProps): TemplateResult {
  const { t } = props;
  return html`<fieldset class="question" part="patient-type">
    <legend>${t.seenBefore}</legend>
    ${(['new', 'existing'] as const).map(
      (answer) => html`<label class="choice"
        ><input
          type="radio"
          name="patientType"
          .value=${answer}
          .checked=${props.patientType === answer}
          data-focus=${(props.patientType ?? 'new') === answer ? 'patient-type' : nothing}
          @change=${() => props.onPatientType(answer)}
        />${answer === 'new' ? t.newPatient : t.existingPatient}</label
      >`,
    )}
  </fieldset>`;
}

function details(t: SlotPickerStrings, type: VisitType, price: string | undefined): string {
  return [t.minutes(type.durationMinutes), type.modality === 'telehealth' ? t.telehealth : t.inPerson, price]
    .filter(Boolean)
    .join(' · ');
}

function visitTypeChoices(props: FiltersProps): TemplateResult {
  const { t } = props;
  const types = props.visitTypes;
  if (types.length === 0) return html`<p class="hint">${t.noVisitTypes}</p>`;
  if (types.length === 1) {
    // One visit type fits: it is said, not asked, so it costs no key press.
    const type = types[0]!;
    return html`<div class="visit-option single" part="visit-type">
      <p class="visit-name">${t.visitType}: ${type.name}</p>
      <p class="hint">${details(t, type, props.price(type))}</p>
      ${type.description ? html`<p class="hint">${type.description}</p>` : nothing}
    </div>`;
  }
  return html`<fieldset class="question" part="visit-type">
    <legend>${t.chooseVisitType}</legend>
    ${types.map(
      (type) => html`<div class="visit-option">
        <label class="choice"
          ><input
            type="radio"
            name="visitType"
            .value=${type.id}
            .checked=${props.visitTypeId === type.id}
            data-focus=${(props.visitTypeId ? props.visitTypeId === type.id : type === types[0]) ? 'visit-type' : nothing}
            aria-describedby="vt-${type.id}"
            @change=${() => props.onVisitType(type.id)}
          /><span class="visit-name">${type.name}</span></label
        >
        <p class="hint" id="vt-${type.id}">
          ${details(t, type, props.price(type))}${type.description ? html`<br />${type.description}` : nothing}
        </p>
      </div>`,
    )}
  </fieldset>`;
}

/**
 * What kind of visit: "new or existing patient" first (nothing chosen for the patient), then the visit types open to
 * that answer, each with its length, in person or video, price when known and description. Native radios with
 * labels, so they need no keyboard code of their own.
 */
export function renderFilters(props: FiltersProps): TemplateResult {
  const answered = !props.askPatientType || props.patientType !== undefined;
  return html`<div class="filters" part="filters">
    ${props.askPatientType ? patientTypeQuestion(props) : nothing} ${answered ? visitTypeChoices(props) : nothing}
  </div>`;
}
