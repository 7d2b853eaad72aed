import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/comments';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';

/**
 * True when both ends of an anchor point into this draft's text and the start lies in the
 * paragraph the anchor names. Positions made against another draft do not resolve here.
 */
export function anchorFitsDocument(doc: Y.Doc, anchor: CommentAnchor): boolean {
  const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const start = resolve(doc, anchor.start);
  const end = resolve(doc, anchor.end);
  if (!start || !end || !isInside(start.type, fragment) || !isInside(end.type, fragment)) return false;
  return paragraphIdOf(start.type) === anchor.paragraphId;
}

function resolve(doc: Y.Doc, base64: string): Y.AbsolutePosition | null {
  try {
    const relative = Y.decodeRelativePosition(Buffer.from(base64, 'base64'));
    return Y.createAbsolutePositionFromRelativePosition(relative, doc);
  } catch {
    return null;
  }
}

function isInside(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  for (let current: Y.AbstractType<unknown> | null = type; current; current = current.parent as Y.AbstractType<unknown> | null) {
    if (current === fragment) return true;
  }
  return false;
}

/** The stable id of the paragraph element that holds (or is) the position's type. */
function paragraphIdOf(type: Y.AbstractType<unknown>): string | null {
  for (let current: Y.AbstractType<unknown> | null = type; current; current = current.parent as Y.AbstractType<unknown> | null) {
    if (current instanceof Y.XmlElement && current.getAttribute('id')) return String(current.getAttribute('id'));
  }
  return null;
}
