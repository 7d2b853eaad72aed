import type { App } from '../app/app';
import { h } from '../app/dom';
import { safeReturnTo } from '../app/returnTo';
import type { Page } from '../app/router';
import { errorText } from '../app/errorText';

function field(label: string, input: HTMLInputElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input);
}

/** Sign-in: username and password; errors appear inline, under the form. */
export function loginPage(app: App): Page {
  return ({ outlet, query, signal }) => {
    const next = safeReturnTo(query.get('next'));
    if (app.session.get()) {
      app.router.navigate(next, { replace: true });
      return;
    }
    document.title = 'Sign in — Negotiation workspace';
    const username = h('input', { attrs: { name: 'username', autocomplete: 'username', required: true } });
    const password = h('input', { attrs: { name: 'password', type: 'password', autocomplete: 'current-password', required: true } });
    const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Sign in');
    const error = h('p', { class: 'form-error', attrs: { role: 'alert', hidden: true } });
    const expired = query.get('expired')
      ? h('p', { class: 'form-notice' }, 'Your session has ended. Sign in again to continue; changes made on this device are kept.')
      : null;

    const signIn = async (event: SubmitEvent) => {
      event.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      submit.textContent = 'Signing in…';
      try {
        const session = await app.api.login(username.value.trim(), password.value);
        if (signal.aborted) return;
        app.session.set(session);
        app.router.navigate(next, { replace: true });
      } catch (failure) {
        error.textContent = errorText(failure, 'Sign-in failed.');
        error.hidden = false;
        password.select();
      } finally {
        submit.disabled = false;
        submit.textContent = 'Sign in';
      }
    };

    outlet.append(
      h(
        'main',
        { class: 'login-page' },
        h(
          'div',
          { class: 'login-card' },
          h('div', { class: 'brand-mark brand-mark-large', attrs: { 'aria-hidden': 'true' } }),
          h('h1', {}, 'Negotiation workspace'),
          h('p', { class: 'login-lead' }, 'Sign in with the account of your delegation to open the drafts under negotiation.'),
          expired,
          h('form', { class: 'login-form', on: { submit: (e) => void signIn(e) } }, field('Username', username), field('Password', password), submit, error),
        ),
      ),
    );
    username.focus();
  };
}
