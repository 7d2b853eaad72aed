import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchorPositions, decodePosition } from '../../shared/anchors';
import { QUOTE_MAX_LENGTH, type CommentAnchor } from '../../shared/comments';
import { yBinding, type Binding } from '../editor/yBinding';

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
  const text = xmlTextOf(binding, paragraph);
  if (!text) return null;
  return {
    paragraphId,
    ...anchorPositions(text, start, end),
    quote: paragraph.textBetween(start, end).slice(0, QUOTE_MAX_LENGTH),
  };
}

/** Where an anchor's words are now in the editor, or null when they cannot be found; `point` accepts an empty range (an insertion point). */
export function anchorRangeInEditor(state: EditorState, anchor: { start: string; end: string }, point = false): { from: number; to: number } | null {
  const binding = yBinding(state);
  if (!binding) return null;
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!start || !end) return null;
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, start, binding.mapping as never);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, end, binding.mapping as never);
  if (from === null || to === null || to < from || (to === from && !point) || to > state.doc.content.size) return null;
  return { from, to };
}

/** Paragraphs hold only text, so their Y.XmlElement has one Y.XmlText child (marks are formatting). */
export function xmlTextOf(binding: Binding, paragraph: PMNode): Y.XmlText | null {
  for (const [type, node] of binding.mapping) {
    if (node === paragraph && type instanceof Y.XmlElement) {
      const first = type.firstChild;
      return first instanceof Y.XmlText ? first : null;
    }
  }
  return null;
}
