import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';

/**
 * The draft's live Yjs document as a ProseMirror document, read through JSON: y-prosemirror's
 * direct conversion "repairs" content that does not fit by deleting it from the Y.Doc, and a read
 * must never change the live draft.
 */
export function draftNodeOf(doc: Y.Doc): PMNode {
  return resolutionSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)));
}
