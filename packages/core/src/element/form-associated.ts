import type { PropertyDeclarations, ReactiveElement } from 'lit';

/** The element's `ElementInternals`, for the widget's own code (a symbol key: not part of its public API). */
export const internals: unique symbol = Symbol('frontdesk.internals');
/** Called before the form reads the value or validity, so a widget that updates them lazily brings them up to date. */
export const syncForm: unique symbol = Symbol('frontdesk.syncForm');

/** What a form-associated widget offers the host page, as a native form control does. */
export interface FormAssociatedElement {
  /** The name the value is submitted under (the `name` attribute). */
  name: string | undefined;
  /** The `<form>` the widget belongs to, if any. */
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

export interface FormAssociatedInternals {
  readonly [internals]: ElementInternals;
  [syncForm](): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a mixin's constructor takes whatever its base takes
type Constructor<T> = abstract new (...args: any[]) => T;

/**
 * Makes a widget a form control (model: Material Web's `mixinFormAssociated`): `static formAssociated`, the `name`
 * attribute, and `form`, `validity`, `validationMessage`, `willValidate`, `checkValidity()` and `reportValidity()`
 * over its `ElementInternals`. The widget sets its value and validity through `this[internals]` and implements
 * `formResetCallback` and `formStateRestoreCallback` as its state requires.
 */
export function mixinFormAssociated<T extends Constructor<ReactiveElement>>(
  base: T,
): T & Constructor<FormAssociatedElement & FormAssociatedInternals> {
  abstract class FormAssociated extends base implements FormAssociatedElement {
    static formAssociated = true;
    static properties: PropertyDeclarations = { name: { reflect: true } };

    /** The form field name the widget's value is submitted under. */
    name: string | undefined;
    /** @internal */
    readonly [internals] = this.attachInternals();

    get form(): HTMLFormElement | null {
      return this[internals].form;
    }
    get validity(): ValidityState {
      this[syncForm]();
      return this[internals].validity;
    }
    get validationMessage(): string {
      this[syncForm]();
      return this[internals].validationMessage;
    }
    get willValidate(): boolean {
      return this[internals].willValidate;
    }
    /** Nothing to bring up to date by default. @internal */
    [syncForm](): void {}
    checkValidity(): boolean {
      this[syncForm]();
      return this[internals].checkValidity();
    }
    reportValidity(): boolean {
      this[syncForm]();
      return this[internals].reportValidity();
    }
  }
  return FormAssociated;
}
