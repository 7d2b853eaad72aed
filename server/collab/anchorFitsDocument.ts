import * as Y from 'yjs';
import { resolveAnchorRange } from '../../shared/anchors';
import type { CommentAnchor } from '../../shared/comments';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';

/**
 * True when an anchor covers text of this draft now, inside the paragraph it names.
 * Positions made against another draft do not resolve here.
 */
export function anchorFitsDocument(doc: Y.Doc, anchor: CommentAnchor): boolean {
  const range = resolveAnchorRange(doc, anchor);
  if (!range) return false;
  const paragraph = range.type.parent;
  return (
    paragraph instanceof Y.XmlElement &&
    paragraph.getAttribute('id') === anchor.paragraphId &&
    isInside(paragraph, doc.getXmlFragment(PROSEMIRROR_FRAGMENT))
  );
}

function isInside(type: Y.AbstractType<any>, fragment: Y.XmlFragment): boolean {
  for (let node: Y.AbstractType<unknown> | null = type; node; node = node.parent as Y.AbstractType<unknown> | null) {
    if (node === fragment) return true;
  }
  return false;
}
