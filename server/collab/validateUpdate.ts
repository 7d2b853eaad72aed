import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';
import { updateNeeds, type UpdateNeeds } from './updateNeeds';

/**
 * Reads a client's update and tells what applying it to `doc` would write and wait for
 * (see updateNeeds); only looks, never applies. Bytes that are not a Yjs update are refused.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array): UpdateNeeds {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    // Reads every struct and the delete set after them, so truncated or random bytes throw
    // here, before anything is applied (Yjs integrates the structs of an update before it
    // would fail on a cut-off delete set).
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('not a Yjs update');
  }
  return updateNeeds(decoded, (client) => Y.getState(doc.store, client));
}
