import * as Y from 'yjs';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import type { ProposalView } from '../../../shared/proposals';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';
import { xmlTextContent } from '../../../shared/xmlTextContent';
import { paragraphElementOf } from '../../../server/domain/oralRevisions/paragraphTextWriter';
import { findParagraph } from '../../helpers/anchors';
import { draftDoc, ops } from '../shared/draftFixture';

export { ops };

/** Every Y.Doc a test made, destroyed after each test. */
const made: Y.Doc[] = [];
afterEach(() => made.splice(0).forEach((doc) => doc.destroy()));

/** A live room document holding a schema-checked draft, as the server loads it. */
export function liveDraft(parts: Parameters<typeof draftDoc>[0]): Y.Doc {
  const doc = newDoc();
  prosemirrorToYXmlFragment(draftDoc(parts), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return doc;
}

/** A second replica of `doc` (another browser, or the server), synced to it. */
export function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = newDoc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

export function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  made.push(doc);
  return doc;
}

/** Exchanges what each replica lacks, as two connected providers would. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The id of the paragraph whose text starts with `prefix`. */
export function idOf(doc: Y.Doc, prefix: string): string {
  return String(findParagraph(doc, prefix).getAttribute('id'));
}

/** The paragraph element with this id. */
export function elementOf(doc: Y.Doc, id: string): Y.XmlElement {
  const found = paragraphElementOf(doc, id);
  if (!found) throw new Error(`no paragraph ${id}`);
  return found;
}

/** The text type of the paragraph with this id. */
export function textOf(doc: Y.Doc, id: string): Y.XmlText {
  return elementOf(doc, id).get(0) as Y.XmlText;
}

/** The draft as ProseMirror reads it in a browser (throws when it does not fit the schema). */
export function proseMirrorDoc(doc: Y.Doc): PMNode {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(PROSEMIRROR_FRAGMENT), resolutionSchema);
  node.check();
  return node;
}

let counter = 0;

/** A proposal record as the service hands it over, with the fields a test does not care about filled in. */
export function proposal(fields: Partial<ProposalView> & Pick<ProposalView, 'kind' | 'paragraphId'>): ProposalView {
  counter += 1;
  const at = new Date(Date.UTC(2026, 4, 20, 10, 0, counter)).toISOString();
  return {
    id: `prop-${counter}`,
    draftId: 'draft-1',
    status: 'pending',
    authorId: 'user-1',
    authorName: 'A Delegate',
    delegation: 'EU',
    createdAt: at,
    updatedAt: at,
    round: null,
    anchor: null,
    text: null,
    paragraphType: null,
    level: null,
    justification: null,
    supporters: [],
    objectors: [],
    decidedBy: null,
    result: null,
    events: [],
    ...fields,
  };
}

/** The characters of the paragraph with this id, without its marks. */
export function plain(doc: Y.Doc, id: string): string {
  return xmlTextContent(textOf(doc, id));
}
