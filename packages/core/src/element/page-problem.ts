import type { FrontdeskAdapter } from '../adapter.js';
import type { FrontdeskError } from '../errors.js';
import { networkFailure } from '../http/network-failure.js';
import { lookupAdapter } from './clinic.js';
import { retryFailed } from './host-state.js';

/**
 * A failure that is not one widget's own but the page's: the clinic's system cannot be reached (`outage`: offline,
 * a server that is down or refuses the page's origin, timeouts, 5xx), or the page's clinic configuration is wrong
 * (`setup`: an unknown adapter, a missing `api`, a refused token). Every widget on the page fails alike then, and the
 * patient gets one message for it, not one per widget (docs/design.md section 5).
 */
export type ProblemFamily = 'outage' | 'setup';

/** Where the clinic's configuration lives: a problem with one of these is the whole page's. */
const CLINIC_SETTINGS = new Set(['adapter', 'api', 'options', 'baseUrl', 'manifestUrl']);

export function problemFamily(error: FrontdeskError): ProblemFamily | undefined {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return 'outage';
    case 'http':
      return error.status === undefined || error.status >= 500 || error.status === 429 ? 'outage' : undefined;
    case 'unauthorized':
      return 'setup';
    case 'invalid-input':
      return CLINIC_SETTINGS.has(error.field ?? '') ? 'setup' : undefined;
    default:
      return undefined;
  }
}

/** A widget as the page's problem sees it: it re-renders when its part in the message changes. */
export interface ProblemWidget extends HTMLElement {
  adapter: FrontdeskAdapter | undefined;
  requestUpdate(): void;
}

interface Member {
  error: FrontdeskError;
  retry: (() => void) | undefined;
}

/** The widgets in each problem; the first in page order shows the message. */
const problems = new Map<ProblemFamily, Map<ProblemWidget, Member>>();
const leads = new Map<ProblemFamily, ProblemWidget>();

/** The element, its shadow host, that host's host, and so on up to the document: its place in the page. */
function hostsUp(element: Element): Element[] {
  const chain = [element];
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    chain.push(root.host);
  }
  return chain.reverse();
}

