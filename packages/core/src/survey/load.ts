// Checked in compact form (the same rules as the zod schemas): the survey's page does not download zod.
import { Questionnaire, QuestionnaireItem } from '../schemas/compact-shapes.js';
import { describeIssues } from '../schemas/validate.js';
import { analyzeQuestionnaire } from './analyze.js';
import { isRecord } from './answers.js';
import { type SurveyProblem, surveyProblem } from './problems.js';

export interface SurveyLoadResult {
  /** Present unless a fatal problem left nothing to render; broken items are already left out of it. */
  questionnaire?: Questionnaire;
  problems: SurveyProblem[];
}

/** Bounds that keep a hostile or broken Questionnaire from stalling the page. */
const MAX_JSON_CHARS = 5_000_000;
const MAX_ITEMS = 5_000;
const MAX_DEPTH = 20;

/** Top-level fields we can drop (or, for status, default) and still render the form. */
const DROPPABLE = new Set(['id', 'url', 'title', 'extension', 'contained', 'version', 'name', 'description']);

/** Questionnaires that went through `loadQuestionnaire`, with the problems found, so a model skips a second pass. */
const loaded = new WeakMap<object, SurveyProblem[]>();

export function problemsOfLoadedQuestionnaire(questionnaire: object): SurveyProblem[] | undefined {
  return loaded.get(questionnaire);
}

interface ItemContext {
  problems: SurveyProblem[];
  seen: Set<string>;
  count: number;
  tooMany: boolean;
}

function loadItems(raw: unknown, path: string, depth: number, ctx: ItemContext): QuestionnaireItem[] {
  if (!Array.isArray(raw)) {
    ctx.problems.push(surveyProblem('invalid-field', `${path} is not an array; its items are skipped`, { path }));
    return [];
  }
  const items: QuestionnaireItem[] = [];
  raw.forEach((entry: unknown, index) => {
    const at = `${path}[${index}]`;
    if (ctx.count >= MAX_ITEMS) {
      if (!ctx.tooMany) {
        ctx.tooMany = true;
        ctx.problems.push(
          surveyProblem('too-many-items', `more than ${MAX_ITEMS} items; the rest are skipped`, { path: at }),
        );
      }
      return;
    }
    if (!isRecord(entry)) {
      ctx.problems.push(surveyProblem('invalid-item', `${at} is not an object; skipped`, { path: at }));
      return;
    }
    const linkId = typeof entry.linkId === 'string' && entry.linkId.length <= 255 ? entry.linkId : undefined;
    const { item: children, ...own } = entry;
    const parsed = QuestionnaireItem.safeParse(own);
    if (!parsed.success) {
      const { message } = describeIssues(parsed.error.issues, at);
      ctx.problems.push(surveyProblem('invalid-item', `${message}; item skipped`, { linkId, path: at }));
      return;
    }
    const item = parsed.data;
    if (ctx.seen.has(item.linkId)) {
      ctx.problems.push(
        surveyProblem(
          'duplicate-link-id',
          `linkId "${item.linkId}" is used more than once; the later item is skipped`,
          {
            linkId: item.linkId,
            path: at,
          },
        ),
      );
      return;
    }
    ctx.seen.add(item.linkId);
    ctx.count++;
    delete item.item;
    if (children !== undefined) {
      if (depth >= MAX_DEPTH) {
        ctx.problems.push(
          surveyProblem('too-deep', `items nested deeper than ${MAX_DEPTH} levels are skipped`, {
            linkId: item.linkId,
            path: `${at}.item`,
          }),
        );
      } else {
        const nested = loadItems(children, `${at}.item`, depth + 1, ctx);
        if (nested.length > 0) item.item = nested;
      }
    }
    items.push(item);
  });
  return items;
}

/** Validates everything but the items; fixes what can be fixed by dropping a field, else gives up. */
function loadShell(raw: Record<string, unknown>, problems: SurveyProblem[]): Questionnaire | undefined {
  const { item: _items, ...shell } = raw;
  if (shell.contained !== undefined && Array.isArray(shell.contained)) {
    const kept = shell.contained.filter((r) => isRecord(r) && typeof r.resourceType === 'string');
    if (kept.length !== shell.contained.length) {
      problems.push(
        surveyProblem('invalid-field', 'contained resources without a resourceType are ignored', { path: 'contained' }),
      );
    }
    shell.contained = kept;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = Questionnaire.safeParse(shell);
    if (parsed.success) return parsed.data;
    for (const field of new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))) {
      const issues = parsed.error.issues.filter((i) => String(i.path[0] ?? '') === field);
      const { message } = describeIssues(issues);
      if (field === 'status') {
        problems.push(surveyProblem('invalid-field', `${message}; treated as "unknown"`, { path: 'status' }));
        shell.status = 'unknown';
      } else if (DROPPABLE.has(field)) {
        problems.push(surveyProblem('invalid-field', `${message}; field ignored`, { path: field }));
        delete shell[field];
      } else {
        problems.push(surveyProblem('not-a-questionnaire', message, { fatal: true, path: field || undefined }));
        return undefined;
      }
    }
  }
  problems.push(surveyProblem('not-a-questionnaire', 'invalid top-level fields', { fatal: true }));
  return undefined;
}

function load(input: unknown): SurveyLoadResult {
  const problems: SurveyProblem[] = [];
  let raw = input;
  if (typeof input === 'string') {
    if (input.length > MAX_JSON_CHARS) {
      return {
        problems: [surveyProblem('too-large', `JSON is larger than ${MAX_JSON_CHARS} characters`, { fatal: true })],
      };
    }
    try {
      raw = JSON.parse(input);
    } catch (error) {
      // Engines quote the offending text in their message; name only the position, never the content.
      const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
      const detail = position === undefined ? '' : ` (at position ${position})`;
      return { problems: [surveyProblem('invalid-json', `not valid JSON${detail}`, { fatal: true })] };
    }
  }
  if (!isRecord(raw) || raw.resourceType !== 'Questionnaire') {
    const what = isRecord(raw)
      ? typeof raw.resourceType === 'string'
        ? `a ${raw.resourceType.slice(0, 60)}`
        : 'an object without resourceType'
      : Array.isArray(raw)
        ? 'an array'
        : raw === null
          ? 'null'
          : `a ${typeof raw}`;
    return {
      problems: [surveyProblem('not-a-questionnaire', `expected a FHIR Questionnaire, got ${what}`, { fatal: true })],
    };
  }
  const questionnaire = loadShell(raw, problems);
  if (!questionnaire) return { problems };
  const ctx: ItemContext = { problems, seen: new Set(), count: 0, tooMany: false };
  const items = raw.item === undefined ? [] : loadItems(raw.item, 'item', 0, ctx);
  if (items.length === 0) {
    problems.push(surveyProblem('no-items', 'the Questionnaire has no items that can be rendered', { fatal: true }));
    return { problems };
  }
  questionnaire.item = items;
  problems.push(...analyzeQuestionnaire(questionnaire).problems);
  loaded.set(questionnaire, problems);
  return { questionnaire, problems };
}

/**
 * Parses and checks a Questionnaire (an object or JSON text) without ever throwing. Items that are broken are left
 * out (with their children) and named in `problems`; items the engine cannot render stay in and are reported, so the
 * model can show a notice in their place. `questionnaire` is absent only when a problem is fatal.
 */
export function loadQuestionnaire(input: unknown): SurveyLoadResult {
  try {
    return load(input);
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown error';
    return {
      problems: [surveyProblem('internal-error', `could not load the Questionnaire (${detail})`, { fatal: true })],
    };
  }
}
