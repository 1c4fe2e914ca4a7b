export {
  onStringsChange,
  registeredLanguages,
  registerStrings,
  type StringSource,
  Strings,
  type StringTable,
} from './registry.js';
