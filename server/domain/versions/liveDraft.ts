import type * as Y from 'yjs';

/** What the version rules need of a draft's live document (a collab Room provides it). */
export interface LiveDraft {
  readonly draftId: string;
  captureDurableState(): Promise<{ state: Uint8Array; seq: number }>;
  changeAsServer(authorId: string, change: (doc: Y.Doc) => void): void;
}

/** Access to live drafts, loaded for the time of a call. */
export interface LiveDrafts {
  withRoom<T>(draftId: string, use: (draft: LiveDraft) => T | Promise<T>): Promise<T>;
}
