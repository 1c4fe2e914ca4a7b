export { DEV, devWarn, VERSION } from '../dev.js';
export { FdClinic, findClinic, lookupAdapter } from './clinic.js';
export { defineElement, defineWithClinic } from './define.js';
export { type FdErrorDetail, fdEvent } from './events.js';
export { FrontdeskElement } from './frontdesk-element.js';
export {
  type Locale,
  LocalizeController,
  matchLocale,
  resolveLocale,
  type StringTable,
  type Tables,
} from './localize.js';
export { Resource, type ResourceStatus, type ResourceTask } from './resource.js';
export { type BaseStrings, baseStringsEn, baseStringsEs } from './strings.js';
export { TOKEN_DESCRIPTIONS } from './token-docs.js';
export { baseStyles, TOKENS, type TokenName } from './tokens.js';
