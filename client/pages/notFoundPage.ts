import { h } from '../app/dom';
import type { Page } from '../app/router';
import { messagePanel } from './messagePanel';

export const notFoundPage: Page = ({ outlet }) => {
  document.title = 'Page not found — Negotiation workspace';
  outlet.append(
    h(
      'main',
      { class: 'page' },
      messagePanel('Page not found', 'There is nothing at this address.', h('a', { class: 'button-quiet', attrs: { href: '/drafts' } }, 'Go to the drafts')),
    ),
  );
};
