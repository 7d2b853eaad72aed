import * as Y from 'yjs';
import { ClientIdOwnership } from '../../../server/collab/clientIdOwnership';
import { CollabConnection } from '../../../server/collab/connection';
import { PersistenceQueue } from '../../../server/collab/persistenceQueue';
import { Room } from '../../../server/collab/room';
import type { DocumentStore } from '../../../server/store/types';
import type { PublicUser } from '../../../shared/user';
import { LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

export const DRAFT = 'draft-1';
export const KAZAKHSTAN: PublicUser = { id: 'user-kz', username: 'kazakhstan', displayName: 'Aigerim', delegation: 'Kazakhstan', role: 'delegate' };

export interface RoomFixture {
  temp: TempStore;
  logs: LogCapture;
  persistence: PersistenceQueue;
  room: Room;
  /** A connection of `user` whose sent messages are kept. */
  connect(user?: PublicUser): { connection: CollabConnection; sent: Uint8Array[] };
  dispose(): Promise<void>;
}

/** An empty draft's room on a real SQLite store, its documents seen through `wrap` (e.g. to hold appends). */
export async function openRoomFixture(wrap: (documents: DocumentStore) => DocumentStore = (documents) => documents): Promise<RoomFixture> {
  const temp = await openTempSqliteStore();
  const logs = new LogCapture();
  const documents = wrap(temp.store.documents);
  const persistence = new PersistenceQueue(documents, logs.logger);
  const room = new Room({
    draftId: DRAFT,
    doc: new Y.Doc(),
    lastSeq: 0,
    updatesSinceSnapshot: 0,
    snapshotEvery: 1000,
    persistence,
    documents,
    logger: logs.logger,
    ownership: new ClientIdOwnership(temp.store.clientIds),
  });
  let connections = 0;
  return {
    temp,
    logs,
    persistence,
    room,
    connect(user = KAZAKHSTAN) {
      const sent: Uint8Array[] = [];
      const connection = new CollabConnection(String(++connections), user, { send: (message) => sent.push(message), close: () => {} });
      return { connection, sent };
    },
    async dispose() {
      await persistence.close();
      room.destroy();
      await temp.dispose();
    },
  };
}
