import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from '../../../server/collab/messages';
import { parseClientMessage, ProtocolError } from '../../../server/collab/parseMessage';
import { frame, syncFrame, updatesOf } from '../../helpers/yjsBytes';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

/** A sync frame as y-protocols writes it (what our byte-level encoders must match). */
function yProtocolsFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('parseClientMessage', () => {
  describe('decodes each kind of client message', () => {
    it('sync step 1 with the state vector', () => {
      const doc = docWithText('hello');
      const message = syncStep1Message(Y.encodeStateVector(doc));
      expect(parseClientMessage(message)).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
      expect(message).toEqual(yProtocolsFrame((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
      doc.destroy();
    });

    it('sync step 2 as an update', () => {
      const doc = docWithText('hello');
      const expected = Y.encodeStateAsUpdate(doc, new Uint8Array([0]));
      const message = syncStep2Message(expected);
      expect(parseClientMessage(message)).toEqual({ type: 'update', update: expected });
      expect(message).toEqual(yProtocolsFrame((encoder) => syncProtocol.writeSyncStep2(encoder, doc, new Uint8Array([0]))));
      doc.destroy();
    });

    it('an update', () => {
      const [update] = updatesOf(null, (doc) => doc.getText('t').insert(0, 'x'));
      expect(parseClientMessage(updateMessage(update))).toEqual({ type: 'update', update });
    });

    it('an awareness update', () => {
      const doc = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalStateField('user', { name: 'Kazakhstan' });
      const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
      expect(parseClientMessage(awarenessMessage(awareness, [doc.clientID]))).toEqual({ type: 'awareness', update });
      awareness.destroy();
      doc.destroy();
    });

    it('a query for everyone’s awareness', () => {
      expect(parseClientMessage(Uint8Array.of(3))).toEqual({ type: 'query-awareness' });
    });
  });

  describe('refuses frames that break the protocol with a ProtocolError', () => {
    const valid = updateMessage(updatesOf(null, (doc) => doc.getText('t').insert(0, 'x'))[0]);
    it.each<[string, Uint8Array, string]>([
      ['an empty frame', new Uint8Array(0), 'truncated or malformed frame'],
      ['a message type cut inside its varint', Uint8Array.of(0x80), 'truncated or malformed frame'],
      ['a sync message without its sub-type', Uint8Array.of(0), 'truncated or malformed frame'],
      ['a payload shorter than its announced length', Uint8Array.of(0, 2, 10, 1, 2, 3), 'truncated or malformed frame'],
      ['a valid message with its last byte cut', valid.subarray(0, valid.length - 1), 'truncated or malformed frame'],
      ['an awareness message without its payload', Uint8Array.of(1), 'truncated or malformed frame'],
      ['a number too large to be a message type', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 'truncated or malformed frame'],
      ['the auth message type, which the server does not take', Uint8Array.of(2, 0), 'unknown message type 2'],
      ['an unknown message type', Uint8Array.of(7), 'unknown message type 7'],
      ['an unknown sync sub-type', Uint8Array.of(0, 3, 0), 'unknown sync message type 3'],
      ['trailing bytes after an update', Uint8Array.of(...valid, 0), 'unexpected bytes after the message'],
      ['trailing bytes after a query', Uint8Array.of(3, 3), 'unexpected bytes after the message'],
      ['trailing bytes after sync step 1', Uint8Array.of(...syncFrame(0, new Uint8Array([0])), 1), 'unexpected bytes after the message'],
    ])('%s', (_name, bytes, message) => {
      expect(() => parseClientMessage(bytes)).toThrow(ProtocolError);
      expect(() => parseClientMessage(bytes)).toThrow(message);
    });

    it('a truncated frame even when the bytes after it in memory would complete it', () => {
      // ws hands over frames as views into the socket's read buffer, next to other frames.
      const announced = frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, Uint8Array.of(0));
      });
      const memory = Uint8Array.of(...announced, ...announced);
      const truncated = memory.subarray(0, announced.length - 1);
      expect(() => parseClientMessage(truncated)).toThrow(ProtocolError);
      expect(() => parseClientMessage(truncated)).toThrow('truncated or malformed frame');
    });
  });
});
