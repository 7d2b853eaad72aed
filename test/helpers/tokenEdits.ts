import type * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import { paragraphTexts } from './yjsClient';

/** The text of the n-th operative paragraph of a synced demo draft. */
const operativeText = (doc: Y.Doc, n: number) => {
  const operative = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(4) as Y.XmlElement;
  return (operative.get(n) as Y.XmlElement).get(0) as Y.XmlText;
};

/** Appends a token to an operative paragraph, so every edit is recognisable. */
export const mark = (doc: Y.Doc, n: number, token: string) => operativeText(doc, n).insert(operativeText(doc, n).length, ` ${token}`);

/** Whether the draft's paragraphs contain every token (for waitForDoc). */
export const hasAll = (wanted: string[]) => (doc: Y.Doc) => wanted.every((token) => paragraphTexts(doc).join('\n').includes(token));
