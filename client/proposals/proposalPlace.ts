import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { isPointAnchor } from '../../shared/proposalAnchors';
import type { ProposalAnchor, ProposalResult, ProposalView } from '../../shared/proposals';
import { anchorRangeInEditor } from '../comments/commentAnchor';

/** What the editor needs of a proposal to show it and to extend it: a server's, or one still being typed. */
export type ShownProposal = Pick<ProposalView, 'id' | 'kind' | 'delegation' | 'paragraphId' | 'anchor' | 'text' | 'paragraphType' | 'level'>;

/** An anchored proposal's place in the editor: positions inside its paragraph (from === to for a point). */
export interface AnchorPlace {
  from: number;
  to: number;
  paragraph: PMNode;
}

/**
 * Where an anchor is now in the editor, resolved through the Yjs binding so it follows the
 * words. Null when it no longer resolves inside the paragraph it names, or a range collapsed.
 */
export function anchorPlace(state: EditorState, anchor: ProposalAnchor): AnchorPlace | null {
  const range = anchorRangeInEditor(state, anchor, isPointAnchor(anchor));
  if (!range) return null;
  const { from, to } = range;
  const $from = state.doc.resolve(from);
  const paragraph = $from.parent;
  if (paragraph.attrs.id !== anchor.paragraphId || to > $from.end()) return null;
  return { from, to, paragraph };
}

/** The position right after each paragraph with an id, where blocks about it (alternatives, new paragraphs) go. */
export function paragraphEnds(doc: PMNode): Map<string, number> {
  const ends = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (typeof node.attrs.id === 'string') ends.set(node.attrs.id, pos + node.nodeSize);
    return false;
  });
  return ends;
}

/**
 * Where the caret goes to show a proposal: the start of its words, else the end of its paragraph
 * (the one its block follows; for an accepted proposal, the paragraph it wrote).
 */
export function caretFor(state: EditorState, proposal: ShownProposal & { result?: ProposalResult | null }): number | null {
  const words = proposal.anchor && anchorPlace(state, proposal.anchor);
  if (words) return words.from;
  const end = paragraphEnds(state.doc).get(proposal.result?.paragraphId ?? proposal.paragraphId);
  return end === undefined ? null : end - 1;
}
