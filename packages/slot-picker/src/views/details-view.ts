import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStrings } from '../booking-strings.js';
import { PATIENT_FIELDS, type PatientDraft, type PatientErrors, type PatientField } from '../patient-form.js';

export interface DetailsProps {
  t: BookingStrings;
  draft: PatientDraft;
  errors: PatientErrors;
  /** The clinic's today, the latest date of birth the date input offers. */
  today: string;
  summary: TemplateResult;
  onInput: (field: PatientField, value: string) => void;
  onContact: (checked: boolean) => void;
  onSubmit: (event: Event) => void;
  onBack: () => void;
  onFix: (field: PatientField) => void;
}

type TextField = Exclude<PatientField, 'patientType' | 'reason'>;

const INPUTS: Record<TextField, { type: string; autocomplete: string; required: boolean }> = {
  givenName: { type: 'text', autocomplete: 'given-name', required: true },
  familyName: { type: 'text', autocomplete: 'family-name', required: true },
  birthDate: { type: 'date', autocomplete: 'bday', required: true },
  phone: { type: 'tel', autocomplete: 'tel', required: true },
  email: { type: 'email', autocomplete: 'email', required: false },
};

function errorText(props: DetailsProps, field: PatientField): TemplateResult | typeof nothing {
  const problem = props.errors[field];
  return problem
    ? html`<p id="e-${field}" class="field-error" part="field-error">${props.t.problem(field, problem)}</p>`
    : nothing;
}

function textField(props: DetailsProps, field: TextField): TemplateResult {
  const spec = INPUTS[field];
  const invalid = props.errors[field] !== undefined;
  return html`<div class="field">
    <label for="f-${field}">${props.t.field(field)}</label>
    ${errorText(props, field)}
    <input
      id="f-${field}"
      name=${field}
      type=${spec.type}
      autocomplete=${spec.autocomplete}
      ?required=${spec.required}
      max=${field === 'birthDate' ? props.today : nothing}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${invalid ? `e-${field}` : nothing}
      .value=${props.draft[field]}
      @input=${(e: Event) => props.onInput(field, (e.target as HTMLInputElement).value)}
    />
  </div>`;
}

function errorSummary(props: DetailsProps): TemplateResult | typeof nothing {
  const fields = PATIENT_FIELDS.filter((field) => props.errors[field] !== undefined);
  if (fields.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" aria-labelledby="summary-heading">
    <h4 id="summary-heading" tabindex="-1" data-focus="summary">${props.t.errorSummary(fields.length)}</h4>
    <ul>
      ${fields.map(
        (field) =>
          html`<li><button type="button" class="link" @click=${() => props.onFix(field)}>${props.t.problem(
            field,
            props.errors[field]!,
          )}</button></li>`,
      )}
    </ul>
  </div>`;
}

/** The patient-details step: native inputs with labels and autocomplete, errors tied to their fields and summed up. */
export function renderDetails(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  const typeInvalid = props.errors.patientType !== undefined;
  return html`<section class="step" part="details" aria-labelledby="step-heading">
    <h3 id="step-heading" tabindex="-1" data-focus="step">${t.details}</h3>
    ${props.summary}
    ${errorSummary(props)}
    <form novalidate @submit=${props.onSubmit}>
      ${textField(props, 'givenName')} ${textField(props, 'familyName')} ${textField(props, 'birthDate')}
      ${textField(props, 'phone')} ${textField(props, 'email')}
      <div class="field">
        <label for="f-reason">${t.field('reason')}</label>
        ${errorText(props, 'reason')}
        <textarea
          id="f-reason"
          name="reason"
          rows="3"
          aria-invalid=${props.errors.reason ? 'true' : nothing}
          aria-describedby=${props.errors.reason ? 'e-reason' : nothing}
          .value=${draft.reason}
          @input=${(e: Event) => props.onInput('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <fieldset
        class="field choices"
        id="f-patientType"
        aria-describedby=${typeInvalid ? 'e-patientType' : nothing}
      >
        <legend>${t.field('patientType')}</legend>
        ${errorText(props, 'patientType')}
        ${(['new', 'existing'] as const).map(
          (value) => html`<label class="choice"
            ><input
              type="radio"
              name="patientType"
              required
              .value=${value}
              .checked=${draft.patientType === value}
              aria-invalid=${typeInvalid ? 'true' : nothing}
              @change=${() => props.onInput('patientType', value)}
            />${value === 'new' ? t.newPatient : t.existingPatient}</label
          >`,
        )}
      </fieldset>
      <label class="choice"
        ><input type="checkbox" name="contact" .checked=${draft.contact} @change=${(e: Event) =>
          props.onContact((e.target as HTMLInputElement).checked)} />${t.contact}</label
      >
      <div class="actions">
        <button type="button" class="fd-button secondary" part="back-button" @click=${props.onBack}>${t.changeTime}</button>
        <button type="submit" class="fd-button" part="continue-button">${t.continue}</button>
      </div>
    </form>
  </section>`;
}
