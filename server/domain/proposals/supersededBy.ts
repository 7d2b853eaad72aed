import type * as Y from 'yjs';
import { resolveProposalAnchor } from '../../../shared/proposalAnchors';
import type { ProposalView } from '../../../shared/proposals';
import { paragraphElementOf } from '../oralRevisions/paragraphTextWriter';
import { anchorSlots, slotsOverlap } from './textSlots';

/**
 * The pending proposals an accepted one made moot, to be marked superseded. Called right after
 * applying it. Only its own paragraph changed, so only proposals on that paragraph are looked at:
 * - an accepted alternative rewrote the paragraph: every other wording proposal on it goes
 *   (new paragraphs proposed after it stay);
 * - an accepted replace, insert or delete: every anchored proposal whose anchor no longer
 *   resolves, or whose range overlaps the accepted one's;
 * - an accepted bracket changed no words, only put brackets round them: the proposals on the
 *   bracketed words are still what the room negotiates, and only overlapping brackets go;
 * - an accepted new paragraph changed no existing text.
 */
export function supersededBy(doc: Y.Doc, accepted: ProposalView, pending: ProposalView[]): string[] {
  if (accepted.kind === 'new_paragraph') return [];
  const onParagraph = pending.filter((p) => p.status === 'pending' && p.id !== accepted.id && p.paragraphId === accepted.paragraphId);
  if (accepted.kind === 'alternative') return onParagraph.filter((p) => p.kind !== 'new_paragraph').map((p) => p.id);

  const paragraph = paragraphElementOf(doc, accepted.paragraphId);
  const acceptedSlots = paragraph && accepted.anchor && anchorSlots(paragraph, accepted.anchor);
  const moot = (p: ProposalView): boolean => {
    if (!p.anchor || (accepted.kind === 'bracket' && p.kind !== 'bracket')) return false;
    if (!resolveProposalAnchor(doc, p.anchor)) return true;
    const slots = paragraph && anchorSlots(paragraph, p.anchor);
    return Boolean(acceptedSlots && slots && slotsOverlap(acceptedSlots, slots));
  };
  return onParagraph.filter(moot).map((p) => p.id);
}
