import type { ParagraphStatus, ParagraphView, StatusChange } from '../../../shared/paragraphs';

/** A paragraph as `GET /api/drafts/:id/paragraphs` lists it. */
export function paragraphView(id: string, label: string, status: ParagraphStatus = 'open', extra: Partial<ParagraphView> = {}): ParagraphView {
  return {
    id,
    kind: label.startsWith('PP') ? 'pp' : 'op',
    level: 0,
    label,
    number: label.startsWith('OP') ? `${label.slice(2)}.` : '',
    status,
    pending: [],
    text: `Text of ${label}`,
    statusHistory: [],
    ...extra,
  };
}

/** One entry of a paragraph's status history, made by the chair at `at`. */
export function change(from: ParagraphStatus, to: ParagraphStatus, at: string, pending: string[] = []): StatusChange {
  return { from, to, pending, note: null, byUserId: 'chair', byName: 'Chair', at };
}
