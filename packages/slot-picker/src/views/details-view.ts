import type { Plan } from '@frontdesk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { datePartOrder, typedDate } from '../birth-date.js';
import type { BookingStrings } from '../booking-strings.js';
import {
  PATIENT_FIELDS,
  type PatientDraft,
  type PatientErrors,
  type PatientField,
  type Relationship,
} from '../patient-form.js';

export interface DetailsProps {
  t: BookingStrings;
  lang: string;
  draft: PatientDraft;
  errors: PatientErrors;
  /** A video visit: agreeing to be contacted is required. */
  video: boolean;
  /** Why agreeing to be contacted is required, when it is for another reason than a video visit (the waitlist). */
  contactNeeded?: string | undefined;
  /** Whether the form asks if the patient has been seen here (when choosing the time did not answer it). */
  askPatientType: boolean;
  /** The clinic's insurance plans, when the backend lists them; the insurance questions show only then. */
  plans: readonly Plan[] | undefined;
  summary: TemplateResult;
  onInput: (field: PatientField, value: string) => void;
  onForWhom: (forWhom: PatientDraft['forWhom']) => void;
  onContact: (checked: boolean) => void;
  onSubmit: (event: Event) => void;
  onBack: () => void;
  onFix: (field: PatientField) => void;
}

type TextField =
  | 'bookerGivenName'
  | 'bookerFamilyName'
  | 'givenName'
  | 'familyName'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'memberId';

const INPUTS: Record<TextField, { type: string; autocomplete: string; required: boolean }> = {
  bookerGivenName: { type: 'text', autocomplete: 'given-name', required: true },
  bookerFamilyName: { type: 'text', autocomplete: 'family-name', required: true },
  givenName: { type: 'text', autocomplete: 'given-name', required: true },
  familyName: { type: 'text', autocomplete: 'family-name', required: true },
  birthDate: { type: 'text', autocomplete: 'bday', required: true },
  phone: { type: 'tel', autocomplete: 'tel', required: true },
  email: { type: 'email', autocomplete: 'email', required: false },
  memberId: { type: 'text', autocomplete: 'off', required: true },
};

const RELATIONSHIPS: readonly Relationship[] = ['parent', 'guardian', 'caregiver', 'other'];

/** The ids a field is described by: its hint, then its message. */
function describedBy(props: DetailsProps, field: PatientField, hint: boolean): string | typeof nothing {
  const ids = [hint ? `h-${field}` : '', props.errors[field] ? `e-${field}` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : nothing;
}

function errorText(props: DetailsProps, field: PatientField): TemplateResult | typeof nothing {
  const problem = props.errors[field];
  return problem
    ? html`<p id="e-${field}" class="field-error" part="field-error">${props.t.problem(field, problem, props.draft.forWhom)}</p>`
    : nothing;
}

function hintFor(props: DetailsProps, field: PatientField): string | undefined {
  const { t } = props;
  if (field === 'birthDate') return t.dateFormat(datePartOrder(props.lang), typedDate('1990-05-17', props.lang));
  if (field === 'phone') return t.phoneHint;
  return undefined;
}

/** One field: its label, its hint, its message when it has one, then `control` (whose id is `f-${field}`). */
function labelled(
  props: DetailsProps,
  field: PatientField,
  hint: string | undefined,
  control: TemplateResult,
): TemplateResult {
  return html`<div class="field">
    <label for="f-${field}">${props.t.field(field, props.draft.forWhom)}</label>
    ${hint ? html`<p id="h-${field}" class="hint">${hint}</p>` : nothing}
    ${errorText(props, field)}
    ${control}
  </div>`;
}

export function textField(props: DetailsProps, field: TextField): TemplateResult {
  const spec = INPUTS[field];
  const hint = hintFor(props, field);
  const autocomplete = field.startsWith('booker') || props.draft.forWhom === 'self' ? spec.autocomplete : 'off';
  return labelled(
    props,
    field,
    hint,
    html`<input
      id="f-${field}"
      name=${field}
      type=${spec.type}
      autocomplete=${field === 'phone' || field === 'email' ? spec.autocomplete : autocomplete}
      ?required=${spec.required}
      aria-invalid=${props.errors[field] ? 'true' : nothing}
      aria-describedby=${describedBy(props, field, hint !== undefined)}
      .value=${props.draft[field]}
      @input=${(e: Event) => props.onInput(field, (e.target as HTMLInputElement).value)}
    />`,
  );
}

export function errorSummary(props: DetailsProps): TemplateResult | typeof nothing {
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
            props.draft.forWhom,
          )}</button></li>`,
      )}
    </ul>
  </div>`;
}

/** Who the visit is for: the first decision of the step, so focus lands on it. */
function forWhomField(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  return html`<fieldset class="field choices">
    <legend>${t.forWhom}</legend>
    ${(['self', 'dependant'] as const).map(
      (value) => html`<label class="choice"
        ><input
          type="radio"
          name="forWhom"
          .value=${value}
          .checked=${draft.forWhom === value}
          data-focus=${draft.forWhom === value ? 'fields' : nothing}
          @change=${() => props.onForWhom(value)}
        />${value === 'self' ? t.forSelf : t.forDependant}</label
      >`,
    )}
  </fieldset>`;
}

