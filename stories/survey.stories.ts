import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  buildCsatQuestionnaire,
  buildLikertQuestionnaire,
  buildNpsQuestionnaire,
  type Questionnaire,
  SURVEY_EXTENSION_URLS as URLS,
} from '../packages/core/src/index.js';
import '../packages/survey/src/define.js';
import type { FdSurvey } from '../packages/survey/src/survey.js';

/**
 * `<fd-survey>` on the demo clinic. The memory adapter serves three Questionnaires by id: `post-visit-nps` (an NPS
 * slider with a follow-up question for low scores), `csat` and `phq-9` (two pages, scored 0 to 27). Other stories
 * pass a Questionnaire object through the `questionnaire` property.
 */

interface SurveyArgs {
  survey?: string;
  questionnaire?: unknown;
  paged?: boolean;
  saveDraft?: boolean;
  showScore?: boolean;
  theme?: 'light' | 'dark' | 'auto';
}

const clinic = (content: TemplateResult, options: Record<string, unknown> = { latencyMs: 300 }) =>
  html`<fd-clinic adapter="memory" options=${JSON.stringify(options)}>${content}</fd-clinic>`;

const survey = (args: SurveyArgs) => html`<fd-survey
  survey=${ifDefined(args.survey)}
  .questionnaire=${args.questionnaire}
  ?paged=${args.paged ?? false}
  ?save-draft=${args.saveDraft ?? false}
  ?show-score=${args.showScore ?? false}
  theme=${ifDefined(args.theme)}
></fd-survey>`;

const control = (code: string) => ({
  url: URLS.itemControl,
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] },
});

/** A short intake form in three pages, using most of the item types and controls. */
const INTAKE: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'intake-demo',
  status: 'active',
  title: 'Before your visit',
  item: [
    {
      linkId: 'about',
      type: 'group',
      text: 'About you',
      extension: [control('page')],
      item: [
        { linkId: 'name', type: 'string', text: 'Preferred name', required: true },
        { linkId: 'birth', type: 'date', text: 'Date of birth', required: true },
        {
          linkId: 'language',
          type: 'choice',
          text: 'Preferred language',
          extension: [control('drop-down')],
          answerOption: [{ valueString: 'English' }, { valueString: 'Español' }, { valueString: 'Other' }],
        },
        { linkId: 'site', type: 'url', text: 'Patient portal address (optional)' },
      ],
    },
    {
      linkId: 'health',
      type: 'group',
      text: 'Your health',
      extension: [control('page')],
      item: [
        {
          linkId: 'symptoms',
          type: 'choice',
          repeats: true,
          text: 'Which of these do you have today?',
          answerOption: [{ valueString: 'Cough' }, { valueString: 'Fever' }, { valueString: 'Headache' }],
        },
        {
          linkId: 'since',
          type: 'dateTime',
          text: 'When did it start?',
          enableWhen: [{ question: 'symptoms', operator: 'exists', answerBoolean: true }],
        },
        {
          linkId: 'pain',
          type: 'integer',
          text: 'Pain right now',
          extension: [
            control('slider'),
            { url: URLS.minValue, valueInteger: 0 },
            { url: URLS.maxValue, valueInteger: 10 },
          ],
          item: [
            { linkId: 'pain-low', type: 'display', text: 'No pain', extension: [control('lower')] },
            { linkId: 'pain-high', type: 'display', text: 'Worst pain', extension: [control('upper')] },
          ],
        },
        {
          linkId: 'weight',
          type: 'quantity',
          text: 'Weight',
          extension: [
            { url: URLS.unitOption, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } },
            {
              url: URLS.unitOption,
              valueCoding: { system: 'http://unitsofmeasure.org', code: '[lb_av]', display: 'lb' },
            },
          ],
        },
        { linkId: 'bedtime', type: 'time', text: 'Usual bedtime' },
        { linkId: 'smoker', type: 'boolean', text: 'Do you smoke?' },
      ],
    },
    {
      linkId: 'medications',
      type: 'group',
      text: 'Medications',
      extension: [control('page')],
      item: [
        {
          linkId: 'medication',
          type: 'group',
          text: 'Medication',
          repeats: true,
          item: [
            { linkId: 'med-name', type: 'string', text: 'Name' },
            { linkId: 'med-dose', type: 'decimal', text: 'Dose (mg)' },
          ],
        },
        { linkId: 'notes', type: 'text', text: 'Anything else we should know?', maxLength: 500 },
      ],
    },
  ],
};

