import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';

/** The draft's live Yjs document as the ProseMirror document every browser makes of it. */
export function draftNodeOf(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(PROSEMIRROR_FRAGMENT), resolutionSchema);
}
