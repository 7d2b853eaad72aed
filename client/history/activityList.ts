import type { ActivityEntry } from '../../shared/versions';
import { h } from '../app/dom';
import { absoluteTime } from '../app/time';

/** Stretches of editing, newest first: which delegation worked on the text, and when. */
export function activityList(entries: ActivityEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty-state' }, 'No editing yet.');
  return h(
    'ol',
    { class: 'activity' },
    ...entries.map((entry) =>
      h(
        'li',
        { class: 'activity-entry' },
        h('span', { class: 'comment-delegation' }, entry.delegation),
        ` · ${entry.authorName}`,
        h('span', { class: 'version-meta' }, `${absoluteTime(entry.start)} – ${absoluteTime(entry.end)} · ${entry.updates} ${entry.updates === 1 ? 'change' : 'changes'}`),
      ),
    ),
  );
}
