import type { App } from '../app/app';
import { h, type Child } from '../app/dom';
import type { Session } from '../app/session';

/** The bar across the top of every signed-in page: the product, page-specific items, the person. */
export function appHeader(app: App, session: Session, ...middle: Child[]): HTMLElement {
  const { user } = session;
  return h(
    'header',
    { class: 'app-header' },
    h('a', { class: 'brand', attrs: { href: '/drafts' } }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }), 'Negotiation workspace'),
    h('div', { class: 'app-header-middle' }, ...middle),
    h('div', { class: 'who' }, h('span', { class: 'who-name' }, user.displayName)),
    h(
      'nav',
      { class: 'account-links', attrs: { 'aria-label': 'Account' } },
      user.admin ? h('a', { class: 'button-quiet', attrs: { href: '/admin' } }, 'Administration') : null,
      h('a', { class: 'button-quiet', attrs: { href: '/password' } }, 'Change password'),
    ),
    h('button', { class: 'button-quiet', attrs: { type: 'button' }, on: { click: () => app.signOut() } }, 'Sign out'),
  );
}
