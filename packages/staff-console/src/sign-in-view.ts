import { html, nothing, type PropertyDeclarations } from 'lit';
import { ConsoleElement } from './console-element.js';

/**
 * The sign-in form: e-mail and password, the reason a sign-in failed, and the wait after too many.
 *
 * @summary The staff console's sign-in.
 * @fires fd-staff-sign-in - `{ email, password }`
 */
export class FdStaffSignIn extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    ...ConsoleElement.properties,
    error: {},
    busy: { type: Boolean },
  };

  /** Why the last attempt failed, in words. */
  error = '';
  busy = false;

  override render() {
    const t = this.i18n.t;
    return html`<form
      class="stack"
      aria-labelledby="sign-in-heading"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        this.send('fd-staff-sign-in', { email: String(data.get('email')), password: String(data.get('password')) });
      }}
    >
      <h2 id="sign-in-heading">${t.signInTitle}</h2>
      ${this.error ? html`<p class="fd-state error" role="alert">${this.error}</p>` : nothing}
      <label>
        ${t.email}
        <input name="email" type="email" autocomplete="username" required />
      </label>
      <label>
        ${t.password}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <button class="fd-button" type="submit" ?disabled=${this.busy}>${this.busy ? t.signingIn : t.signIn}</button>
    </form>`;
  }
}
