import { h, type Child } from '../app/dom';

/** A calm full-width message in place of a page's content ("draft not found", ...). */
export function messagePanel(title: string, text: string, ...actions: Child[]): HTMLElement {
  return h('div', { class: 'message-panel', attrs: { role: 'status' } }, h('h2', {}, title), h('p', {}, text), h('div', { class: 'message-actions' }, ...actions));
}

export function draftNotFound(): HTMLElement {
  return messagePanel(
    'Draft not found',
    'This draft does not exist, or your delegation does not have access to it.',
    h('a', { class: 'button-quiet', attrs: { href: '/drafts' } }, 'Back to the drafts'),
  );
}
