import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';

/**
 * Refuses bytes that are not a Yjs update this document can integrate. A well-behaved
 * client only sends changes that follow on from state the server has (it received
 * everything through the server), so an update starting beyond our clock for some
 * client is garbage or forged, and would sit forever in the pending store.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array): void {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    // Reads every struct and the delete set after them, so truncated or random bytes throw
    // here, before anything is applied (Yjs integrates the structs of an update before it
    // would fail on a cut-off delete set).
    structs = Y.decodeUpdate(update).structs;
  } catch {
    throw new ProtocolError('not a Yjs update');
  }
  // Where each client's changes in the update begin (one pass over what was just decoded).
  const from = new Map<number, number>();
  for (const { id } of structs) from.set(id.client, Math.min(from.get(id.client) ?? id.clock, id.clock));
  for (const [client, clock] of from) {
    if (clock > Y.getState(doc.store, client)) {
      throw new ProtocolError(`update depends on changes the server does not have (client ${client})`);
    }
  }
}
