import {
  buildNpsQuestionnaire,
  checkQuestionnaireResponse,
  type Questionnaire,
  type QuestionnaireResponse,
  SURVEY_EXTENSION_URLS as URLS,
} from '@frontdesk/core';
import { CSAT, POST_VISIT_NPS } from '@frontdesk/core/memory';
import { expect, html } from '@open-wc/testing';
import { memory } from '../../../test/support/adapters.js';
import { frame, framesOnTimers, shadow, text } from '../../../test/support/dom.js';
import { press } from '../../../test/support/keys.js';
import { calculated, control, form, slider } from '../../../test/support/questionnaires.js';
import { answersOf, field, mountSurvey, pick, submit, type } from '../../../test/support/survey.js';
import './define.js';
import { runWidgetConformance } from '../../../test/support/widget-conformance.js';
import { SimpleSurveyModel } from './simple-model.js';
import type { FdSurvey } from './survey.js';

framesOnTimers();

const UCUM = 'http://unitsofmeasure.org';

/** One item of every type and control of the subset in docs/design.md section 6. */
const ALL: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'all-controls',
  status: 'active',
  title: 'Every control',
  item: [
    { linkId: 'bool', type: 'boolean', text: 'Do you smoke?' },
    { linkId: 'consent', type: 'boolean', text: 'I agree', extension: [control('check-box')] },
    { linkId: 'dec', type: 'decimal', text: 'Weight' },
    { linkId: 'int', type: 'integer', text: 'Age' },
    { linkId: 'date', type: 'date', text: 'Birth date' },
    { linkId: 'dt', type: 'dateTime', text: 'When did it start?' },
    { linkId: 'time', type: 'time', text: 'Usual bedtime' },
    { linkId: 'str', type: 'string', text: 'Name' },
    { linkId: 'txt', type: 'text', text: 'Notes' },
    { linkId: 'url', type: 'url', text: 'Website' },
    {
      linkId: 'radio',
      type: 'choice',
      text: 'Colour',
      answerOption: [{ valueCoding: { code: 'r', display: 'Red' } }, { valueCoding: { code: 'g', display: 'Green' } }],
    },
    {
      linkId: 'checks',
      type: 'choice',
      repeats: true,
      text: 'Symptoms',
      answerOption: [{ valueString: 'Cough' }, { valueString: 'Fever' }, { valueString: 'Rash' }],
    },
    {
      linkId: 'drop',
      type: 'choice',
      text: 'Clinic',
      extension: [control('drop-down')],
      answerOption: [{ valueString: 'North' }, { valueString: 'South' }],
    },
    {
      linkId: 'slider',
      type: 'integer',
      text: 'Pain',
      extension: slider(0, 10),
    },
    {
      linkId: 'comfort',
      type: 'integer',
      text: 'Comfort',
      extension: slider(0, 100),
    },
    {
      linkId: 'qty',
      type: 'quantity',
      text: 'Height',
      extension: [
        { url: URLS.unitOption, valueCoding: { system: UCUM, code: 'cm', display: 'cm' } },
        { url: URLS.unitOption, valueCoding: { system: UCUM, code: '[in_i]', display: 'in' } },
      ],
    },
    { linkId: 'open', type: 'open-choice', text: 'Pharmacy', answerOption: [{ valueString: 'Main Street' }] },
    { linkId: 'info', type: 'display', text: 'Almost done.' },
    {
      linkId: 'contacts',
      type: 'group',
      text: 'Emergency contact',
      repeats: true,
      item: [{ linkId: 'contact-name', type: 'string', text: 'Contact name' }],
    },
  ],
};

const mount = (template: ReturnType<typeof html>) => mountSurvey<FdSurvey>(template);

/** A slider too long to start at a value: it waits, unset, for the patient's first tap or key. */
const LONG_SLIDER: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [{ linkId: 'pain', type: 'integer', text: 'Pain from 0 to 100', extension: slider(0, 100) }],
};

