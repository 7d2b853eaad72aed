import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeDurableMessage } from '../../shared/durableMessage';
import { encodeAwarenessEntries } from './awarenessEntries';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncStep = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;

/** Asks the client for what it has beyond `stateVector` (the server's). */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.Step1, stateVector);
}

/** Answers a client's sync step 1 with what it lacks. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.Step2, update);
}

/**
 * Whether a message the server sends is a sync step 2: it sends one only to answer the
 * client's sync step 1. (Both type bytes are varuints below 128, so one byte each.)
 */
export function isSyncAnswer(message: Uint8Array): boolean {
  return message[0] === MessageType.Sync && message[1] === SyncStep.Step2;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/**
 * Tells a client that the room holds no state under these client ids, as of these clocks. A stock
 * client that finds its own id among them announces its state again, at a newer clock.
 */
export function awarenessRemovedMessage(removed: Array<{ clientId: number; clock: number }>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(removed.map((entry) => ({ ...entry, state: null }))));
  return encoding.toUint8Array(encoder);
}

/** Tells a client which clocks are durable: every change within `durable` (encoded state vector or clocks) is saved. */
export function durableMessage(durable: Uint8Array | Map<number, number>): Uint8Array {
  return encodeDurableMessage(durable instanceof Map ? Y.encodeStateVector(durable) : durable);
}
