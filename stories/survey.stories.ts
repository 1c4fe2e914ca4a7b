import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createMemoryAdapter } from '../packages/core/src/adapters/memory/index.js';
import {
  buildCsatQuestionnaire,
  buildLikertQuestionnaire,
  buildNpsQuestionnaire,
  type ExpandValueSetOptions,
  type FrontdeskAdapter,
  FrontdeskError,
  type Questionnaire,
  type QuestionnaireItem,
  SURVEY_EXTENSION_URLS as URLS,
} from '../packages/core/src/index.js';
import '../packages/survey/src/define.js';
import type { FdSurvey } from '../packages/survey/src/survey.js';
import { withOverrides } from '../test/support/adapters.js';
import { sleep, until } from '../test/support/dom.js';
import { demoClinic } from './support/clinic.js';
import { widgetIn } from './support/steps.js';
import { branded, widgetStates } from './support/widget-states.js';

/**
 * `<fd-survey>` on the demo clinic. The memory adapter serves three Questionnaires by id: `post-visit-nps` (NPS from
 * 0 to 10 as a row of choices, with a follow-up question for low scores), `csat` and `phq-9` (two pages, scored 0 to
 * 27). Other stories pass a Questionnaire object through the `questionnaire` property.
 */

interface SurveyArgs {
  survey?: string;
  questionnaire?: unknown;
  paged?: boolean;
  saveDraft?: boolean;
  showScore?: boolean;
  theme?: 'light' | 'dark' | 'auto';
}

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

/** A pain question as a slider from 0 (no pain) to `max` (`worst`, the words at the top end). */
const painSlider = (text: string, max: number, worst: string): QuestionnaireItem => ({
  linkId: 'pain',
  type: 'integer',
  text,
  extension: [control('slider'), { url: URLS.minValue, valueInteger: 0 }, { url: URLS.maxValue, valueInteger: max }],
  item: [
    { linkId: 'pain-low', type: 'display', text: 'No pain', extension: [control('lower')] },
    { linkId: 'pain-high', type: 'display', text: worst, extension: [control('upper')] },
  ],
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
        painSlider('Pain right now', 10, 'Worst pain'),
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

/** A Questionnaire with items this renderer cannot answer: each says which feature and why; the rest works. */
const UNSUPPORTED: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'unsupported-demo',
  status: 'active',
  title: 'Referral details',
  item: [
    { linkId: 'gp', type: 'reference', text: 'Your referring doctor' },
    {
      linkId: 'risk',
      type: 'decimal',
      text: 'Risk score',
      extension: [
        {
          url: URLS.calculatedExpression,
          valueExpression: { language: 'text/cql', expression: 'RiskScore' },
        },
      ],
    },
    { linkId: 'reason', type: 'text', text: 'Reason for the referral', required: true },
  ],
};

const weighted = (code: string, display: string, weight: number) => ({
  valueCoding: { system: 'urn:example:frequency', code, display },
  extension: [{ url: URLS.itemWeight, valueDecimal: weight }],
});
const FREQUENCY = [
  weighted('0', 'Not at all', 0),
  weighted('1', 'Several days', 1),
  weighted('2', 'More than half the days', 2),
  weighted('3', 'Nearly every day', 3),
];

/** Two scored questions and their total, worked out by FHIRPath as the patient answers (GAD-2). */
const TOTAL: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'gad-2-demo',
  status: 'active',
  title: 'Over the last 2 weeks, how often have you been bothered by these problems?',
  item: [
    { linkId: 'nervous', type: 'choice', text: 'Feeling nervous, anxious or on edge', answerOption: FREQUENCY },
    { linkId: 'worry', type: 'choice', text: 'Not being able to stop or control worrying', answerOption: FREQUENCY },
    {
      linkId: 'total',
      type: 'integer',
      text: 'Total score (0 to 6)',
      extension: [
        {
          url: URLS.calculatedExpression,
          valueExpression: {
            language: 'text/fhirpath',
            expression: "%resource.item.where(linkId != 'total').answer.value.weight().sum()",
          },
        },
      ],
    },
  ],
};

const LANGUAGES_URL = 'http://example.org/fhir/ValueSet/languages';
const LANGUAGE_NAMES =
  'Amharic Arabic Armenian Bengali Bosnian Burmese Cantonese Chinese Croatian Czech Dari Dutch English Farsi French German Greek Gujarati Haitian-Creole Hebrew Hindi Hmong Hungarian Igbo Ilocano Indonesian Italian Japanese Karen Khmer Korean Kurdish Lao Malay Mandarin Marathi Nepali Oromo Pashto Polish Portuguese Punjabi Romanian Russian Samoan Serbian Somali Spanish Swahili Tagalog Tamil Telugu Thai Tigrinya Turkish Ukrainian Urdu Vietnamese Yoruba'.split(
    ' ',
  );
