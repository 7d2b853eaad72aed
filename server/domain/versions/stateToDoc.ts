import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';

/** The ProseMirror JSON of a stored Yjs state. */
export function stateToDoc(state: Uint8Array): { type: string; content?: unknown[] } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)) as { type: string; content?: unknown[] };
  } finally {
    doc.destroy();
  }
}
