import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../adapters/memory/index.js';
import * as actions from './compact-actions.js';
import * as shapes from './compact-shapes.js';
import * as schemas from './index.js';
import * as refinements from './refinements.js';
import type { Parser } from './validate.js';
import * as valueLists from './value-lists.js';

/**
 * `compact-shapes.ts` and `compact-actions.ts` are generated here from the zod schemas: the schemas the REST adapter
 * reads, by export name. The actions file holds what only a patient's actions send and get back (booking, managing,
 * holds, the waitlist, a survey's receipt): the adapter imports it on the first action, so a page's first download
 * carries only what its widgets show. After changing a schema, regenerate both:
 *
 *   pnpm exec vitest run packages/core/src/schemas/compact.test.ts -u
 *
 * and the property tests below prove the compact checker and zod still agree on every mutated record.
 */
/** What widgets show: `compact-shapes.ts`. */
const SHOWN = [
  'Id',
  'Instant',
  'Organization',
  'Location',
  'Provider',
  'VisitType',
  'Slot',
  'PriceInfo',
  'Coverage',
  'Plan',
  'SurveySummary',
  'Questionnaire',
  'QuestionnaireItem',
] as const;

/** `compact-actions.ts`: what a patient's actions send and get back; every part it shares with SHOWN stays there. */
const ACTION_SCHEMAS = [
  'BookingRequest',
  'Booking',
  'CancelRequest',
  'RescheduleRequest',
  'Hold',
  'HoldRequest',
  'ClaimRequest',
  'WaitlistRequest',
  'WaitlistEntry',
  'WaitlistOffer',
  'AccessToken',
  'ManageToken',
  'SurveyReceipt',
] as const;

const COMPACT = [...SHOWN, ...ACTION_SCHEMAS] as const;

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are walked structurally
type Zod = { _zod: { def: any } };

/** Each schema by name, zod's and the compact one. */
const zodByName = new Map(Object.entries(schemas)) as Map<string, unknown>;
const compactByName = new Map(Object.entries({ ...shapes, ...actions })) as Map<string, unknown>;
const zodSchema = (name: string) => zodByName.get(name) as Parser<unknown> & Zod;
const compactSchema = (name: string) => compactByName.get(name) as Parser<unknown>;

const refinementNames = new Map<unknown, string>(
  Object.entries(refinements)
    .filter(([, value]) => typeof value === 'function')
    .map(([name, value]) => [value, name]),
);

/** The value lists an enum may name instead of carrying a copy, by their values. */
const valueListNames = new Map<string, string>(
  Object.entries(valueLists).map(([name, values]) => [JSON.stringify(values), name]),
);

