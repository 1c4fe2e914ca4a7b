import { describe, expect, it } from 'vitest';
import { FrontdeskError } from '../errors.js';
import * as schemas from './index.js';
import { parseListing, parseOrThrow } from './validate.js';

/**
 * Hostile payloads against every exported schema (docs/design.md section 8, reliability): wrong types, missing fields,
 * 1 MB strings, nested garbage and non-objects at the root must fail with an issue naming the field, and
 * `parseOrThrow` must turn them into an `invalid-response` FrontdeskError naming it too. Never a crash.
 */

type Path = Array<string | number>;
type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Issue[] } } };
type Issue = { path: PropertyKey[]; message: string };

interface Case {
  name: string;
  schema: Schema;
  /** A valid value with every optional field present, so every field gets attacked. */
  full: unknown;
  /** Top-level keys that may be left out. */
  optional: string[];
  /** Paths inside deliberately open (`looseObject`) parts, where anything goes. */
  open?: (path: Path) => boolean;
}

const MEGABYTE_STRING = 'x'.repeat(1024 * 1024);
const TOKEN = 'Qm9va2luZ1Rva2VuMDEyMzQ1Njc4OWFiY2RlZg';
/** Garbage an array of open (any-object) records must refuse too, hence the scalars after the object. */
const NESTED_GARBAGE = [{ garbage: [null, { deeper: [[], {}, 'x', 1] }] }, 'x', 7, null];
/** 100 000 nested arrays: parsed fine by JSON.parse, fatal to any validator that recurses without a bound. */
const DEEP_ARRAYS: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
const ROOT_GARBAGE: unknown[] = [null, undefined, 42, Number.NaN, 'text', '', true, [], [{}], () => 1, DEEP_ARRAYS];

const address = {
  lines: ['1 Main St', 'Suite 2'],
  city: 'Springfield',
  state: 'IL',
  postalCode: '62701',
  country: 'US',
};
const location = {
  id: 'loc-1',
  name: 'Main Street',
  address,
  phone: '+1 555 0100',
  timeZone: 'America/Chicago',
  position: { latitude: 39.8, longitude: -89.6 },
  accessibility: 'Step-free entrance on Main Street.',
};
const slot = {
  id: 'slot-1',
  start: '2026-03-09T09:00:00-06:00',
  end: '2026-03-09T09:30:00-06:00',
  providerId: 'p-1',
  locationId: 'loc-1',
  visitTypeIds: ['vt-1'],
  status: 'free',
  capacity: 1,
  bookingLink: 'https://book.example/slot-1',
  bookingPhone: '+1 555 0100',
};
const patient = {
  givenName: 'Jane',
  familyName: 'Doe',
  birthDate: '1980-02-29',
  phone: '+1 555 0100',
  email: 'jane@example.org',
  reason: 'Annual check-up',
  patientType: 'new',
};
const questionnaireItem = {
  linkId: 'g1',
  type: 'group',
  text: 'About you',
  prefix: '1.',
  required: true,
  repeats: false,
  readOnly: false,
  maxLength: 100,
  enableWhen: [{ question: 'q0', operator: 'exists', answerBoolean: true }],
  enableBehavior: 'all',
  answerOption: [{ valueString: 'a', initialSelected: true }],
  answerValueSet: '#yes-no',
  initial: [{ valueString: 'a' }],
  extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCode: 'page' }],
  item: [{ linkId: 'q1', type: 'string', text: 'Your name?' }],
};
/** FHIR `value[x]` and `answer[x]` choices live in open objects; other unknown FHIR elements too. */
const fhirOpen = (path: Path) =>
  path.some((key) => typeof key === 'string' && (/^value[A-Z]/.test(key) || key === 'answerBoolean')) ||
  (path[0] === 'contained' && path.length > 2 && path[2] !== 'resourceType');