/** A Questionnaire with items this renderer does not support: each shows a notice, the rest works. */
const UNSUPPORTED: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'unsupported-demo',
  status: 'active',
  title: 'Referral details',
  item: [
    { linkId: 'photo', type: 'attachment', text: 'Upload a photo of your insurance card' },
    { linkId: 'gp', type: 'reference', text: 'Your referring doctor' },
    {
      linkId: 'bmi',
      type: 'decimal',
      text: 'Body mass index',
      extension: [
        {
          url: URLS.calculatedExpression,
          valueExpression: { language: 'text/fhirpath', expression: '%w / %h.power(2)' },
        },
      ],
    },
    { linkId: 'reason', type: 'text', text: 'Reason for the referral', required: true },
  ],
};

const meta: Meta<SurveyArgs> = {
  title: 'Widgets/Survey',
  component: 'fd-survey',
  render: (args) => clinic(survey(args)),
  argTypes: {
    survey: { control: 'inline-radio', options: ['post-visit-nps', 'csat', 'phq-9'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<SurveyArgs>;

/** Net Promoter Score as eleven radio buttons in a row that wraps on a phone, with its end labels. */
export const Nps: Story = { args: { questionnaire: buildNpsQuestionnaire({ comment: true }) } };

/** The clinic's own NPS survey: a slider with `aria-valuetext`, and a follow-up question for scores of 6 or less. */
export const NpsSlider: Story = { args: { survey: 'post-visit-nps' } };

/** Customer satisfaction on five labelled points, from the demo clinic. */
export const Csat: Story = { args: { survey: 'csat' } };

/** CSAT built with the helper, with custom labels. */
export const CsatBuilt: Story = {
  args: { questionnaire: buildCsatQuestionnaire({ labels: ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] }) },
};

/** Likert statements sharing one agreement scale. */
export const Likert: Story = {
  args: {
    questionnaire: buildLikertQuestionnaire({
      statements: ['The staff were friendly', 'I was seen on time', 'My questions were answered'],
      comment: true,
    }),
  },
};

/** Three pages with a progress indicator; Next checks the page, Back keeps the answers. */
export const PagedForm: Story = { args: { questionnaire: INTAKE, saveDraft: true } };

/** Top-level groups as pages with the `paged` attribute (here the Likert group, then the comment). */
export const PagedAttribute: Story = {
  args: {
    paged: true,
    questionnaire: buildLikertQuestionnaire({
      statements: ['The clinic was clean', 'Parking was easy'],
      comment: true,
    }),
  },
};

/** PHQ-9 with its live total score (0 to 27). */
export const Phq9Scoring: Story = { args: { survey: 'phq-9', showScore: true } };

/** Submitted with required answers missing: the error summary at the top links to each field. */
export const Errors: Story = {
  args: { survey: 'csat' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<FdSurvey>('fd-survey')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part~="submit-button"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
  },
};

/** Waiting for the Questionnaire. */
export const Loading: Story = {
  args: { survey: 'csat' },
  render: (args) => clinic(survey(args), { latencyMs: 60_000 }),
};

/** The server cannot be reached on load: the error state with a retry. */
export const LoadError: Story = { args: { survey: 'csat' }, render: (args) => clinic(survey(args), { fail: true }) };

/** A survey id the server does not know. */
export const UnknownSurvey: Story = { args: { survey: 'no-such-survey' } };

/** Not a Questionnaire at all: the message names the problem. */
export const BadQuestionnaire: Story = { args: { questionnaire: '{"resourceType": "Patient"}' } };

/** Items that cannot be answered here say so; the rest of the form works. */
export const UnsupportedItem: Story = { args: { questionnaire: UNSUPPORTED } };

export const Dark: Story = {
  args: { questionnaire: INTAKE, theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

export const Spanish: Story = {
  args: {
    questionnaire: buildCsatQuestionnaire({
      title: 'Califique su visita',
      question: '¿Qué tan satisfecho quedó con su visita?',
      labels: ['Muy insatisfecho', 'Insatisfecho', 'Neutral', 'Satisfecho', 'Muy satisfecho'],
      comment: { text: '¿Qué podríamos mejorar?' },
    }),
  },
  render: (args) => html`<div lang="es">${clinic(survey(args))}</div>`,
};

export const RightToLeft: Story = {
  args: { questionnaire: buildNpsQuestionnaire() },
  render: (args) => html`<div dir="rtl">${clinic(survey(args))}</div>`,
};

/** The narrowest phone: the NPS row wraps. */
export const Narrow320: Story = {
  args: { questionnaire: buildNpsQuestionnaire() },
  render: (args) => html`<div style=${styleMap({ maxWidth: '320px' })}>${clinic(survey(args))}</div>`,
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

/** Text at 200%: questions, options and buttons scale from the base font size and wrap. */
export const Zoom200: Story = {
  args: { questionnaire: INTAKE },
  render: (args) =>
    html`<div style=${styleMap({ '--fd-font-size': '2rem', maxWidth: '640px' })}>${clinic(survey(args))}</div>`,
};

/** A Questionnaire with no items: nothing to answer, said plainly. */
export const Empty: Story = {
  args: {
    questionnaire: { resourceType: 'Questionnaire', id: 'empty-demo', status: 'active', title: 'Nothing to ask yet' },
  },
};

const LONG_QUESTION =
  'Thinking about the whole of your visit today, from booking the appointment and checking in at the front desk, ' +
  'through the time spent in the waiting room and with your provider, to any tests, prescriptions or referrals you ' +
  'were given before you left, how likely are you to recommend us to a friend?';

/** A 300-character question with long option labels: everything wraps, nothing overflows. */
export const LongText: Story = {
  args: {
    questionnaire: {
      resourceType: 'Questionnaire',
      id: 'long-text-demo',
      status: 'active',
      title: 'Tell us about your visit to the Cumberland Valley Health Partners Chattanooga Riverfront office',
      item: [
        {
          linkId: 'recommend',
          type: 'choice',
          text: LONG_QUESTION,
          required: true,
          answerOption: [
            'Extremely likely: I have already told my friends and family how good the care was',
            'Somewhat likely, although some parts of the visit could have gone more smoothly',
            'Not likely at all, because the wait was too long and my questions were not answered',
          ].map((valueString) => ({ valueString })),
        },
        { linkId: 'why', type: 'text', text: LONG_QUESTION.replace('how likely are you to recommend us', 'what') },
      ],
    } satisfies Questionnaire,
  },
};

/** A clinic's brand through custom properties and the survey's parts. */
export const CustomTheme: Story = {
  args: { questionnaire: INTAKE },
  render: (args) => html`<style>
      .branded fd-survey::part(title) {
        color: #6b2c91;
      }
      .branded fd-survey::part(group) {
        border-radius: 16px;
      }
      .branded fd-survey::part(next-button),
      .branded fd-survey::part(submit-button) {
        border-radius: 999px;
      }
    </style>
    <div
      class="branded"
      style=${styleMap({
        '--fd-color-accent': '#6b2c91',
        '--fd-color-text': '#1b1f24',
        '--fd-survey-accent': '#6b2c91',
        '--fd-survey-border': '#b9a3c8',
        '--fd-survey-gap': '1.25rem',
      })}
    >
      ${clinic(survey(args))}
    </div>`,
};
