import type { ProposalAnchor, ProposalView } from '../../../shared/proposals';

/** What a proposal writes into the text: the fields applyProposal reads (not its justification, stances or history). */
type Change = Pick<ProposalView, 'kind' | 'paragraphId' | 'anchor' | 'text' | 'paragraphType' | 'level'>;

/**
 * Whether two reads of a proposal would write the same change into the text: an edit of its
 * wording or anchor makes them differ, a stance or a new justification does not.
 */
export function sameChange(a: Change, b: Change): boolean {
  return (
    a.kind === b.kind &&
    a.paragraphId === b.paragraphId &&
    a.text === b.text &&
    a.paragraphType === b.paragraphType &&
    a.level === b.level &&
    sameAnchor(a.anchor, b.anchor)
  );
}

/** Whether two anchors cover the same range (their quotes, read from the text, do not count). */
export function sameAnchor(a: ProposalAnchor | null, b: ProposalAnchor | null): boolean {
  if (a === null || b === null) return a === b;
  return a.paragraphId === b.paragraphId && a.start === b.start && a.end === b.end;
}
