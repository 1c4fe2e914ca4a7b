import {
  checkQuestionnaireResponse,
  type FdErrorDetail,
  type Questionnaire,
  type QuestionnaireItem,
  SURVEY_EXTENSION_URLS as URLS,
} from '@frontdesk/core';
import { createFhirAdapter } from '@frontdesk/core/fhir';
import { expect, html } from '@open-wc/testing';
import { memory, withOverrides } from '../../../test/support/adapters.js';
import { framesOnTimers, heard, liveText, part, shadow, sleep, text, until } from '../../../test/support/dom.js';
import { press, typeText } from '../../../test/support/keys.js';
import { calculated, form } from '../../../test/support/questionnaires.js';
import { fhirRequests, fhirServer } from '../../../test/support/servers.js';
import { answersOf, field, mountSurvey, pick, submit, type } from '../../../test/support/survey.js';
import './define.js';
import type { FdSurvey } from './survey.js';

// What the survey engine's forms show beyond a simple form (issue: real-world Questionnaires): calculated totals,
// required items that cannot be answered, answer lists from a real FHIR terminology server, files, markdown, option
// prefixes, and the canonical a response points at.

framesOnTimers();

const mount = (template: ReturnType<typeof html>) => mountSurvey<FdSurvey>(template);
const answerPath = (linkId: string) => `%resource.item.where(linkId='${linkId}').answer.value`;

beforeEach(() => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('fd-survey:')) localStorage.removeItem(key);
});

describe('fd-survey: calculated items', () => {
  const TOTAL = form([
    { linkId: 'a', type: 'integer', text: 'First' },
    { linkId: 'b', type: 'integer', text: 'Second' },
    {
      linkId: 'sum',
      type: 'integer',
      text: 'Total',
      extension: [calculated(`${answerPath('a')} + ${answerPath('b')}`)],
    },
  ]);

  it('shows a total as a read-only output that follows the answers, said once the patient pauses', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${TOTAL}></fd-survey>`);
    const output = () => field(el, 'Total').querySelector('output')!;
    expect(text(output())).to.equal('Not worked out yet');
    expect(field(el, 'Total').querySelector('label')!.htmlFor).to.equal(output().id);
    expect(output().getAttribute('aria-live')).to.equal('off');
    await type(el, 'First', '2');
    field(el, 'Second').querySelector('input')!.focus();
    await typeText('34');
    await el.updateComplete;
    expect(text(output())).to.equal('36');
    // Not said on every keystroke: nothing yet, then the last value once.
    expect(liveText(el)).not.to.contain('Total');
    await heard(el, /^Total: 36$/);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('puts the total into the submitted response with the item’s type', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${TOTAL}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    await type(el, 'First', '2');
    await type(el, 'Second', '3');
    await submit(el);
    expect(answersOf(submitted[0]!, 'sum')).to.deep.equal([{ valueInteger: 5 }]);
    expect(checkQuestionnaireResponse(submitted[0], TOTAL).valid).to.be.true;
  });
});

describe('fd-survey: a required item that cannot be answered here', () => {
  const BLOCKED = form([
    { linkId: 'name', type: 'string', text: 'Your name', required: true },
    {
      linkId: 'language',
      type: 'choice',
      text: 'Preferred language',
      required: true,
      answerValueSet: 'http://example.org/fhir/ValueSet/languages',
    },
  ]);

  it('says so in place and before Submit, and the form cannot be sent', async () => {
    // The demo clinic's adapter has no terminology server: the list cannot be looked up.
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${BLOCKED} .adapter=${memory()}></fd-survey>`);
    expect(text(field(el, 'Preferred language').querySelector('[part~="unsupported"]'))).to.equal(
      'This question cannot be answered here: its list of answers is kept elsewhere and this page cannot look it up. ' +
        'This required question cannot be answered here, so the form cannot be completed here.',
    );
    expect(text(part(el, 'blocked'))).to.contain('This form cannot be sent from here');
    expect(part(el, 'save-button')).to.equal(null);
    await type(el, 'Your name', 'Ada');
    await submit(el);
    expect(submitted).to.deep.equal([]);
    expect(text(part(el, 'error-summary'))).to.contain('Preferred language: This required question cannot be answered');
    expect(el.response()!.status).to.equal('in-progress');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('keeps the answers on this device when the page opted into drafts', async () => {
    const { el } = await mount(html`<fd-survey survey="blocked" save-draft
      .adapter=${withOverrides(memory(), { getSurvey: async () => BLOCKED })}></fd-survey>`);
    await type(el, 'Your name', 'Ada');
    part(el, 'save-button')!.click();
    await heard(el, /saved on this device/);
    const draft = JSON.parse(localStorage.getItem('fd-survey:draft:blocked')!);
    expect(draft.answers.name).to.deep.equal([{ valueString: 'Ada' }]);
  });
});

