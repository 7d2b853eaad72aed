import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';

/**
 * Refuses bytes that are not a Yjs update this document can integrate. A well-behaved
 * client only sends changes that follow on from state the server has (it received
 * everything through the server), so an update starting beyond our clock for some
 * client is garbage or forged, and would sit forever in the pending store.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array): void {
  let meta: { from: Map<number, number>; to: Map<number, number> };
  try {
    // Reads every struct and the delete set after them, so truncated or random bytes throw
    // here, before anything is applied (parseUpdateMeta alone stops after the structs, and
    // Yjs integrates the structs of an update before it fails on a cut-off delete set).
    Y.decodeUpdate(update);
    meta = Y.parseUpdateMeta(update);
  } catch {
    throw new ProtocolError('not a Yjs update');
  }
  for (const [client, clock] of meta.from) {
    if (clock > Y.getState(doc.store, client)) {
      throw new ProtocolError(`update depends on changes the server does not have (client ${client})`);
    }
  }
}
