import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';
import { updateNeeds, type DecodedUpdate, type UpdateNeeds } from './updateNeeds';

/**
 * A client's update, decoded once: the checks of one update (validateUpdate, the schema, the
 * locked regions) take the decoded structs rather than each reading the bytes again.
 * Bytes that are not a Yjs update are refused.
 */
export function decodeClientUpdate(update: Uint8Array | DecodedUpdate): DecodedUpdate {
  if (!(update instanceof Uint8Array)) return update;
  try {
    // Reads every struct and the delete set after them, so truncated or random bytes throw
    // here, before anything is applied (Yjs integrates the structs of an update before it
    // would fail on a cut-off delete set).
    return Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('not a Yjs update');
  }
}

/**
 * Reads a client's update and tells what applying it to `doc` would write and wait for
 * (see updateNeeds); only looks, never applies. Bytes that are not a Yjs update are refused.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array | DecodedUpdate): UpdateNeeds {
  return updateNeeds(decodeClientUpdate(update), (client) => Y.getState(doc.store, client));
}
