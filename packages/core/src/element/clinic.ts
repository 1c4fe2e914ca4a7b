import type { AdapterConfig, FrontdeskAdapter } from '../adapter.js';
import { createAdapter } from '../adapters/registry.js';
import { defaultAdapter } from '../config.js';
import { FrontdeskError } from '../errors.js';

const CHANGE = 'fd-clinic-change';

/**
 * `<fd-clinic adapter="rest" api="https://clinic.example/api">`: the configuration every widget inside it uses.
 * CMS users write attributes only; JavaScript users may set the `adapter` property to any adapter object.
 *
 * @summary Supplies the backend (adapter) to the Frontdesk widgets inside it.
 * @slot - The widgets and any other content.
 * @attr adapter - `memory`, `rest`, `fhir`, `smart-scheduling-links`, or a name given to `registerAdapter()`.
 * @attr api - The backend's base URL (`rest`, `fhir`) or the `$bulk-publish` manifest URL (`smart-scheduling-links`).
 * @attr options - Further settings as a JSON object, such as `{"latencyMs": 300}` for the memory adapter.
 * @fires fd-clinic-change - The configuration changed; the widgets inside load again. Does not bubble.
 */
export class FdClinic extends HTMLElement {
  static observedAttributes = ['adapter', 'api', 'options'];
  static version = '0.1.0';
  private _adapter: FrontdeskAdapter | undefined;

  constructor() {
    super();
    // `display: contents` through an adopted sheet: no inline style, so it works under a strict CSP.
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host { display: contents; }');
    root.adoptedStyleSheets = [sheet];
    root.append(document.createElement('slot'));
  }

  /**
   * An adapter object, overriding the attributes. A string is taken as the `adapter` attribute: React 19 and Vue set
   * a custom element's property whenever it has one, so `<fd-clinic adapter="rest">` in JSX or a template lands here.
   */
  get adapter(): FrontdeskAdapter | undefined {
    return this._adapter;
  }
  set adapter(value: FrontdeskAdapter | string | undefined) {
    if (typeof value === 'string') {
      this._adapter = undefined;
      this.setAttribute('adapter', value);
      return;
    }
    this._adapter = value;
    this.dispatchEvent(new Event(CHANGE));
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue) this.dispatchEvent(new Event(CHANGE));
  }
}

/** The nearest enclosing `<fd-clinic>`, crossing shadow roots; works before the element is upgraded. */
export function findClinic(element: Element): HTMLElement | undefined {
  let node: Node | null = element.parentNode ?? null;
  while (node) {
    if (node instanceof HTMLElement && node.localName === 'fd-clinic') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}

/** Run `callback` when the clinic's configuration changes; returns the unsubscribe function. */
export function onClinicChange(clinic: HTMLElement, callback: () => void): () => void {
  clinic.addEventListener(CHANGE, callback);
  return () => clinic.removeEventListener(CHANGE, callback);
}

function readConfig(clinic: HTMLElement): AdapterConfig {
  const adapter = clinic.getAttribute('adapter')?.trim();
  if (!adapter) {
    throw new FrontdeskError('invalid-input', '<fd-clinic> needs an adapter attribute, for example adapter="memory"', {
      field: 'adapter',
    });
  }
  const optionsText = clinic.getAttribute('options');
  let options: Record<string, unknown> | undefined;
  if (optionsText) {
    try {
      const parsed: unknown = JSON.parse(optionsText);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      options = parsed as Record<string, unknown>;
    } catch {
      throw new FrontdeskError('invalid-input', '<fd-clinic options> must be a JSON object', { field: 'options' });
    }
  }
  return { adapter, api: clinic.getAttribute('api') ?? undefined, options };
}

// One adapter per clinic element and configuration, shared by all the widgets inside it.
const cache = new WeakMap<HTMLElement, { key: string; adapter: Promise<FrontdeskAdapter> }>();

function clinicAdapter(clinic: HTMLElement): Promise<FrontdeskAdapter> {
  const own = (clinic as Partial<FdClinic>).adapter;
  if (own) return Promise.resolve(own);
  const config = readConfig(clinic);
  const key = JSON.stringify(config);
  const cached = cache.get(clinic);
  if (cached?.key === key) return cached.adapter;
  const adapter = createAdapter(config);
  cache.set(clinic, { key, adapter });
  // A failed build is not cached, so fixing the attribute or retrying can succeed.
  adapter.catch(() => cache.delete(clinic));
  return adapter;
}

/**
 * The adapter for a widget, in the order of docs/design.md section 4: the element's own `adapter` property, the nearest
 * `<fd-clinic>`, then the page-wide default from `configure()`.
 */
export function lookupAdapter(element: Element, own: FrontdeskAdapter | undefined): Promise<FrontdeskAdapter> {
  if (own) return Promise.resolve(own);
  const clinic = findClinic(element);
  if (clinic) {
    try {
      return clinicAdapter(clinic);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  const fallback = defaultAdapter();
  if (fallback) return fallback;
  return Promise.reject(
    new FrontdeskError(
      'invalid-input',
      `<${element.localName}> has no adapter: put it inside <fd-clinic adapter="memory"> (or adapter="rest" api="..."), set its adapter property, or call configure()`,
      { field: 'adapter' },
    ),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'fd-clinic': FdClinic;
  }
}
