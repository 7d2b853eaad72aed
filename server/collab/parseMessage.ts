import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes';
import { MessageType, SyncStep } from './messages';

/** A frame from a client, decoded and checked for shape (not yet for meaning). */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** The frame broke the protocol; the connection is closed with a close code, nothing is applied. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: CloseCodeValue = CloseCode.BadMessage,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Decodes one y-websocket frame; throws ProtocolError on truncated, unknown or trailing data. */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('truncated or malformed frame');
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('unexpected bytes after the message');
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync:
      return readSync(decoder);
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder);
  switch (step) {
    case SyncStep.Step1:
      return { type: 'sync-step1', stateVector: readStateVector(decoder) };
    case SyncStep.Step2:
    case SyncStep.Update:
      return { type: 'update', update: decoding.readVarUint8Array(decoder) };
    default:
      throw new ProtocolError(`unknown sync message type ${step}`);
  }
}

/** A state vector Yjs can read: the answer is encoded against it (and would throw on one it cannot). */
function readStateVector(decoder: decoding.Decoder): Uint8Array {
  const stateVector = decoding.readVarUint8Array(decoder);
  try {
    Y.decodeStateVector(stateVector);
  } catch {
    throw new ProtocolError('not a state vector');
  }
  return stateVector;
}