/** JavaScript source for the compact shape of every schema in COMPACT, shared parts named once: both files. */
function generate(): { shapes: string; actions: string } {
  const uses = new Map<Zod, number>();
  const count = (schema: Zod, stack: Set<Zod>) => {
    uses.set(schema, (uses.get(schema) ?? 0) + 1);
    if (stack.has(schema) || (uses.get(schema) ?? 0) > 1) return;
    stack.add(schema);
    for (const child of children(schema)) count(child, stack);
    stack.delete(schema);
  };
  const exported = new Map<Zod, string>(COMPACT.map((name) => [zodSchema(name) as Zod, name]));
  for (const schema of exported.keys()) count(schema, new Set());

  const names = new Map<Zod, string>();
  const lines: string[] = [];
  const inProgress = new Set<Zod>();
  const nameOf = (schema: Zod) => {
    const known = names.get(schema);
    if (known) return known;
    const name = exported.has(schema) ? `${exported.get(schema)}Shape` : `s${names.size}`;
    names.set(schema, name);
    return name;
  };
  const ref = (schema: Zod, where: string): string => {
    if (inProgress.has(schema)) return `{ k: 'lazy', get: () => ${nameOf(schema)} }`;
    if ((uses.get(schema) ?? 0) < 2 && !exported.has(schema)) return node(schema, where);
    if (!names.has(schema) || !lines.some((line) => line.startsWith(`const ${names.get(schema)}:`))) {
      const name = nameOf(schema);
      inProgress.add(schema);
      const body = node(schema, where);
      inProgress.delete(schema);
      lines.push(`const ${name}: Shape = ${body};`);
    }
    return nameOf(schema);
  };

  const node = (schema: Zod, where: string): string => {
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((c: Zod) => check(c, where));
    const c = checks.length > 0 ? `, c: [${checks.join(', ')}]` : '';
    switch (def.type) {
      case 'string':
      case 'boolean':
      case 'unknown':
        return `{ k: '${def.type}'${c} }`;
      case 'number':
        if (def.check === 'number_format' && def.format !== 'safeint') throw new Error(`${where}: ${def.format}`);
        return `{ k: 'number'${def.format === 'safeint' ? ', int: true' : ''}${c} }`;
      case 'enum': {
        const values = JSON.stringify(Object.values(def.entries));
        return `{ k: 'enum', of: ${valueListNames.get(values) ?? values} }`;
      }
      case 'literal':
        return `{ k: 'enum', of: ${JSON.stringify(def.values)} }`;
      case 'array':
        return `{ k: 'array', of: ${ref(def.element, `${where}[]`)}${c} }`;
      case 'optional':
        return `{ k: 'optional', of: ${ref(def.innerType, where)} }`;
      case 'pipe':
        return `{ k: 'pipe', in: ${ref(def.in, where)}, out: ${ref(def.out, where)} }`;
      case 'union': {
        if (!def.discriminator) throw new Error(`${where}: only discriminated unions have a compact form`);
        const options = (def.options as Zod[]).map((option) => {
          const tag = option._zod.def.shape[def.discriminator]._zod.def.values;
          if (tag?.length !== 1 || typeof tag[0] !== 'string') {
            throw new Error(`${where}: each option needs one string literal ${def.discriminator}`);
          }
          return `${JSON.stringify(tag[0])}: ${ref(option, `${where}(${tag[0]})`)}`;
        });
        return `{ k: 'union', key: ${JSON.stringify(def.discriminator)}, of: { ${options.join(', ')} } }`;
      }
      case 'object': {
        const loose = def.catchall?._zod.def.type === 'unknown';
        if (def.catchall && !loose) throw new Error(`${where}: only closed and loose objects are supported`);
        const fields = Object.entries(def.shape as Record<string, Zod>).map(
          ([key, value]) =>
            `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${ref(value, `${where}.${key}`)}`,
        );
        return `{ k: 'object', of: { ${fields.join(', ')} }${loose ? ', loose: true' : ''}${c} }`;
      }
      default:
        throw new Error(`${where}: zod type "${def.type}" has no compact form yet; add it to compact.ts`);
    }
  };

  const check = (c: Zod, where: string): string => {
    const def = c._zod.def;
    switch (def.check) {
      case 'min_length':
        return `['L>=', ${def.minimum}]`;
      case 'max_length':
        return `['L<=', ${def.maximum}]`;
      case 'greater_than':
        return `['${def.inclusive ? '>=' : '>'}', ${def.value}]`;
      case 'less_than':
        return `['${def.inclusive ? '<=' : '<'}', ${def.value}]`;
      case 'string_format':
        if (def.format !== 'regex') throw new Error(`${where}: string format "${def.format}" has no compact form`);
        return `['re', ${String(def.pattern)}]`;
      case 'custom': {
        const name = refinementNames.get(def.fn);
        if (!name) throw new Error(`${where}: a refinement that is not in refinements.ts; move it there`);
        const message = JSON.stringify(def.error?.() ?? 'Invalid input');
        return `['ok', ${name}, ${message}${def.path ? `, ${JSON.stringify(def.path)}` : ''}]`;
      }
      default:
        throw new Error(`${where}: check "${def.check}" has no compact form yet; add it to compact.ts`);
    }
  };

  for (const [schema, name] of exported) ref(schema, name);
  // Each line's shape and the shapes it names: a line goes to the actions file when only action schemas need it.
  const nameOfLine = (line: string) => /^const (\w+):/.exec(line)![1]!;
  const byName = new Map(lines.map((line) => [nameOfLine(line), line]));
  const needs = (line: string) =>
    [...line.slice(line.indexOf('=')).matchAll(/\b(s\d+|\w+Shape)\b/g)].map((m) => m[1]!).filter((n) => byName.has(n));
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const next of needs(byName.get(name)!)) visit(next);
    };
    for (const root of roots) visit(root);
    return seen;
  };
  const shown = closure(SHOWN.map((name) => `${name}Shape`));
  const shapeLines = lines.filter((line) => shown.has(nameOfLine(line)));
  const actionLines = lines.filter((line) => !shown.has(nameOfLine(line)));
  // What the actions file takes from the shapes file.
  const shared = [...new Set(actionLines.flatMap(needs))].filter((name) => shown.has(name)).sort();
  const refinementsOf = (some: string[]) =>
    [...refinementNames.values()].sort().filter((name) => some.some((line) => line.includes(` ${name},`)));
  const valueListsOf = (some: string[]) =>
    [...valueListNames.values()].sort().filter((name) => some.some((line) => line.includes(`of: ${name} `)));
  const importValueLists = (some: string[]) => {
    const used = valueListsOf(some);
    return used.length > 0 ? `import { ${used.join(', ')} } from './value-lists.js';\n` : '';
  };
  const exports = (names: string[]) =>
    names
      .map(
        (name) =>
          `export const ${name} = compactSchema<${name}>(${name}Shape);\nexport type ${name} = z.infer<typeof schemas.${name}>;`,
      )
      .join('\n');
  const header = `// Generated from the zod schemas by compact.test.ts: do not edit. After changing a schema, regenerate with
//   pnpm exec vitest run packages/core/src/schemas/compact.test.ts -u`;
  const shapesSource = `${header}
import type * as z from 'zod/mini';
import { compactSchema, type Shape } from './compact.js';
import type * as schemas from './index.js';
import { ${refinementsOf(shapeLines).join(', ')} } from './refinements.js';
${importValueLists(shapeLines)}
${shapeLines.map((line) => (shared.includes(nameOfLine(line)) ? `export ${line}` : line)).join('\n')}

${exports([...SHOWN])}
`;
  const actionRefinements = refinementsOf(actionLines);
  const actionsSource = `${header}
// What a patient's actions send and get back, loaded on the first action (see compact.test.ts).
import type * as z from 'zod/mini';
import { compactSchema, type Shape } from './compact.js';
import { ${shared.join(', ')} } from './compact-shapes.js';
import type * as schemas from './index.js';
${actionRefinements.length > 0 ? `import { ${actionRefinements.join(', ')} } from './refinements.js';\n` : ''}${importValueLists(actionLines)}
${actionLines.join('\n')}

${exports([...ACTION_SCHEMAS])}
`;
  const biome = resolve(import.meta.dirname, '../../../../node_modules/.bin/biome');
  const format = (source: string, name: string) =>
    execFileSync(biome, ['format', `--stdin-file-path=${resolve(import.meta.dirname, name)}`], {
      input: source,
      encoding: 'utf8',
    });
  return { shapes: format(shapesSource, 'compact-shapes.ts'), actions: format(actionsSource, 'compact-actions.ts') };
}

