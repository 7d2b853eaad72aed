import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';
import { decodePosition } from '../../shared/anchors';
import { yBinding, type Binding } from './yBinding';

/**
 * The Y.XmlText behind a paragraph of the editor, through y-prosemirror's binding mapping.
 * Paragraphs hold only text, so their Y.XmlElement has one Y.XmlText child (marks are
 * formatting, which takes no index): an offset in the paragraph is an index in that text.
 */
export function paragraphText(binding: Binding, paragraph: PMNode): Y.XmlText | null {
  for (const [type, node] of binding.mapping) {
    if (node === paragraph && type instanceof Y.XmlElement) {
      const first = type.firstChild;
      return first instanceof Y.XmlText ? first : null;
    }
  }
  return null;
}

/** Where an anchor's base64 relative position is now in the editor, or null when it does not resolve. */
export function editorPosition(state: EditorState, base64: string): number | null {
  const binding = yBinding(state);
  const relative = decodePosition(base64);
  if (!binding || !relative) return null;
  const pos = relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
  return pos === null || pos > state.doc.content.size ? null : pos;
}
