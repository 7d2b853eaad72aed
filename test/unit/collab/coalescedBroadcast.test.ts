import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CoalescedBroadcast } from '../../../server/collab/coalescedBroadcast';
import { CollabConnection } from '../../../server/collab/connection';
import { updateMessage } from '../../../server/collab/messages';
import { KAZAKHSTAN } from './roomFixture';

function connection(id: string): { connection: CollabConnection; sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return { connection: new CollabConnection(id, KAZAKHSTAN, { send: (m) => sent.push(m), close: () => {} }), sent };
}

/** A one-character insert by its own Yjs client. */
function edit(clientId: number, char: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('t').insert(0, char);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The characters the update frames carry, applied in order to a fresh document. */
function received(frames: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  const chars = [...doc.getText('t').toString()].sort().join('');
  doc.destroy();
  return chars;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CoalescedBroadcast', () => {
  it('sends the updates of one turn as one frame per receiver, never a connection its own', async () => {
    const [a, b, c] = [connection('a'), connection('b'), connection('c')];
    const broadcast = new CoalescedBroadcast(() => [a.connection, b.connection, c.connection]);
    broadcast.add(edit(1, 'x'), a.connection);
    broadcast.add(edit(2, 'y'), b.connection);
    broadcast.add(edit(3, 'z'), null);
    expect(c.sent).toHaveLength(0);
    await nextTurn();
    expect([a.sent.length, b.sent.length, c.sent.length]).toEqual([1, 1, 1]);
    expect(received(c.sent)).toBe('xyz');
    expect(received(a.sent)).toBe('yz');
    expect(received(b.sent)).toBe('xz');
  });

  it('sends a lone update as it came, and nothing to its only sender', async () => {
    const [a, b] = [connection('a'), connection('b')];
    const broadcast = new CoalescedBroadcast(() => [a.connection, b.connection]);
    const update = edit(1, 'x');
    broadcast.add(update, a.connection);
    await nextTurn();
    expect(a.sent).toHaveLength(0);
    expect(b.sent).toEqual([updateMessage(update)]);
  });

  it('starts a new frame for the updates of the next turn', async () => {
    const [a, b] = [connection('a'), connection('b')];
    const broadcast = new CoalescedBroadcast(() => [a.connection, b.connection]);
    broadcast.add(edit(1, 'x'), a.connection);
    await nextTurn();
    broadcast.add(edit(2, 'y'), a.connection);
    await nextTurn();
    expect(b.sent).toHaveLength(2);
    expect(received(b.sent)).toBe('xy');
  });
});
