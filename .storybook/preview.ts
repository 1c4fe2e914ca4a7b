/// <reference types="vite/client" />
import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { clinicGlobalTypes, clinicInitialGlobals, withClinic } from '../stories/support/clinic.js';
import { eventNames, type Manifest, manifestControls, mergeManifests } from '../stories/support/manifest.js';

// Each package's manifest, written by `node .ci/manifest.mjs`. The all-in-one package's manifest repeats the others.
const manifests = import.meta.glob<Manifest>(
  ['../packages/*/custom-elements.json', '!../packages/frontdesk/custom-elements.json'],
  { eager: true, import: 'default' },
);
const manifest = mergeManifests(Object.values(manifests));
if (Object.keys(manifests).length === 0) {
  console.warn('[frontdesk] no custom-elements.json found: run `node .ci/manifest.mjs` for controls and docs tables');
}
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withClinic, withActions],
  argTypesEnhancers: [manifestControls],
  globalTypes: clinicGlobalTypes,
  initialGlobals: clinicInitialGlobals,
  parameters: {
    // Every `fd-*` event any element fires shows in the Actions panel.
    actions: { handles: eventNames(manifest) },
    controls: { expanded: true },
    docs: { toc: true },
    options: {
      storySort: { order: ['Getting started', 'Theming', '*'] },
    },
  },
};

export default preview;