const LANGUAGES = LANGUAGE_NAMES.map((name, i) => ({
  system: 'urn:example:languages',
  code: `l${i}`,
  display: name.replace('-', ' '),
}));

/** The demo clinic with a terminology server of its own: a list of 60 languages, searched by the start of a word. */
function withLanguages(fail = false): FrontdeskAdapter {
  const clinic = createMemoryAdapter({ latencyMs: 150 });
  const expandValueSet = async (url: string, options: ExpandValueSetOptions = {}) => {
    await sleep(150);
    if (fail) throw new FrontdeskError('network', 'the terminology server did not answer');
    if (url !== LANGUAGES_URL) throw new FrontdeskError('not-found', 'unknown ValueSet');
    const wanted = (options.filter ?? '').toLowerCase();
    const found = LANGUAGES.filter((l) =>
      l.display
        .toLowerCase()
        .split(' ')
        .some((w) => w.startsWith(wanted)),
    );
    return { codings: found.slice(0, options.count ?? 50), total: found.length };
  };
  return withOverrides(clinic, { expandValueSet });
}

const askLanguage = (required = false): Questionnaire => ({
  resourceType: 'Questionnaire',
  id: 'language-demo',
  status: 'active',
  title: 'Before your visit',
  item: [
    { linkId: 'name', type: 'string', text: 'Preferred name' },
    { linkId: 'language', type: 'choice', text: 'Preferred language', required, answerValueSet: LANGUAGES_URL },
  ],
});

/** A file question: an image of the insurance card, at most 2 MB. */
const FILE: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'file-demo',
  status: 'active',
  title: 'Your insurance',
  item: [
    {
      linkId: 'card',
      type: 'attachment',
      text: 'A photo of the front of your insurance card',
      extension: [
        { url: URLS.mimeType, valueCode: 'image/png' },
        { url: URLS.mimeType, valueCode: 'image/jpeg' },
        { url: URLS.maxSize, valueDecimal: 2 * 1024 * 1024 },
      ],
    },
  ],
};

/** Text with `rendering-markdown` (emphasis and a link; raw HTML shows as text) and options with prefixes. */
const MARKDOWN: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'markdown-demo',
  status: 'active',
  title: 'Getting ready for your test',
  item: [
    {
      linkId: 'intro',
      type: 'display',
      text: 'Do not eat for 8 hours before the test. Read our guide.',
      _text: {
        extension: [
          {
            url: URLS.renderingMarkdown,
            valueMarkdown:
              '**Do not eat** for 8 hours before the test. Read [our guide](https://clinic.example/fasting) for what you may drink.',
          },
        ],
      },
    } as QuestionnaireItem,
    {
      linkId: 'fasted',
      type: 'choice',
      text: 'Will you be able to fast?',
      answerOption: [
        { valueString: 'Yes', extension: [{ url: URLS.optionPrefix, valueString: 'a)' }] },
        { valueString: 'No, I take medicine with food', extension: [{ url: URLS.optionPrefix, valueString: 'b)' }] },
      ],
    },
  ],
};

/** A pain scale from 0 to 100: a slider, with no thumb and no value until the patient answers. */
const LONG_SLIDER: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'pain-demo',
  status: 'active',
  item: [painSlider('How much pain do you feel right now?', 100, 'Worst pain imaginable')],
};

/** Waits for the survey in the story to show its form (the play functions start there). */
async function formOf(canvas: HTMLElement): Promise<FdSurvey> {
  const el = await widgetIn<FdSurvey>(canvas, 'fd-survey');
  await until(() => el.shadowRoot?.querySelector('[part~="form"]'), 'the form', 10_000);
  return el;
}

