import type * as Y from 'yjs';

/** Where the label of each paragraph of a draft comes from (paragraph id -> label such as "PP4bis"). */
export interface LabelSource { labelsOf(draftId: string, doc: Y.Doc): Promise<Map<string, string>> }
