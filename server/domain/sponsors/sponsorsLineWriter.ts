import * as Y from 'yjs';
import { draftKindOf, sponsorsLine } from '../../../shared/sponsors';
import { headingLineOf, textOf } from '../../collab/draftHeading';

/**
 * Rewrites the heading's sponsors line from the lists, keeping the kind of text it announces
 * ("draft decision" stays a decision). A document without the line is left as it is.
 */
export function writeSponsorsLine(doc: Y.Doc, sponsors: readonly string[], cosponsors: readonly string[]): void {
  const line = headingLineOf(doc, 'sponsors');
  if (!line) return;
  const text = sponsorsLine(sponsors, cosponsors, draftKindOf(textOf(line)));
  if (textOf(line) === text) return;
  line.delete(0, line.length);
  line.insert(0, [new Y.XmlText(text)]);
}