const cases: Case[] = [
  {
    name: 'organization',
    schema: schemas.Organization,
    full: {
      id: 'org-1',
      name: 'Riverside Clinic',
      phone: '+1 555 0100',
      website: 'https://riverside.example',
      currency: 'USD',
    },
    optional: ['phone', 'website'],
  },
  { name: 'address', schema: schemas.Address, full: address, optional: ['state', 'postalCode', 'country'] },
  {
    name: 'location',
    schema: schemas.Location,
    full: location,
    optional: ['address', 'phone', 'position', 'accessibility'],
  },
  {
    name: 'provider',
    schema: schemas.Provider,
    full: {
      id: 'p-1',
      displayName: 'Dr. Ana Ruiz',
      name: { prefix: 'Dr.', given: ['Ana'], family: 'Ruiz' },
      credentials: ['MD'],
      photoUrl: 'https://riverside.example/ana.jpg',
      specialties: [{ code: '207Q00000X', display: 'Family Medicine', system: 'http://nucc.org/provider-taxonomy' }],
      languages: ['en', 'es-MX'],
      gender: 'female',
      bio: 'Dr. Ruiz has practised family medicine for 12 years.',
      acceptingNewPatients: 'yes',
      locationIds: ['loc-1'],
      telehealth: true,
      inPerson: true,
      npi: '1234567890',
      nextAvailable: '2026-03-09T09:00:00-06:00',
    },
    optional: ['name', 'photoUrl', 'gender', 'bio', 'npi', 'nextAvailable'],
  },
  {
    name: 'coding',
    schema: schemas.Coding,
    full: { code: '207Q00000X', display: 'Family Medicine', system: 'http://nucc.org/provider-taxonomy' },
    optional: ['system'],
  },
  {
    name: 'visitType',
    schema: schemas.VisitType,
    full: {
      id: 'vt-1',
      name: 'New patient visit',
      durationMinutes: 30,
      patientType: 'new',
      modality: 'in-person',
      description: 'A first visit.',
      serviceCodes: ['99203'],
      providerIds: ['p-1'],
    },
    optional: ['description', 'providerIds'],
  },
  {
    name: 'slot',
    schema: schemas.Slot,
    full: slot,
    optional: ['providerId', 'locationId', 'capacity', 'bookingLink', 'bookingPhone'],
  },
  { name: 'patient', schema: schemas.PatientDetails, full: patient, optional: ['email', 'reason'] },
  {
    name: 'request',
    schema: schemas.BookingRequest,
    full: {
      slotId: 'slot-1',
      visitTypeId: 'vt-1',
      patient,
      consent: { terms: true, contact: false },
      idempotencyKey: 'key-0123456789abcdef',
      holdId: TOKEN,
      language: 'es-MX',
    },
    optional: ['holdId', 'language'],
  },
  {
    name: 'booking',
    schema: schemas.Booking,
    full: {
      id: 'b-1',
      status: 'booked',
      slot: { ...slot, status: 'busy' },
      visitTypeId: 'vt-1',
      providerId: 'p-1',
      location,
      instructions: 'Arrive 10 minutes early.',
      manageUrl: 'https://book.example/manage/b-1',
      manageToken: TOKEN,
      patientName: 'Jane',
      joinUrl: 'https://video.example/room/1',
      sequence: 2,
      notifications: { email: true, sms: false },
    },
    optional: [
      'providerId',
      'location',
      'instructions',
      'manageUrl',
      'manageToken',
      'patientName',
      'joinUrl',
      'sequence',
      'notifications',
    ],
  },
  { name: 'notifications', schema: schemas.Notifications, full: { email: true, sms: true }, optional: [] },
  {
    name: 'cancel',
    schema: schemas.CancelRequest,
    full: { manageToken: TOKEN, reason: 'better', idempotencyKey: 'key-0123456789abcdef' },
    optional: ['reason'],
  },
  {
    name: 'reschedule',
    schema: schemas.RescheduleRequest,
    full: { manageToken: TOKEN, slotId: 'slot-1', holdId: TOKEN, idempotencyKey: 'key-0123456789abcdef' },
    optional: ['holdId'],
  },
  {
    name: 'hold request',
    schema: schemas.HoldRequest,
    full: { slotId: 'slot-1', idempotencyKey: 'key-0123456789abcdef' },
    optional: [],
  },
  {
    name: 'hold',
    schema: schemas.Hold,
    full: { id: TOKEN, slotId: 'slot-1', expiresAt: '2026-03-09T09:05:00Z' },
    optional: [],
  },
  {
    name: 'waitlist request',
    schema: schemas.WaitlistRequest,
    full: {
      providerId: 'p-1',
      visitTypeId: 'vt-1',
      from: '2026-03-09',
      to: '2026-03-20',
      patient: {
        givenName: 'Jane',
        familyName: 'Doe',
        birthDate: '1950-01-31',
        phone: '+1 555 0100',
        email: 'j@d.example',
        patientType: 'new',
      },
      language: 'es',
      consent: { terms: true, contact: true },
      manageToken: TOKEN,
      idempotencyKey: 'key-0123456789abcdef',
    },
    optional: ['language', 'manageToken'],
  },
  {
    name: 'waitlist entry',
    schema: schemas.WaitlistEntry,
    full: {
      id: 'wl-1',
      token: TOKEN,
      status: 'waiting',
      providerId: 'p-1',
      visitTypeId: 'vt-1',
      from: '2026-03-09',
      to: '2026-03-20',
      notifications: { email: false, sms: true },
    },
    optional: ['id', 'token', 'notifications'],
  },
  {
    name: 'waitlist offer',
    schema: schemas.WaitlistOffer,
    full: { status: 'open', slot, visitTypeId: 'vt-1', expiresAt: '2026-03-09T09:30:00Z', movesBooking: true },
    optional: [],
  },
  {
    name: 'claim',
    schema: schemas.ClaimRequest,
    full: { offerToken: TOKEN, idempotencyKey: 'key-0123456789abcdef' },
    optional: [],
  },
  {
    name: 'price',
    schema: schemas.PriceInfo,
    full: {
      service: '99213',
      description: 'Office visit, established patient',
      currency: 'USD',
      grossCharge: 25_000,
      cashPrice: 15_000,
      negotiatedRate: 18_000,
      minNegotiated: 12_000,
      maxNegotiated: 21_000,
      outOfNetworkAllowed: 14_000,
      notCovered: 0,
    },
    optional: [
      'description',
      'cashPrice',
      'negotiatedRate',
      'minNegotiated',
      'maxNegotiated',
      'outOfNetworkAllowed',
      'notCovered',
    ],
  },
  {
    name: 'coverage',
    schema: schemas.Coverage,
    full: {
      kind: 'plan',
      planId: 'plan-a',
      network: 'in',
      deductibleRemaining: 20_000,
      coinsuranceBps: 3_000,
      copay: 3_000,
      copayOnly: false,
      outOfPocketRemaining: 150_000,
    },
    optional: ['planId', 'outOfPocketRemaining'],
  },
  { name: 'selfPay', schema: schemas.Coverage, full: { kind: 'self-pay' }, optional: [] },
  {
    name: 'plan',
    schema: schemas.Plan,
    full: { id: 'plan-a', name: 'Acme PPO', payer: 'Acme', description: 'Employer plan.' },
    optional: ['payer', 'description'],
  },
  {
    name: 'estimate',
    schema: schemas.CostEstimate,
    full: {
      currency: 'USD',
      selfPay: false,
      network: 'in',
      billed: 90_000,
      allowed: 90_000,
      deductibleApplied: 20_000,
      copay: 0,
      coinsurance: 21_000,
      notCovered: 0,
      patientTotal: 41_000,
      planPays: 49_000,
      range: { low: 30_000, high: 50_000 },
      notices: ['estimate-not-guarantee', 'price-range'],
    },
    optional: ['network', 'range'],
  },
  { name: 'range', schema: schemas.Range, full: { low: 100, high: 200 }, optional: [] },
  {
    name: 'survey',
    schema: schemas.Questionnaire,
    full: {
      resourceType: 'Questionnaire',
      id: 'intake',
      url: 'https://riverside.example/Questionnaire/intake',
      title: 'Intake',
      status: 'active',
      contained: [{ resourceType: 'ValueSet', id: 'yes-no' }],
      extension: [{ url: 'http://example.org/ext', valueString: 'v' }],
      item: [questionnaireItem],
    },
    optional: ['id', 'url', 'title', 'contained', 'extension', 'item'],
    open: fhirOpen,
  },
  {
    name: 'item',
    schema: schemas.QuestionnaireItem,
    full: questionnaireItem,
    optional: Object.keys(questionnaireItem).filter((key) => key !== 'linkId' && key !== 'type'),
    open: fhirOpen,
  },
  {
    name: 'extension',
    schema: schemas.FhirExtension,
    full: { url: 'http://example.org/ext', valueString: 'v' },
    optional: ['valueString'],
    open: fhirOpen,
  },
  {
    name: 'fhirCoding',
    schema: schemas.FhirCoding,
    full: { system: 'http://loinc.org', code: 'LA6568-5', display: 'Not at all' },
    optional: ['system', 'code', 'display'],
  },
  { name: 'receipt', schema: schemas.SurveyReceipt, full: { id: 'r-1', status: 'received' }, optional: [] },
  {
    name: 'surveySummary',
    schema: schemas.SurveySummary,
    full: { id: 'nps', title: 'How was your visit?', kind: 'nps' },
    optional: ['kind'],
  },
];

