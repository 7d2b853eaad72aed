import { h } from '../app/dom';
import { zonedTime, relativeTime } from '../app/time';
import type { DraftSummary } from '../../shared/drafts';

/** The table of drafts, most recently changed first (the server's order). */
export function draftsList(drafts: DraftSummary[], now = new Date()): HTMLElement {
  if (drafts.length === 0) return h('p', { class: 'empty-state' }, 'No drafts yet.');
  const rows = drafts.map((draft) =>
    h(
      'tr',
      { attrs: { 'data-draft-id': draft.id } },
      h('td', { class: 'draft-title' }, h('a', { attrs: { href: `/drafts/${encodeURIComponent(draft.id)}` } }, draft.title)),
      h('td', { class: 'draft-symbol' }, draft.symbol || '—'),
      h(
        'td',
        { class: 'draft-updated' },
        h('time', { attrs: { datetime: draft.updatedAt, title: zonedTime(draft.updatedAt) } }, relativeTime(draft.updatedAt, now)),
      ),
    ),
  );
  return h(
    'table',
    { class: 'drafts-table' },
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Title'), h('th', { attrs: { scope: 'col' } }, 'Symbol'), h('th', { attrs: { scope: 'col' } }, 'Last change'))),
    h('tbody', {}, ...rows),
  );
}