function children(schema: Zod): Zod[] {
  const def = schema._zod.def;
  if (def.type === 'array') return [def.element];
  if (def.type === 'optional') return [def.innerType];
  if (def.type === 'pipe') return [def.in, def.out];
  if (def.type === 'union') return def.options;
  if (def.type === 'object') return Object.values(def.shape as Record<string, Zod>);
  return [];
}

it('compact-shapes.ts and compact-actions.ts are what the zod schemas generate (regenerate with -u)', async () => {
  const generated = generate();
  await expect(generated.shapes).toMatchFileSnapshot('./compact-shapes.ts');
  await expect(generated.actions).toMatchFileSnapshot('./compact-actions.ts');
});

const TOKEN = 'Qm9va2luZ1Rva2VuMDEyMzQ1Njc4OWFiY2RlZg';

/** Real records from the demo clinic, one or more per schema, each with its optional fields. */
async function samples(): Promise<Record<(typeof COMPACT)[number], unknown[]>> {
  const now = new Date('2030-01-07T14:00:00Z');
  const adapter = createMemoryAdapter({ now, days: 14 });
  const providers = (await adapter.listProviders()).items;
  const visitTypes = (await adapter.listVisitTypes()).items;
  const end = new Date(now.getTime() + 14 * 86_400_000);
  const window = { start: now.toISOString(), end: end.toISOString(), providerId: providers[0]!.id };
  const listed = (await adapter.listSlots(window)).items;
  const slots = listed.slice(0, 5);
  const bookable = listed.find((slot) => slot.status === 'free' && slot.capacity !== 0)!;
  const newPatients = visitTypes.filter((type) => type.patientType !== 'existing').map((type) => type.id);
  const surveys = (await adapter.listSurveys()).items;
  const request = {
    slotId: bookable.id,
    visitTypeId: bookable.visitTypeIds.find((id) => newPatients.includes(id))!,
    patient: {
      givenName: 'Ana',
      familyName: 'Ruiz',
      birthDate: '1950-02-28',
      phone: '+1 555 010 2000',
      email: 'ana@example.org',
      reason: 'check-up',
      patientType: 'new',
    },
    consent: { terms: true, contact: false },
    idempotencyKey: 'bench-0123456789abcdef',
  };
  const booking = await adapter.book(request as schemas.BookingRequest);
  const questionnaires = await Promise.all(surveys.map((s) => adapter.getSurvey(s.id)));
  return {
    Id: providers.map((p) => p.id),
    Instant: slots.map((s) => s.start),
    Organization: [await adapter.getOrganization()],
    Location: (await adapter.listLocations()).items,
    Provider: providers,
    VisitType: visitTypes,
    Slot: slots,
    BookingRequest: [request, { ...request, holdId: TOKEN, language: 'es-MX' }],
    Booking: [
      booking,
      {
        ...booking,
        manageToken: TOKEN,
        manageUrl: `https://clinic.example/visit#token=${TOKEN}`,
        joinUrl: 'https://video.example/room/1',
        sequence: 2,
        notifications: { email: true, sms: false },
      },
    ],
    CancelRequest: [{ manageToken: TOKEN, reason: 'feeling better', idempotencyKey: 'cancel-0123456789abcdef' }],
    RescheduleRequest: [
      { manageToken: TOKEN, slotId: bookable.id, holdId: TOKEN, idempotencyKey: 'move-0123456789abcdef' },
    ],
    Hold: [{ id: TOKEN, slotId: bookable.id, expiresAt: '2030-01-07T14:05:00Z' }],
    HoldRequest: [{ slotId: bookable.id, idempotencyKey: 'hold-0123456789abcdef' }],
    ClaimRequest: [{ offerToken: TOKEN, idempotencyKey: 'claim-0123456789abcdef' }],
    WaitlistRequest: [
      {
        providerId: providers[0]!.id,
        visitTypeId: request.visitTypeId,
        from: '2030-01-08',
        to: '2030-01-20',
        patient: { ...request.patient, reason: undefined },
        language: 'es',
        consent: { terms: true, contact: true },
        manageToken: TOKEN,
        idempotencyKey: 'wait-0123456789abcdef',
      },
    ],
    WaitlistEntry: [
      {
        id: 'wl-1',
        token: TOKEN,
        status: 'waiting',
        providerId: providers[0]!.id,
        visitTypeId: request.visitTypeId,
        from: '2030-01-08',
        to: '2030-01-20',
        notifications: { email: true, sms: true },
      },
    ],
    WaitlistOffer: [
      {
        status: 'open',
        slot: bookable,
        visitTypeId: request.visitTypeId,
        expiresAt: '2030-01-07T14:30:00Z',
        movesBooking: false,
      },
    ],
    AccessToken: [TOKEN],
    ManageToken: [TOKEN, 'appointment-17'],
    PriceInfo: [await adapter.getPrice({ service: '99213' })],
    Plan: (await adapter.listPlans()).items,
    SurveySummary: surveys,
    Questionnaire: questionnaires,
    QuestionnaireItem: questionnaires.flatMap((q) => q.item ?? []),
    SurveyReceipt: [{ id: 'r-1', status: 'received' }],
    Coverage: [
      { kind: 'self-pay' },
      {
        kind: 'plan',
        planId: 'plan-1',
        network: 'in',
        deductibleRemaining: 50_000,
        coinsuranceBps: 2000,
        copay: 2500,
        copayOnly: false,
        outOfPocketRemaining: 300_000,
      },
    ],
  };
}

