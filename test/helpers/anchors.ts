import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/comments';

/** The paragraph element of a synced draft whose text starts with `prefix`. */
export function findParagraph(doc: Y.Doc, prefix: string): Y.XmlElement {
  const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const text = child.get(0);
      if (text instanceof Y.XmlText && text.toString().startsWith(prefix)) return child;
      const inner = walk(child);
      if (inner) return inner;
    }
    return null;
  };
  const found = walk(doc.getXmlFragment('prosemirror'));
  if (!found) throw new Error(`no paragraph starts with "${prefix}"`);
  return found;
}

/** An anchor on `quote` inside the paragraph, as the editor makes it (relative positions, base64). */
export function anchorOn(paragraph: Y.XmlElement, quote: string): CommentAnchor {
  const text = paragraph.get(0) as Y.XmlText;
  const index = text.toString().indexOf(quote);
  if (index < 0) throw new Error(`"${quote}" is not in the paragraph`);
  const encode = (offset: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, offset))).toString('base64');
  return { paragraphId: String(paragraph.getAttribute('id')), start: encode(index), end: encode(index + quote.length), quote };
}
