import { expect, html } from '@open-wc/testing';
import { memory } from '../../../test/support/adapters.js';
import { framesOnTimers, part, shadow, text } from '../../../test/support/dom.js';
import { questionnaireCorpus } from '../../../test/support/servers.js';
import { answersOf, mountSurvey, submit } from '../../../test/support/survey.js';
import './define.js';
import type { FdSurvey } from './survey.js';

// Every public Questionnaire of the corpus (test/fixtures/questionnaires, 21 forms from NLM LHC-Forms, HL7, CSIRO and
// Telstra Health; see SOURCES.md there) as a patient meets it: rendered in Chromium without an error, with no axe
// violation, and a scored one (PHQ-9) giving the total LHC-Forms computes in the response it submits.

framesOnTimers();

const corpus = await questionnaireCorpus();

/** Uncaught errors, rejections and console errors while `run` runs. */
async function errorsDuring(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
  } finally {
    console.error = consoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

describe('fd-survey: the public Questionnaire corpus', () => {
  it('holds the 21 public forms', () => {
    expect(corpus.map((entry) => entry.file)).to.have.length(21);
  });

  for (const { file, questionnaire } of corpus) {
    it(`renders ${file} without an error and with no axe violation`, async () => {
      const errors = await errorsDuring(async () => {
        const { el } = await mountSurvey<FdSurvey>(html`<fd-survey .questionnaire=${questionnaire}
          .adapter=${memory()}></fd-survey>`);
        expect(part(el, 'error'), 'the error state').to.equal(null);
        expect(part(el, 'form'), 'the form').to.exist;
        expect(
          shadow(el).querySelectorAll('[part~="field"], [part~="display"], [part~="group"]').length,
        ).to.be.greaterThan(0);
        await expect(el).shadowDom.to.be.accessible();
      });
      expect(errors).to.deep.equal([]);
    });
  }

  it('submits the PHQ-9 total LHC-Forms computes, typed as the form says (lhc-phq9.json)', async () => {
    const { questionnaire } = corpus.find((entry) => entry.file === 'lhc-phq9.json')!;
    const { el, submitted } = await mountSurvey<FdSurvey>(html`<fd-survey .questionnaire=${questionnaire}
      .adapter=${memory()} @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    // The nine scored questions (drop-downs in this form): 0 + 1 + 2 + 3 + 3 + 2 + 1 + 0 + 1 = 13, as the engine's
    // corpus test also finds with fhirpath.js, the engine LHC-Forms computes with.
    const questions = [...shadow(el).querySelectorAll('select')].slice(0, 9);
    expect(questions).to.have.length(9);
    const picks = [0, 1, 2, 3, 3, 2, 1, 0, 1];
    for (const [i, select] of questions.entries()) {
      select.selectedIndex = picks[i]! + 1; // after "Choose…"
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    expect(text(shadow(el).querySelector('output'))).to.equal('13');
    await submit(el);
    expect(submitted).to.have.length(1);
    expect(answersOf(submitted[0]!, '/44261-6')).to.deep.equal([{ valueDecimal: 13 }]);
  });
});
