import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Our one message type beyond the y-websocket protocol (0 sync, 1 awareness, 2 auth, 3 query
 * awareness), sent by the server only: "these clocks of these Yjs clients are durable", as a
 * Yjs state vector. A stock y-websocket client has no handler for it and skips the frame.
 */
export const DURABLE_MESSAGE_TYPE = 101;

/** A durable message carrying `stateVector` (Y.encodeStateVector format). */
export function encodeDurableMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, DURABLE_MESSAGE_TYPE);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** The state vector of a durable message whose type has already been read. */
export function readDurablePayload(decoder: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(decoder);
}
