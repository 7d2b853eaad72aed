import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { SERVER_AUTHOR_ID } from '../../collab/origin';
import type { RevisableDraft } from '../oralRevisions/oralRevisionService';

/** A server change already in the live text that can still be taken back. */
export interface RevertibleChange<T> {
  result: T;
  /** Takes the change back, as the server, leaving later edits by others in place. */
  revert(): void;
  /** The change stays: stops keeping what reverting would need. */
  keep(): void;
}

/**
 * Makes `change` in the live room in `authorId`'s name, keeping an undo record of exactly that
 * transaction (Yjs' UndoManager, capturing only while the change runs). A change that throws
 * halfway is undone at once: nothing stays half-applied.
 */
export function changeRevertibly<T>(draft: Pick<RevisableDraft, 'doc' | 'changeAsServer'>, authorId: string, change: (doc: Y.Doc) => T): RevertibleChange<T> {
  let capturing = true;
  // Server origins are plain objects, so `Object` tracks them; `capturing` limits it to this one change.
  const undo = new Y.UndoManager(draft.doc.getXmlFragment(PROSEMIRROR_FRAGMENT), {
    trackedOrigins: new Set([Object]),
    captureTransaction: () => capturing,
    captureTimeout: 0,
  });
  const revert = () => {
    try {
      if (undo.canUndo()) draft.changeAsServer(SERVER_AUTHOR_ID, () => undo.undo());
    } finally {
      undo.destroy();
    }
  };
  let result: T;
  try {
    draft.changeAsServer(authorId, (doc) => {
      result = change(doc);
    });
  } catch (err) {
    capturing = false;
    revert();
    throw err;
  }
  capturing = false;
  return { result: result!, revert, keep: () => undo.destroy() };
}
