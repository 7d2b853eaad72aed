import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { outlineToDoc, type DraftOutline } from '../shared/draftTemplate';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../shared/schema';

/**
 * The Yjs update our server stores as a new draft's first log entry (see DraftService),
 * built the same way so the reference server can be given documents of the same content.
 */
export function outlineUpdate(outline: DraftOutline): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(outline), PROSEMIRROR_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** True once a client's copy holds a draft's text. */
export function hasText(doc: Y.Doc): boolean {
  return doc.getXmlFragment(PROSEMIRROR_FRAGMENT).length > 0;
}
