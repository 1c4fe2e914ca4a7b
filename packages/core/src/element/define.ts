import { devWarn } from '../dev.js';
import { FdClinic } from './clinic.js';

/**
 * Register a custom element unless the tag is taken, so two copies of Frontdesk on one page never throw. A different
 * class under the same tag means two versions are loaded; that earns a development warning.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    const theirs = (existing as { version?: string }).version ?? 'unknown';
    const ours = (ctor as { version?: string }).version ?? 'unknown';
    devWarn(`<${tag}> is already defined (version ${theirs}); this copy (version ${ours}) was not registered.`);
    return;
  }
  customElements.define(tag, ctor);
}

/** Every widget's define module also defines `<fd-clinic>`, so a pasted snippet needs nothing else. */
export function defineWithClinic(tag: string, ctor: CustomElementConstructor): void {
  defineElement('fd-clinic', FdClinic);
  defineElement(tag, ctor);
}
