import type { AcceptedProposalEntry, ProposalActivityEntry } from '../../shared/proposals';
import { h } from '../app/dom';
import { zonedTime } from '../app/time';

/** "EU proposed: replace “urges” with “encourages” (OP3)", "Ms Chair accepted the proposal by EU: … (OP3)". */
export function proposalActivityText(entry: ProposalActivityEntry): string {
  const { event } = entry;
  const what = `${entry.summary} (${entry.label})`;
  const theirs = `the proposal by ${entry.proposedBy}: ${what}`;
  switch (event.action) {
    case 'created':
      return `${event.delegation} proposed: ${what}`;
    case 'edited':
      return `${event.delegation} revised its proposal: ${what}`;
    case 'supported':
      return `${event.delegation} supported ${theirs}`;
    case 'objected':
      return `${event.delegation} objected to ${theirs}`;
    case 'abstained':
      return `${event.delegation} took back its position on ${theirs}`;
    case 'withdrawn':
      return `${event.delegation} withdrew its proposal: ${what}`;
    case 'accepted':
      return `${event.name} accepted ${theirs}`;
    case 'rejected':
      return `${event.name} rejected ${theirs}${event.note ? `. Reason: ${event.note}` : ''}`;
    case 'superseded':
      return `Superseded by an accepted proposal: ${theirs}`;
  }
}

/** One proposal event in the activity list. */
export function proposalActivityItem(entry: ProposalActivityEntry): HTMLElement {
  return h(
    'li',
    { class: `activity-entry activity-proposal action-${entry.event.action}`, attrs: { 'data-proposal-id': entry.proposalId } },
    proposalActivityText(entry),
    h('span', { class: 'version-meta' }, `${entry.event.name} · `, h('time', { attrs: { datetime: entry.event.at } }, zonedTime(entry.event.at))),
  );
}

/** "OP3: replace “urges” with “encourages” – proposed by EU, supported by Japan, accepted by Ms Chair". */
export function acceptedProposalText(entry: AcceptedProposalEntry): string {
  const supported = entry.supporters.length > 0 ? `, supported by ${entry.supporters.join(', ')}` : '';
  return `${entry.label}: ${entry.summary} – proposed by ${entry.proposedBy}${supported}, accepted by ${entry.acceptedBy}`;
}

/** The compare overlay's list of proposals accepted between the two versions; nothing when there were none. */
export function acceptedProposalsList(entries: AcceptedProposalEntry[]): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    'section',
    { class: 'compare-proposals', attrs: { 'aria-label': 'Accepted proposals' } },
    h('h3', { class: 'panel-heading' }, 'Accepted proposals'),
    h(
      'ol',
      { class: 'accepted-proposals' },
      ...entries.map((entry) =>
        h(
          'li',
          { attrs: { 'data-proposal-id': entry.proposalId } },
          acceptedProposalText(entry),
          h('span', { class: 'version-meta' }, h('time', { attrs: { datetime: entry.at } }, zonedTime(entry.at))),
        ),
      ),
    ),
  );
}
