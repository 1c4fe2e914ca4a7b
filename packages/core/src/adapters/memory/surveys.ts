import type { Questionnaire, QuestionnaireItem, SurveySummary } from '../../schemas/questionnaire.js';

/**
 * The demo clinic's three surveys as FHIR R4 Questionnaires: plain data, kept as the source of truth exactly as a
 * FHIR server would return them. No FHIRPath expressions, so rendering them never needs the expression engine.
 */

const BASE = 'https://demo.frontdesk.example/fhir';
const LOINC = 'http://loinc.org';
const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const SLIDER_STEP = 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue';
const CHOICE_ORIENTATION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation';
const PUBLISHER = 'Cumberland Valley Health Partners';

function itemControl(code: string, display: string) {
  return {
    url: ITEM_CONTROL,
    valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code, display }] },
  };
}

function scoredOption(system: string, code: string, display: string, score: number) {
  return { valueCoding: { system, code, display }, extension: [{ url: ORDINAL_VALUE, valueDecimal: score }] };
}

export const POST_VISIT_NPS: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'post-visit-nps',
  url: `${BASE}/Questionnaire/post-visit-nps`,
  version: '1.0.0',
  name: 'PostVisitNps',
  title: 'How was your visit?',
  status: 'active',
  subjectType: ['Patient'],
  date: '2025-01-15',
  publisher: PUBLISHER,
  description: 'Net Promoter Score survey sent after a visit, with a follow-up question for low scores.',
  item: [
    {
      linkId: 'likelihood-to-recommend',
      type: 'integer',
      text: 'How likely are you to recommend Cumberland Valley Health Partners to a friend or family member?',
      required: true,
      extension: [
        itemControl('slider', 'Slider'),
        { url: MIN_VALUE, valueInteger: 0 },
        { url: MAX_VALUE, valueInteger: 10 },
        { url: SLIDER_STEP, valueInteger: 1 },
      ],
      item: [
        {
          linkId: 'likelihood-to-recommend-lower',
          type: 'display',
          text: '0: Not at all likely',
          extension: [itemControl('lower', 'Lower-bound')],
        },
        {
          linkId: 'likelihood-to-recommend-upper',
          type: 'display',
          text: '10: Extremely likely',
          extension: [itemControl('upper', 'Upper-bound')],
        },
      ],
    },
    {
      linkId: 'what-could-be-better',
      type: 'text',
      text: 'We are sorry we fell short. What could we have done better?',
      maxLength: 2000,
      enableWhen: [{ question: 'likelihood-to-recommend', operator: '<=', answerInteger: 6 }],
    },
    {
      linkId: 'comment',
      type: 'text',
      text: 'Is there anything else you would like to tell us?',
      maxLength: 2000,
    },
  ],
};

const SATISFACTION = `${BASE}/CodeSystem/satisfaction`;

export const CSAT: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'csat',
  url: `${BASE}/Questionnaire/csat`,
  version: '1.0.0',
  name: 'VisitSatisfaction',
  title: 'Rate your visit',
  status: 'active',
  subjectType: ['Patient'],
  date: '2025-01-15',
  publisher: PUBLISHER,
  description: 'Customer satisfaction (CSAT) on a five-point scale, with an optional comment.',
  item: [
    {
      linkId: 'satisfaction',
      type: 'choice',
      text: 'Overall, how satisfied are you with your visit today?',
      required: true,
      extension: [itemControl('radio-button', 'Radio Button'), { url: CHOICE_ORIENTATION, valueCode: 'horizontal' }],
      answerOption: [
        scoredOption(SATISFACTION, 'very-dissatisfied', 'Very dissatisfied', 1),
        scoredOption(SATISFACTION, 'dissatisfied', 'Dissatisfied', 2),
        scoredOption(SATISFACTION, 'neutral', 'Neither satisfied nor dissatisfied', 3),
        scoredOption(SATISFACTION, 'satisfied', 'Satisfied', 4),
        scoredOption(SATISFACTION, 'very-satisfied', 'Very satisfied', 5),
      ],
    },
    {
      linkId: 'comment',
      type: 'text',
      text: 'What is the main reason for your rating? (optional)',
      maxLength: 2000,
    },
  ],
};

/** The standard PHQ-9 frequency answers (LOINC answer list LL358-3), scored 0 to 3. */
const FREQUENCY = [
  scoredOption(LOINC, 'LA6568-5', 'Not at all', 0),
  scoredOption(LOINC, 'LA6569-3', 'Several days', 1),
  scoredOption(LOINC, 'LA6570-1', 'More than half the days', 2),
  scoredOption(LOINC, 'LA6571-9', 'Nearly every day', 3),
];