const meta: Meta<SurveyArgs> = {
  title: 'Widgets/Survey',
  component: 'fd-survey',
  render: (args) => demoClinic(survey(args)),
  argTypes: {
    survey: { control: 'inline-radio', options: ['post-visit-nps', 'csat', 'phq-9'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<SurveyArgs>;

/** Net Promoter Score as eleven radio buttons in a row that wraps on a phone, with its end labels. */
export const Nps: Story = { args: { questionnaire: buildNpsQuestionnaire({ comment: true }) } };

/** The clinic's own NPS survey (an integer scale from 0 to 10), with a follow-up question for scores of 6 or less. */
export const NpsClinic: Story = { args: { survey: 'post-visit-nps' } };

/** A score chosen: its box has a thick border, bold text and a filled radio button, not only another colour. */
export const NpsChosen: Story = {
  args: { questionnaire: buildNpsQuestionnaire({ comment: true }) },
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[9]!.click();
  },
};

/** A long scale (0 to 100) stays a slider, without a thumb or a value until the patient answers: no anchoring. */
export const LongSlider: Story = { args: { questionnaire: LONG_SLIDER } };

/** A total worked out from the answers (FHIRPath), read-only, said once the patient pauses, sent with the response. */
export const CalculatedTotal: Story = {
  args: { questionnaire: TOTAL },
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    radios[2]!.click();
    radios[5]!.click();
  },
};

/** An answer list looked up on the clinic's terminology server as the patient types (a combobox with a listbox). */
export const TypeAhead: Story = {
  args: { questionnaire: askLanguage() },
  render: (args) => html`<fd-survey .adapter=${withLanguages()} .questionnaire=${args.questionnaire}></fd-survey>`,
  play: async ({ canvasElement }) => {
    const el = await formOf(canvasElement);
    const input = await until(
      () => el.shadowRoot?.querySelector<HTMLInputElement>('input[role=combobox]'),
      'the language box',
      10_000,
    );
    input.focus();
    input.value = 'Ta';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => input.getAttribute('aria-expanded') === 'true', 'the list of languages', 10_000);
  },
};

/** The terminology server cannot be reached: said in place, with a retry; the other questions still work. */
export const AnswerListUnreachable: Story = {
  args: { questionnaire: askLanguage() },
  render: (args) => html`<fd-survey .adapter=${withLanguages(true)} .questionnaire=${args.questionnaire}></fd-survey>`,
};

/** A required question that cannot be answered here: said in place and before Submit; answers can be kept. */
export const BlockedCompletion: Story = { args: { questionnaire: askLanguage(true), saveDraft: true } };

/** A file question: the kinds and the largest size in words; the file is read into the response, uploaded nowhere. */
export const FileQuestion: Story = { args: { questionnaire: FILE } };

/** Markdown text (emphasis, a link that opens in a new tab) and options with their prefixes. */
export const MarkdownAndPrefixes: Story = { args: { questionnaire: MARKDOWN } };

/** A host page with `html { font-size: 62.5% }`: the survey's text stays at 16 px or more. */
export const SmallRootFontSize: Story = {
  args: { survey: 'post-visit-nps' },
  render: (args) => html`<style>
      html {
        font-size: 62.5%;
      }
    </style>
    ${demoClinic(survey(args))}`,
};

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
    const el = await widgetIn<FdSurvey>(canvasElement, 'fd-survey');
    const submit = await until(
      () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit-button"]'),
      'the Submit button',
      10_000,
    );
    submit.click();
  },
};

const states = widgetStates(survey);

/** Waiting for the Questionnaire. */
export const Loading: Story = { ...states.Loading, args: { survey: 'csat' } };

/** The server cannot be reached on load: the error state with a retry. */
export const LoadError: Story = { ...states.AdapterError, args: { survey: 'csat' } };

/** A survey id the server does not know. */
export const UnknownSurvey: Story = { args: { survey: 'no-such-survey' } };

/** Not a Questionnaire at all: the message names the problem. */
export const BadQuestionnaire: Story = { args: { questionnaire: '{"resourceType": "Patient"}' } };

/** Items that cannot be answered here say so; the rest of the form works. */
export const UnsupportedItem: Story = { args: { questionnaire: UNSUPPORTED } };

export const Dark: Story = { ...states.Dark, args: { questionnaire: INTAKE, theme: 'dark' } };

export const Spanish: Story = {
  ...states.Spanish,
  args: {
    questionnaire: buildCsatQuestionnaire({
      title: 'Califique su visita',
      question: '¿Qué tan satisfecho quedó con su visita?',
      labels: ['Muy insatisfecho', 'Insatisfecho', 'Neutral', 'Satisfecho', 'Muy satisfecho'],
      comment: { text: '¿Qué podríamos mejorar?' },
    }),
  },
};

export const RightToLeft: Story = { ...states.RightToLeft, args: { questionnaire: buildNpsQuestionnaire() } };

/** The narrowest phone: the NPS row wraps. */
export const Narrow320: Story = { ...states.Narrow320, args: { questionnaire: buildNpsQuestionnaire() } };

/** Text at 200%: questions, options and buttons scale from the base font size and wrap. */
export const Zoom200: Story = { ...states.Zoom200, args: { questionnaire: INTAKE } };

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
  render: (args) =>
    branded(
      `.branded fd-survey::part(title) {
        color: #6b2c91;
      }
      .branded fd-survey::part(group) {
        border-radius: 16px;
      }
      .branded fd-survey::part(next-button),
      .branded fd-survey::part(submit-button) {
        border-radius: 999px;
      }`,
      {
        '--fd-color-accent': '#6b2c91',
        '--fd-color-text': '#1b1f24',
        '--fd-survey-accent': '#6b2c91',
        '--fd-survey-border': '#b9a3c8',
        '--fd-survey-gap': '1.25rem',
      },
      demoClinic(survey(args)),
    ),
};
