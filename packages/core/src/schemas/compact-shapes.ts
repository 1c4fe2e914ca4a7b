// Generated from the zod schemas by compact.test.ts: do not edit. After changing a schema, regenerate with
//   pnpm exec vitest run packages/core/src/schemas/compact.test.ts -u
import type * as z from 'zod/mini';
import { compactSchema, type Shape } from './compact.js';
import type * as schemas from './index.js';
import {
  endsAfterStart,
  isPhotoUrl,
  isRealInstant,
  isTimeZone,
  isWebUrl,
  itemWithinDepth,
  withinItemDepth,
} from './refinements.js';
import { QUESTIONNAIRE_ITEM_TYPES } from './value-lists.js';

export const IdShape: Shape = {
  k: 'string',
  c: [
    ['L>=', 1],
    ['L<=', 200],
    ['re', /^[A-Za-z0-9._:\-/|]+$/],
  ],
};
export const InstantShape: Shape = {
  k: 'string',
  c: [
    ['re', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/],
    ['ok', isRealInstant, 'not a real date and time'],
  ],
};
export const s3: Shape = {
  k: 'string',
  c: [
    ['L>=', 1],
    ['L<=', 500],
  ],
};
export const s4: Shape = {
  k: 'string',
  c: [
    ['L<=', 40],
    ['re', /^\+?[0-9 ().-]{3,}( ?(x|ext\.?) ?[0-9]+)?$/],
  ],
};
export const s5: Shape = {
  k: 'string',
  c: [
    ['L<=', 2048],
    ['ok', isWebUrl, 'not an http(s) URL'],
  ],
};
const OrganizationShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    name: s3,
    phone: { k: 'optional', of: s4 },
    website: { k: 'optional', of: s5 },
    currency: { k: 'string', c: [['re', /^[A-Z]{3}$/]] },
  },
};
export const s7: Shape = { k: 'string', c: [['L<=', 10000]] };
export const LocationShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    name: s3,
    address: {
      k: 'optional',
      of: {
        k: 'object',
        of: {
          lines: { k: 'array', of: s3, c: [['L<=', 5]] },
          city: s3,
          state: { k: 'optional', of: s3 },
          postalCode: { k: 'optional', of: { k: 'string', c: [['L<=', 20]] } },
          country: { k: 'optional', of: s3 },
        },
      },
    },
    phone: { k: 'optional', of: s4 },
    timeZone: {
      k: 'string',
      c: [
        ['L<=', 64],
        ['ok', isTimeZone, 'not a known IANA time zone'],
      ],
    },
    position: {
      k: 'optional',
      of: {
        k: 'object',
        of: {
          latitude: {
            k: 'number',
            c: [
              ['>=', -90],
              ['<=', 90],
            ],
          },
          longitude: {
            k: 'number',
            c: [
              ['>=', -180],
              ['<=', 180],
            ],
          },
        },
      },
    },
    accessibility: { k: 'optional', of: s7 },
  },
};
export const s9: Shape = {
  k: 'string',
  c: [
    ['L<=', 64],
    ['re', /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/],
  ],
};
const ProviderShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    displayName: s3,
    name: {
      k: 'optional',
      of: {
        k: 'object',
        of: {
          prefix: { k: 'optional', of: s3 },
          given: { k: 'optional', of: { k: 'array', of: s3, c: [['L<=', 5]] } },
          family: { k: 'optional', of: s3 },
        },
      },
    },
    credentials: {
      k: 'array',
      of: {
        k: 'string',
        c: [
          ['L>=', 1],
          ['L<=', 20],
        ],
      },
      c: [['L<=', 10]],
    },
    photoUrl: { k: 'optional', of: { k: 'string', c: [['ok', isPhotoUrl, 'not an http(s) URL']] } },
    specialties: {
      k: 'array',
      of: {
        k: 'object',
        of: {
          code: {
            k: 'string',
            c: [
              ['L>=', 1],
              ['L<=', 100],
            ],
          },
          display: s3,
          system: { k: 'optional', of: { k: 'string', c: [['L<=', 500]] } },
        },
      },
      c: [['L<=', 30]],
    },
    languages: { k: 'array', of: s9, c: [['L<=', 30]] },
    gender: { k: 'optional', of: { k: 'enum', of: ['female', 'male', 'other', 'unknown'] } },
    bio: { k: 'optional', of: s7 },
    acceptingNewPatients: { k: 'enum', of: ['yes', 'existing-only', 'no'] },
    locationIds: { k: 'array', of: IdShape, c: [['L<=', 50]] },
    telehealth: { k: 'boolean' },
    inPerson: { k: 'boolean' },
    npi: { k: 'optional', of: { k: 'string', c: [['re', /^\d{10}$/]] } },
    nextAvailable: { k: 'optional', of: InstantShape },
  },
};
const VisitTypeShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    name: s3,
    durationMinutes: {
      k: 'number',
      int: true,
      c: [
        ['>=', 1],
        ['<=', 1440],
      ],
    },
    patientType: { k: 'enum', of: ['new', 'existing', 'any'] },
    modality: { k: 'enum', of: ['in-person', 'telehealth'] },
    description: { k: 'optional', of: s7 },
    serviceCodes: { k: 'array', of: { k: 'string', c: [['re', /^[A-Z0-9]{4,7}$/]] }, c: [['L<=', 20]] },
    providerIds: { k: 'optional', of: { k: 'array', of: IdShape } },
  },
};
export const SlotShape: Shape = {
  k: 'object',
  of: {
    id: IdShape,
    start: InstantShape,
    end: InstantShape,
    providerId: { k: 'optional', of: IdShape },
    locationId: { k: 'optional', of: IdShape },
    visitTypeIds: { k: 'array', of: IdShape, c: [['L<=', 50]] },
    status: { k: 'enum', of: ['free', 'busy'] },
    capacity: {
      k: 'optional',
      of: {
        k: 'number',
        int: true,
        c: [
          ['>=', 0],
          ['<=', 100000],
        ],
      },
    },
    bookingLink: { k: 'optional', of: s5 },
    bookingPhone: { k: 'optional', of: s4 },
  },
  c: [['ok', endsAfterStart, 'end is not after start', ['end']]],
};
const s13: Shape = {
  k: 'number',
  int: true,
  c: [
    ['>=', 0],
    ['<=', 100000000000],
  ],
};
const PriceInfoShape: Shape = {
  k: 'object',
  of: {
    service: { k: 'string', c: [['re', /^[A-Za-z0-9._-]{1,64}$/]] },
    description: { k: 'optional', of: s3 },
    currency: { k: 'string', c: [['re', /^[A-Z]{3}$/]] },
    grossCharge: s13,
    cashPrice: { k: 'optional', of: s13 },
    negotiatedRate: { k: 'optional', of: s13 },
    minNegotiated: { k: 'optional', of: s13 },
    maxNegotiated: { k: 'optional', of: s13 },
    outOfNetworkAllowed: { k: 'optional', of: s13 },
    notCovered: { k: 'optional', of: s13 },
  },
};
const CoverageShape: Shape = {
  k: 'union',
  key: 'kind',
  of: {
    'self-pay': { k: 'object', of: { kind: { k: 'enum', of: ['self-pay'] } } },
    plan: {
      k: 'object',
      of: {
        kind: { k: 'enum', of: ['plan'] },
        planId: { k: 'optional', of: IdShape },
        network: { k: 'enum', of: ['in', 'out'] },
        deductibleRemaining: s13,
        coinsuranceBps: {
          k: 'number',
          int: true,
          c: [
            ['>=', 0],
            ['<=', 10000],
          ],
        },
        copay: s13,
        copayOnly: { k: 'boolean' },
        outOfPocketRemaining: { k: 'optional', of: s13 },
      },
    },
  },
};
const PlanShape: Shape = {
  k: 'object',
  of: { id: IdShape, name: s3, payer: { k: 'optional', of: s3 }, description: { k: 'optional', of: s7 } },
};
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
const s18: Shape = { k: 'string', c: [['L<=', 100000]] };
const s19: Shape = { k: 'object', of: { url: s18 }, loose: true };
const s21: Shape = {
  k: 'string',
  c: [
    ['L>=', 1],
    ['L<=', 255],
  ],
};
const s20: Shape = {
  k: 'object',
  of: {
    linkId: s21,
    type: { k: 'enum', of: QUESTIONNAIRE_ITEM_TYPES },
    text: { k: 'optional', of: s18 },
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
          of: { question: s21, operator: { k: 'enum', of: ['exists', '=', '!=', '>', '<', '>=', '<='] } },
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
    answerValueSet: { k: 'optional', of: s18 },
    initial: { k: 'optional', of: { k: 'array', of: { k: 'object', of: {}, loose: true } } },
    extension: { k: 'optional', of: { k: 'array', of: s19 } },
    item: { k: 'optional', of: { k: 'array', of: { k: 'lazy', get: () => s20 } } },
  },
  loose: true,
};
const QuestionnaireShape: Shape = {
  k: 'object',
  of: {
    resourceType: { k: 'enum', of: ['Questionnaire'] },
    id: { k: 'optional', of: IdShape },
    url: { k: 'optional', of: s18 },
    title: { k: 'optional', of: s18 },
    status: { k: 'enum', of: ['draft', 'active', 'retired', 'unknown'] },
    contained: {
      k: 'optional',
      of: { k: 'array', of: { k: 'object', of: { resourceType: { k: 'string', c: [['L<=', 64]] } }, loose: true } },
    },
    extension: { k: 'optional', of: { k: 'array', of: s19 } },
    item: {
      k: 'optional',
      of: {
        k: 'pipe',
        in: { k: 'unknown', c: [['ok', withinItemDepth, 'items nested more than 50 deep']] },
        out: { k: 'array', of: s20 },
      },
    },
  },
  loose: true,
};
const QuestionnaireItemShape: Shape = {
  k: 'pipe',
  in: { k: 'unknown', c: [['ok', itemWithinDepth, 'items nested more than 50 deep']] },
  out: s20,
};