describe('fd-survey: every control type', () => {
  it('renders the native control for each item type', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${ALL}></fd-survey>`);
    const q = (label: string, selector: string) => field(el, label).querySelector(selector);
    expect(field(el, 'Do you smoke?').localName).to.equal('fieldset');
    expect(q('Do you smoke?', 'legend')).to.exist;
    expect(field(el, 'Do you smoke?').querySelectorAll('input[type=radio]')).to.have.length(2);
    expect(q('I agree', 'input[type=checkbox]')).to.exist;
    expect(q('Weight', 'input[type=number]')!.getAttribute('step')).to.equal('any');
    expect(q('Age', 'input[type=number]')!.getAttribute('step')).to.equal('1');
    expect(q('Birth date', 'input[type=date]')).to.exist;
    expect(q('When did it start?', 'input[type=datetime-local]')).to.exist;
    expect(q('Usual bedtime', 'input[type=time]')).to.exist;
    expect(q('Name', 'input[type=text]')).to.exist;
    expect(q('Notes', 'textarea')).to.exist;
    expect(q('Website', 'input[type=url]')).to.exist;
    expect(field(el, 'Colour').querySelectorAll('input[type=radio]')).to.have.length(2);
    expect(field(el, 'Symptoms').querySelectorAll('input[type=checkbox]')).to.have.length(3);
    expect(q('Clinic', 'select')!.querySelectorAll('option')).to.have.length(3);
    // A short scale is a row of choices; a long one a slider, without a thumb until answered.
    expect(
      [...field(el, 'Pain').querySelectorAll('input[type=radio]')].map((r) => r.closest('label')!.textContent!.trim()),
    ).to.deep.equal(Array.from({ length: 11 }, (_, i) => String(i)));
    const slider = q('Comfort', 'input[type=range]') as HTMLInputElement;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Not answered yet');
    expect(slider.classList.contains('unset')).to.be.true;
    expect(text(field(el, 'Comfort').querySelector('[part~="scale-labels"]'))).to.equal('0 100');
    expect(q('Height', 'input[type=number]')).to.exist;
    expect([...field(el, 'Height').querySelectorAll('select option')].map(text)).to.deep.equal(['cm', 'in']);
    expect(text(shadow(el).querySelector('[part~="display"]'))).to.equal('Almost done.');
    const group = shadow(el).querySelector('fieldset.group')!;
    expect(text(group.querySelector('legend [role=heading]'))).to.equal('Emergency contact');
    expect(shadow(el).querySelector('[part~="add-button"]')).to.exist;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('submits typed answers that the engine accepts as a valid QuestionnaireResponse', async () => {
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${ALL}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    await pick(el, 'Do you smoke?', 'No');
    field(el, 'I agree').querySelector('input')!.click();
    await type(el, 'Weight', '72.5');
    await type(el, 'Age', '41');
    await type(el, 'Birth date', '1984-05-06');
    await type(el, 'When did it start?', '2026-02-20T08:30');
    await type(el, 'Usual bedtime', '22:45');
    await type(el, 'Name', 'Ada');
    await type(el, 'Notes', 'Line one\nLine two');
    await type(el, 'Website', 'https://example.org');
    await pick(el, 'Colour', 'Green');
    await pick(el, 'Symptoms', 'Cough');
    await pick(el, 'Symptoms', 'Rash');
    const select = field(el, 'Clinic').querySelector('select')!;
    select.selectedIndex = 2;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await pick(el, 'Pain', '7');
    const slider = field(el, 'Comfort').querySelector<HTMLInputElement>('input[type=range]')!;
    slider.value = '70';
    slider.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.equal('70');
    expect(slider.classList.contains('unset')).to.be.false;
    const unit = field(el, 'Height').querySelector('select')!;
    unit.value = '1';
    unit.dispatchEvent(new Event('change'));
    await type(el, 'Height', '70', 'input');
    await type(el, 'Pharmacy', 'Corner drugstore', 'input[type=text]');
    await type(el, 'Contact name', 'Grace');
    shadow(el).querySelector<HTMLButtonElement>('[part~="add-button"]')!.click();
    await el.updateComplete;
    const names = shadow(el).querySelectorAll<HTMLInputElement>('fieldset.group input');
    expect(names).to.have.length(2);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelectorAll('fieldset.group')[1]);
    names[1]!.value = 'Alan';
    names[1]!.dispatchEvent(new Event('input'));
    await submit(el);

    expect(submitted).to.have.length(1);
    const response = submitted[0]!;
    expect(checkQuestionnaireResponse(response, ALL)).to.deep.equal({ valid: true, issues: [] });
    expect(answersOf(response, 'bool')).to.deep.equal([{ valueBoolean: false }]);
    expect(answersOf(response, 'consent')).to.deep.equal([{ valueBoolean: true }]);
    expect(answersOf(response, 'dec')).to.deep.equal([{ valueDecimal: 72.5 }]);
    expect(answersOf(response, 'int')).to.deep.equal([{ valueInteger: 41 }]);
    expect(answersOf(response, 'date')).to.deep.equal([{ valueDate: '1984-05-06' }]);
    expect((answersOf(response, 'dt')[0] as { valueDateTime: string }).valueDateTime).to.match(
      /^2026-02-20T08:30:00(Z|[+-]\d\d:\d\d)$/,
    );
    expect(answersOf(response, 'time')).to.deep.equal([{ valueTime: '22:45:00' }]);
    expect(answersOf(response, 'str')).to.deep.equal([{ valueString: 'Ada' }]);
    expect(answersOf(response, 'txt')).to.deep.equal([{ valueString: 'Line one\nLine two' }]);
    expect(answersOf(response, 'url')).to.deep.equal([{ valueUri: 'https://example.org' }]);
    expect(answersOf(response, 'radio')).to.deep.equal([{ valueCoding: { code: 'g', display: 'Green' } }]);
    expect(answersOf(response, 'checks')).to.deep.equal([{ valueString: 'Cough' }, { valueString: 'Rash' }]);
    expect(answersOf(response, 'drop')).to.deep.equal([{ valueString: 'South' }]);
    expect(answersOf(response, 'slider')).to.deep.equal([{ valueInteger: 7 }]);
    expect(answersOf(response, 'comfort')).to.deep.equal([{ valueInteger: 70 }]);
    expect(answersOf(response, 'qty')).to.deep.equal([
      { valueQuantity: { value: 70, unit: 'in', system: UCUM, code: '[in_i]' } },
    ]);
    expect(answersOf(response, 'open')).to.deep.equal([{ valueString: 'Corner drugstore' }]);
    expect(answersOf(response, 'contact-name')).to.deep.equal([{ valueString: 'Grace' }, { valueString: 'Alan' }]);
    expect(answersOf(response, 'info')).to.deep.equal([]);
    // The host took the response (preventDefault): thank-you state, focus on its heading.
    expect(shadow(el).querySelector('[part~="thanks"]')).to.exist;
    expect(shadow(el).activeElement?.classList.contains('state-title')).to.be.true;
  });

  it('shows NPS as eleven radio buttons in a wrapping row with its end labels', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${buildNpsQuestionnaire()}></fd-survey>`);
    const options = shadow(el).querySelector<HTMLElement>('[part~="options"]')!;
    expect(options.classList.contains('scale')).to.be.true;
    expect([...options.querySelectorAll('label')].map(text)).to.deep.equal(
      Array.from({ length: 11 }, (_, i) => String(i)),
    );
    expect(getComputedStyle(options).flexWrap).to.equal('wrap');
    const ends = shadow(el).querySelector('[part~="scale-labels"]')!;
    expect(text(ends)).to.equal('Not at all likely Extremely likely');
    expect(options.closest('fieldset')!.getAttribute('aria-describedby')).to.contain(ends.id);
    // The row each box stands in: one row where there is room; on a phone, two rows of six and five, read across.
    const rows = () => {
      const tops = [...options.querySelectorAll('label')].map((l) => Math.round(l.getBoundingClientRect().top));
      return tops.map((top) => [...new Set(tops)].indexOf(top));
    };
    el.style.width = '640px';
    await frame();
    expect(rows()).to.deep.equal(Array(11).fill(0));
    el.style.width = '320px';
    await frame();
    expect(el.scrollWidth).to.be.at.most(320);
    const tops = new Set([...options.querySelectorAll('label')].map((l) => l.getBoundingClientRect().top));
    expect(tops.size).to.be.greaterThan(1);
    expect(rows()).to.deep.equal([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the clinic NPS (an integer slider from 0 to 10) as the same row, nothing chosen, ends tied to the group', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${POST_VISIT_NPS}></fd-survey>`);
    expect(shadow(el).querySelector('input[type=range]')).to.equal(null);
    const options = shadow(el).querySelector<HTMLElement>('[part~="options"]')!;
    expect(options.classList.contains('scale')).to.be.true;
    const radios = [...options.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => text(r.closest('label')))).to.deep.equal(Array.from({ length: 11 }, (_, i) => String(i)));
    expect(radios.some((r) => r.checked)).to.be.false;
    const ends = shadow(el).querySelector('[part~="scale-labels"]')!;
    expect(text(ends)).to.equal('0: Not at all likely 10: Extremely likely');
    expect(options.closest('fieldset')!.getAttribute('aria-describedby')).to.contain(ends.id);
    // The chosen box stands out by more than colour: a thicker border and bold text beside its filled radio button.
    const box = (i: number) => getComputedStyle(radios[i]!.closest('label')!);
    const before = { border: box(8).borderTopWidth, weight: box(8).fontWeight };
    radios[8]!.click();
    await el.updateComplete;
    expect(box(8).borderTopWidth).not.to.equal(before.border);
    expect(Number(box(8).fontWeight)).to.be.greaterThan(Number(before.weight));
    expect(el.response()!.item![0]!.answer).to.deep.equal([{ valueInteger: 8 }]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('gives a long slider no thumb and no value until the patient answers, by a tap or a first key', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${LONG_SLIDER}></fd-survey>`);
    const slider = () => shadow(el).querySelector<HTMLInputElement>('input[type=range]')!;
    expect(slider().classList.contains('unset')).to.be.true;
    expect(slider().getAttribute('aria-valuetext')).to.equal('Not answered yet');
    expect(text(shadow(el).querySelector('.slider-value'))).to.equal('Not answered yet');
    expect(el.response()!.item).to.equal(undefined);
    // A tap that does not move the thumb still answers.
    slider().click();
    await el.updateComplete;
    expect(el.response()!.item![0]!.answer).to.deep.equal([{ valueInteger: 0 }]);
    expect(slider().classList.contains('unset')).to.be.false;
    expect(text(shadow(el).querySelector('.slider-value'))).to.equal('0');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('answers an untouched long slider at its end with the first key, never from the middle', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${LONG_SLIDER}></fd-survey>`);
    shadow(el).querySelector<HTMLInputElement>('input[type=range]')!.focus();
    await press('ArrowRight');
    await el.updateComplete;
    expect(el.response()!.item![0]!.answer).to.deep.equal([{ valueInteger: 0 }]);
    await press('ArrowRight');
    await el.updateComplete;
    expect(el.response()!.item![0]!.answer).to.deep.equal([{ valueInteger: 1 }]);
    await press('End');
    await el.updateComplete;
    expect(el.response()!.item![0]!.answer).to.deep.equal([{ valueInteger: 100 }]);
  });
});

