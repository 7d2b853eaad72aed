import type * as Y from 'yjs';

/**
 * Reading a draft's text for the time of a call (a collab RoomRegistry provides it). `use` only
 * reads: the document may be a transient copy of the draft, so that reading does not keep a
 * Y.Doc per open draft in memory (see docs/DESIGN.md, "Rooms keep binary state").
 */
export interface ReadableDrafts {
  read<T>(draftId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
  /**
   * `derive`'s result for the draft's text as it is now. The same result may be handed to other
   * callers until the text changes: `derive` is a module-level function, and its result is not changed.
   */
  derive<T>(draftId: string, derive: (doc: Y.Doc) => T): Promise<T>;
}
