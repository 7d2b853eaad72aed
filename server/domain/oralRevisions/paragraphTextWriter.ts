import * as Y from 'yjs';
import { xmlTextContent } from '../../../shared/xmlTextContent';
import { firstElementOf } from '../../collab/draftHeading';

/** The element of the paragraph with this id, null when the draft has none (paragraphs sit at any depth of the body). */
export function paragraphElementOf(doc: Y.Doc, paragraphId: string): Y.XmlElement | null {
  return firstElementOf(doc, (element) => element.getAttribute('id') === paragraphId);
}

/** The paragraph's own text: every paragraph is one flat text block (see docs/DESIGN.md). */
export function paragraphText(element: Y.XmlElement): string {
  return element
    .toArray()
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
    .map(xmlTextContent)
    .join('');
}

/** Replaces the paragraph's text, keeping the element (its id, level and comments' anchors on it). */
export function writeParagraphText(element: Y.XmlElement, text: string): void {
  element.delete(0, element.length);
  element.insert(0, [new Y.XmlText(text)]);
}
