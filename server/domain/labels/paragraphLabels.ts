import type * as Y from 'yjs';

/** How paragraphs are referred to in the room ("PP4", "OP3(a)bis"), by paragraph id. */
export interface LabelSource {
  labelsOf(draftId: string, doc: Y.Doc): Promise<Map<string, string>>;
}
