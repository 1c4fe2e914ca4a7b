export { DEV, devWarn, VERSION } from '../dev.js';
export { type FdErrorDetail, fdEvent } from '../events/index.js';
export { LazyModule } from '../lazy-module.js';
export { FdClinic, findClinic, lookupAdapter } from './clinic.js';
export { defineElement, defineWithClinic } from './define.js';
export { fieldStyles } from './field-styles.js';
export {
  type FormAssociatedElement,
  type FormAssociatedInternals,
  internals,
  mixinFormAssociated,
  syncForm,
} from './form-associated.js';
export { FrontdeskElement } from './frontdesk-element.js';
export { LazyPart, type LazyPartOptions } from './lazy-part.js';
export { intlLang, LocalizeController, langOf } from './localize.js';
export { Resource, type ResourceHost, type ResourceStatus, type ResourceTask } from './resource.js';
export { type BaseStrings, baseStrings, baseStringsEn } from './strings.js';
export { TOKEN_DESCRIPTIONS } from './token-docs.js';
export { baseStyles, TOKENS, type TokenName } from './tokens.js';
