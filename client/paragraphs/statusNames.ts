import type { ParagraphStatus, ParagraphView } from '../../shared/paragraphs';

/** How each status reads in the room, and a shape that tells it apart without colour. */
const NAMES: Record<ParagraphStatus, { name: string; shape: string }> = {
  open: { name: 'open', shape: '○' },
  informals: { name: 'informals', shape: '◐' },
  agreed_ad_ref: { name: 'agreed ad ref', shape: '●' },
  agreed_pending: { name: 'agreed pending', shape: '◑' },
  reopened: { name: 'reopened', shape: '↺' },
  deleted: { name: '[deleted]', shape: '✕' },
};

export function statusName(status: ParagraphStatus): string {
  return NAMES[status].name;
}

export function statusShape(status: ParagraphStatus): string {
  return NAMES[status].shape;
}

/** The margin badge's words: "agreed ad ref", "pending: USA, China", "[deleted]". */
export function badgeText(paragraph: Pick<ParagraphView, 'status' | 'pending'>): string {
  if (paragraph.status === 'agreed_pending') return `pending: ${paragraph.pending.join(', ')}`;
  return statusName(paragraph.status);
}