/** Single-value schemas, by their export name: a valid value (the garbage that must fail is tried on each). */
const primitiveValues = {
  Id: 'Practitioner/p-1',
  ShortText: 'Riverside',
  LongText: 'Step-free entrance.',
  Cents: 12_345,
  Currency: 'USD',
  Instant: '2026-03-08T09:30:00Z',
  CalendarDate: '2024-02-29',
  TimeZone: 'Europe/Madrid',
  WebUrl: 'https://clinic.example/',
  Phone: '+1 (555) 010-0000 ext. 12',
  Email: 'front.desk@clinic.example',
  LanguageTag: 'zh-Hant-TW',
  AccessToken: TOKEN,
  ManageToken: 'appointment-17',
  ServiceCode: 'G0438',
  AcceptingNewPatients: 'existing-only',
  SlotStatus: 'busy',
  NoticeKind: 'good-faith-estimate',
  QuestionnaireItemType: 'open-choice',
} satisfies Partial<Record<keyof typeof schemas, unknown>>;
const exported = new Map<string, unknown>(Object.entries(schemas));
const primitives = Object.entries(primitiveValues).map(([name, valid]) => ({
  name,
  schema: exported.get(name) as Schema,
  valid,
}));

const clone = <T>(value: T): T => structuredClone(value);

