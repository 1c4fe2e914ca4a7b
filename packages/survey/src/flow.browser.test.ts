import type { FdErrorDetail, FdSurveyPageDetail } from '@frontdesk/core';
import { checkQuestionnaireResponse, type QuestionnaireResponse, SURVEY_EXTENSION_URLS } from '@frontdesk/core';
import { CSAT, type MemoryAdapterOptions, PHQ_9 } from '@frontdesk/core/memory';
import { expect, fixture, html } from '@open-wc/testing';
import { memory } from '../../../test/support/adapters.js';
import { frame, framesOnTimers, liveText, part, shadow, sleep, text, until } from '../../../test/support/dom.js';
import { press, typeText } from '../../../test/support/keys.js';
import { form } from '../../../test/support/questionnaires.js';
import './define.js';
import type { FdSurvey } from './survey.js';

framesOnTimers();

const NOW = '2026-03-02T14:00:00Z';
const clinic = (options: MemoryAdapterOptions = {}) => memory({ now: NOW, ...options });
async function mount(template: ReturnType<typeof html>, ready = (el: FdSurvey) => !part(el, 'loading')) {
  const errors: FdErrorDetail[] = [];
  const submitted: QuestionnaireResponse[] = [];
  const pages: FdSurveyPageDetail[] = [];
  const wrapper = await fixture<HTMLElement>(html`<div
    @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}
    @fd-survey-submit=${(e: CustomEvent<QuestionnaireResponse>) => submitted.push(e.detail)}
    @fd-survey-page=${(e: CustomEvent<FdSurveyPageDetail>) => pages.push(e.detail)}
  >${template}</div>`);
  const el = wrapper.querySelector('fd-survey')!;
  await until(() => ready(el), 'the survey');
  await frame();
  return { el, wrapper, errors, submitted, pages };
}

function option(el: FdSurvey, label: string): HTMLInputElement {
  const found = [...shadow(el).querySelectorAll('label.option')].find((l) => text(l) === label);
  return found!.querySelector('input')!;
}

/** The memory adapter, recording the idempotency key of every submit call. */
function recordingAdapter(options: MemoryAdapterOptions = {}) {
  const adapter = clinic(options);
  const keys: string[] = [];
  const submitSurvey = adapter.submitSurvey.bind(adapter);
  adapter.submitSurvey = (response, opts) => {
    keys.push(opts.idempotencyKey);
    return submitSurvey(response, opts);
  };
  return { adapter, keys };
}

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('fd-survey:')) localStorage.removeItem(key);
});

describe('fd-survey: keyboard-only completion of a paged form', () => {
  it('answers PHQ-9 with Tab, arrows and Enter, pages with focus on the heading, and submits once', async () => {
    const { adapter, keys } = recordingAdapter();
    const { el, pages } = await mount(html`<fd-survey survey="phq-9" show-score .adapter=${adapter}></fd-survey>`);
    expect(text(part(el, 'progress'))).to.equal('Page 1 of 2');
    expect(part(el, 'progress')!.querySelector('progress')!.value).to.equal(1);
    await expect(el).shadowDom.to.be.accessible();
    for (let question = 0; question < 9; question++) {
      await press('Tab');
      // Arrow keys move through a radio group and choose: Down once is "Several days" (1 point).
      await press('ArrowDown');
    }
    await el.updateComplete;
    expect(text(part(el, 'score'))).to.equal('Total score: 9 of 27');
    await press('Tab');
    expect(text(shadow(el).activeElement)).to.equal('Next');
    await press('Enter');
    await el.updateComplete;
    await frame();
    expect(pages).to.deep.equal([{ index: 1, count: 2 }]);
    expect(text(part(el, 'progress'))).to.equal('Page 2 of 2');
    expect(shadow(el).activeElement).to.equal(part(el, 'page-title'));
    expect(text(part(el, 'page-title'))).to.equal('Your score');
    await expect(el).shadowDom.to.be.accessible();
    // The difficulty question is enabled because problems were reported.
    await press('Tab');
    await press('ArrowDown');
    await press('Tab');
    expect(text(shadow(el).activeElement)).to.equal('Back');
    await press('Tab');
    expect(text(shadow(el).activeElement)).to.equal('Submit');
    await press('Enter');
    await until(() => part(el, 'thanks'), 'the thank-you state');
    await frame();
    expect(shadow(el).activeElement).to.equal(part(el, 'thanks')!.querySelector('.state-title'));
    expect(text(part(el, 'thanks'))).to.contain('Total score: 9 of 27');
    await until(() => liveText(el).includes('Thank you'), 'the announcement');
    await expect(el).shadowDom.to.be.accessible();

    const stored = adapter.responses();
    expect(stored).to.have.length(1);
    expect(keys).to.have.length(1);
    expect(checkQuestionnaireResponse(stored[0], PHQ_9).valid).to.be.true;
    const difficulty = stored[0]!.item!.find((i) => i.linkId === 'phq-9-summary')!.item![0]!;
    expect(difficulty.answer).to.deep.equal([
      { valueCoding: { system: 'http://loinc.org', code: 'LA6573-5', display: 'Somewhat difficult' } },
    ]);
  });

  it('keeps answers going Back, and skips a page whose group is disabled', async () => {
    const questionnaire = form(
      [
        { linkId: 'p1', type: 'group', text: 'About you', item: [{ linkId: 'pet', type: 'boolean', text: 'Pet?' }] },
        {
          linkId: 'p2',
          type: 'group',
          text: 'Your pet',
          enableWhen: [{ question: 'pet', operator: '=', answerBoolean: true }],
          item: [{ linkId: 'name', type: 'string', text: 'Pet name' }],
        },
        { linkId: 'p3', type: 'group', text: 'Last', item: [{ linkId: 'x', type: 'string', text: 'Other' }] },
      ],
      { id: 'paging' },
    );
    const { el, pages } = await mount(html`<fd-survey paged .questionnaire=${questionnaire}></fd-survey>`);
    expect(text(part(el, 'progress'))).to.equal('Page 1 of 2');
    option(el, 'No').click();
    await el.updateComplete;
    part(el, 'next-button')!.click();
    await el.updateComplete;
    expect(text(part(el, 'page-title'))).to.equal('Last');
    part(el, 'back-button')!.click();
    await el.updateComplete;
    expect(option(el, 'No').checked).to.be.true;
    option(el, 'Yes').click();
    await el.updateComplete;
    expect(text(part(el, 'progress'))).to.equal('Page 1 of 3');
    part(el, 'next-button')!.click();
    await el.updateComplete;
    expect(text(part(el, 'page-title'))).to.equal('Your pet');
    expect(pages.map((p) => p.index)).to.deep.equal([1, 0, 1]);
  });
});

