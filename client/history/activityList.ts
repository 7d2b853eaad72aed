import type { ProposalActivityEntry } from '../../shared/proposals';
import type { ActivityEntry } from '../../shared/versions';
import { h } from '../app/dom';
import { zonedTime } from '../app/time';
import { proposalActivityItem } from './proposalActivity';

/** Stretches of editing and proposal events, newest first: which delegation worked on the text or put what to the room, and when. */
export function activityList(entries: ActivityEntry[], proposals: ProposalActivityEntry[] = []): HTMLElement {
  if (entries.length === 0 && proposals.length === 0) return h('p', { class: 'empty-state' }, 'No editing yet.');
  const items = [
    ...entries.map((entry) => ({ at: entry.end, element: editingItem(entry) })),
    ...proposals.map((entry) => ({ at: entry.event.at, element: proposalActivityItem(entry) })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return h('ol', { class: 'activity' }, ...items.map((item) => item.element));
}

function editingItem(entry: ActivityEntry): HTMLElement {
  return h(
    'li',
    { class: 'activity-entry' },
    h('span', { class: 'comment-delegation' }, entry.delegation),
    ` · ${entry.authorName}`,
    h('span', { class: 'version-meta' }, `${zonedTime(entry.start)} – ${zonedTime(entry.end)} · ${amount(entry)}`),
  );
}

/** "12 words written"; a stretch of deleting or formatting writes none. */
function amount(entry: ActivityEntry): string {
  if (entry.words === 0) return 'deleted or formatted text';
  return entry.words === 1 ? '1 word written' : `${entry.words} words written`;
}