function dotted(root: string, path: readonly PropertyKey[]): string {
  const tail = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return root + tail;
}

/** Every node below the root: objects, arrays and leaves, with their paths. */
function nodes(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return [{ path: at, value: child }, ...nodes(child, at)];
  });
}

function withValue(root: unknown, path: Path, value: unknown): unknown {
  const copy = clone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

function withoutKey(root: unknown, key: string): unknown {
  const copy = clone(root) as Record<string, unknown>;
  delete copy[key];
  return copy;
}

/** A value of another JSON type than `value`. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12_345;
  if (typeof value === 'number') return '12';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { 0: value[0] };
  return 'text';
}

/** Parse must fail (not throw) with the first issue at `path` (or inside it), and parseOrThrow must name it. */
function expectRefused(testCase: Case, value: unknown, path: Path, exact = true): void {
  const result = testCase.schema.safeParse(value);
  expect(result.success, `${dotted(testCase.name, path)} should be refused`).toBe(false);
  const issuePath = result.error!.issues[0]!.path;
  if (exact) expect(issuePath).toEqual(path);
  else expect(issuePath.slice(0, path.length)).toEqual(path);

  let thrown: unknown;
  try {
    parseOrThrow(testCase.schema as never, value, testCase.name);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FrontdeskError);
  const error = thrown as FrontdeskError;
  expect(error.kind).toBe('invalid-response');
  expect(error.field).toBe(dotted(testCase.name, issuePath));
  expect(error.message.startsWith(`${error.field}: `)).toBe(true);
  // Values are never echoed: they may be patient data, or a megabyte of garbage.
  expect(error.message.length).toBeLessThan(500);
  expect(error.message).not.toContain('xxxxxxxx');
}

describe('hostile payloads', () => {
  it('cover every schema the schemas module exports', () => {
    const exported = Object.entries(schemas)
      .filter(([, value]) => typeof (value as Partial<Schema>)?.safeParse === 'function')
      .map(([, value]) => value);
    const covered = new Set<unknown>([...cases.map((c) => c.schema), ...primitives.map((p) => p.schema)]);
    const missing = Object.entries(schemas).filter(([, value]) => exported.includes(value) && !covered.has(value));
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  describe.each(cases)('$name', (testCase) => {
    const { schema, full } = testCase;
    const attacked = nodes(full).filter(({ path }) => !testCase.open?.(path));

    it('accepts the full valid value unchanged', () => {
      const result = schema.safeParse(full);
      expect(result.error?.issues).toBeUndefined();
      expect(result.data).toEqual(full);
    });

    it('refuses non-objects and garbage at the root', () => {
      for (const value of ROOT_GARBAGE) expectRefused(testCase, value, []);
    });

    it('refuses each missing required field and allows only the optional ones to be left out', () => {
      const leftOut: string[] = [];
      for (const key of Object.keys(full as object)) {
        const value = withoutKey(full, key);
        if (schema.safeParse(value).success) leftOut.push(key);
        else expectRefused(testCase, value, [key]);
      }
      expect(leftOut.sort()).toEqual([...testCase.optional].sort());
    });

    it('refuses null and wrong types in every field', () => {
      for (const { path, value } of attacked) {
        expectRefused(testCase, withValue(full, path, null), path);
        expectRefused(testCase, withValue(full, path, wrongType(value)), path);
      }
    });

    it('refuses nested garbage and 100 000-deep arrays in every field without crashing', () => {
      for (const { path } of attacked) {
        expectRefused(testCase, withValue(full, path, NESTED_GARBAGE), path, false);
        expectRefused(testCase, withValue(full, path, DEEP_ARRAYS), path, false);
      }
    });

    it('refuses a 1 MB string in every text field', () => {
      const texts = attacked.filter(({ value }) => typeof value === 'string');
      for (const { path } of texts) expectRefused(testCase, withValue(full, path, MEGABYTE_STRING), path);
    });
  });

  describe.each(primitives)('$name', ({ name, schema, valid }) => {
    const testCase: Case = { name, schema, full: valid, optional: [] };

    it('accepts a valid value and refuses other types, nesting and 1 MB strings', () => {
      expect(schema.safeParse(valid).success).toBe(true);
      const otherTypes =
        typeof valid === 'number'
          ? ['12', -1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, 1e20]
          : [42, Number.NaN, `${valid}`.repeat(100_000), MEGABYTE_STRING];
      const garbage = [null, undefined, true, [], [valid], { value: valid }, () => valid, NESTED_GARBAGE, DEEP_ARRAYS];
      for (const value of [...otherTypes, ...garbage]) expectRefused(testCase, value, []);
    });
  });
});

describe('script in text, scripts in links', () => {
  const script = '<script>alert(1)</script>';
  const markup = '<img src=x onerror="alert(1)"> & </p>';
  const byName = (name: string) => cases.find((c) => c.name === name)!;

  it.each([
    ['provider', ['displayName']],
    ['provider', ['bio']],
    ['provider', ['specialties', 0, 'display']],
    ['location', ['name']],
    ['organization', ['name']],
    ['visitType', ['name']],
    ['plan', ['name']],
    ['surveySummary', ['title']],
    ['survey', ['item', 0, 'item', 0, 'text']],
    ['booking', ['instructions']],
  ] as Array<[string, Path]>)('keeps markup verbatim as text in %s %j', (name, path) => {
    const testCase = byName(name);
    for (const text of [script, markup]) {
      const parsed = parseOrThrow(testCase.schema as never, withValue(testCase.full, path, text), name);
      let node: unknown = parsed;
      for (const key of path) node = (node as Record<string | number, unknown>)[key];
      expect(node).toBe(text);
    }
  });

  const hostileUrls = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/photo.jpg',
    '/relative/photo.jpg',
  ];

  it.each([
    ['provider', ['photoUrl']],
    ['slot', ['bookingLink']],
    ['booking', ['slot', 'bookingLink']],
    ['booking', ['manageUrl']],
    ['booking', ['joinUrl']],
    ['organization', ['website']],
  ] as Array<[string, Path]>)('refuses script and non-web URLs in %s %j', (name, path) => {
    const testCase = byName(name);
    for (const url of hostileUrls) {
      expectRefused(testCase, withValue(testCase.full, path, url), path);
      expect(testCase.schema.safeParse(withValue(testCase.full, path, url)).error?.issues[0]?.message).toBe(
        'not an http(s) URL',
      );
    }
  });
});

describe('hostile records in listings', () => {
  it('drops each bad record with a reason naming its field and keeps the rest', () => {
    const provider = cases.find((c) => c.name === 'provider')!.full as Record<string, unknown>;
    const records = [
      provider,
      null,
      42,
      '<script>alert(1)</script>',
      [provider],
      { ...provider, id: MEGABYTE_STRING },
      { ...provider, id: 'p-9', photoUrl: 'javascript:alert(1)' },
      { ...provider, id: 'p-10', specialties: DEEP_ARRAYS },
      { ...provider, id: 'p-2' },
    ];
    const listing = parseListing(schemas.Provider, records, 'providers');
    expect(listing.items.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(listing.dropped).toEqual([
      { field: 'providers[1]', reason: 'providers[1]: invalid type' },
      { field: 'providers[2]', reason: 'providers[2]: invalid type' },
      { field: 'providers[3]', reason: 'providers[3]: invalid type' },
      { field: 'providers[4]', reason: 'providers[4]: invalid type' },
      { field: 'providers[5]', reason: expect.stringMatching(/^providers\[5\]\.id: /) },
      { field: 'providers[6]', id: 'p-9', reason: 'providers[6].photoUrl: not an http(s) URL' },
      { field: 'providers[7]', id: 'p-10', reason: expect.stringMatching(/^providers\[7\]\.specialties\[0\]: /) },
    ]);
    for (const { reason } of listing.dropped) expect(reason).not.toContain('xxxxxxxx');
  });

  it('refuses a listing that is not an array', () => {
    for (const value of [null, {}, 'x', { data: [] }, 7]) {
      expect(() => parseListing(schemas.Plan, value, 'plans')).toThrowError(
        expect.objectContaining({ kind: 'invalid-response', field: 'plans' }),
      );
    }
  });
});

describe('a deeply nested Questionnaire', () => {
  const nested = (depth: number) =>
    JSON.parse(
      `{"resourceType":"Questionnaire","status":"active","item":[${'{"linkId":"g","type":"group","item":['.repeat(depth - 1)}{"linkId":"q","type":"string"}${']}'.repeat(depth - 1)}]}`,
    );

  it(`accepts ${schemas.MAX_ITEM_DEPTH} levels of items`, () => {
    expect(schemas.Questionnaire.safeParse(nested(schemas.MAX_ITEM_DEPTH)).success).toBe(true);
  });

  it('refuses 100 000 levels with an issue on item instead of overflowing the stack', () => {
    const hostile = nested(100_000);
    const result = schemas.Questionnaire.safeParse(hostile);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['item']);
    expect(() => parseOrThrow(schemas.Questionnaire, hostile, 'survey')).toThrowError(
      expect.objectContaining({ kind: 'invalid-response', field: 'survey.item' }),
    );
    expect(schemas.QuestionnaireItem.safeParse(hostile.item[0]).success).toBe(false);
  });
});
