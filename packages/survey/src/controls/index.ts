// One module per kind of control; the form (../form-view.ts) picks the control for each question.
export { renderCheckbox, renderChoices } from './choices.js';
export type { Control, ControlActions } from './control.js';
export { freeTextOf } from './options.js';
export { renderSelect } from './select.js';
export { renderSlider } from './slider.js';
export { renderInput, renderRepeatedInputs, renderTextarea } from './text.js';
