import type { EditorState } from 'prosemirror-state';
import { anchorPositions } from '../../shared/anchors';
import { QUOTE_MAX_LENGTH, type CommentAnchor } from '../../shared/comments';
import { yBinding } from '../editor/yBinding';
import { editorPosition, paragraphText } from '../editor/yPositions';

/**
 * The anchor for the selected words. An anchor lives in one paragraph, so a selection
 * that runs on is clipped to the paragraph where it starts. Null when nothing is selected.
 */
export function anchorFromSelection(state: EditorState): CommentAnchor | null {
  const { $from, to, empty } = state.selection;
  const paragraph = $from.parent;
  const paragraphId = paragraph.attrs.id as string | null;
  const binding = yBinding(state);
  if (empty || !paragraph.isTextblock || !paragraphId || !binding) return null;
  const start = $from.parentOffset;
  const end = Math.min(to - $from.start(), paragraph.content.size);
  if (end <= start) return null;
  const text = paragraphText(binding, paragraph);
  if (!text) return null;
  return {
    paragraphId,
    ...anchorPositions(text, start, end),
    quote: paragraph.textBetween(start, end).slice(0, QUOTE_MAX_LENGTH),
  };
}

/** Where an anchor's words are now in the editor, or null when they cannot be found. */
export function anchorRangeInEditor(state: EditorState, anchor: { start: string; end: string }): { from: number; to: number } | null {
  const from = editorPosition(state, anchor.start);
  const to = editorPosition(state, anchor.end);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}