describe('fd-survey: enableWhen', () => {
  it('shows and hides dependent items as the patient answers', async () => {
    const { el } = await mount(html`<fd-survey .questionnaire=${POST_VISIT_NPS}></fd-survey>`);
    const follow = () => shadow(el).querySelector('textarea[id]') && text(shadow(el)).includes('fell short');
    expect(follow()).to.be.false;
    await pick(el, 'How likely', '4');
    expect(follow()).to.be.true;
    await type(el, 'We are sorry', 'Long wait');
    await pick(el, 'How likely', '9');
    expect(follow()).to.be.false;
    const response = el.response()!;
    expect(answersOf(response, 'what-could-be-better')).to.deep.equal([]);
  });
});

describe('fd-survey: bad input', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{"resourceType": "Questionnaire",', /not valid JSON/],
    ['not a Questionnaire', { resourceType: 'Patient' }, /expected a FHIR Questionnaire, got a Patient/],
    ['no items', { resourceType: 'Questionnaire', status: 'active' }, /no items/],
  ];
  for (const [name, input, message] of cases) {
    it(`names the problem: ${name}`, async () => {
      const { el, errors } = await mount(html`<fd-survey .questionnaire=${input}></fd-survey>`);
      const state = shadow(el).querySelector('[part~="error"]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(text(state)).to.match(message);
      expect(errors.at(-1)).to.include({ kind: 'invalid-input', recoverable: false });
      expect(errors.at(-1)!.message).to.match(message);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('renders what is safe: duplicate linkIds, unknown enableWhen targets, mismatched answer types', async () => {
    const questionnaire = JSON.stringify({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'a', type: 'string', text: 'First' },
        { linkId: 'a', type: 'string', text: 'Duplicate' },
        {
          linkId: 'b',
          type: 'string',
          text: 'Depends on nothing',
          enableWhen: [{ question: 'zzz', operator: 'exists', answerBoolean: true }],
        },
        { linkId: 'c', type: 'integer', text: 'Mismatch', answerOption: [{ valueString: 'x' }] },
        { linkId: 'd', type: 'boolean', text: 'Still works' },
      ],
    });
    const { el, errors } = await mount(html`<fd-survey questionnaire=${questionnaire}></fd-survey>`);
    expect(field(el, 'First')).to.exist;
    expect(field(el, 'Still works').querySelectorAll('input[type=radio]')).to.have.length(2);
    expect(text(shadow(el))).not.to.contain('Duplicate');
    const problems = text(shadow(el).querySelector('[part~="problems"]'));
    expect(problems).to.contain('linkId "a" is used more than once');
    expect(problems).to.match(/zzz/);
    expect(text(field(el, 'Mismatch').querySelector('[part~="unsupported"]'))).to.equal(
      'This question cannot be answered here: its answer choices do not fit the kind of answer it asks for. You can answer the other questions.',
    );
    expect(errors[0]).to.include({ kind: 'invalid-input', recoverable: true });
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says when the survey id is unknown, and when neither survey nor questionnaire is set', async () => {
    const adapter = memory({ now: '2026-03-02T14:00:00Z' });
    const missing = await mount(html`<fd-survey survey="nope" .adapter=${adapter}></fd-survey>`);
    expect(missing.errors.at(-1)).to.include({ kind: 'not-found' });
    expect(shadow(missing.el).querySelector('[part~="retry-button"]')).to.exist;
    const unset = await mount(html`<fd-survey .adapter=${adapter}></fd-survey>`);
    expect(unset.errors.at(-1)).to.include({ kind: 'invalid-input', field: 'survey' });
    expect(text(shadow(unset.el).querySelector('[part~="error"]'))).to.contain('cannot be shown');
  });
});

describe('fd-survey: unsupported items', () => {
  it('says in place why an item cannot be answered; computed items, files and the rest still submit', async () => {
    const questionnaire = form(
      [
        { linkId: 'photo', type: 'attachment', text: 'Upload a photo' },
        { linkId: 'gp', type: 'reference', text: 'Your doctor' },
        { linkId: 'bmi', type: 'decimal', text: 'BMI', extension: [calculated('1')] },
        { linkId: 'ok', type: 'string', text: 'Anything else?', required: true },
      ],
      { id: 'partial' },
    );
    const { el, submitted } = await mount(html`<fd-survey .questionnaire=${questionnaire}
      @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
    const notices = [...shadow(el).querySelectorAll('[part~="unsupported"]')].map(text);
    // The engine answers attachments and evaluates FHIRPath; only the reference item is left, and says why.
    expect(notices).to.deep.equal([
      'This question asks you to pick a record from the clinic’s system, which this form cannot do. You can answer the other questions.',
    ]);
    expect(field(el, 'Upload a photo').querySelector('input[type=file]')).to.exist;
    expect(text(field(el, 'BMI').querySelector('output'))).to.equal('1');
    await type(el, 'Anything else?', 'No');
    await submit(el);
    expect(submitted).to.have.length(1);
    expect(checkQuestionnaireResponse(submitted[0], questionnaire).valid).to.be.true;
    expect(answersOf(submitted[0]!, 'bmi')).to.deep.equal([{ valueDecimal: 1 }]);
    expect(answersOf(submitted[0]!, 'ok')).to.deep.equal([{ valueString: 'No' }]);
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('fd-survey: a simple form on the small model and on the engine', () => {
  /** The same NPS form, and a copy the small model leaves to the engine (an extension neither acts on). */
  const viaEngine = { ...POST_VISIT_NPS, extension: [{ url: 'urn:example:unknown', valueString: 'x' }] };

  /** The form's controls as assistive technology meets them: element, type, name, state. */
  const controls = (el: FdSurvey) =>
    [...shadow(el).querySelectorAll('input, textarea, button, fieldset, legend, label, [role]')].map((node) => [
      node.localName,
      node.getAttribute('type') ?? node.getAttribute('role') ?? '',
      node.localName === 'input' || node.localName === 'textarea'
        ? text(shadow(el).querySelector(`label[for="${node.id}"]`) ?? node.closest('label'))
        : text(node),
      node.getAttribute('aria-describedby') ?? '',
    ]);

  it('renders, answers and submits the same, with no axe violation either way', async () => {
    const results = [];
    const paths: string[] = [];
    for (const questionnaire of [POST_VISIT_NPS, viaEngine]) {
      const { el, submitted } = await mount(html`<fd-survey .questionnaire=${questionnaire}
        @fd-survey-submit=${(e: Event) => e.preventDefault()}></fd-survey>`);
      await submit(el);
      const summary = text(shadow(el).querySelector('[part~="error-summary"]'));
      await pick(el, 'How likely', '4');
      await type(el, 'We are sorry', 'The wait');
      await expect(el).shadowDom.to.be.accessible();
      const shown = controls(el);
      await submit(el);
      results.push({ summary, shown, response: { ...submitted[0], authored: undefined } });
      paths.push(el.model instanceof SimpleSurveyModel ? 'small model' : 'engine');
    }
    expect(paths).to.deep.equal(['small model', 'engine']);
    const [simple, engine] = results;
    expect(simple!.summary).to.contain('How likely');
    expect(simple).to.deep.equal(engine);
    expect(answersOf(simple!.response as QuestionnaireResponse, 'likelihood-to-recommend')).to.deep.equal([
      { valueInteger: 4 },
    ]);
  });
});

describe('fd-survey: text for older eyes', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });

  /** Every element that shows text of its own, with its computed font size in px. */
  const textSizes = (el: FdSurvey) =>
    [...shadow(el).querySelectorAll<HTMLElement>('*')]
      .filter((node) => [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent!.trim()))
      .map((node) => ({
        what: `${node.localName}.${node.className}`,
        px: Number.parseFloat(getComputedStyle(node).fontSize),
      }));

  for (const [name, questionnaire] of [
    ['the NPS form', POST_VISIT_NPS],
    ['a form of every control', ALL],
  ] as const) {
    it(`keeps text at 16 px or more and radio buttons at 24 px on a host with html { font-size: 62.5% } (${name})`, async () => {
      document.documentElement.style.fontSize = '62.5%';
      const { el } = await mount(html`<fd-survey .questionnaire=${questionnaire}></fd-survey>`);
      const small = textSizes(el).filter(({ px }) => px < 16);
      expect(small).to.deep.equal([]);
      for (const box of shadow(el).querySelectorAll('input[type=radio], input[type=checkbox]')) {
        const { width, height } = box.getBoundingClientRect();
        expect(Math.min(width, height)).to.be.at.least(24);
      }
    });
  }

  it('still grows with the page’s own larger size (--fd-font-size)', async () => {
    const { el } = await mount(
      html`<fd-survey style="--fd-font-size: 24px" .questionnaire=${POST_VISIT_NPS}></fd-survey>`,
    );
    expect(Math.min(...textSizes(el).map(({ px }) => px))).to.be.at.least(24);
  });
});

describe('fd-survey: Spanish', () => {
  it('uses Spanish for its own words under lang="es"', async () => {
    const { el } = await mount(html`<div lang="es"><fd-survey .questionnaire=${CSAT}></fd-survey></div>`);
    for (let i = 0; i < 50 && !text(shadow(el)).includes('Enviar'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await el.updateComplete;
    }
    expect(text(shadow(el).querySelector('[part~="submit-button"]'))).to.equal('Enviar');
    expect(text(shadow(el))).to.contain('(obligatoria)');
    await submit(el);
    expect(text(shadow(el).querySelector('[part~="error-summary"]'))).to.contain('Hay un problema');
    expect(text(shadow(el).querySelector('[part~="field-error"]'))).to.equal('Responda esta pregunta.');
    await expect(el).shadowDom.to.be.accessible();
  });
});

runWidgetConformance('fd-survey', { attributes: { survey: 'csat' }, content: 'form', spanish: /Enviar/ });
