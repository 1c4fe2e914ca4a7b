// Generated from the zod schemas by compact.test.ts: do not edit. After changing a schema, regenerate with
//   pnpm exec vitest run packages/core/src/schemas/compact.test.ts -u
// Surveys (FHIR Questionnaires), loaded with the first survey asked for (see compact.test.ts).
import type * as z from 'zod/mini';
import { compactSchema, type Shape } from './compact.js';
import { IdShape } from './compact-shapes.js';
import type * as schemas from './index.js';
import { itemWithinDepth, withinItemDepth } from './refinements.js';

const SurveySummaryShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    title: {
      k: 'string',
      c: [
        ['L>=', 1],
        ['L<=', 500],
      ],
    },
    kind: { k: 'optional', of: { k: 'enum', of: ['nps', 'csat', 'likert', 'form'] } },
  },
};
const s34: Shape = { k: 'string', c: [['L<=', 100000]] };
const s35: Shape = { k: 'object', of: { url: s34 }, loose: true };
const s37: Shape = {
  k: 'string',
  c: [
    ['L>=', 1],
    ['L<=', 255],
  ],
};
const s36: Shape = {
  k: 'object',
  of: {
    linkId: s37,
    type: {
      k: 'enum',
      of: [
        'group',
        'display',
        'boolean',
        'decimal',
        'integer',
        'date',
        'dateTime',
        'time',
        'string',
        'text',
        'url',
        'choice',
        'open-choice',
        'attachment',
        'reference',
        'quantity',
        'question',
      ],
    },
    text: { k: 'optional', of: s34 },
    prefix: { k: 'optional', of: { k: 'string', c: [['L<=', 100]] } },
    required: { k: 'optional', of: { k: 'boolean' } },
    repeats: { k: 'optional', of: { k: 'boolean' } },
    readOnly: { k: 'optional', of: { k: 'boolean' } },
    maxLength: { k: 'optional', of: { k: 'number', int: true, c: [['>=', 0]] } },
    enableWhen: {
      k: 'optional',
      of: {
        k: 'array',
        of: {
          k: 'object',
          of: { question: s37, operator: { k: 'enum', of: ['exists', '=', '!=', '>', '<', '>=', '<='] } },
          loose: true,
        },
      },
    },
    enableBehavior: { k: 'optional', of: { k: 'enum', of: ['all', 'any'] } },
    answerOption: {
      k: 'optional',
      of: {
        k: 'array',
        of: { k: 'object', of: { initialSelected: { k: 'optional', of: { k: 'boolean' } } }, loose: true },
      },
    },
    answerValueSet: { k: 'optional', of: s34 },
    initial: { k: 'optional', of: { k: 'array', of: { k: 'object', of: {}, loose: true } } },
    extension: { k: 'optional', of: { k: 'array', of: s35 } },
    item: { k: 'optional', of: { k: 'array', of: { k: 'lazy', get: () => s36 } } },
  },
  loose: true,
};
const QuestionnaireShape: Shape = {
  k: 'object',
  of: {
    resourceType: { k: 'enum', of: ['Questionnaire'] },
    id: { k: 'optional', of: IdShape },
    url: { k: 'optional', of: s34 },
    title: { k: 'optional', of: s34 },
    status: { k: 'enum', of: ['draft', 'active', 'retired', 'unknown'] },
    contained: {
      k: 'optional',
      of: { k: 'array', of: { k: 'object', of: { resourceType: { k: 'string', c: [['L<=', 64]] } }, loose: true } },
    },
    extension: { k: 'optional', of: { k: 'array', of: s35 } },
    item: {
      k: 'optional',
      of: {
        k: 'pipe',
        in: { k: 'unknown', c: [['ok', withinItemDepth, 'items nested more than 50 deep']] },
        out: { k: 'array', of: s36 },
      },
    },
  },
  loose: true,
};
const QuestionnaireItemShape: Shape = {
  k: 'pipe',
  in: { k: 'unknown', c: [['ok', itemWithinDepth, 'items nested more than 50 deep']] },
  out: s36,
};

export const SurveySummary = compactSchema<SurveySummary>(SurveySummaryShape);
export type SurveySummary = z.infer<typeof schemas.SurveySummary>;
export const Questionnaire = compactSchema<Questionnaire>(QuestionnaireShape);
export type Questionnaire = z.infer<typeof schemas.Questionnaire>;
export const QuestionnaireItem = compactSchema<QuestionnaireItem>(QuestionnaireItemShape);
export type QuestionnaireItem = z.infer<typeof schemas.QuestionnaireItem>;
