import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLogger } from '../../../server/logger';
import type { Room } from '../../../server/collab/room';
import type { ChannelHandler, RedisLink } from '../../../server/scaleout/redisLink';
import { RelayedRoom } from '../../../server/scaleout/relayedRoom';
import { encodeRelayMessage } from '../../../server/scaleout/relayMessage';
import { baseDoc, DRAFT, openRoomFixture, type RoomFixture } from '../collab/roomFixture';

describe('RelayedRoom: a relayed message with a well-formed frame but bad awareness bytes', () => {
  it('is dropped; the handler does not throw into the Redis client and later messages still apply', async () => {
    let handler: ChannelHandler | undefined;
    const link = {
      subscribe: async (_channel: string, receive: ChannelHandler) => {
        handler = receive;
      },
    } as unknown as RedisLink;
    const relayed = new RelayedRoom(
      'd1',
      {
        link,
        instanceId: 'here',
        documents: {} as never,
        logger: createLogger('silent'),
        subscribeWaitMs: 10,
        storedRules: async () => ({ lockedParagraphIds: [], editing: 'open' as never }),
      },
      () => undefined,
    );
    await relayed.listen();
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    relayed.bind({ doc, awareness } as unknown as Room);

    const send = (update: Uint8Array) =>
      handler!(Buffer.from(encodeRelayMessage({ kind: 'awareness', instanceId: 'elsewhere', sentAt: Date.now(), update })));
    expect(() => send(new Uint8Array([1, 2]))).not.toThrow();

    const otherDoc = new Y.Doc();
    const other = new awarenessProtocol.Awareness(otherDoc);
    other.setLocalState({ user: 'b' });
    send(awarenessProtocol.encodeAwarenessUpdate(other, [otherDoc.clientID]));
    expect(awareness.getStates().get(otherDoc.clientID)).toEqual({ user: 'b' });
    awareness.destroy();
    other.destroy();
  });
});

describe('RelayedRoom: a resync that finds nothing missed', () => {
  let fixture: RoomFixture;
  afterEach(() => fixture.dispose());

  it('leaves a room that holds binary state without a Y.Doc (every room resyncs when Redis comes back)', async () => {
    const doc = baseDoc();
    fixture = await openRoomFixture(undefined, { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) });
    doc.destroy();
    const relayed = new RelayedRoom(
      DRAFT,
      {
        link: { subscribe: async () => {} } as unknown as RedisLink,
        instanceId: 'here',
        documents: fixture.temp.store.documents,
        logger: createLogger('silent'),
        subscribeWaitMs: 10,
        storedRules: async () => ({ lockedParagraphIds: [], editing: 'direct' }),
      },
      () => undefined,
    );
    relayed.bind(fixture.room);
    await relayed.resync();
    expect(fixture.room.document.isLive).toBe(false);
  });
});
