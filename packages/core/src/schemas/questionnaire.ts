import * as z from 'zod/mini';
import { Id } from './primitives.js';
import { itemWithinDepth, MAX_ITEM_DEPTH, withinItemDepth } from './refinements.js';
import { QUESTIONNAIRE_ITEM_TYPES } from './value-lists.js';

/**
 * The FHIR R4 Questionnaire subset Frontdesk renders (docs/design.md section 6). The schema checks shape only and keeps
 * unknown elements (`z.looseObject`), so a richer Questionnaire still parses; the survey engine decides what it can
 * render and says clearly what it cannot.
 */
const FhirText = z.string().check(z.maxLength(100_000));
const LinkId = z.string().check(z.minLength(1), z.maxLength(255));
const FhirCoding = z.looseObject({
  system: z.optional(FhirText),
  code: z.optional(FhirText),
  display: z.optional(FhirText),
});
export type FhirCoding = z.infer<typeof FhirCoding>;

export const FhirExtension = z.looseObject({ url: FhirText });
export type FhirExtension = z.infer<typeof FhirExtension> & Record<string, unknown>;

export const QuestionnaireItemType = z.enum(QUESTIONNAIRE_ITEM_TYPES);
export type QuestionnaireItemType = z.infer<typeof QuestionnaireItemType>;

const EnableWhen = z.looseObject({
  question: LinkId,
  operator: z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']),
});

const AnswerOption = z.looseObject({
  initialSelected: z.optional(z.boolean()),
});

export interface QuestionnaireItem {
  linkId: string;
  type: QuestionnaireItemType;
  text?: string | undefined;
  prefix?: string | undefined;
  required?: boolean | undefined;
  repeats?: boolean | undefined;
  readOnly?: boolean | undefined;
  maxLength?: number | undefined;
  enableWhen?: Array<Record<string, unknown> & { question: string; operator: string }> | undefined;
  enableBehavior?: 'all' | 'any' | undefined;
  answerOption?: Array<Record<string, unknown>> | undefined;
  answerValueSet?: string | undefined;
  initial?: Array<Record<string, unknown>> | undefined;
  extension?: Array<Record<string, unknown> & { url: string }> | undefined;
  item?: QuestionnaireItem[] | undefined;
  [key: string]: unknown;
}

/** Deepest item nesting accepted (kept beside the check, which runs before the recursive schema). */
export { MAX_ITEM_DEPTH } from './refinements.js';

const DepthGuard = z.unknown().check(z.refine(withinItemDepth, `items nested more than ${MAX_ITEM_DEPTH} deep`));

const QuestionnaireItemShape: z.ZodMiniType<QuestionnaireItem> = z.looseObject({
  linkId: LinkId,
  type: QuestionnaireItemType,
  text: z.optional(FhirText),
  prefix: z.optional(z.string().check(z.maxLength(100))),
  required: z.optional(z.boolean()),
  repeats: z.optional(z.boolean()),
  readOnly: z.optional(z.boolean()),
  maxLength: z.optional(z.int().check(z.gte(0))),
  enableWhen: z.optional(z.array(EnableWhen)),
  enableBehavior: z.optional(z.enum(['all', 'any'])),
  answerOption: z.optional(z.array(AnswerOption)),
  answerValueSet: z.optional(FhirText),
  initial: z.optional(z.array(z.looseObject({}))),
  extension: z.optional(z.array(FhirExtension)),
  get item() {
    return z.optional(z.array(QuestionnaireItemShape));
  },
}) as unknown as z.ZodMiniType<QuestionnaireItem>;

export const QuestionnaireItem: z.ZodMiniType<QuestionnaireItem> = z.pipe(
  z.unknown().check(z.refine(itemWithinDepth, `items nested more than ${MAX_ITEM_DEPTH} deep`)),
  QuestionnaireItemShape,
);

export const Questionnaire = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  id: z.optional(Id),
  url: z.optional(FhirText),
  title: z.optional(FhirText),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  contained: z.optional(z.array(z.looseObject({ resourceType: z.string().check(z.maxLength(64)) }))),
  extension: z.optional(z.array(FhirExtension)),
  item: z.optional(z.pipe(DepthGuard, z.array(QuestionnaireItemShape))),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: Array<Record<string, unknown> & { item?: QuestionnaireResponseItem[] }>;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  authored?: string;
  item?: QuestionnaireResponseItem[];
  extension?: FhirExtension[];
}

export const SurveyReceipt = z.object({
  id: Id,
  status: z.enum(['received', 'duplicate']),
});
export type SurveyReceipt = z.infer<typeof SurveyReceipt>;

export const SurveySummary = z.object({
  id: Id,
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  kind: z.optional(z.enum(['nps', 'csat', 'likert', 'form'])),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export { FhirCoding };
