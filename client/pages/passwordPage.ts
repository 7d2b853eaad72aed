import type { App } from '../app/app';
import { h } from '../app/dom';
import { formError, formField, refuseField, submitting } from '../app/formField';
import type { Page } from '../app/router';
import type { Session } from '../app/session';
import { appHeader } from './appHeader';

const MIN_LENGTH = 8;
const MAX_LENGTH = 200;

/** Change one's own password: the current one, then the new one twice. */
export function passwordPage(app: App, session: Session): Page {
  return ({ outlet }) => {
    document.title = 'Change password — Negotiation workspace';
    const password = (name: string, autocomplete: string) =>
      h('input', { attrs: { name, type: 'password', autocomplete, required: true, ...(name === 'oldPassword' ? {} : { minlength: String(MIN_LENGTH), maxlength: String(MAX_LENGTH) }) } });
    const oldPassword = password('oldPassword', 'current-password');
    const newPassword = password('newPassword', 'new-password');
    const repeated = password('repeatPassword', 'new-password');
    const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Change password');
    const error = formError('password-error');
    const done = h('p', { class: 'form-notice', attrs: { role: 'status', hidden: true } }, 'Your password has been changed.');

    const change = (event: SubmitEvent) => {
      event.preventDefault();
      done.hidden = true;
      if (newPassword.value !== repeated.value) return void refuseField(repeated, error, 'The two new passwords differ.');
      void submitting(submit, error, 'The password could not be changed.', async () => {
        await app.api.changePassword(oldPassword.value, newPassword.value);
        for (const input of [oldPassword, newPassword, repeated]) input.value = '';
        done.hidden = false;
      });
    };

    outlet.append(
      appHeader(app, session),
      h(
        'main',
        { class: 'page password-page' },
        h('h1', {}, 'Change password'),
        h(
          'form',
          { class: 'card stacked-form', on: { submit: change } },
          formField('Current password', oldPassword),
          formField(`New password (${MIN_LENGTH} to ${MAX_LENGTH} characters)`, newPassword),
          formField('New password again', repeated),
          submit,
          error.element,
          done,
        ),
      ),
    );
    oldPassword.focus();
  };
}