const PHQ9_QUESTIONS: ReadonlyArray<readonly [loinc: string, text: string]> = [
  ['44250-9', 'Little interest or pleasure in doing things'],
  ['44255-8', 'Feeling down, depressed, or hopeless'],
  ['44259-0', 'Trouble falling or staying asleep, or sleeping too much'],
  ['44254-1', 'Feeling tired or having little energy'],
  ['44251-7', 'Poor appetite or overeating'],
  ['44258-2', 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down'],
  ['44252-5', 'Trouble concentrating on things, such as reading the newspaper or watching television'],
  [
    '44253-3',
    'Moving or speaking so slowly that other people could have noticed. Or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
  ],
  ['44260-8', 'Thoughts that you would be better off dead, or of hurting yourself in some way'],
];

const phq9LinkId = (index: number) => `phq-9-${index + 1}`;

const PHQ9_ITEMS: QuestionnaireItem[] = PHQ9_QUESTIONS.map(([code, text], index) => ({
  linkId: phq9LinkId(index),
  code: [{ system: LOINC, code, display: text }],
  prefix: `${index + 1}.`,
  text,
  type: 'choice',
  required: true,
  extension: [itemControl('radio-button', 'Radio Button')],
  answerOption: FREQUENCY,
}));

/**
 * "Any answer above 0": `!=` "Not at all" would also be true while a question is still unanswered, so the condition
 * lists every scored answer of every question instead.
 */
const ANY_PROBLEM_REPORTED = PHQ9_QUESTIONS.flatMap((_, index) =>
  FREQUENCY.slice(1).map((option) => ({
    question: phq9LinkId(index),
    operator: '=' as const,
    answerCoding: option.valueCoding,
  })),
);

export const PHQ_9: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'phq-9',
  url: `${BASE}/Questionnaire/phq-9`,
  version: '1.0.0',
  name: 'PHQ9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  status: 'active',
  subjectType: ['Patient'],
  date: '2025-01-15',
  publisher: PUBLISHER,
  description: 'The nine-item depression screening questionnaire, scored 0 to 27.',
  copyright:
    'PHQ-9 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  code: [{ system: LOINC, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' }],
  item: [
    {
      linkId: 'phq-9-questions',
      type: 'group',
      text: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
      extension: [itemControl('page', 'Page')],
      item: PHQ9_ITEMS,
    },
    {
      linkId: 'phq-9-summary',
      type: 'group',
      text: 'Your score',
      extension: [itemControl('page', 'Page')],
      item: [
        {
          linkId: 'phq-9-total',
          code: [
            {
              system: LOINC,
              code: '44261-6',
              display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
            },
          ],
          type: 'display',
          text: 'Total score (0 to 27): each answer counts 0 for "Not at all", 1 for "Several days", 2 for "More than half the days" and 3 for "Nearly every day".',
        },
        {
          linkId: 'phq-9-difficulty',
          code: [
            {
              system: LOINC,
              code: '69722-7',
              display:
                'How difficult have these problems made it to do your work, take care of things at home, or get along with other people',
            },
          ],
          type: 'choice',
          text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
          required: false,
          enableWhen: ANY_PROBLEM_REPORTED,
          enableBehavior: 'any',
          extension: [itemControl('radio-button', 'Radio Button')],
          answerOption: [
            { valueCoding: { system: LOINC, code: 'LA6572-7', display: 'Not difficult at all' } },
            { valueCoding: { system: LOINC, code: 'LA6573-5', display: 'Somewhat difficult' } },
            { valueCoding: { system: LOINC, code: 'LA6574-3', display: 'Very difficult' } },
            { valueCoding: { system: LOINC, code: 'LA6575-0', display: 'Extremely difficult' } },
          ],
        },
        {
          linkId: 'phq-9-crisis',
          type: 'display',
          text: 'If you are thinking about hurting yourself, call or text 988 (Suicide and Crisis Lifeline) now, or call 911 in an emergency.',
        },
      ],
    },
  ],
};

/** The surveys with the kind a widget picks its layout by. */
export const SURVEYS: ReadonlyArray<{ questionnaire: Questionnaire; kind: NonNullable<SurveySummary['kind']> }> = [
  { questionnaire: POST_VISIT_NPS, kind: 'nps' },
  { questionnaire: CSAT, kind: 'csat' },
  { questionnaire: PHQ_9, kind: 'form' },
];
