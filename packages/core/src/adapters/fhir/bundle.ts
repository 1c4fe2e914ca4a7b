import { FrontdeskError } from '../../errors.js';
import type { DroppedRecord } from '../../schemas/validate.js';
import { isObject, type Json, objects, text } from './elements.js';
import { operationOutcomeText } from './outcome.js';

/** One page of a search: the resources searched for, those included beside them, and the link to the next page. */
export interface SearchPage {
  /** Entries in this page, matched or not: positions of later pages continue from here. */
  entries: number;
  matches: Json[];
  included: Json[];
  next: string | undefined;
  dropped: DroppedRecord[];
}

/** Body of a response that should be a `resourceType` resource: anything else is a broken or confused server. */
export function requireResource(body: unknown, resourceType: string, root: string): Json {
  if (isObject(body) && body.resourceType === resourceType) return body;
  const said = operationOutcomeText(body);
  const got =
    isObject(body) && typeof body.resourceType === 'string' ? `a ${body.resourceType.slice(0, 64)}` : 'no resource';
  throw new FrontdeskError(
    'invalid-response',
    `${root}: expected a ${resourceType}, got ${got}${said ? `: ${said}` : ''}`,
    {
      field: root,
    },
  );
}

/**
 * Sort the entries of a searchset Bundle. `search.mode` decides where the server says it; otherwise resources of the
 * searched type are matches and others were included. A resource of another type claiming to be a match, or an
 * entry without a resource, is dropped with a reason naming its `Bundle.entry[n]` (counted across pages from
 * `offset`); `outcome` entries (warnings) are skipped.
 */
export function readSearchPage(body: unknown, resourceType: string, root: string, offset = 0): SearchPage {
  const where = (index: number) => `Bundle.entry[${offset + index}]`;
  const bundle = requireResource(body, 'Bundle', root);
  if (bundle.type !== undefined && bundle.type !== 'searchset') {
    throw new FrontdeskError('invalid-response', `${root}: expected a searchset Bundle`, { field: `${root}.type` });
  }
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const page: SearchPage = { entries: entries.length, matches: [], included: [], next: undefined, dropped: [] };
  entries.forEach((entry: unknown, index) => {
    const at = where(index);
    const resource = isObject(entry) ? entry.resource : undefined;
    const mode = isObject(entry) && isObject(entry.search) ? entry.search.mode : undefined;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      page.dropped.push({ field: at, reason: `${at}: an entry without a resource` });
      return;
    }
    if (mode === 'outcome') return;
    if (mode === 'include') page.included.push(resource);
    else if (resource.resourceType === resourceType) page.matches.push(resource);
    else if (mode === 'match') {
      const id = text(resource.id);
      page.dropped.push({
        field: at,
        reason: `${at}: expected a ${resourceType}, got a ${resource.resourceType.slice(0, 64)}`,
        ...(id !== undefined && id.length <= 200 ? { id } : {}),
      });
    } else page.included.push(resource);
  });
  page.next = text(objects(bundle.link).find((link) => link.relation === 'next')?.url);
  return page;
}
