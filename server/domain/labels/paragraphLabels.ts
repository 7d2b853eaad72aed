import type { Node as PMNode } from 'prosemirror-model';
import type * as Y from 'yjs';

/** How paragraphs are referred to in the room ("PP4", "OP3(a)bis"), by paragraph id. */
export interface LabelSource {
  /** `text`: the draft's Y.Doc, or the ProseMirror document read from it (draftNodeOf). */
  labelsOf(draftId: string, text: Y.Doc | PMNode): Promise<Map<string, string>>;
}
