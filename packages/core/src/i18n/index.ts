export {
  onStringsChange,
  registerStrings,
  type StringSource,
  Strings,
  type StringTable,
} from './registry.js';
