export type * from './adapter.js';
export { adapterNames, createAdapter, registerAdapter } from './adapters/registry.js';
export { configure, defaultAdapter } from './config.js';
export * from './cost/index.js';
export * from './errors.js';
export * from './format/index.js';
export * from './http/index.js';
export * from './schemas/index.js';
export * from './survey/index.js';