describe('fd-survey: validation', () => {
  it('opens an error summary on submit, focuses it, and its buttons move focus to each field', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${CSAT}></fd-survey>`);
    part(el, 'submit-button')!.click();
    await el.updateComplete;
    await frame();
    const summary = part(el, 'error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(shadow(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('button')];
    expect(links.map(text)).to.deep.equal([
      'Overall, how satisfied are you with your visit today?: Answer this question.',
    ]);
    const error = part(el, 'field-error')!;
    const fieldset = error.closest('fieldset')!;
    expect(fieldset.getAttribute('aria-describedby')).to.contain(error.id);
    for (const radio of fieldset.querySelectorAll('input')) expect(radio.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
    links[0]!.click();
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(fieldset.querySelector('input'));
    expect(submitted).to.have.length(0);
    option(el, 'Satisfied').click();
    await el.updateComplete;
    expect(part(el, 'field-error')).to.be.null;
    expect(part(el, 'error-summary')).to.be.null;
  });

  it('announces a field error when the patient leaves the field, tied with aria-describedby', async () => {
    const questionnaire = form(
      [
        {
          linkId: 'age',
          type: 'integer',
          text: 'Age',
          extension: [{ url: SURVEY_EXTENSION_URLS.maxValue, valueInteger: 120 }],
        },
      ],
      { id: 'ages' },
    );
    const { el } = await mount(html`<fd-survey .questionnaire=${questionnaire}></fd-survey>`);
    const input = shadow(el).querySelector<HTMLInputElement>('input[type=number]')!;
    input.focus();
    await typeText('130');
    await press('Tab');
    await el.updateComplete;
    const error = part(el, 'field-error')!;
    expect(text(error)).to.equal('Enter 120 or less.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal(error.id);
    await until(() => liveText(el) === 'Age: Enter 120 or less.', 'the announcement');
    input.focus();
    await press('Backspace');
    await el.updateComplete;
    expect(part(el, 'field-error')).to.be.null;
    expect(input.hasAttribute('aria-invalid')).to.be.false;
  });
});

describe('fd-survey: nothing lost', () => {
  it('restores a draft after the element is removed and created again', async () => {
    const adapter = clinic();
    const first = await mount(html`<fd-survey survey="csat" save-draft .adapter=${adapter}></fd-survey>`);
    option(first.el, 'Dissatisfied').click();
    const comment = shadow(first.el).querySelector('textarea')!;
    comment.value = 'Waited 40 minutes';
    comment.dispatchEvent(new Event('input'));
    await first.el.updateComplete;
    first.el.remove();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('fd-survey:'))).to.deep.equal(['fd-survey:draft:csat']);

    const second = await mount(html`<fd-survey survey="csat" save-draft .adapter=${adapter}></fd-survey>`);
    expect(option(second.el, 'Dissatisfied').checked).to.be.true;
    expect(shadow(second.el).querySelector('textarea')!.value).to.equal('Waited 40 minutes');
    await until(() => liveText(second.el).includes('restored'), 'the restore announcement');
    part(second.el, 'submit-button')!.click();
    await until(() => part(second.el, 'thanks'), 'the thank-you state');
    expect(localStorage.getItem('fd-survey:draft:csat')).to.be.null;
    // Without save-draft nothing is written.
    const third = await mount(html`<fd-survey survey="csat" .adapter=${adapter}></fd-survey>`);
    option(third.el, 'Satisfied').click();
    await sleep(20);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('fd-survey:'))).to.deep.equal([]);
  });

  it('queues a submission the network lost, tells the patient, and retries with the same key until stored once', async () => {
    const { adapter, keys } = recordingAdapter();
    const { el, errors, submitted } = await mount(
      html`<fd-survey survey="csat" save-draft .adapter=${adapter}></fd-survey>`,
    );
    adapter.setFail(true);
    option(el, 'Very satisfied').click();
    await el.updateComplete;
    part(el, 'submit-button')!.click();
    await until(() => part(el, 'queued'), 'the queued state');
    await frame();
    expect(submitted).to.have.length(1);
    expect(text(part(el, 'queued'))).to.contain('will be sent');
    expect(shadow(el).activeElement).to.equal(part(el, 'queued')!.querySelector('.state-title'));
    await until(() => liveText(el).includes('will be sent'), 'the announcement');
    expect(errors.at(-1)).to.include({ kind: 'network', recoverable: true });
    const queued = JSON.parse(localStorage.getItem('fd-survey:outbox:csat')!);
    expect(queued.key).to.equal(keys[0]);
    await expect(el).shadowDom.to.be.accessible();

    await el.retrySubmission();
    expect(part(el, 'queued')).to.exist;
    adapter.setFail(false);
    window.dispatchEvent(new Event('online'));
    await until(() => part(el, 'thanks'), 'the thank-you state');
    expect(adapter.responses()).to.have.length(1);
    expect(keys.length).to.be.at.least(3);
    expect(new Set(keys).size).to.equal(1);
    expect(localStorage.getItem('fd-survey:outbox:csat')).to.be.null;
    expect(localStorage.getItem('fd-survey:draft:csat')).to.be.null;
  });

  it('sends a queued submission left by an earlier page load, with its original key', async () => {
    const { adapter, keys } = recordingAdapter();
    const first = await mount(html`<fd-survey survey="csat" .adapter=${adapter}></fd-survey>`);
    adapter.setFail(true);
    option(first.el, 'Satisfied').click();
    await first.el.updateComplete;
    part(first.el, 'submit-button')!.click();
    await until(() => part(first.el, 'queued'), 'the queued state');
    first.el.remove();
    adapter.setFail(false);
    const second = await mount(html`<fd-survey survey="csat" .adapter=${adapter}></fd-survey>`);
    await until(() => part(second.el, 'thanks'), 'the thank-you state');
    expect(adapter.responses()).to.have.length(1);
    expect(new Set(keys).size).to.equal(1);
  });

  it('keeps the answers when the server refuses the response', async () => {
    const adapter = clinic();
    const questionnaire = { ...CSAT, id: 'unknown-to-server', url: 'https://elsewhere.example/q' };
    const { el, errors } = await mount(
      html`<fd-survey .questionnaire=${questionnaire} .adapter=${adapter}></fd-survey>`,
    );
    option(el, 'Satisfied').click();
    await el.updateComplete;
    part(el, 'submit-button')!.click();
    await until(() => part(el, 'failed'), 'the failure message');
    expect(errors.at(-1)).to.include({ kind: 'invalid-input', recoverable: true });
    expect(option(el, 'Satisfied').checked).to.be.true;
    expect(localStorage.getItem('fd-survey:outbox:unknown-to-server')).to.be.null;
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('fd-survey: form association', () => {
  it('gives a host form the response as its value and the engine’s validity', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fd-survey name="feedback" .questionnaire=${CSAT}></fd-survey></form>`,
    );
    const el = form.querySelector('fd-survey')!;
    await until(() => el.model, 'the model');
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(part(el, 'submit-button')).to.be.null;
    expect(form.checkValidity()).to.be.false;
    expect(el.validity.valueMissing).to.be.true;
    option(el, 'Satisfied').click();
    await el.updateComplete;
    expect(form.checkValidity()).to.be.true;
    const value = JSON.parse(String(new FormData(form).get('feedback'))) as QuestionnaireResponse;
    expect(value.status).to.equal('completed');
    expect(checkQuestionnaireResponse(value, CSAT).valid).to.be.true;
    expect(value.item![0]!.answer![0]).to.deep.include({ valueCoding: CSAT.item![0]!.answerOption![3]!.valueCoding });
    form.reset();
    await el.updateComplete;
    expect(option(el, 'Satisfied').checked).to.be.false;
    expect(form.checkValidity()).to.be.false;
  });
});