export const Id = compactSchema<Id>(IdShape);
export type Id = z.infer<typeof schemas.Id>;
export const Instant = compactSchema<Instant>(InstantShape);
export type Instant = z.infer<typeof schemas.Instant>;
export const Organization = compactSchema<Organization>(OrganizationShape);
export type Organization = z.infer<typeof schemas.Organization>;
export const Location = compactSchema<Location>(LocationShape);
export type Location = z.infer<typeof schemas.Location>;
export const Provider = compactSchema<Provider>(ProviderShape);
export type Provider = z.infer<typeof schemas.Provider>;
export const VisitType = compactSchema<VisitType>(VisitTypeShape);
export type VisitType = z.infer<typeof schemas.VisitType>;
export const Slot = compactSchema<Slot>(SlotShape);
export type Slot = z.infer<typeof schemas.Slot>;
export const PriceInfo = compactSchema<PriceInfo>(PriceInfoShape);
export type PriceInfo = z.infer<typeof schemas.PriceInfo>;
export const Coverage = compactSchema<Coverage>(CoverageShape);
export type Coverage = z.infer<typeof schemas.Coverage>;
export const Plan = compactSchema<Plan>(PlanShape);
export type Plan = z.infer<typeof schemas.Plan>;
export const SurveySummary = compactSchema<SurveySummary>(SurveySummaryShape);
export type SurveySummary = z.infer<typeof schemas.SurveySummary>;
export const Questionnaire = compactSchema<Questionnaire>(QuestionnaireShape);
export type Questionnaire = z.infer<typeof schemas.Questionnaire>;
export const QuestionnaireItem = compactSchema<QuestionnaireItem>(QuestionnaireItemShape);
export type QuestionnaireItem = z.infer<typeof schemas.QuestionnaireItem>;