/** Whether `a` comes before `b` in the page, reading through shadow roots (a card inside a list is where the list is). */
function before(a: Element, b: Element): boolean {
  const [up, down] = [hostsUp(a), hostsUp(b)];
  let i = 0;
  while (i < up.length - 1 && i < down.length - 1 && up[i] === down[i]) i++;
  if (up[i] === down[i]) return up.length < down.length; // one holds the other: the outer first
  return (up[i]!.compareDocumentPosition(down[i]!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The member first in page order. */
function firstInPage(members: Map<ProblemWidget, Member>): ProblemWidget | undefined {
  let first: ProblemWidget | undefined;
  for (const widget of members.keys()) if (!first || before(widget, first)) first = widget;
  return first;
}

/** Choose the widget that shows the message; a change re-renders the one that had it and the one that takes it. */
function chooseLead(family: ProblemFamily, members: Map<ProblemWidget, Member>): ProblemWidget | undefined {
  const lead = firstInPage(members);
  const previous = leads.get(family);
  if (lead === previous) return lead;
  if (lead) leads.set(family, lead);
  else leads.delete(family);
  previous?.requestUpdate();
  lead?.requestUpdate();
  return lead;
}
/** The clinic's name and phone, once an adapter could say them: a phone number is the way on when nothing loads. */
export interface ClinicContact {
  name: string;
  phone: string;
}

const contacts = new WeakMap<FrontdeskAdapter, ClinicContact>();
/** Widgets whose contact was asked for during this problem (asked again after they leave it and fail anew). */
const asked = new WeakSet<ProblemWidget>();
const widgetContacts = new WeakMap<ProblemWidget, ClinicContact>();

/**
 * After `online`, how long to wait before trying the widgets still failing again: a phone reports `online` as its
 * connection comes up, and the first requests may still fail while it settles.
 */
const SETTLE_RETRY_MS = [1_000, 3_000, 10_000];

let settleTimers: ReturnType<typeof setTimeout>[] = [];

function stopSettleRetries(): void {
  for (const timer of settleTimers) clearTimeout(timer);
  settleTimers = [];
}

/** Back online: every widget that failed tries again by itself, and again later while some still fail. */
function onOnline(): void {
  stopSettleRetries();
  retryProblem('outage');
  settleTimers = SETTLE_RETRY_MS.map((delay) =>
    setTimeout(() => {
      if (globalThis.navigator?.onLine !== false && problems.has('outage')) retryProblem('outage');
    }, delay),
  );
}

/**
 * `widget` shows `error` (of `family`), with `retry` to load again. Returns whether this widget leads: it shows the
 * page's message; the others show a short line.
 */
export function joinProblem(
  widget: ProblemWidget,
  family: ProblemFamily,
  error: FrontdeskError,
  retry: (() => void) | undefined,
): boolean {
  let members = problems.get(family);
  if (!members) {
    members = new Map();
    problems.set(family, members);
    if (family === 'outage') globalThis.addEventListener?.('online', onOnline);
  }
  const known = members.has(widget);
  members.set(widget, { error, retry });
  const lead = chooseLead(family, members);
  // The leader lists every member's detail for the developer: it re-renders when another joins.
  if (!known && lead !== widget) lead?.requestUpdate();
  return lead === widget;
}

/** `widget` no longer shows a page problem (it recovered, or left the page: `gone`); the next in line leads. */
export function leaveProblem(widget: ProblemWidget, gone = false): void {
  for (const [family, members] of problems) {
    if (!members.delete(widget)) continue;
    asked.delete(widget);
    if (members.size === 0) {
      problems.delete(family);
      leads.delete(family);
      if (family === 'outage') {
        globalThis.removeEventListener?.('online', onOnline);
        // The last widget left the page: nothing to try again. (One that is loading again comes back if it fails.)
        if (gone) stopSettleRetries();
      }
    } else chooseLead(family, members);
  }
}

/**
 * Every widget in the problem loads again (the one Try again button, or the network coming back): all of its data
 * that failed, not only the part its message was about; else what its message offered.
 */
export function retryProblem(family: ProblemFamily): void {
  for (const [widget, { retry }] of [...(problems.get(family) ?? [])]) if (!retryFailed(widget)) retry?.();
}

/** The distinct developer details of every widget in the problem, for the one disclosure. */
export function problemDetails(family: ProblemFamily): string[] {
  const details = [...(problems.get(family)?.values() ?? [])].map(({ error }) => `${error.kind}: ${error.message}`);
  return [...new Set(details)];
}

/** Offline, as the widget that leads was told (or, for an adapter without HTTP, as the browser says now). */
export function isOffline(error: FrontdeskError): boolean {
  return networkFailure(error) === 'offline';
}

/**
 * The clinic's name and phone for the message, when known: asked of the widget's adapter once per problem (an adapter
 * that keeps its organization, such as the demo clinic, answers without the network; so does a server that is up
 * while another part fails). Undefined while unknown; the widget re-renders when it arrives.
 */
export function clinicContact(widget: ProblemWidget): ClinicContact | undefined {
  if (!asked.has(widget)) {
    asked.add(widget);
    void findContact(widget);
  }
  return widgetContacts.get(widget);
}

async function findContact(widget: ProblemWidget): Promise<void> {
  try {
    const adapter = await lookupAdapter(widget, widget.adapter);
    let contact = contacts.get(adapter);
    if (!contact) {
      const organization = await adapter.getOrganization({ signal: AbortSignal.timeout(5_000) });
      if (!organization.phone) return;
      contact = { name: organization.name, phone: organization.phone };
      contacts.set(adapter, contact);
    }
    widgetContacts.set(widget, contact);
    widget.requestUpdate();
  } catch {
    // Not known for now (no adapter, or it cannot answer either): the message goes without a phone number.
  }
}
