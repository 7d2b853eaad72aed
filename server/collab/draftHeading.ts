import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import { withoutControlCharacters } from '../../shared/validation/names';
import { xmlTextContent } from '../../shared/xmlTextContent';
import type { DraftHeading } from '../store/types';

/**
 * The title and symbol as they stand in the text of a draft (where delegates edit them), for the
 * drafts list: any text may be typed there, but a listed name holds no control characters.
 */
export function draftHeadingOf(doc: Y.Doc): DraftHeading {
  return { title: textOf(headingLineOf(doc, 'title')), symbol: textOf(headingLineOf(doc, 'symbol')) };
}

/** A line of the heading ("symbol", "sponsors", "title"...), null in a document without it. */
export function headingLineOf(doc: Y.Doc, name: string): Y.XmlElement | null {
  return firstElementOf(doc, (element) => element.nodeName === name);
}

/** The first element of the document, depth first in document order, that `matches`; null when none does. */
export function firstElementOf(doc: Y.Doc, matches: (element: Y.XmlElement) => boolean): Y.XmlElement | null {
  const search = (node: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (matches(child)) return child;
      const inner = search(child);
      if (inner) return inner;
    }
    return null;
  };
  return search(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
}

/** The text of a heading line as a reader sees it (empty when there is no such line). */
export function textOf(element: Y.XmlElement | null): string {
  if (!element) return '';
  return element
    .toArray()
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
    .map((text) => withoutControlCharacters(xmlTextContent(text)))
    .join('')
    .trim();
}