/** Parsed fine by JSON.parse, fatal to a validator that recurses without a bound. */
const DEEP_ARRAYS: unknown = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);

/** Values that break records: wrong types, hostile strings, impossible dates and zones, bad links, huge numbers. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    true,
    0,
    -1,
    1.5,
    1e300,
    Number.NaN,
    '',
    'x'.repeat(3000),
    'javascript:alert(1)',
    'https://ok.example/photo.jpg',
    '2026-02-30T10:00:00Z',
    '2026-03-08T09:30:00-05:00',
    '1999-02-29',
    'Mars/Olympus_Mons',
    'America/Chicago',
    '<img src=x onerror=alert(1)>',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml;base64,PHN2Zz4=',
    [],
    {},
    [1, 'a', null],
    Array.from({ length: 60 }, (_, i) => `x${i}`),
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
);

/** Every place in a value a mutation can hit: the root, each key of each object and each item of each array. */
function places(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(path);
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      places(item, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

/** `value` with `replacement` at `path` (or the key removed, or an unknown key added beside it). */
function mutate(value: unknown, path: Array<string | number>, how: 'set' | 'delete' | 'add', replacement: unknown) {
  if (path.length === 0) return how === 'set' ? replacement : value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (how === 'add' && !Array.isArray(parent)) parent[`unknown-${String(last)}`] = replacement;
  else parent[last] = replacement;
  return copy;
}

const outcome = (parser: Parser<unknown>, value: unknown) => {
  const result = parser.safeParse(value);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, issues: result.error.issues.map((i) => [i.path.join('.'), i.code, i.message]) };
};

describe('the compact checker and zod agree', async () => {
  const all = await samples();
  for (const name of COMPACT) {
    it(`${name}: the demo clinic's records, and each with up to three mutations`, () => {
      const zod = zodSchema(name);
      const compact = compactSchema(name);
      for (const record of all[name]) expect(outcome(compact, record)).toEqual(outcome(zod, record));
      const mutation = fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'add'), junk);
      fc.assert(
        fc.property(fc.nat(all[name].length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (at, steps) => {
          let value = all[name][at];
          for (const [pick, how, replacement] of steps) {
            const where = places(value);
            value = mutate(value, where[pick % where.length]!, how as 'set' | 'delete' | 'add', replacement);
          }
          expect(outcome(compact, value)).toEqual(outcome(zod, value));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: 100,000 nested arrays in each field are refused without a stack overflow`, () => {
      const zod = zodSchema(name);
      const compact = compactSchema(name);
      const record = all[name][0];
      const fields = record && typeof record === 'object' ? Object.keys(record) : [];
      for (const value of [DEEP_ARRAYS, ...fields.map((key) => ({ ...(record as object), [key]: DEEP_ARRAYS }))]) {
        expect(outcome(compact, value)).toEqual(outcome(zod, value));
      }
    });
  }
});
