// The peers a clinic would otherwise put on the same page, sized from their npm packages in node_modules (installed
// as root devDependencies, so the figures are from the same run and the versions are pinned by the lockfile).
import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The directory of a root devDependency (some peers do not export their package.json, so not require.resolve). */
export function packageDir(name) {
  return realpathSync(join(root, 'node_modules', name));
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/**
 * What a page loads for each peer, as its own docs say:
 * - Cal.com: the embed loader script alone (`embed.js`); the booking UI then loads in an iframe from cal.com.
 * - SurveyJS (vanilla JS UI): `survey.core.min.js`, `survey-js-ui.min.js` and the default theme `survey-core.min.css`.
 * - LHC-Forms (its README, "Using the LHC-Forms Web Component"): styles.css, zone.min.js, runtime.js, polyfills.js,
 *   main.js, and one FHIR support file (R4) so it can take a FHIR Questionnaire.
 */
export function peerFiles() {
  const cal = packageDir('@calcom/embed-core');
  const core = packageDir('survey-core');
  const ui = packageDir('survey-js-ui');
  const lforms = join(packageDir('lforms'), 'dist/lforms');
  const wc = join(lforms, 'webcomponent');
  return {
    cal: {
      name: `Cal.com embed loader (@calcom/embed-core ${packageVersion('@calcom/embed-core')})`,
      files: [join(cal, 'dist/embed/embed.js')],
    },
    surveyjs: {
      name: `SurveyJS (survey-core ${packageVersion('survey-core')} + survey-js-ui ${packageVersion('survey-js-ui')})`,
      files: [join(core, 'survey.core.min.js'), join(ui, 'survey-js-ui.min.js'), join(core, 'survey-core.min.css')],
    },
    lforms: {
      name: `LHC-Forms (lforms ${packageVersion('lforms')}, web component + FHIR R4)`,
      files: [
        join(wc, 'styles.css'),
        join(wc, 'assets/lib/zone.min.js'),
        join(wc, 'runtime.js'),
        join(wc, 'polyfills.js'),
        join(wc, 'main.js'),
        join(lforms, 'fhir/R4/lformsFHIR.min.js'),
      ],
    },
  };
}

/** A path for printing: from the package name on, without pnpm's store prefix. */
export function shortPath(file) {
  const rel = relative(root, file);
  const at = rel.lastIndexOf('node_modules/');
  return at >= 0 ? rel.slice(at + 'node_modules/'.length) : rel;
}