/** `count` concepts of a code system, with displays a patient can search. */
const concepts = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ code: `c${i}`, display: i === 7 ? 'Spanish' : `Language ${i}` }));
const valueSet = (url: string, list: Array<{ code: string; display: string }>) => ({
  resourceType: 'ValueSet',
  url,
  status: 'active',
  compose: { include: [{ system: 'urn:example:languages', concept: list }] },
});
const SMALL = 'http://example.org/fhir/ValueSet/small';
const LARGE = 'http://example.org/fhir/ValueSet/large';

describe('fd-survey: answer lists on the clinic’s terminology server', () => {
  let url: string;
  before(async () => {
    url = await fhirServer([valueSet(SMALL, concepts(3)), valueSet(LARGE, concepts(60))]);
  });
  const adapter = (options: Record<string, unknown> = {}) =>
    createFhirAdapter({ baseUrl: url, retries: 0, nextAvailableDays: 0, ...options });
  const asking = (list: string) =>
    form([{ linkId: 'lang', type: 'choice', text: 'Language', required: true, answerValueSet: list }]);

  it('offers a small list as choices', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${asking(SMALL)} .adapter=${adapter()}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    await until(() => field(el, 'Language').querySelectorAll('input[type=radio]').length === 3, 'the choices');
    await pick(el, 'Language', 'Language 1');
    await submit(el);
    expect(answersOf(submitted[0]!, 'lang')).to.deep.equal([
      { valueCoding: { system: 'urn:example:languages', code: 'c1', display: 'Language 1' } },
    ]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('offers a large one by type-ahead: a combobox with a listbox, keyboard, announcements, one request a pause', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${asking(LARGE)} .adapter=${adapter()}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    const input = await until(() => shadow(el).querySelector<HTMLInputElement>('input[role=combobox]'), 'the combobox');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const listbox = shadow(el).getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    const before = (await fhirRequests(url)).length;
    input.focus();
    await typeText('Spa');
    await heard(el, /^1 match/);
    // Three keystrokes, one request: the search waits for a pause.
    const searches = (await fhirRequests(url)).slice(before).filter((r) => r.path.includes('$expand'));
    expect(searches).to.have.length(1);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect([...listbox.querySelectorAll('[role=option]')].map(text)).to.deep.equal(['Spanish']);
    await press('ArrowDown');
    await el.updateComplete;
    const option = listbox.querySelector('[role=option]')!;
    expect(input.getAttribute('aria-activedescendant')).to.equal(option.id);
    expect(option.getAttribute('aria-selected')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
    await press('Enter');
    await el.updateComplete;
    expect(input.value).to.equal('Spanish');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await submit(el);
    expect(answersOf(submitted[0]!, 'lang')).to.deep.equal([
      { valueCoding: { system: 'urn:example:languages', code: 'c7', display: 'Spanish' } },
    ]);
  });

  it('closes the list with Escape and clears with a second Escape; a request overtaken by typing is dropped', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${asking(LARGE)} .adapter=${adapter()}></fd-survey>`);
    const input = await until(() => shadow(el).querySelector<HTMLInputElement>('input[role=combobox]'), 'combobox');
    input.focus();
    await typeText('Lang');
    await heard(el, /matches/);
    await press('Escape');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Lang');
    await press('Escape');
    await el.updateComplete;
    expect(input.value).to.equal('');
    await typeText('Span');
    await sleep(320);
    await typeText('x');
    await heard(el, /No matches/);
    expect(shadow(el).querySelectorAll('[role=option]')).to.have.length(0);
  });

  it('says in place when the terminology server cannot be reached, with a retry', async () => {
    const errors: FdErrorDetail[] = [];
    const down = adapter({ terminologyUrl: 'http://127.0.0.1:9/fhir', timeoutMs: 2000 });
    const { el } = await mount(html`<fd-survey .questionnaire=${asking(SMALL)} .adapter=${down}
      @fd-error=${(e: CustomEvent<FdErrorDetail>) => errors.push(e.detail)}></fd-survey>`);
    const notice = await until(
      () => /could not be loaded/.test(text(field(el, 'Language'))) && field(el, 'Language'),
      'the notice',
    );
    expect(text(notice.querySelector('[part~="unsupported"]'))).to.contain(
      'This question cannot be answered right now: its list of answers could not be loaded from the clinic.',
    );
    expect(errors.some((e) => e.kind === 'network')).to.be.true;
    expect(notice.querySelector('[part~="retry-button"]')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('fd-survey: files', () => {
  const FILES = form([
    {
      linkId: 'card',
      type: 'attachment',
      text: 'Photo of your insurance card',
      extension: [
        { url: URLS.mimeType, valueCode: 'image/png' },
        { url: URLS.mimeType, valueCode: 'image/jpeg' },
        { url: URLS.maxSize, valueDecimal: 1024 },
      ],
    },
  ]);

  async function choose(el: FdSurvey, file: File): Promise<void> {
    const input = field(el, 'Photo').querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(
      () => text(part(el, 'file')).includes(file.name) || field(el, 'Photo').querySelector('[part~="field-error"]'),
      'the file read or refused',
    );
  }

  it('reads a file of the right type and size into the answer, and says the limits in words', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${FILES}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    const input = field(el, 'Photo').querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).to.equal('image/png,image/jpeg');
    const rules = shadow(el).getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!)!;
    expect(text(rules)).to.equal('Accepted: PNG or JPEG, at most 1 kB.');
    await choose(el, new File([new Uint8Array([137, 80, 78, 71])], 'card.png', { type: 'image/png' }));
    expect(text(part(el, 'file'))).to.contain('Chosen: card.png');
    await expect(el).shadowDom.to.be.accessible();
    await submit(el);
    expect(answersOf(submitted[0]!, 'card')).to.deep.equal([
      { valueAttachment: { contentType: 'image/png', data: 'iVBORw==', size: 4, title: 'card.png' } },
    ]);
  });

  it('refuses a file of another type or too large, with a message tied to the input', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${FILES}></fd-survey>`);
    await choose(el, new File(['%PDF'], 'card.pdf', { type: 'application/pdf' }));
    const input = field(el, 'Photo').querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(field(el, 'Photo').querySelector('[part~="field-error"]'))).to.equal(
      'This kind of file is not accepted here.',
    );
    await heard(el, /not accepted/);
    await choose(el, new File([new Uint8Array(2048)], 'big.png', { type: 'image/png' }));
    expect(text(field(el, 'Photo').querySelector('[part~="field-error"]'))).to.equal('This file is too large.');
    expect(el.response()!.item).to.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('fd-survey: markdown, option prefixes and the canonical of a response', () => {
  it('renders rendering-markdown as text, emphasis and safe links, never as HTML', async () => {
    const questionnaire = form([
      {
        linkId: 'info',
        type: 'display',
        text: 'Plain fallback',
        _text: {
          extension: [
            {
              url: URLS.renderingMarkdown,
              valueMarkdown:
                '**Fast** before the test. See [our guide](https://clinic.example/guide). <img src=x onerror=alert(1)> [no](javascript:alert(1))',
            },
          ],
        },
      } as QuestionnaireItem,
    ]);
    const { el } = await mount(html`<fd-survey .questionnaire=${questionnaire}></fd-survey>`);
    const display = part(el, 'display')!;
    expect(display.querySelector('strong')!.textContent).to.equal('Fast');
    const link = display.querySelector('a')!;
    expect([link.href, link.target, link.rel]).to.deep.equal([
      'https://clinic.example/guide',
      '_blank',
      'noopener noreferrer',
    ]);
    expect(display.querySelectorAll('a')).to.have.length(1);
    expect(display.querySelector('img')).to.equal(null);
    expect(text(display)).to.contain('<img src=x onerror=alert(1)>');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows each option’s prefix before its label', async () => {
    const prefixed = (prefix: string, valueString: string) => ({
      valueString,
      extension: [{ url: URLS.optionPrefix, valueString: prefix }],
    });
    const questionnaire = form([
      { linkId: 'q', type: 'choice', text: 'Pick one', answerOption: [prefixed('a)', 'Yes'), prefixed('b)', 'No')] },
    ]);
    const { el } = await mount(html`<fd-survey .questionnaire=${questionnaire}></fd-survey>`);
    expect([...field(el, 'Pick one').querySelectorAll('label.option')].map(text)).to.deep.equal(['a) Yes', 'b) No']);
  });

  const paths: Array<[string, Partial<Questionnaire>]> = [
    ['a simple form', {}],
    ['the engine', { extension: [{ url: 'urn:example:unknown', valueString: 'x' }] }],
  ];
  for (const [path, extra] of paths) {
    it(`points the response at the canonical the questionnaire attribute gives when the form has no url (${path})`, async () => {
      const questionnaire = form([{ linkId: 'q', type: 'string', text: 'Anything?' }], extra);
      const served = withOverrides(memory(), { getSurvey: async () => questionnaire });
      const canonical = 'https://clinic.example/fhir/Questionnaire/intake|3';
      const { el } = await mount(html`<fd-survey survey="intake" questionnaire=${canonical}
        .adapter=${served}></fd-survey>`);
      await type(el, 'Anything?', 'No');
      expect(el.response()!.questionnaire).to.equal(canonical);
    });
  }
});
