import { NegotiationsApi } from '../api/negotiationsApi';
import type { App } from '../app/app';
import { h, replaceChildren } from '../app/dom';
import { errorText } from '../app/errorText';
import { formError, formField, refuseField, submitting } from '../app/formField';
import type { Page } from '../app/router';
import type { Session } from '../app/session';
import { negotiationDates } from '../panels/negotiationSection';
import type { NegotiationSummary } from '../../shared/negotiations';
import type { PublicUser } from '../../shared/user';
import { appHeader } from './appHeader';
import { messagePanel } from './messagePanel';

type Api = Pick<NegotiationsApi, 'list' | 'create' | 'users' | 'createUser' | 'setMember'>;

function input(name: string, attrs: Record<string, string | boolean> = {}): HTMLInputElement {
  return h('input', { attrs: { name, ...attrs } });
}

/** A card with a heading, a list that `reload` refills, and a form under it. */
function adminSection(title: string, list: HTMLElement, form: HTMLElement): HTMLElement {
  const id = `admin-${title.toLowerCase()}`;
  return h('section', { class: 'card admin-section', attrs: { 'aria-labelledby': id } }, h('h2', { attrs: { id } }, title), list, form);
}

/** Creating an account: username, name shown to others, first password. */
function accountForm(api: Api, reload: () => Promise<void>): HTMLElement {
  const username = input('username', { required: true, maxlength: '100', autocomplete: 'off' });
  const displayName = input('displayName', { required: true, maxlength: '200' });
  const password = input('password', { type: 'password', required: true, minlength: '8', maxlength: '200', autocomplete: 'new-password' });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Create account');
  const error = formError();
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    void submitting(submit, error, 'The account could not be created.', async () => {
      await api.createUser({ username: username.value.trim(), displayName: displayName.value.trim(), password: password.value });
      for (const field of [username, displayName, password]) field.value = '';
      await reload();
    });
  };
  return h(
    'form',
    { class: 'admin-form', attrs: { 'aria-label': 'New account' }, on: { submit: create } },
    formField('Username', username),
    formField('Name', displayName),
    formField('Password', password),
    submit,
    error.element,
  );
}

function negotiationForm(api: Api, reload: () => Promise<void>): HTMLElement {
  const name = input('name', { required: true, maxlength: '200' });
  const body = input('body', { required: true, maxlength: '200', placeholder: 'e.g. CCPCJ 35th session, Committee of the Whole' });
  const startsOn = input('startsOn', { type: 'date' });
  const endsOn = input('endsOn', { type: 'date' });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } }, 'Create negotiation');
  const error = formError();
  const create = (event: SubmitEvent) => {
    event.preventDefault();
    void submitting(submit, error, 'The negotiation could not be created.', async () => {
      await api.create({ name: name.value.trim(), body: body.value.trim(), startsOn: startsOn.value || undefined, endsOn: endsOn.value || undefined });
      for (const field of [name, body, startsOn, endsOn]) field.value = '';
      await reload();
    });
  };
  return h(
    'form',
    { class: 'admin-form', attrs: { 'aria-label': 'New negotiation' }, on: { submit: create } },
    formField('Name', name, true),
    formField('Body', body, true),
    formField('Starts on', startsOn),
    formField('Ends on', endsOn),
    submit,
    error.element,
  );
}

/** Appointing a facilitator of one negotiation from the accounts. */
function appointForm(api: Api, negotiation: NegotiationSummary, users: PublicUser[]): HTMLElement {
  const account = h(
    'select',
    { attrs: { name: 'account', required: true, 'aria-label': `Facilitator to appoint for ${negotiation.name}` } },
    h('option', { attrs: { value: '' } }, 'Choose an account…'),
    ...users.map((user) => h('option', { attrs: { value: user.id } }, `${user.displayName} (${user.username})`)),
  );
  const submit = h('button', { class: 'button-quiet button-small', attrs: { type: 'submit' } }, 'Appoint facilitator');
  const error = formError(`appoint-error-${negotiation.id}`);
  const done = h('span', { class: 'form-notice', attrs: { role: 'status' } });
  const appoint = (event: SubmitEvent) => {
    event.preventDefault();
    done.textContent = '';
    if (!account.value) return void refuseField(account, error, 'Choose the account to appoint first.');
    void submitting(
      submit,
      error,
      'The facilitator could not be appointed.',
      async () => {
        const member = await api.setMember(negotiation.id, account.value, { role: 'facilitator', delegation: 'Facilitator' });
        done.textContent = `${member.displayName} is now a facilitator.`;
      },
      account,
    );
  };
  return h('form', { class: 'appoint-form', attrs: { novalidate: true }, on: { submit: appoint } }, account, submit, done, error.element);
}

function negotiationItem(api: Api, negotiation: NegotiationSummary, users: PublicUser[]): HTMLElement {
  const dates = negotiationDates(negotiation);
  return h(
    'li',
    { class: 'admin-negotiation', attrs: { 'data-negotiation-id': negotiation.id } },
    h('strong', {}, negotiation.name),
    h('span', { class: 'muted' }, ` · ${negotiation.body}${dates ? ` · ${dates}` : ''}`),
    appointForm(api, negotiation, users),
  );
}

/** Server administration: accounts and negotiations, and who facilitates each. */
export function adminPage(app: App, session: Session): Page {
  return ({ outlet, signal }) => {
    document.title = 'Administration — Negotiation workspace';
    if (!session.user.admin) {
      outlet.append(
        appHeader(app, session),
        h('main', { class: 'page' }, messagePanel('Administrators only', 'This page is for the server administrator.', h('a', { class: 'button-quiet', attrs: { href: '/drafts' } }, 'Go to the drafts'))),
      );
      return;
    }
    const api = new NegotiationsApi(app.api);
    const accounts = h('ul', { class: 'admin-accounts', attrs: { 'aria-busy': 'true' } });
    const negotiations = h('ul', { class: 'admin-negotiations', attrs: { 'aria-busy': 'true' } });
    const loadError = formError();

    const reload = async () => {
      try {
        const [users, list] = await Promise.all([api.users(), api.list()]);
        if (signal.aborted) return;
        replaceChildren(accounts, ...users.map((user) => h('li', { attrs: { 'data-user-id': user.id } }, `${user.displayName} (${user.username})`, user.admin ? ' · administrator' : '')));
        replaceChildren(negotiations, ...list.map((negotiation) => negotiationItem(api, negotiation, users)));
      } catch (failure) {
        if (!signal.aborted) loadError.show(errorText(failure));
      } finally {
        accounts.removeAttribute('aria-busy');
        negotiations.removeAttribute('aria-busy');
      }
    };

    outlet.append(
      appHeader(app, session),
      h(
        'main',
        { class: 'page admin-page' },
        h('h1', {}, 'Administration'),
        loadError.element,
        adminSection('Negotiations', negotiations, negotiationForm(api, reload)),
        adminSection('Accounts', accounts, accountForm(api, reload)),
      ),
    );
    void reload();
  };
}
