import type * as Y from 'yjs';

/**
 * Reading a draft's text for the time of a call (a collab RoomRegistry provides it). `use` only
 * reads: the document may be a transient copy of the draft, so that reading does not keep a
 * Y.Doc per open draft in memory (see docs/DESIGN.md, "Rooms keep binary state").
 */
export interface ReadableDrafts {
  read<T>(draftId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
}
