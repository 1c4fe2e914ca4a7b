/**
 * The Custom Elements Manifests (`packages/*\/custom-elements.json`, written by `.ci/manifest.mjs`) are the single
 * source of Storybook's controls and docs tables. This module merges them into the one manifest Storybook reads and
 * turns the manifest's TypeScript type texts into controls Storybook can offer.
 */
import type { ArgTypesEnhancer, InputType, StrictArgTypes } from 'storybook/internal/types';

interface ManifestItem {
  name: string;
  kind?: string;
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  fieldName?: string;
  description?: string;
  default?: string;
  type?: { text: string };
}

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: ManifestDeclaration[]; exports?: unknown[] }[];
}

const isPublic = (item: ManifestItem) => (item.privacy ?? 'public') === 'public' && !item.static;

/** An element as designers see it: public instance fields only, attributes of public fields only. */
function publicView(declaration: ManifestDeclaration): ManifestDeclaration {
  if (!declaration.customElement) return declaration;
  const members = (declaration.members ?? []).filter((member) => member.kind === 'field' && isPublic(member));
  const hidden = new Set(
    (declaration.members ?? []).filter((member) => !isPublic(member)).map((member) => member.name),
  );
  const attributes = (declaration.attributes ?? []).filter(
    (attribute) => !attribute.fieldName || !hidden.has(attribute.fieldName),
  );
  return { ...declaration, members, attributes };
}

/** Merge the packages' manifests into one, for `setCustomElementsManifest`. */
export function mergeManifests(manifests: readonly Manifest[]): Manifest {
  return {
    schemaVersion: manifests[0]?.schemaVersion ?? '1.0.0',
    modules: manifests.flatMap((manifest) =>
      manifest.modules.map((module) => ({ ...module, declarations: module.declarations?.map(publicView) })),
    ),
  };
}

/** Every custom element in the manifest. */
export function elementsOf(manifest: Manifest): ManifestDeclaration[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName),
  );
}

/** The names of every event any element fires, for the Actions panel. */
export function eventNames(manifest: Manifest): string[] {
  return [...new Set(elementsOf(manifest).flatMap((element) => (element.events ?? []).map((event) => event.name)))]
    .filter((name) => /^[a-z][a-z0-9-]*$/.test(name))
    .sort();
}

type Control = Pick<InputType, 'control' | 'options'>;

/**
 * A control for a manifest type text: unions of string literals become radio buttons or a select, primitives their
 * usual control, a union with `string` a text field (an id is the common case: `string | Provider`), arrays a JSON
 * editor; anything else (an adapter object, a function) gets none.
 */
export function controlForType(typeText: string): Control {
  const parts = typeText
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  const strings = parts.filter((part) => /^(['"]).*\1$/.test(part)).map((part) => part.slice(1, -1));
  if (parts.length > 0 && strings.length === parts.length) {
    return { control: { type: strings.length <= 4 ? 'inline-radio' : 'select' }, options: strings };
  }
  if (parts.length === 1 && parts[0] === 'boolean') return { control: { type: 'boolean' } };
  if (parts.length === 1 && parts[0] === 'number') return { control: { type: 'number' } };
  if (parts.includes('string')) return { control: { type: 'text' } };
  if (parts.length === 1 && /\[\]$|^Array</.test(parts[0] ?? '')) return { control: { type: 'object' } };
  return { control: false };
}

const colorLike = /color|background|accent|fill/;

/** Manifest rows that describe rather than configure: no control. */
const DOCUMENTATION_ONLY = new Set(['events', 'slots', 'css shadow parts']);

/**
 * Storybook maps a manifest type such as `'compact' | 'full'` to a JSON editor and gives CSS custom properties no
 * control at all. Give attributes and properties the control their type calls for, CSS custom properties a colour
 * or text control (the clinic decorator applies `--*` args to the story's wrapper), and events, slots and parts none.
 */
export const manifestControls: ArgTypesEnhancer = (context) => {
  const argTypes: StrictArgTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    // A control the story's author chose wins (Storybook's own inference runs after this enhancer).
    if (argType.control !== undefined) continue;
    const category = argType.table?.category;
    const typeText = argType.table?.type?.summary;
    if (category === 'attributes' || category === 'properties') {
      argTypes[name] = { ...argType, ...(typeText ? controlForType(typeText) : { control: { type: 'text' } }) };
    } else if (category === 'css custom properties') {
      argTypes[name] = { ...argType, control: { type: colorLike.test(name) ? 'color' : 'text' } };
    } else if (category && DOCUMENTATION_ONLY.has(category)) {
      argTypes[name] = { ...argType, control: false };
    }
  }
  return argTypes;
};
