import type * as Y from 'yjs';

/** The characters of a Y.XmlText without its formatting (marks are attributes, not tags). */
export function xmlTextContent(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
