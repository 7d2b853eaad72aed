import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ANCHORED_KINDS, type ProposalView } from '../../shared/proposals';
import { anchorRangeInEditor } from '../comments/commentAnchor';

/** Where a proposal sits in the editor: its anchored words (or point), else the paragraph it concerns. */
function proposalRange(view: EditorView, proposal: ProposalView): { from: number; to: number } | null {
  if (proposal.anchor && ANCHORED_KINDS.has(proposal.kind)) return anchorRangeInEditor(view.state, proposal.anchor, proposal.kind === 'insert');
  const paragraphId = proposal.result?.paragraphId ?? proposal.paragraphId;
  let range: { from: number; to: number } | null = null;
  view.state.doc.descendants((node, pos) => {
    if (range) return false;
    if (node.isTextblock && node.attrs.id === paragraphId) range = { from: pos + 1, to: pos + 1 + node.content.size };
    return !node.isTextblock;
  });
  return range;
}

/** Selects the proposal's words in the editor and scrolls them into view; false when they are no longer in the text. */
export function showProposalInText(view: EditorView, proposal: ProposalView): boolean {
  const range = proposalRange(view, proposal);
  if (!range) return false;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
  view.focus();
  return true;
}
