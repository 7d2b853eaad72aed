import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Builds one frame with lib0's encoder, exactly as a client would put it on the wire. */
export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** y-websocket message type 0 (sync), sub-type `step`, then the payload as a varUint8Array. */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

/** Deterministic bytes that Yjs cannot read as an update (checked for the default seed). */
export function garbage(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/**
 * The update of each transaction `edits` make, one transaction per edit, in a private
 * copy of `base` (so the updates follow on from its state; a fresh doc when null).
 */
export function updatesOf(base: Y.Doc | null, ...edits: Array<(doc: Y.Doc) => void>): Uint8Array[] {
  return updatesAs(null, base, ...edits);
}

/** As updatesOf, writing as Yjs client `clientId` (a fresh random one when null), as a modified client can. */
export function updatesAs(clientId: number | null, base: Y.Doc | null, ...edits: Array<(doc: Y.Doc) => void>): Uint8Array[] {
  const copy = new Y.Doc();
  if (base) Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  // After the base: Yjs gives a document a new client id when a remote update writes with its own.
  if (clientId !== null) copy.clientID = clientId;
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  edits.forEach((edit) => copy.transact(() => edit(copy)));
  copy.destroy();
  return updates;
}

/**
 * An update of inserts only, without the delete set that ends it: every struct is intact,
 * so only a reader that goes to the end notices.
 */
export function withoutDeleteSet(update: Uint8Array): Uint8Array {
  if (update[update.length - 1] !== 0) throw new Error('expected an update whose delete set is empty');
  return update.subarray(0, update.length - 1);
}

/** An awareness update as y-protocols encodes it: count, then client id, clock and JSON state each (state sent as given). */
export function awarenessUpdate(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { clientId, clock, state } of entries) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, JSON.stringify(state));
    }
  });
}

/** y-websocket message type 1 (awareness) carrying these entries, so a test can send anything a modified client could. */
export function awarenessFrame(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessUpdate(entries));
  });
}
