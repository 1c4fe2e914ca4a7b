import type { AdapterConfig, AdapterFactory, FrontdeskAdapter } from '../adapter.js';
import { FrontdeskError } from '../errors.js';

const builtIn: Record<string, AdapterFactory> = {
  // Loaded on demand so a page that never uses the demo clinic never downloads it.
  memory: async (config) => (await import('./memory/index.js')).createMemoryAdapter(config.options ?? {}),
  rest: async (config) =>
    (await import('./rest/index.js')).createRestAdapter({ ...config.options, baseUrl: requireApi(config) }),
  fhir: async (config) =>
    (await import('./fhir/index.js')).createFhirAdapter({ ...config.options, baseUrl: requireApi(config) }),
  'smart-scheduling-links': async (config) =>
    (await import('./smart-scheduling-links/index.js')).createSmartSchedulingLinksAdapter({
      ...config.options,
      manifestUrl: requireApi(config),
    }),
};

const custom = new Map<string, AdapterFactory>();

/** The `api` URL, resolved against the page so a CMS snippet may write `api="/api"`. */
function requireApi(config: AdapterConfig): string {
  if (!config.api)
    throw new FrontdeskError('invalid-input', `the ${config.adapter} adapter needs an api URL`, { field: 'api' });
  try {
    return new URL(config.api, globalThis.location?.href).href;
  } catch {
    throw new FrontdeskError('invalid-input', `the api attribute is not a URL`, { field: 'api' });
  }
}

/** Make `<fd-clinic adapter="NAME">` build your own adapter. */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  custom.set(name, factory);
}

export function adapterNames(): string[] {
  return [...new Set([...Object.keys(builtIn), ...custom.keys()])];
}

/** Build an adapter from plain settings (attributes or JSON); unknown names are an `invalid-input` error. */
export async function createAdapter(config: AdapterConfig): Promise<FrontdeskAdapter> {
  const factory =
    custom.get(config.adapter) ?? (Object.hasOwn(builtIn, config.adapter) ? builtIn[config.adapter] : undefined);
  if (!factory) {
    throw new FrontdeskError(
      'invalid-input',
      `unknown adapter "${config.adapter.slice(0, 50)}"; expected one of: ${adapterNames().join(', ')}`,
      { field: 'adapter' },
    );
  }
  return factory(config);
}
