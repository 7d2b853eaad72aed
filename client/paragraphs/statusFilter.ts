import type { ParagraphStatus } from '../../shared/paragraphs';

/** What the editor's filter can single out; the other paragraphs are dimmed. */
export const STATUS_FILTERS = ['all', 'open', 'agreed', 'pending'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const SHOWN: Record<Exclude<StatusFilter, 'all'>, ReadonlySet<ParagraphStatus>> = {
  open: new Set(['open', 'informals', 'reopened']),
  agreed: new Set(['agreed_ad_ref']),
  pending: new Set(['agreed_pending']),
};

export const FILTER_NAMES: Record<StatusFilter, string> = {
  all: 'All paragraphs',
  open: 'Open (open, informals, reopened)',
  agreed: 'Agreed ad ref',
  pending: 'Agreed pending',
};

export function passesFilter(filter: StatusFilter, status: ParagraphStatus): boolean {
  return filter === 'all' || SHOWN[filter].has(status);
}
