export { FrontdeskElement, VERSION } from './frontdesk-element.js';
export { Resource, type ResourceStatus, type ResourceTask } from './resource.js';
export { FdClinic, findClinic, lookupAdapter } from './clinic.js';
export { LocalizeController, matchLocale, resolveLocale, type Locale, type StringTable, type Tables } from './localize.js';
export { baseStringsEn, baseStringsEs, type BaseStrings } from './strings.js';
export { baseStyles, TOKENS, type TokenName } from './tokens.js';
export { defineElement, defineWithClinic } from './define.js';
export { devWarn, DEV } from './dev.js';
export { fdEvent, type FdErrorDetail } from './events.js';
