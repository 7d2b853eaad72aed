import * as random from 'lib0/random';
import type * as Y from 'yjs';

/**
 * What y-protocols' Awareness needs of a document: a client id, and a destroy event to follow
 * (the room destroys its awareness itself, so none is needed). Cursors then need no Y.Doc,
 * neither the draft's (which a room may not have built) nor an empty one (2 KB per open draft).
 */
export function awarenessOwner(): Y.Doc {
  const owner: Pick<Y.Doc, 'clientID' | 'on'> = { clientID: random.uint32(), on: (_name, listener) => listener };
  return owner as Y.Doc;
}