function bookerFields(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  const invalid = props.errors.relationship !== undefined;
  return html`<fieldset class="group">
    <legend>${t.aboutYou}</legend>
    ${textField(props, 'bookerGivenName')} ${textField(props, 'bookerFamilyName')}
    ${labelled(
      props,
      'relationship',
      undefined,
      html`<select
        id="f-relationship"
        name="relationship"
        required
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy(props, 'relationship', false)}
        @change=${(e: Event) => props.onInput('relationship', (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${draft.relationship === ''}>${t.chooseOne}</option>
        ${RELATIONSHIPS.map(
          (value) =>
            html`<option .value=${value} ?selected=${draft.relationship === value}>${t.relationship(value)}</option>`,
        )}
      </select>`,
    )}
  </fieldset>`;
}

export function patientTypeField(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  const invalid = props.errors.patientType !== undefined;
  return html`<fieldset class="field choices" id="f-patientType" aria-describedby=${invalid ? 'e-patientType' : nothing}>
    <legend>${t.field('patientType', draft.forWhom)}</legend>
    ${errorText(props, 'patientType')}
    ${(['new', 'existing'] as const).map(
      (value) => html`<label class="choice"
        ><input
          type="radio"
          name="patientType"
          required
          .value=${value}
          .checked=${draft.patientType === value}
          aria-invalid=${invalid ? 'true' : nothing}
          @change=${() => props.onInput('patientType', value)}
        />${value === 'new' ? t.newPatient : t.existingPatient}</label
      >`,
    )}
  </fieldset>`;
}

export function contactField(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  const invalid = props.errors.contact !== undefined;
  const hint = props.contactNeeded ?? (props.video ? t.contactForVideo : undefined);
  return html`<div class="field">
    ${errorText(props, 'contact')}
    <label class="choice"
      ><input
        type="checkbox"
        id="f-contact"
        name="contact"
        ?required=${hint !== undefined}
        .checked=${draft.contact}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy(props, 'contact', hint !== undefined)}
        @change=${(e: Event) => props.onContact((e.target as HTMLInputElement).checked)}
      />${t.field('contact', draft.forWhom)}</label
    >
    ${hint ? html`<p id="h-contact" class="hint">${hint}</p>` : nothing}
  </div>`;
}

function insuranceFields(props: DetailsProps, plans: readonly Plan[]): TemplateResult {
  const { t, draft } = props;
  return html`${labelled(
    props,
    'planId',
    t.insuranceHint,
    html`<select
      id="f-planId"
      name="planId"
      aria-describedby="h-planId"
      @change=${(e: Event) => props.onInput('planId', (e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${draft.planId === ''}>${t.noPlan}</option>
      ${plans.map((plan) => html`<option .value=${plan.id} ?selected=${draft.planId === plan.id}>${plan.name}</option>`)}
    </select>`,
  )}
  ${draft.planId ? textField(props, 'memberId') : nothing}`;
}

/**
 * The patient-details step: who the visit is for, native inputs with labels, hints and autocomplete, messages tied to
 * their fields and summed up. The date of birth is one text field with its format shown (one tab stop, and a message
 * that says which part is wrong); Enter in any field goes on to the review.
 */
export function renderDetails(props: DetailsProps): TemplateResult {
  const { t, draft } = props;
  const dependant = draft.forWhom === 'dependant';
  const patientFields = html`${textField(props, 'givenName')} ${textField(props, 'familyName')}
    ${textField(props, 'birthDate')}`;
  return html`<section class="step" part="details" aria-labelledby="step-heading">
    <h3 id="step-heading" tabindex="-1" data-focus="step">${t.details}</h3>
    ${props.summary}
    ${errorSummary(props)}
    <form novalidate @submit=${props.onSubmit}>
      ${forWhomField(props)}
      ${
        dependant
          ? html`${bookerFields(props)}
            <fieldset class="group"><legend>${t.aboutPatient}</legend>${patientFields}</fieldset>`
          : patientFields
      }
      ${textField(props, 'phone')} ${textField(props, 'email')}
      ${labelled(
        props,
        'reason',
        undefined,
        html`<textarea
          id="f-reason"
          name="reason"
          rows="3"
          aria-invalid=${props.errors.reason ? 'true' : nothing}
          aria-describedby=${describedBy(props, 'reason', false)}
          .value=${draft.reason}
          @input=${(e: Event) => props.onInput('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>`,
      )}
      ${props.askPatientType ? patientTypeField(props) : nothing} ${contactField(props)}
      ${props.plans && props.plans.length > 0 ? insuranceFields(props, props.plans) : nothing}
      <div class="actions">
        <button type="button" class="fd-button secondary" part="back-button" @click=${props.onBack}>${t.changeTime}</button>
        <button type="submit" class="fd-button" part="continue-button">${t.continue}</button>
      </div>
    </form>
  </section>`;
}
